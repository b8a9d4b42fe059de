// The app's own wiring under real taps (scene_e2e_fixture.h). The ui e2e tests drive
// session::Intake directly and cannot see bugs in this layer: a touch on the welcome screen once
// reset the patient's language choice, so Spanish could not be chosen in the real kiosk.
#include <gtest/gtest.h>

#include "scene_e2e_fixture.h"

namespace kiosk::app {
namespace {

using session::Screen;

class SceneTaps : public testing::SceneE2e {
  protected:
    void SetUp() override {
        SceneE2e::SetUp();
        startUi(1280, 800);
        wire(sink);
    }
    MemoryRecordSink sink;
};

TEST_F(SceneTaps, ASpanishSpeakerTapsEspanolThenStartAndGetsSpanish) {
    ASSERT_EQ(intake->view().lang, "en");  // the clinic greets in English
    ASSERT_TRUE(ui->tap("lang/es"));
    ui->frames(3);  // the finger moves about before Start: each move is input, not a new patient
    EXPECT_EQ(intake->view().lang, "es");
    ASSERT_TRUE(ui->tap("start"));
    ASSERT_EQ(screen(), Screen::Page);
    EXPECT_EQ(intake->view().lang, "es");
    EXPECT_EQ(ui->find("next")->label, "Siguiente");
}

TEST_F(SceneTaps, LargerTextSurvivesAGoBackToTheWelcomeScreenWithAnswers) {
    ASSERT_TRUE(ui->tap("start"));
    ui->type("first_name", "Ana");
    ASSERT_TRUE(ui->tap("toggle/larger_text"));
    ASSERT_TRUE(ui->tap("back"));
    ASSERT_EQ(screen(), Screen::Welcome);
    ui->frames(2);
    ASSERT_NE(ui->find("toggle/larger_text"), nullptr);
    EXPECT_TRUE(ui->find("toggle/larger_text")->selected);
}

TEST_F(SceneTaps, AWholeIntakeByTapsIsSubmittedThenTheNextPatientIsGreetedInTheClinicsLanguage) {
    startIntake("es");
    runToReview(ui::test::Patient{});
    ASSERT_FALSE(HasFailure());
    ASSERT_TRUE(ui->tap("submit"));
    ASSERT_EQ(screen(), Screen::ThankYou);
    ASSERT_EQ(sink.records().size(), 1u);
    EXPECT_EQ(sink.records().front().lang, "es");
    EXPECT_FALSE(sink.draft().has_value()) << "the submit clears the draft";

    ui->advance(60);  // the thank-you screen returns to the welcome screen by itself
    ui->frames(3);
    ASSERT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_EQ(intake->view().lang, "en");
}

}  // namespace
}  // namespace kiosk::app
