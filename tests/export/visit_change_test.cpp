// Change since the last visit as staff read it (issue 19): the follow-up's scores against the
// intake's, matched by score id and read by each score's `change` rule and minimal important change.
#include <fstream>

#include <gtest/gtest.h>

#include "bundled_records.h"
#include "kiosk/export/visit_change.h"

namespace {
using kiosk::exports::ReadChange;
using kiosk::exports::ReadPreviousVisit;
using kiosk::exports::readIntake;
using kiosk::exports::readPreviousVisit;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::bundledRecord;
using kiosk::testing::realCatalog;
using nlohmann::json;

json previousIntake() {  // the intake of the follow-up-back-pain patient: pain 7, PHQ-4 8, high risk
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/tests/data/answers/follow-up-back-pain/previous.json");
    return json::parse(in);
}

const ReadChange* find(const ReadPreviousVisit& v, const std::string& id) {
    for (const ReadChange& c : v.changes)
        if (c.id == id) return &c;
    return nullptr;
}
}  // namespace

TEST(ExportVisitChange, AFollowUpShowsEachScoreAgainstTheIntakeWithTheMinimalImportantChange) {
    auto followUp = bundledForm("follow-up.yaml");
    auto intake = bundledForm();
    ASSERT_TRUE(followUp && intake);
    const json record = bundledRecord("follow-up-back-pain", followUp);
    const auto now = readIntake(record, followUp.get(), realCatalog(), {"en", "en"});
    const ReadPreviousVisit v = readPreviousVisit(now, followUp.get(), previousIntake(), intake.get(), "en");
    EXPECT_EQ(v.submittedAt, "2026-11-02T09:06:00Z");
    EXPECT_EQ(v.formTitle, intake->title.get("en"));

    const ReadChange* pain = find(v, "pain_nrs_average");
    ASSERT_NE(pain, nullptr);
    EXPECT_DOUBLE_EQ(pain->previous, 7);
    EXPECT_DOUBLE_EQ(pain->now, 4);
    EXPECT_DOUBLE_EQ(pain->difference, -3);
    EXPECT_EQ(pain->way, ReadChange::Way::Better);  // lower is better
    EXPECT_EQ(pain->important, true);               // 3 >= the 2-point MIC
    EXPECT_NE(pain->text.find("7 (Severe (7-10)) -> 4 (Moderate (4-6))"), std::string::npos) << pain->text;
    EXPECT_NE(pain->text.find("improved by 3, at least the 2-point minimal important change"), std::string::npos)
        << pain->text;

    const ReadChange* phq4 = find(v, "phq4_total");  // 8 -> 4: better, no MIC published
    ASSERT_NE(phq4, nullptr);
    EXPECT_EQ(phq4->way, ReadChange::Way::Better);
    EXPECT_FALSE(phq4->important.has_value());
    EXPECT_NE(phq4->text.find("no minimal important change is published"), std::string::npos) << phq4->text;

    const ReadChange* risk = find(v, "start_back_risk");  // high -> medium: a group, not a number
    ASSERT_NE(risk, nullptr);
    EXPECT_EQ(risk->way, ReadChange::Way::Better);
    // start_back_total had no value at the intake (8 of 9 answered): nothing to compare.
    EXPECT_EQ(find(v, "start_back_total"), nullptr);
    // A score the intake's record does not carry is left out.
    EXPECT_EQ(find(v, "pain_regions"), nullptr);
    // In the order of the follow-up's scores.
    ASSERT_GE(v.changes.size(), 3u);
    EXPECT_EQ(v.changes.front().id, "pain_nrs_average");
}

TEST(ExportVisitChange, SpanishStaffReadTheChangeInSpanish) {
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(followUp);
    const auto now = readIntake(bundledRecord("follow-up-back-pain", followUp), followUp.get(), realCatalog(), {"es", "es"});
    const ReadPreviousVisit v = readPreviousVisit(now, followUp.get(), previousIntake(), nullptr, "es");
    EXPECT_EQ(v.formTitle, "clinic_intake");  // the earlier form is not on the shelf: its id
    const ReadChange* pain = find(v, "pain_nrs_average");
    ASSERT_NE(pain, nullptr);
    EXPECT_NE(pain->text.find("Dolor, promedio de la última semana"), std::string::npos) << pain->text;
    EXPECT_NE(pain->text.find("mejoró 3, al menos el cambio mínimo importante de 2 puntos"), std::string::npos)
        << pain->text;
}

TEST(ExportVisitChange, WorseAndLessThanTheMinimalImportantChangeAreSaid) {
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(followUp);
    const auto now = readIntake(bundledRecord("follow-up-back-pain", followUp), followUp.get(), realCatalog(), {"en", "en"});
    json earlier = previousIntake();
    earlier["scores"][0]["value"] = 3;  // pain 3 -> 4: worse by 1, under the MIC
    const ReadChange* pain = find(readPreviousVisit(now, followUp.get(), earlier, nullptr, "en"), "pain_nrs_average");
    ASSERT_NE(pain, nullptr);
    EXPECT_EQ(pain->way, ReadChange::Way::Worse);
    EXPECT_EQ(pain->important, false);
    EXPECT_NE(pain->text.find("worse by 1, less than the 2-point minimal important change"), std::string::npos)
        << pain->text;
}

TEST(ExportVisitChange, WithoutTheFormOnlyHigherOrLowerIsSaid) {
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(followUp);
    const json record = bundledRecord("follow-up-back-pain", followUp);
    const auto now = readIntake(record, nullptr, realCatalog(), {"en", "en"});
    const ReadChange* pain = find(readPreviousVisit(now, nullptr, previousIntake(), nullptr, "en"), "pain_nrs_average");
    ASSERT_NE(pain, nullptr);
    EXPECT_EQ(pain->way, ReadChange::Way::Unknown);
    EXPECT_NE(pain->text.find("lower by 3"), std::string::npos) << pain->text;
}

TEST(ExportVisitChange, AnEarlierRecordWithoutScoresGivesNoChange) {
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(followUp);
    const auto now = readIntake(bundledRecord("follow-up-back-pain", followUp), followUp.get(), realCatalog(), {"en", "en"});
    EXPECT_TRUE(readPreviousVisit(now, followUp.get(), json::array(), nullptr, "en").changes.empty());
    EXPECT_TRUE(readPreviousVisit(now, followUp.get(), json{{"scores", "no"}}, nullptr, "en").changes.empty());
    EXPECT_TRUE(readPreviousVisit(now, followUp.get(), json{{"scores", json::array({1, json{{"id", 3}}})}}, nullptr, "en")
                    .changes.empty());
}
