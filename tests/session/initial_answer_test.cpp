// `initial` answers (forms/model.h Item::initial): filled in when the item first shows, changed or
// cleared like any answer, never filled in again once the patient cleared it, and no reason on
// their own to ask "Start over?".
#include <gtest/gtest.h>

#include "kiosk/session/intake.h"
#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

Item withInitial(Item i, Answer a) {
    i.initial = std::move(a);
    return i;
}

//   page 0 about: name (text), country (text, initial Spain)
//   page 1 pain:  hurts (yes_no), pain_now (scale, initial 0, shown if hurts)
std::shared_ptr<const Form> initialForm() {
    return share(form({
        page("about", {text("name"), withInitial(text("country"), std::string("Spain"))}),
        page("pain", {yesNo("hurts"), shownIf(withInitial(scale("pain_now"), 0.0), cmp("hurts", CondOp::Eq, true))}),
    }));
}

struct InitialAnswerTest : ::testing::Test {
    Intake intake{initialForm(), realCatalog(), IntakeConfig{}, fixedClock()};
    std::vector<Effect> act(const Action& a) { return intake.apply(a); }
    const Answer* answer(const std::string& id) const {
        auto it = intake.answers().find(id);
        return it == intake.answers().end() ? nullptr : &it->second;
    }
};

}  // namespace

TEST_F(InitialAnswerTest, FilledInWhenThePageShows) {
    EXPECT_EQ(answer("country"), nullptr) << "the welcome screen holds no answers";
    act(Start{"en"});
    ASSERT_NE(answer("country"), nullptr);
    EXPECT_EQ(*answer("country"), Answer{std::string("Spain")});
    EXPECT_EQ(answer("name"), nullptr);
}

TEST_F(InitialAnswerTest, AHiddenItemIsFilledInWhenAnAnswerRevealsIt) {
    act(Start{"en"});
    act(Next{});
    EXPECT_EQ(answer("pain_now"), nullptr) << "hidden until hurts";
    act(SetAnswer{"hurts", true});
    ASSERT_NE(answer("pain_now"), nullptr);
    EXPECT_EQ(*answer("pain_now"), Answer{0.0});
    act(SetAnswer{"pain_now", 6.0});
    act(SetAnswer{"hurts", false});
    EXPECT_EQ(answer("pain_now"), nullptr) << "hidden again: its answer goes";
    act(SetAnswer{"hurts", true});
    ASSERT_NE(answer("pain_now"), nullptr) << "shown again, as new";
    EXPECT_EQ(*answer("pain_now"), Answer{0.0});
}

TEST_F(InitialAnswerTest, ClearedStaysClearedOnTheWayBackAndForth) {
    act(Start{"en"});
    act(ClearAnswer{"country"});
    act(Next{});
    act(Back{});
    EXPECT_EQ(answer("country"), nullptr) << "the patient cleared it; coming back must not fill it in again";
    act(SetAnswer{"country", std::string("Peru")});
    act(Next{});
    act(Back{});
    EXPECT_EQ(*answer("country"), Answer{std::string("Peru")});
}

TEST_F(InitialAnswerTest, AStartingAnswerAloneIsNoReasonToAskStartOver) {
    act(Start{"en"});
    act(Back{});
    EXPECT_EQ(intake.screen(), Screen::Welcome) << "nothing the patient gave is on the page";
    EXPECT_TRUE(intake.answers().empty()) << "the welcome screen never keeps answers";
    act(Start{"en"});
    act(SetAnswer{"country", std::string("Peru")});
    act(Back{});
    EXPECT_EQ(intake.screen(), Screen::Page) << "a changed answer is the patient's: Start over? is asked";
    EXPECT_TRUE(intake.view().confirmStartOver);
}

TEST_F(InitialAnswerTest, ADraftRemembersWhatWasClearedAndTheRecordKeepsWhatWasLeft) {
    act(Start{"en"});
    act(ClearAnswer{"country"});
    act(Next{});
    Intake resumed{initialForm(), realCatalog(), IntakeConfig{}, fixedClock()};
    ASSERT_TRUE(resumed.restore(intake.snapshot()));
    resumed.apply(ResumeContinue{});
    resumed.apply(Back{});
    EXPECT_EQ(resumed.answers().count("country"), 0u) << "cleared before the crash, still cleared";

    Intake other{initialForm(), realCatalog(), IntakeConfig{}, fixedClock()};
    other.apply(Start{"en"});
    other.apply(SetAnswer{"name", std::string("Ana")});
    other.apply(Next{});
    other.apply(SetAnswer{"hurts", false});
    other.apply(Next{});
    ASSERT_EQ(other.screen(), Screen::Review);
    const Record r = other.buildRecord();
    ASSERT_EQ(r.answers.count("country"), 1u) << "an untouched starting answer is the patient's answer";
    EXPECT_EQ(r.answers.at("country"), Answer{std::string("Spain")});
}
