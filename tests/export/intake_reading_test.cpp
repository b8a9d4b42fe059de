// An intake as staff read it: flags first in the staff's language, scores with their bands, answers
// in form order in the language asked for, the body regions named, the signature's strokes.
#include <gtest/gtest.h>

#include "bundled_records.h"
#include "kiosk/export/intake_reading.h"

namespace {
using kiosk::exports::firstCharacter;
using kiosk::exports::IntakeReading;
using kiosk::exports::readIntake;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::bundledRecord;
using kiosk::testing::realCatalog;
using nlohmann::json;
}  // namespace

TEST(ExportIntakeReading, StaffLabelsFollowTheStaffsLanguageAndFlagsComeUrgentFirst) {
    auto form = bundledForm();
    ASSERT_TRUE(form);
    const json record = bundledRecord("intake-red-flags", form);
    const IntakeReading r = readIntake(record, form.get(), realCatalog(), {"es", "en"});
    EXPECT_TRUE(r.formKnown);
    EXPECT_EQ(r.shortName(), "Testpatient R.");
    EXPECT_EQ(r.dateOfBirth, "1957-06-21");
    EXPECT_EQ(r.age, 69);  // submitted 2026-11-25
    EXPECT_EQ(r.phone, "555-0134");

    ASSERT_EQ(r.flags.size(), 9u);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_TRUE(r.flags[i].urgent) << i;
    for (std::size_t i = 5; i < 9; ++i) EXPECT_FALSE(r.flags[i].urgent) << i;
    const auto bladder = std::find_if(r.flags.begin(), r.flags.end(), [](const auto& f) { return f.id == "bladder_bowel"; });
    ASSERT_NE(bladder, r.flags.end());
    EXPECT_EQ(bladder->label, "Problema nuevo para controlar la orina o el intestino");
    EXPECT_NE(bladder->explain.find("cauda equina"), std::string::npos);
    // The record itself keeps the form's first language: the desk must not show that to Spanish staff.
    EXPECT_EQ(record["flags"][0]["label"].get<std::string>().find("Problema"), std::string::npos);

    ASSERT_FALSE(r.scores.empty());
    EXPECT_EQ(r.scores[0].id, "pain_intensity");
    EXPECT_EQ(r.scores[0].label, "Intensidad del dolor (promedio de ahora, última semana y peor)");
    EXPECT_EQ(r.scores[0].valueText, "8,3");
    EXPECT_EQ(r.scores[0].band, "Intenso");
    // Staff read which scores are our own questions, and why an instrument has no total.
    const auto scoreOf = [&](const std::string& id) {
        return std::find_if(r.scores.begin(), r.scores.end(), [&](const auto& s) { return s.id == id; });
    };
    ASSERT_NE(scoreOf("sleep_problems"), r.scores.end());
    EXPECT_EQ(scoreOf("sleep_problems")->note.rfind("No es un instrumento validado", 0), 0u);
    ASSERT_NE(scoreOf("acr_sss"), r.scores.end());  // one of the six SSS items unanswered
    EXPECT_NE(scoreOf("acr_sss")->note.find("no hay SSS si falta alguna de las seis"), std::string::npos);

    ASSERT_EQ(r.marks.size(), 4u);
    EXPECT_EQ(r.marks[0].region, "lower_back_l");
    EXPECT_EQ(r.marks[0].intensity, 9);
    EXPECT_EQ(r.marks[0].name, realCatalog().tr("es", "region.lower_back_l"));

    // Answers in form order, asked in English here (the PDF's choice: the patient's language).
    ASSERT_GE(r.answers.size(), 3u);
    EXPECT_EQ(r.answers[0].itemId, "first_name");
    EXPECT_EQ(r.answers[0].answer, "Testpatient");
    EXPECT_EQ(r.answers[1].itemId, "last_name");
    std::vector<std::string> order;
    for (const auto* item : form->allItems())
        if (record["answers"].contains(item->id)) order.push_back(item->id);
    std::vector<std::string> got;
    for (const auto& a : r.answers) got.push_back(a.itemId);
    EXPECT_EQ(got, order);
    const auto sig = std::find_if(r.answers.begin(), r.answers.end(), [](const auto& a) { return a.signature; });
    ASSERT_NE(sig, r.answers.end());
    EXPECT_TRUE(r.signedConsent);
    EXPECT_EQ(r.signature.strokes.size(), 2u);
}

TEST(ExportIntakeReading, AnswersInTheStaffsLanguageWhenAsked) {
    auto form = bundledForm();
    const json record = bundledRecord("intake-red-flags", form);
    const IntakeReading r = readIntake(record, form.get(), realCatalog(), {"es", "es"});
    const auto saddle = std::find_if(r.answers.begin(), r.answers.end(), [](const auto& a) { return a.itemId == "saddle_numbness"; });
    ASSERT_NE(saddle, r.answers.end());
    EXPECT_EQ(saddle->answer, realCatalog().tr("es", "answer.no"));
    EXPECT_EQ(saddle->question, form->findItem("saddle_numbness")->label.get("es"));
}

TEST(ExportIntakeReading, WithoutItsFormTheRecordsOwnTextsAreShown) {
    auto form = bundledForm();
    const json record = bundledRecord("intake-red-flags", form);
    const IntakeReading r = readIntake(record, nullptr, realCatalog(), {"es", "es"});
    EXPECT_FALSE(r.formKnown);
    EXPECT_EQ(r.shortName(), "Testpatient R.");
    ASSERT_EQ(r.flags.size(), 9u);
    EXPECT_TRUE(r.flags[0].urgent);
    EXPECT_EQ(r.flags[0].label, record["flags"][0]["label"]);  // first language: nothing better known
    EXPECT_EQ(r.scores[0].valueText, "8,3");
    EXPECT_EQ(r.marks.size(), 4u);
    EXPECT_TRUE(r.signedConsent);
    const auto goals = std::find_if(r.answers.begin(), r.answers.end(), [](const auto& a) { return a.itemId == "goals"; });
    ASSERT_NE(goals, r.answers.end());
    EXPECT_EQ(goals->answer, "less_pain;move_easier;sleep_better");
}

TEST(ExportIntakeReading, InitialsTakeAWholeCharacter) {
    EXPECT_EQ(firstCharacter("Élodie"), "É");
    EXPECT_EQ(firstCharacter("Z"), "Z");
    EXPECT_EQ(firstCharacter(""), "");
    IntakeReading r;
    r.firstName = "Ana";
    r.lastName = "Ñúñez";
    EXPECT_EQ(r.shortName(), "Ana Ñ.");
}

// What a look-up across many records reads (staff/previous_visit.h): who the patient is, nothing else.
TEST(ExportIntakeReading, ReadPatientReadsWhoThePatientIsAndNothingElse) {
    auto form = bundledForm();
    ASSERT_TRUE(form);
    const json record = bundledRecord("intake-red-flags", form);
    const IntakeReading full = readIntake(record, form.get(), realCatalog(), {"en", "en"});
    const IntakeReading who = kiosk::exports::readPatient(record, form.get());
    EXPECT_EQ(who.firstName, full.firstName);
    EXPECT_EQ(who.lastName, full.lastName);
    EXPECT_EQ(who.dateOfBirth, "1957-06-21");
    EXPECT_EQ(who.age, full.age);
    EXPECT_EQ(who.phone, full.phone);
    EXPECT_TRUE(who.answers.empty());
    EXPECT_TRUE(who.flags.empty());
    EXPECT_TRUE(who.scores.empty());
    EXPECT_TRUE(who.marks.empty());
}
