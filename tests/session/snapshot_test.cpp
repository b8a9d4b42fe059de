// Drafts: snapshot() after every page, restore() after a crash.
#include "kiosk/session/intake.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;
using nlohmann::json;

namespace {

struct SnapshotTest : ::testing::Test {
    Intake intake{sampleForm(), realCatalog(), IntakeConfig{}, fixedClock()};
    std::vector<Effect> act(const Action& a) { return intake.apply(a); }
};

const kiosk::core::FixedClock kLater = kiosk::core::FixedClock::atUtc("2026-11-25T11:00:00Z");

}  // namespace

TEST_F(SnapshotTest, RoundTripResumesWhereThePatientWas) {
    act(Start{"es"});
    act(SetAnswer{"name", std::string("Ana")});
    act(SetAnswer{"dob", Date{1950, 3, 14}});
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 8.0});
    act(SetAnswer{"where", BodyMapAnswer{{"calf_l", 4, {}}}});
    act(Next{});
    const std::string snap = intake.snapshot();

    Intake resumed{sampleForm(), realCatalog(), IntakeConfig{}, kLater};
    ASSERT_TRUE(resumed.restore(snap));
    EXPECT_EQ(resumed.screen(), Screen::Resume) << "asks first (resume_test.cpp)";
    EXPECT_EQ(resumed.snapshot(), snap) << "the Resume screen does not change the draft";
    resumed.apply(ResumeContinue{});
    EXPECT_TRUE(resumed.answers() == intake.answers());
    const ViewModel a = intake.view(), b = resumed.view();
    EXPECT_EQ(b.screen, Screen::Page);
    EXPECT_EQ(b.page, 2);
    EXPECT_EQ(b.page, a.page);
    EXPECT_EQ(b.lang, "es");
    EXPECT_EQ(b.step, a.step);
    EXPECT_EQ(b.stepCount, a.stepCount);
    EXPECT_EQ(resumed.buildRecord().startedAt, "2026-11-25T10:03:00Z") << "the original start";
    EXPECT_EQ(resumed.snapshot(), snap);
}

TEST_F(SnapshotTest, RoundTripKeepsReviewAndReviewEdits) {
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    act(SetAnswer{"dob", Date{1950, 3, 14}});
    act(Next{});
    act(SetAnswer{"hurts", false});
    act(Next{});
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    Intake r1{sampleForm(), realCatalog()};
    ASSERT_TRUE(r1.restore(intake.snapshot()));
    r1.apply(ResumeContinue{});
    EXPECT_EQ(r1.screen(), Screen::Review);
    act(GoTo{1});
    Intake r2{sampleForm(), realCatalog()};
    ASSERT_TRUE(r2.restore(intake.snapshot()));
    r2.apply(ResumeContinue{});
    EXPECT_TRUE(r2.view().editingFromReview);
    r2.apply(Next{});
    EXPECT_EQ(r2.screen(), Screen::Review);
}

TEST_F(SnapshotTest, GarbageIsRefusedAndChangesNothing) {
    act(Start{"es"});
    act(SetAnswer{"name", std::string("Ana")});
    const std::string before = intake.snapshot();
    for (const char* bad : {"", "not json", "[]", "{}", "null", "{\"answers\": {}}",
                            R"({"lang": "en", "page": "one", "started_at": "", "answers": {}})",
                            R"({"lang": "en", "page": 0, "started_at": "", "answers": []})",
                            R"({"lang": 5, "page": 0, "started_at": "", "answers": {}})",
                            R"({"form": "other_form", "lang": "en", "page": 0, "started_at": "", "answers": {}})"}) {
        EXPECT_FALSE(intake.restore(bad)) << bad;
        EXPECT_EQ(intake.snapshot(), before) << bad;
    }
}

TEST_F(SnapshotTest, RestoreDropsWhatNoLongerFitsTheForm) {
    const json snap = {
        {"lang", "es"}, {"page", 1}, {"started_at", "2026-11-25T09:00:00Z"},
        {"answers",
         {{"name", "Ana"},
          {"ghost", 5},                    // no such item any more
          {"dob", "1950-02-30"},           // not a date
          {"hurts", false},
          {"pain_now", 9},                 // hidden: hurts is no
          {"night_pain", true}}}};         // page hidden
    ASSERT_TRUE(intake.restore(snap.dump()));
    act(ResumeContinue{});
    EXPECT_EQ(intake.answers().size(), 2u);
    EXPECT_EQ(intake.answers().count("name"), 1u);
    EXPECT_EQ(intake.answers().count("hurts"), 1u);
    EXPECT_EQ(intake.view().page, 1);
    EXPECT_EQ(intake.view().lang, "es");
}

TEST_F(SnapshotTest, RestoreOntoAHiddenPageGoesToTheFirstShownPage) {
    const json snap = {{"lang", "xx"}, {"page", 2}, {"started_at", ""}, {"answers", json::object()}};
    ASSERT_TRUE(intake.restore(snap.dump()));
    act(ResumeContinue{});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(intake.view().lang, "en") << "an unknown language falls back";
}

TEST_F(SnapshotTest, SnapshotHoldsTheDocumentedFields) {
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    const json j = json::parse(intake.snapshot());
    EXPECT_EQ(j["lang"], "en");
    EXPECT_EQ(j["page"], 0);
    EXPECT_EQ(j["screen"], "page");
    EXPECT_EQ(j["from_review"], false);
    EXPECT_EQ(j["started_at"], "2026-11-25T10:03:00Z");
    EXPECT_EQ(j["answers"], json({{"name", "Ana"}}));
    EXPECT_EQ(j["form"], "test_form");
}
