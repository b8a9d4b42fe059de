// simulate(): the real Intake over an answer set; every problem reported at once.
#include "kiosk/session/simulate.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;
using nlohmann::json;

namespace {

json fullAnswers() {
    return json{{"name", "Ana"},
                {"dob", "1950-03-14"},
                {"hurts", true},
                {"pain_now", 8},
                {"where", json::array({json{{"region", "lower_back_l"}, {"intensity", 7}}})},
                {"night_pain", true},
                {"agree", true},
                {"sig", json{{"strokes", {{{0.1, 0.1}, {0.4, 0.5}}}}}}};
}

std::vector<std::string> messages(const SimulateResult& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors) out.push_back(e.message);
    return out;
}

}  // namespace

TEST(SessionSimulate, ProducesTheRecordThroughTheRealIntake) {
    const SimulateResult r = simulate(sampleForm(), fullAnswers(), "es", realCatalog(), fixedClock());
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    const json j = toJson(*r.record);
    EXPECT_EQ(j["lang"], "es");
    EXPECT_EQ(j["submitted_at"], "2026-11-25T10:03:00Z");
    EXPECT_EQ(j["answers"].size(), 8u);
    EXPECT_EQ(j["answers"]["pain_now"], 8);
    EXPECT_EQ(j["hidden"], json::array());
    EXPECT_EQ(j["scores"][0]["value"], 8);
    EXPECT_EQ(j["scores"][0]["band"], "severe");
    EXPECT_EQ(j["flags"][0]["id"], "night_pain");
    EXPECT_EQ(j["flags"][0]["severity"], "urgent");
}

TEST(SessionSimulate, DefaultLanguageAndHiddenItemsInTheRecord) {
    json a = fullAnswers();
    a["hurts"] = false;
    a.erase("pain_now");
    a.erase("where");
    a.erase("night_pain");
    const SimulateResult r = simulate(sampleForm(), a, "", realCatalog(), fixedClock());
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.record->lang, "en");
    EXPECT_EQ(r.record->hidden, (std::vector<std::string>{"pain_now", "where", "night_pain"}));
    EXPECT_TRUE(r.record->flags.empty());
    EXPECT_FALSE(r.record->scores[0].value);
}

TEST(SessionSimulate, ReportsEveryProblemAtOnceInFormOrder) {
    json a = fullAnswers();
    a["hurts"] = false;           // hides pain_now, where and the night page...
    a["pain_now"] = 8;            // ...so these answers go to hidden items
    a.erase("where");
    a["dob"] = "1950-02-30";      // not a date
    a["pian_now"] = 3;            // typo
    a["agree"] = "yes";           // wrong type
    a.erase("sig");               // required
    a["zzzzzz"] = 1;              // unknown, nothing close
    const SimulateResult r = simulate(sampleForm(), a, "en", realCatalog(), fixedClock());
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.record);
    EXPECT_EQ(messages(r), (std::vector<std::string>{
                               "unknown item 'pian_now' in the answers; did you mean 'pain_now'?",
                               "unknown item 'zzzzzz' in the answers",
                               "answer to 'dob' is not a valid date \"YYYY-MM-DD\"",
                               "answer to 'pain_now' is given, but the item is hidden by its show_if with these answers "
                               "(it depends on 'hurts'); check those answers, leave this one out, or pass --drop-hidden "
                               "to drop it as the kiosk does",
                               "answer to 'night_pain' is given, but its page 'night' is hidden by the page's show_if "
                               "with these answers (it depends on 'pain_now'); check those answers, leave this one out, "
                               "or pass --drop-hidden to drop it as the kiosk does",
                               "answer to 'agree' has the wrong type: expected true or false",
                               "'sig' is required but has no answer",
                           }));
}

TEST(SessionSimulate, OutOfRangeAndMissingRequired) {
    json a = fullAnswers();
    a["pain_now"] = 12;
    a.erase("name");
    const SimulateResult r = simulate(sampleForm(), a, "en", realCatalog(), fixedClock());
    EXPECT_EQ(messages(r), (std::vector<std::string>{
                               "'name' is required but has no answer",
                               "answer to 'pain_now' is out of range: must be 0 to 10",
                           }))
        << "no 'required' error for pain_now: its answer was reported already";
}

TEST(SessionSimulate, BadLanguageAndBadShape) {
    SimulateResult r = simulate(sampleForm(), fullAnswers(), "fr", realCatalog(), fixedClock());
    EXPECT_EQ(messages(r), (std::vector<std::string>{"language 'fr' is not one of the form's languages: en, es"}));
    r = simulate(sampleForm(), json::array({1, 2}), "en", realCatalog(), fixedClock());
    ASSERT_FALSE(r.ok());
    // One error: not followed by "required" for every item, since nothing in it is an answer.
    EXPECT_EQ(messages(r), (std::vector<std::string>{"answers must be a JSON object of item id -> answer, like "
                                                     "{\"pain_now\": 6}; the top level here is a JSON array"}));
    r = simulate(nullptr, fullAnswers(), "en", realCatalog(), fixedClock());
    EXPECT_FALSE(r.ok());
}

TEST(SessionSimulate, ConsentFalseIsReportedAsRequired) {
    json a = fullAnswers();
    a["agree"] = false;
    const SimulateResult r = simulate(sampleForm(), a, "en", realCatalog(), fixedClock());
    EXPECT_EQ(messages(r), (std::vector<std::string>{"'agree' is a required consent: it must be true"}));
}

TEST(SessionSimulate, ErrorsNeverContainThePatientsValues) {
    json a = fullAnswers();
    a["name"] = std::string(500, 'Q');
    a["dob"] = "ZQXJ";
    a["where"] = json::array({"ZQXJ-region"});
    const SimulateResult r = simulate(sampleForm(), a, "en", realCatalog(), fixedClock());
    ASSERT_EQ(r.errors.size(), 3u);
    for (const auto& e : r.errors) {
        EXPECT_EQ(e.message.find("ZQXJ"), std::string::npos) << e.message;
        EXPECT_EQ(e.message.find("QQQ"), std::string::npos) << e.message;
    }
}

TEST(SessionSimulate, ItemsRevealedOnTheSamePageAreAnswered) {
    // a -> b -> c -> d, each required and shown only if the previous one is yes: one page, one Next.
    auto f = share(form({page("chain", {required(yesNo("a")),
                                        shownIf(required(yesNo("b")), cmp("a", CondOp::Eq, true)),
                                        shownIf(required(yesNo("c")), cmp("b", CondOp::Eq, true)),
                                        shownIf(required(yesNo("d")), cmp("c", CondOp::Eq, true))})}));
    const SimulateResult r =
        simulate(f, json{{"a", true}, {"b", true}, {"c", true}, {"d", false}}, "en", realCatalog(), fixedClock());
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.record->answers.size(), 4u);
    EXPECT_TRUE(r.record->hidden.empty());
}

TEST(SessionSimulate, DropModeDropsHiddenAnswersLikeTheKiosk) {
    json a = fullAnswers();
    a["hurts"] = false;  // pain_now, where and night_pain are now hidden but still answered
    const SimulateResult r = simulate(sampleForm(), a, "en", realCatalog(), fixedClock(), HiddenAnswers::Drop);
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.dropped, (std::vector<std::string>{"pain_now", "where", "night_pain"}));
    EXPECT_EQ(r.record->answers.count("pain_now"), 0u);
    EXPECT_EQ(r.record->answers.size(), 5u);
    EXPECT_TRUE(r.record->flags.empty()) << "a dropped answer raises no flag";
    const SimulateResult strict = simulate(sampleForm(), a, "en", realCatalog(), fixedClock());
    EXPECT_EQ(strict.errors.size(), 3u);
    EXPECT_TRUE(strict.dropped.empty());
}
