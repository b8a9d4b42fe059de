// End to end, by taps alone: a patient completes the bundled forms/intake.yaml on the real screens
// over the real session, in English and in Spanish; the saved record holds what was tapped and
// typed, with its scores and flags; a failed save keeps the record and retries by itself.
#include <algorithm>
#include <set>

#include "intake_e2e_fixture.h"

namespace kiosk::ui::test {
namespace {

using session::Screen;

const session::ReviewEntry* reviewOf(const session::ViewModel& vm, const std::string& item) {
    for (const auto& e : vm.review)
        if (e.item && e.item->id == item) return &e;
    return nullptr;
}

std::set<std::string> flagIds(const session::Record& r) {
    std::set<std::string> out;
    for (const auto& f : r.flags) out.insert(f.id);
    return out;
}

TEST_F(IntakeE2e, EnglishPatientCompletesTheIntakeByTaps) {
    startIntake("en");
    const std::string steps = std::to_string(form->pages.size());  // no page is conditional
    ASSERT_NE(ui->registry().findText("progress"), nullptr);
    EXPECT_EQ(ui->registry().findText("progress")->text, "Step 1 of " + steps);
    EXPECT_EQ(ui->find("next")->label, "Next");

    const Patient p;
    const auto visited = runToReview(p);
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(visited.size(), form->pages.size());  // every page, each once
    EXPECT_EQ(savedDrafts, static_cast<int>(form->pages.size()));  // a draft after every page

    // Review: every answer in words, grouped by page with its Edit button.
    ASSERT_EQ(screen(), Screen::Review);
    const session::ViewModel vm = intake->view();
    ASSERT_NE(reviewOf(vm, "first_name"), nullptr);
    EXPECT_EQ(reviewOf(vm, "first_name")->answerText, "Margaret Ann");
    EXPECT_EQ(reviewOf(vm, "email")->answerText, tr("en", "review.not_answered"));
    EXPECT_TRUE(ui->exists("edit/" + std::to_string(pageIndex("pain_where"))));
    EXPECT_EQ(ui->find("submit")->label, tr("en", "ui.review.submit"));

    ui->tap("submit");
    ASSERT_EQ(saveRequests.size(), 1u);
    const session::Record& r = saveRequests.front();
    EXPECT_EQ(r.formId, "clinic_intake");
    EXPECT_EQ(r.lang, "en");
    EXPECT_EQ(r.startedAt, "2026-11-25T10:03:00Z");
    EXPECT_EQ(r.submittedAt, "2026-11-25T10:03:00Z");

    // Typed on the on-screen keyboards.
    ASSERT_NE(answerIn<std::string>(r, "first_name"), nullptr);
    EXPECT_EQ(*answerIn<std::string>(r, "first_name"), "Margaret Ann");
    EXPECT_EQ(*answerIn<std::string>(r, "last_name"), "O'Neil");
    EXPECT_EQ(*answerIn<std::string>(r, "phone"), "555-010-4477");
    EXPECT_EQ(*answerIn<std::string>(r, "main_reason"), "Back pain");
    ASSERT_NE(answerIn<double>(r, "sleep_hours"), nullptr);
    EXPECT_DOUBLE_EQ(*answerIn<double>(r, "sleep_hours"), 7.5);
    EXPECT_EQ(r.answers.count("email"), 0u);  // left empty
    // Picked, tapped, drawn.
    ASSERT_NE(answerIn<forms::Date>(r, "date_of_birth"), nullptr);
    EXPECT_EQ(*answerIn<forms::Date>(r, "date_of_birth"), (forms::Date{pickerYear() - 69, 3, 14}));
    EXPECT_DOUBLE_EQ(*answerIn<double>(r, "pain_now"), 6.0);
    EXPECT_DOUBLE_EQ(*answerIn<double>(r, "pain_worst"), 8.0);
    EXPECT_EQ(*answerIn<std::string>(r, "heard_about"), "friend_family");
    EXPECT_EQ(*answerIn<std::vector<std::string>>(r, "goals"), (std::vector<std::string>{"less_pain", "sleep_better"}));
    EXPECT_EQ(*answerIn<forms::MatrixAnswer>(r, "interference"),
              (forms::MatrixAnswer{{"activity", "a_lot"}, {"work", "somewhat"}}));
    EXPECT_EQ(*answerIn<std::string>(r, "visit_reason"), "low_back");
    EXPECT_DOUBLE_EQ(*answerIn<double>(r, "pain_nrs_week"), 5.0);
    const auto* map = answerIn<forms::BodyMapAnswer>(r, "pain_map");
    ASSERT_NE(map, nullptr);
    ASSERT_EQ(map->size(), 2u);
    EXPECT_EQ((*map)[0], (forms::BodyMark{"shoulder_back_l", 7, {"burning", "stiffness"}}));
    EXPECT_EQ((*map)[1], (forms::BodyMark{"lower_back_r", std::nullopt, {}}));
    EXPECT_EQ(*answerIn<std::string>(r, "blood_thinners"), "yes");  // yes, no or not sure
    EXPECT_EQ(*answerIn<std::string>(r, "fever_now"), "no");
    EXPECT_EQ(*answerIn<bool>(r, "consent_treatment"), true);
    const auto* sig = answerIn<forms::Signature>(r, "signature");
    ASSERT_NE(sig, nullptr);
    ASSERT_EQ(sig->strokes.size(), 1u);
    const forms::Stroke& stroke = sig->strokes.front();
    ASSERT_GE(stroke.size(), 5u);
    EXPECT_NEAR(stroke.front().x, 0.15f, 0.05f);  // normalised to the pad, left to right
    EXPECT_NEAR(stroke.back().x, 0.85f, 0.05f);
    EXPECT_LT(stroke.front().y, stroke.back().y);

    // Scores and flags.
    ASSERT_NE(score(r, "pain_intensity"), nullptr);
    EXPECT_NEAR(score(r, "pain_intensity")->value.value_or(-1), 6.3, 0.05);  // (6 + 5 + 8) / 3
    EXPECT_EQ(score(r, "pain_intensity")->band, "Moderate");
    EXPECT_NEAR(score(r, "pain_interference")->value.value_or(-1), 5.0, 0.05);  // 3 + 2
    EXPECT_NEAR(score(r, "stress")->value.value_or(-1), 5.0, 0.05);            // 2 + 3
    EXPECT_EQ(score(r, "stress")->answered, 2);
    // The instruments, entered by taps on the real pages (STarT Back: low back pain is the reason).
    EXPECT_NEAR(score(r, "pain_nrs_average")->value.value_or(-1), 5.0, 0.05);
    EXPECT_EQ(score(r, "pain_nrs_average")->band, "Moderate (4-6)");
    EXPECT_NEAR(score(r, "phq4_total")->value.value_or(-1), 4.0, 0.05);  // 1 + 1 + 1 + 1
    EXPECT_EQ(score(r, "phq4_total")->band, "Mild (3-5)");
    EXPECT_NEAR(score(r, "phq2_total")->value.value_or(-1), 2.0, 0.05);  // below 3: no flag
    EXPECT_NEAR(score(r, "acr_sss")->value.value_or(-1), 3.0, 0.05);     // 2 + 1 + 0 + 0 + 0 + 0
    EXPECT_NEAR(score(r, "acr_2016_criteria")->value.value_or(-1), 0.0, 0.05);
    EXPECT_NEAR(score(r, "start_back_total")->value.value_or(-1), 1.0, 0.05);  // leg agree
    EXPECT_EQ(score(r, "start_back_risk")->band, "Low risk (total 0-3)");
    EXPECT_FALSE(score(r, "sleep_problems")->value.has_value());  // not answered
    EXPECT_NEAR(score(r, "pain_regions")->value.value_or(-1), 2.0, 0.05);
    EXPECT_EQ(score(r, "pain_regions")->band, "One or two areas");
    EXPECT_EQ(flagIds(r), (std::set<std::string>{"trauma", "blood_thinners"}));

    // Saved: thank you, nothing of the patient held, then the welcome screen by itself.
    ASSERT_EQ(screen(), Screen::ThankYou);
    ui->frame();
    ASSERT_NE(ui->registry().findText("message"), nullptr);
    EXPECT_EQ(ui->registry().findText("message")->text, tr("en", "ui.thank_you.title"));
    EXPECT_EQ(intake->pendingSaves(), 0u);
    EXPECT_TRUE(intake->answers().empty());
    ui->advance(14);
    ui->frame();
    EXPECT_EQ(screen(), Screen::ThankYou);
    ui->advance(1.5);
    ui->frames(2);
    EXPECT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(ui->exists("start"));
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_FALSE(onScreen("Margaret"));
}

TEST_F(IntakeE2e, SpanishPatientSeesSpanishAndTheRecordSaysEs) {
    ASSERT_TRUE(ui->tap("lang/es"));
    EXPECT_EQ(ui->find("start")->label, tr("es", "ui.welcome.start"));
    startIntake("es");
    const std::string steps = std::to_string(form->pages.size());
    EXPECT_EQ(ui->find("next")->label, "Siguiente");
    EXPECT_EQ(ui->find("back")->label, tr("es", "ui.page.back"));
    EXPECT_EQ(ui->registry().findText("progress")->text, "Paso 1 de " + steps);
    EXPECT_EQ(ui->registry().findText("title")->text, "Sus datos");
    EXPECT_EQ(ui->registry().findText("question/first_name")->text, "Nombre");

    Patient p;
    p.firstName = "José";
    p.lastName = "Muñoz Peña";
    p.phone = "+52-55-1234-5678";
    p.reason = "Me duele la espalda";
    advanceTo("birth", p);  // widgets speak Spanish too
    EXPECT_EQ(ui->find("item/date_of_birth/month/3")->label, "Marzo");
    advanceTo("pain_where", p);
    EXPECT_EQ(ui->find("item/pain_map/shoulder_back_l")->label, tr("es", "region.shoulder_back_l"));
    EXPECT_NE(tr("es", "region.shoulder_back_l"), tr("en", "region.shoulder_back_l"));
    advanceTo("health", p);
    EXPECT_EQ(ui->find("item/blood_thinners/yes")->label, "Sí");
    runToReview(p);
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(ui->find("submit")->label, "Enviar");
    EXPECT_EQ(reviewOf(intake->view(), "pain_map")->answerText.empty(), false);
    EXPECT_EQ(reviewOf(intake->view(), "blood_thinners")->answerText, tr("es", "ui.yes"));

    ui->tap("submit");
    ASSERT_EQ(saveRequests.size(), 1u);
    const session::Record& r = saveRequests.front();
    EXPECT_EQ(r.lang, "es");
    EXPECT_EQ(*answerIn<std::string>(r, "first_name"), "José");
    EXPECT_EQ(*answerIn<std::string>(r, "last_name"), "Muñoz Peña");
    EXPECT_EQ(*answerIn<std::string>(r, "main_reason"), "Me duele la espalda");
    EXPECT_EQ(*answerIn<std::string>(r, "phone"), "+52-55-1234-5678");
    EXPECT_DOUBLE_EQ(*answerIn<double>(r, "pain_now"), 6.0);
    EXPECT_EQ(flagIds(r), (std::set<std::string>{"trauma", "blood_thinners"}));
    // Staff read bands in the form's first language whatever the patient's.
    EXPECT_EQ(score(r, "pain_intensity")->band, "Moderate");

    ASSERT_EQ(screen(), Screen::ThankYou);
    ui->frame();
    EXPECT_EQ(ui->registry().findText("message")->text, "¡Muchas gracias!");
    EXPECT_EQ(ui->find("finish")->label, tr("es", "ui.thank_you.finish"));
    ui->tap("finish");  // the patient may also end it at once
    EXPECT_EQ(screen(), Screen::Welcome);
    EXPECT_FALSE(onScreen("José"));
}

TEST_F(IntakeE2e, AFailedSaveKeepsTheRecordAndRetriesByItself) {
    outcome = SaveOutcome::Fail;
    startIntake("en");
    Patient p;
    p.optional = false;  // required answers only
    runToReview(p);
    ASSERT_FALSE(HasFailure());
    ui->tap("submit");
    ASSERT_EQ(saveRequests.size(), 1u);
    EXPECT_EQ(screen(), Screen::SaveFailed);
    ui->frame();
    ASSERT_NE(ui->registry().findText("message"), nullptr);
    EXPECT_EQ(ui->registry().findText("message")->text, tr("en", "ui.save_failed.title"));
    EXPECT_EQ(intake->pendingSaves(), 1u);
    EXPECT_EQ(intake->view().retryInSeconds, 10);
    // Calm: no codes, no patient data, no buttons to press.
    EXPECT_FALSE(onScreen("Margaret"));
    EXPECT_FALSE(onScreen("disk full"));
    EXPECT_TRUE(ui->registry().withPrefix("item/").empty());

    outcome = SaveOutcome::Succeed;
    ui->advance(5);
    ui->frame();
    EXPECT_EQ(saveRequests.size(), 1u);  // not yet
    EXPECT_EQ(screen(), Screen::SaveFailed);
    ui->advance(5.5);
    ui->frames(2);
    ASSERT_EQ(saveRequests.size(), 2u);  // the retry
    EXPECT_EQ(saveRequests[1].answers, saveRequests[0].answers);  // the same record, answers kept
    EXPECT_EQ(*answerIn<std::string>(saveRequests[1], "first_name"), "Margaret Ann");
    EXPECT_EQ(intake->pendingSaves(), 0u);
    EXPECT_EQ(screen(), Screen::ThankYou);
    EXPECT_EQ(ui->registry().findText("message")->text, tr("en", "ui.thank_you.title"));
}

TEST_F(IntakeE2e, AFailedSaveLeftAloneIsWipedFromScreenYetStillSaved) {
    outcome = SaveOutcome::Fail;
    startIntake("en");
    Patient p;
    p.optional = false;
    runToReview(p);
    ASSERT_FALSE(HasFailure());
    ui->tap("submit");
    ASSERT_EQ(screen(), Screen::SaveFailed);
    // Nobody comes: retries keep failing, and idle takes the patient's answers off the screen.
    for (int i = 0; i < 13 && screen() != Screen::Welcome; ++i) {
        ui->advance(10);
        ui->frame();
        if (ui->exists("still_here")) {
            EXPECT_FALSE(onScreen("Margaret"));
        }
    }
    ASSERT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_FALSE(onScreen("Margaret"));
    EXPECT_EQ(intake->pendingSaves(), 1u);  // the record is kept for the next retry
    const size_t tries = saveRequests.size();
    EXPECT_GE(tries, 2u);

    // The next patient starts; the store comes back; the old record saves behind their back.
    ui->tap("start");
    ui->type("first_name", "Bob");
    outcome = SaveOutcome::Succeed;
    ui->advance(10.5);
    ui->frames(2);
    ASSERT_EQ(saveRequests.size(), tries + 1);
    EXPECT_EQ(*answerIn<std::string>(saveRequests.back(), "first_name"), "Margaret Ann");
    EXPECT_EQ(intake->pendingSaves(), 0u);
    EXPECT_EQ(screen(), Screen::Page);  // no "thank you" for the new patient
    EXPECT_EQ(pageId(), "name");
    EXPECT_EQ(*answer<std::string>("first_name"), "Bob");
}

}  // namespace
}  // namespace kiosk::ui::test
