// A repeating number or date item in the session: a JSON array in records and answer files, the
// values changed one at a time by SetAnswer / ClearAnswer with a slot, read back on the review,
// kept by drafts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/session/answer_json.h"
#include "kiosk/session/answer_text.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/repeat_values.h"
#include "kiosk/session/simulate.h"
#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;
using nlohmann::json;

namespace {

Item visits() {
    Item i = number("visits", 0, 20);
    i.repeats = true;
    i.maxAnswers = 3;
    i.unit = txt("times", "veces");
    return i;
}
Item falls() {
    Item i = date("falls");
    i.repeats = true;
    return i;
}
std::shared_ptr<const Form> twoPages() {
    return share(form({page("p1", {visits(), falls()}), page("p2", {yesNo("more")})}));
}

struct RepeatsIntake : ::testing::Test {
    Intake intake{twoPages(), realCatalog(), IntakeConfig{}, fixedClock()};
    void act(const Action& a) { intake.apply(a); }
    const Answer* answer(const std::string& id) {
        auto it = intake.answers().find(id);
        return it == intake.answers().end() ? nullptr : &it->second;
    }
};

}  // namespace

TEST(SessionRepeats, AJsonArrayBothWays) {
    auto n = answerFromJson(visits(), json::parse("[2, 5]"), std::nullopt);
    ASSERT_TRUE(n.ok());
    EXPECT_TRUE((n.value() == Answer{NumberList{2, 5}}));
    EXPECT_EQ(answerToJson(n.value()), json::parse("[2, 5]"));
    auto d = answerFromJson(falls(), json::parse(R"(["2026-01-03", "2026-10-30"])"), std::nullopt);
    ASSERT_TRUE(d.ok());
    EXPECT_TRUE((d.value() == Answer{DateList{{2026, 1, 3}, {2026, 10, 30}}}));
    EXPECT_EQ(answerToJson(d.value()), json::parse(R"(["2026-01-03", "2026-10-30"])"));
    EXPECT_TRUE(answerFromJson(visits(), json::parse("[]"), std::nullopt).ok()) << "no values: no answer";

    const auto single = answerFromJson(visits(), json(2), std::nullopt);
    ASSERT_FALSE(single.ok());
    EXPECT_EQ(single.error().message, "answer to 'visits' has the wrong type: expected a list of numbers, e.g. [2, 5]");
    const auto tooMany = answerFromJson(visits(), json::parse("[1, 2, 3, 4]"), std::nullopt);
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().message, "answer to 'visits' has too many values: at most 3");
    const auto badDate = answerFromJson(falls(), json::parse(R"(["2026-01-03", "2026-02-30"])"), std::nullopt);
    ASSERT_FALSE(badDate.ok());
    EXPECT_EQ(badDate.error().message, "answer to 'falls' is not a valid date \"YYYY-MM-DD\"");
}

TEST(SessionRepeats, TheReviewListsTheValuesWithoutClashingWithADecimalComma) {
    Item temps = visits();
    temps.decimals = 1;
    temps.unit = txt("°C", "°C");
    EXPECT_EQ(answerText(temps, NumberList{37.5, 38}, Wording{realCatalog(), "es", "en"}), "37,5 °C; 38,0 °C");
    EXPECT_EQ(answerText(falls(), DateList{{2026, 1, 3}, {2026, 10, 30}}, Wording{realCatalog(), "en", "en"}),
              "3 January 2026; 30 October 2026");
}

TEST(SessionRepeats, ValuesAreSetAddedAndRemovedOneAtATime) {
    const Item v = visits();
    std::optional<Answer> list = withValueAt(v, nullptr, 0, Answer{2.0});
    ASSERT_TRUE(list);
    list = withValueAt(v, &*list, 1, Answer{5.0});
    list = withValueAt(v, &*list, 0, Answer{3.0});
    EXPECT_TRUE((*list == Answer{NumberList{3, 5}})) << "slot 0 replaced, slot 1 appended";
    list = withValueAt(v, &*list, 5, Answer{9.0});
    EXPECT_TRUE((*list == Answer{NumberList{3, 5}})) << "a slot past the end adds nothing";
    list = withValueAt(v, &*list, 2, Answer{7.0});
    list = withValueAt(v, &*list, 3, Answer{8.0});
    EXPECT_TRUE((*list == Answer{NumberList{3, 5, 7}})) << "max_answers 3";
    list = withValueAt(v, &*list, 1, std::nullopt);
    EXPECT_TRUE((*list == Answer{NumberList{3, 7}}));
    list = withValueAt(v, &*list, 0, Answer{Date{2026, 1, 1}});
    EXPECT_TRUE((*list == Answer{NumberList{3, 7}})) << "a date is not a number";
    list = withValueAt(v, &*list, 0, std::nullopt);
    list = withValueAt(v, &*list, 0, std::nullopt);
    EXPECT_FALSE(list) << "the last value removed: no answer";
    EXPECT_EQ(valueCount(nullptr), 0u);
}

TEST_F(RepeatsIntake, SlotsChangeOneValueAndDraftsKeepTheList) {
    act(Start{"en"});
    act(SetAnswer{"visits", 2.0, 0});
    act(SetAnswer{"visits", 5.0, 1});
    act(SetAnswer{"falls", Date{2026, 1, 3}, 0});
    act(SetAnswer{"falls", Date{2026, 10, 30}, 1});
    act(ClearAnswer{"falls", 0});
    ASSERT_NE(answer("visits"), nullptr);
    EXPECT_TRUE((*answer("visits") == Answer{NumberList{2, 5}}));
    EXPECT_TRUE((*answer("falls") == Answer{DateList{{2026, 10, 30}}}));
    act(SetAnswer{"visits", 2.0});  // a single number (no slot) is no answer to a list...
    act(Next{});
    EXPECT_EQ(intake.view().page, 0) << "...and Next says so";
    EXPECT_FALSE(intake.view().items[0].error.empty());
    act(SetAnswer{"visits", NumberList{2, 5}});
    act(Next{});
    EXPECT_EQ(intake.view().page, 1);

    Intake resumed{twoPages(), realCatalog(), IntakeConfig{}, fixedClock()};
    ASSERT_TRUE(resumed.restore(intake.snapshot()));
    resumed.apply(ResumeContinue{});
    EXPECT_TRUE(resumed.answers() == intake.answers());
    resumed.apply(Next{});
    const ViewModel review = resumed.view();
    ASSERT_EQ(review.screen, Screen::Review);
    EXPECT_EQ(review.review[0].answerText, "2 times; 5 times");
    EXPECT_EQ(review.review[1].answerText, "30 October 2026");
}

TEST(SessionRepeats, SimulateTakesAnArray) {
    const SimulateResult r = simulate(twoPages(), json::parse(R"({"visits":[2,5],"falls":["2026-01-03"],"more":false})"),
                                      "", realCatalog(), fixedClock());
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().message);
    const json j = toJson(*r.record);
    EXPECT_EQ(j["answers"]["visits"], json::parse("[2, 5]"));
    EXPECT_EQ(j["answers"]["falls"], json::parse(R"(["2026-01-03"])"));
}
