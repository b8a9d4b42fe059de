// End to end over the real session: the kiosk restarts with a draft (a crash or power cut mid-intake).
// The Resume screen shows nothing of the patient; "Continue my answers" returns to their page,
// "Start over" and idle wipe them and discard the draft.
#include "intake_e2e_fixture.h"

namespace kiosk::ui::test {
namespace {

using session::Screen;

class IntakeE2eResume : public IntakeE2e {
protected:
    /// A Spanish-speaking patient reaches the visit page; then the power goes. The kiosk comes
    /// back with a new Intake and new screens, and restores the draft saved after the last page.
    void crashAndRestart(float width = 1920, float height = 1080) {
        startIntake("es");
        advanceTo("visit", patient);
        ASSERT_FALSE(HasFailure());
        const std::string draft = intake->snapshot();
        intake = std::make_unique<session::Intake>(form, catalog, session::IntakeConfig{});
        ASSERT_TRUE(intake->restore(draft));
        startUi(width, height);
        ASSERT_EQ(screen(), Screen::Resume);
    }
    Patient patient;
};

TEST_F(IntakeE2eResume, ShowsNoAnswersThenContinueReturnsToThePage) {
    crashAndRestart();
    EXPECT_FALSE(onScreen(patient.firstName));
    EXPECT_FALSE(onScreen(patient.lastName));
    EXPECT_EQ(ui->registry().findText("message")->text, tr("es", "ui.resume.title"));
    EXPECT_EQ(ui->find("resume/continue")->label, tr("es", "ui.resume.continue"));
    EXPECT_TRUE(ui->exists("resume/start_over"));
    EXPECT_TRUE(ui->exists("toggle/larger_text"));
    EXPECT_TRUE(ui->exists("toggle/high_contrast"));
    EXPECT_TRUE(ui->find("lang/es")->selected);

    ASSERT_TRUE(ui->tap("resume/continue"));
    EXPECT_EQ(screen(), Screen::Page);
    EXPECT_EQ(pageId(), "visit");
    EXPECT_EQ(discardedDrafts, 0);
    ui->tap("back");
    ui->tap("back");
    ASSERT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("item/first_name")->label, patient.firstName) << "the answers came back";
}

TEST_F(IntakeE2eResume, StartOverWipesTheAnswersAndTheDraft) {
    crashAndRestart();
    ASSERT_TRUE(ui->tap("resume/start_over"));
    EXPECT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_EQ(discardedDrafts, 1);
    ui->frames(2);
    EXPECT_TRUE(ui->exists("start"));
    EXPECT_FALSE(onScreen(patient.firstName));
}

TEST_F(IntakeE2eResume, NobodyThereMeansTheDraftIsWiped) {
    crashAndRestart();
    ui->advance(91);  // session::IntakeConfig defaults: 90 s of silence, then 30 s to answer
    ui->frames(2);
    ASSERT_TRUE(intake->view().idleWarning);
    EXPECT_TRUE(ui->exists("still_here"));
    EXPECT_FALSE(ui->exists("resume/continue")) << "the warning covers the screen";
    ui->advance(30);
    ui->frames(2);
    EXPECT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_EQ(discardedDrafts, 1);
}

TEST_F(IntakeE2eResume, FitsA1280x800ScreenWithLargerText) {
    crashAndRestart(1280, 800);
    ui->tap("toggle/larger_text");
    ui->frames(2);
    ASSERT_TRUE(ui->tap("resume/start_over"));  // tap scrolls it into view if needed
    EXPECT_EQ(screen(), Screen::Welcome);
}

}  // namespace
}  // namespace kiosk::ui::test
