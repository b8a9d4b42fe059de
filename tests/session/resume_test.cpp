// A draft restored after a crash opens on Screen::Resume (UX.md "Never leave one patient's answers
// visible to the next"): nothing of the patient shows until someone taps Continue; Start over (Reset)
// and idle wipe it and discard the draft. Time is synthetic.
#include "kiosk/session/intake.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

struct ResumeTest : ::testing::Test {
    IntakeConfig config{};  // the defaults: 90 s of silence, then a 30 s countdown
    Intake before{sampleForm(), realCatalog(), config, fixedClock()};  // the intake that crashed
    Intake intake{sampleForm(), realCatalog(), config, fixedClock()};  // the kiosk after the restart

    std::vector<Effect> act(const Action& a) { return intake.apply(a); }

    /// A Spanish-speaking patient on page 2 (index 1) when the power went.
    std::string draftOnPage1() {
        before.apply(Start{"es"});
        before.apply(SetAnswer{"name", std::string("Ana")});
        before.apply(SetAnswer{"dob", Date{1950, 3, 14}});
        before.apply(Next{});
        before.apply(SetAnswer{"hurts", true});
        return before.snapshot();
    }
    void expectNothingOfThePatientShown() {
        const ViewModel vm = intake.view();
        EXPECT_EQ(vm.page, -1);
        EXPECT_TRUE(vm.pageTitle.empty());
        EXPECT_TRUE(vm.items.empty());
        EXPECT_TRUE(vm.review.empty());
        EXPECT_EQ(vm.step, 0);
        EXPECT_EQ(vm.stepCount, 0);
    }
};

}  // namespace

TEST_F(ResumeTest, RestoreOpensTheResumeScreenShowingNoAnswers) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    EXPECT_EQ(intake.screen(), Screen::Resume);
    EXPECT_EQ(intake.view().screen, Screen::Resume);
    EXPECT_EQ(intake.view().lang, "es") << "asked in the language the patient chose";
    expectNothingOfThePatientShown();
    EXPECT_EQ(intake.answers().count("name"), 1u) << "kept, only not shown";
}

TEST_F(ResumeTest, ContinueReturnsToTheSamePageWithTheAnswers) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    EXPECT_TRUE(act(ResumeContinue{}).empty());
    const ViewModel vm = intake.view();
    EXPECT_EQ(vm.screen, Screen::Page);
    EXPECT_EQ(vm.page, 1);
    EXPECT_TRUE(intake.answers() == before.answers());
    EXPECT_EQ(intake.buildRecord().startedAt, before.buildRecord().startedAt);
    act(ResumeContinue{});  // a second tap (or a stale one) changes nothing
    EXPECT_EQ(intake.view().page, 1);
}

TEST_F(ResumeTest, ContinueFromADraftSavedOnTheReviewOpensTheReview) {
    draftOnPage1();
    before.apply(SetAnswer{"hurts", false});
    before.apply(Next{});
    before.apply(SetAnswer{"agree", true});
    before.apply(SetAnswer{"sig", aSignature()});
    before.apply(Next{});
    ASSERT_EQ(before.screen(), Screen::Review);
    ASSERT_TRUE(intake.restore(before.snapshot()));
    EXPECT_EQ(intake.screen(), Screen::Resume);
    expectNothingOfThePatientShown();
    act(ResumeContinue{});
    EXPECT_EQ(intake.screen(), Screen::Review);
    EXPECT_FALSE(intake.view().review.empty());
}

TEST_F(ResumeTest, StartOverWipesTheAnswersAndDiscardsTheDraft) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    const auto effects = act(Reset{});
    EXPECT_TRUE(hasDiscard(effects));
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(intake.answers().empty());
    EXPECT_EQ(intake.view().lang, "en") << "the next patient gets the form's language";
    EXPECT_EQ(intake.buildRecord().startedAt, "");
    EXPECT_EQ(intake.snapshot().find("Ana"), std::string::npos);
    act(ResumeContinue{});
    EXPECT_EQ(intake.screen(), Screen::Welcome) << "nothing left to continue";
}

TEST_F(ResumeTest, IdleOnTheResumeScreenWarnsThenWipesAndDiscards) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    act(Tick{t(0)});  // the kiosk's first tick after the restart starts the clock
    act(Tick{t(89)});
    EXPECT_FALSE(intake.view().idleWarning);
    act(Tick{t(90)});
    EXPECT_TRUE(intake.view().idleWarning);
    EXPECT_EQ(intake.view().idleSecondsLeft, 30);
    EXPECT_EQ(intake.screen(), Screen::Resume);
    const auto effects = act(Tick{t(120)});
    EXPECT_TRUE(hasDiscard(effects));
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(intake.answers().empty());
    EXPECT_FALSE(intake.view().idleWarning);
}

TEST_F(ResumeTest, StillHereKeepsTheResumeQuestion) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    act(Tick{t(0)});
    act(Tick{t(95)});
    ASSERT_TRUE(intake.view().idleWarning);
    act(StillHere{t(96)});
    EXPECT_FALSE(intake.view().idleWarning);
    EXPECT_EQ(intake.screen(), Screen::Resume) << "still asks: continue or start over";
    act(Tick{t(180)});
    EXPECT_FALSE(intake.view().idleWarning) << "the silence restarted at StillHere";
    act(Tick{t(186)});
    EXPECT_TRUE(intake.view().idleWarning);
}

TEST_F(ResumeTest, OtherActionsCannotReachTheAnswersFromTheResumeScreen) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    const kiosk::forms::Answers kept = intake.answers();
    for (const Action& a : {Action{Next{}}, Action{Back{}}, Action{GoTo{0}}, Action{Submit{}},
                            Action{Start{"en"}}, Action{SetAnswer{"hurts", false}}, Action{ClearAnswer{"name"}}}) {
        EXPECT_TRUE(act(a).empty());
        EXPECT_EQ(intake.screen(), Screen::Resume);
    }
    EXPECT_TRUE(intake.answers() == kept);
    expectNothingOfThePatientShown();
}

TEST_F(ResumeTest, LanguageCanChangeOnTheResumeScreen) {
    ASSERT_TRUE(intake.restore(draftOnPage1()));
    act(SetLanguage{"en"});
    EXPECT_EQ(intake.view().lang, "en");
    EXPECT_EQ(intake.screen(), Screen::Resume);
    act(ResumeContinue{});
    EXPECT_EQ(intake.view().lang, "en");
    EXPECT_EQ(intake.view().page, 1);
}

TEST_F(ResumeTest, ContinueDoesNothingOutsideTheResumeScreen) {
    act(Start{"en"});
    ASSERT_EQ(intake.screen(), Screen::Page);
    EXPECT_TRUE(act(ResumeContinue{}).empty());
    EXPECT_EQ(intake.screen(), Screen::Page);
    EXPECT_EQ(intake.view().page, 0);
}
