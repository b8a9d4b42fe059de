// Forms come from the clinic, live (issue 17): a version published while a patient is mid-intake
// waits; that patient finishes on the version they began, the next patient gets the new one, and a
// draft being resumed keeps its own version.
#include "kiosk/session/form_updates.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

/// The sample form as the clinic's version @p version (another title, another content hash).
std::shared_ptr<const Form> sampleVersion(int version) {
    Form f = *sampleForm();
    f.version = version;
    f.contentHash = "sha256:v" + std::to_string(version);
    f.title = txt("Intake v" + std::to_string(version), "Admisión v" + std::to_string(version));
    return share(std::move(f));
}

struct FormUpdatesTest : ::testing::Test {
    IntakeConfig config = [] {
        IntakeConfig c;
        c.thankYouFor = std::chrono::seconds(15);
        return c;
    }();
    Intake intake{sampleVersion(1), realCatalog(), config, fixedClock()};
    FormUpdates updates;

    std::vector<Effect> act(const Action& a) { return intake.apply(a); }
    /// One whole intake from the welcome screen; returns the record it asked to save.
    Record wholeIntake(double at) {
        act(Touch{t(at)});
        act(Start{"en"});
        answerToReview(intake);
        auto record = saveRequest(act(Submit{}));
        EXPECT_TRUE(record.has_value());
        act(SaveSucceeded{"rec"});
        act(Tick{t(at + 16)});  // the thank-you screen ends
        EXPECT_EQ(intake.screen(), Screen::Welcome);
        return record.value_or(Record{});
    }
};

}  // namespace

TEST_F(FormUpdatesTest, AVersionPublishedMidIntakeWaitsForTheNextPatient) {
    act(Touch{t(0)});
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    EXPECT_TRUE(updates.offer(sampleVersion(2)));
    EXPECT_TRUE(updates.waiting());
    EXPECT_FALSE(updates.deliver(intake)) << "never in the middle of an intake";
    EXPECT_EQ(intake.form().version, 1);
    EXPECT_EQ(intake.answers().count("name"), 1u) << "the patient's answers stay";
    answerToReview(intake);
    EXPECT_FALSE(updates.deliver(intake)) << "nor on the review";
    const auto record = saveRequest(act(Submit{}));
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->formVersion, 1) << "the intake finishes on the version it began";
    EXPECT_EQ(record->contentHash, "sha256:v1");
    EXPECT_FALSE(updates.deliver(intake)) << "nor while saving";
    act(SaveSucceeded{"rec-1"});
    EXPECT_FALSE(updates.deliver(intake)) << "nor on the thank-you screen";
    act(Tick{t(16)});
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(updates.waiting());
    EXPECT_TRUE(updates.deliver(intake)) << "between patients, at the welcome screen";
    EXPECT_FALSE(updates.waiting());
    EXPECT_EQ(intake.form().version, 2);
    EXPECT_EQ(intake.view().screen, Screen::Welcome);
    const Record next = wholeIntake(100);
    EXPECT_EQ(next.formVersion, 2) << "the next patient gets the new version";
    EXPECT_EQ(next.contentHash, "sha256:v2");
}

TEST_F(FormUpdatesTest, TheWelcomeScreenTakesItAtOnceWhenNobodyIsThere) {
    EXPECT_TRUE(updates.offer(sampleVersion(2)));
    EXPECT_TRUE(updates.deliver(intake));
    EXPECT_EQ(intake.form().version, 2);
    EXPECT_FALSE(updates.offer(sampleVersion(2))) << "the same version again is no news: no wake-up";
    EXPECT_FALSE(updates.deliver(intake));
    // An earlier version made active again on the server is taken too: the server's active one rules.
    EXPECT_TRUE(updates.offer(sampleVersion(1)));
    EXPECT_TRUE(updates.deliver(intake));
    EXPECT_EQ(intake.form().version, 1);
}

TEST_F(FormUpdatesTest, APatientBackAtTheWelcomeScreenWithNothingAnsweredGetsIt) {
    act(Touch{t(0)});
    act(Start{"es"});
    updates.offer(sampleVersion(2));
    EXPECT_FALSE(updates.deliver(intake));
    act(Back{});  // nothing answered: straight back to the welcome screen, in their language
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(updates.deliver(intake));
    EXPECT_EQ(intake.form().version, 2);
    EXPECT_EQ(intake.view().lang, "es") << "the language they chose stays (the new version has it)";
}

TEST_F(FormUpdatesTest, ADraftBeingResumedKeepsItsOwnVersion) {
    act(Touch{t(0)});
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    act(SetAnswer{"dob", Date{1950, 3, 14}});
    act(Next{});
    const std::string draft = intake.snapshot();
    const auto named = draftFormOf(draft);
    ASSERT_TRUE(named.has_value()) << "a draft names the version it was answered on";
    EXPECT_EQ(named->id, "test_form");
    EXPECT_EQ(named->version, 1);
    EXPECT_FALSE(draftFormOf("not json").has_value());

    Intake restarted{sampleVersion(1), realCatalog(), config, fixedClock()};
    ASSERT_TRUE(restarted.restore(draft));
    ASSERT_EQ(restarted.screen(), Screen::Resume);
    updates.offer(sampleVersion(2));
    EXPECT_FALSE(updates.deliver(restarted)) << "the resume screen holds a draft";
    restarted.apply(ResumeContinue{});
    EXPECT_FALSE(updates.deliver(restarted));
    EXPECT_EQ(restarted.form().version, 1);
    EXPECT_EQ(restarted.answers().count("name"), 1u);
}

TEST_F(FormUpdatesTest, AnotherQuestionnaireIsNeverSwappedIn) {
    Form other = *sampleVersion(5);
    other.id = "follow_up_visit";
    EXPECT_TRUE(updates.offer(share(std::move(other))));
    EXPECT_FALSE(updates.deliver(intake));
    EXPECT_EQ(intake.form().id, "test_form");
    EXPECT_FALSE(updates.waiting()) << "nothing for this kiosk's questionnaire waits";
    EXPECT_FALSE(intake.takeForm(nullptr));
}
