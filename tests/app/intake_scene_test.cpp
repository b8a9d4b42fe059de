// The app's wiring of the session: effects reach the sink, outcomes come back, and the scene wakes
// the loop exactly when the session says a clock runs out (idle, countdown, thank-you, retry) and
// never else. The rules themselves are tested in tests/session/deadline_test.cpp. Time is passed in:
// nothing sleeps.
#include "kiosk/app/shell/intake_scene.h"

#include <gtest/gtest.h>

#include "kiosk/app/cli/demo_answers.h"
#include "kiosk/forms/loader.h"

namespace kiosk::app {
namespace {

using session::Screen;
using std::chrono::milliseconds;
using std::chrono::seconds;

/// A sink that fails while `failing` is set, like a disk that fills up and is then cleared.
class FlakySink final : public RecordSink {
  public:
    bool failing = false;
    int submits = 0, saved = 0, drafts = 0, discards = 0;
    core::Result<std::string> submit(const session::Record&) override {
        ++submits;
        if (failing) return core::makeError(core::ErrorCode::DiskFull, "disk full");
        return "rec-" + std::to_string(++saved);
    }
    core::Result<void> saveDraft(const std::string&) override {
        ++drafts;
        return {};
    }
    core::Result<void> discardDraft() override {
        ++discards;
        return {};
    }
};

class IntakeSceneTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto catalog = core::Catalog::loadDir(KIOSK_SOURCE_DIR "/assets/i18n");
        ASSERT_TRUE(catalog.ok()) << catalog.error().format();
        m_catalog = std::move(*catalog);
        forms::LoadResult loaded = forms::loadForm(KIOSK_SOURCE_DIR "/forms/intake.yaml");
        ASSERT_TRUE(loaded.ok());
        m_form = loaded.form;
        m_timing.idleAfter = seconds(90);
        m_timing.idleCountdown = seconds(30);
        m_timing.thankYouFor = seconds(15);
        m_timing.retryEvery = seconds(10);
        m_timing.welcomeLang = "es";
        m_intake = std::make_unique<session::Intake>(m_form, m_catalog, m_timing);
        m_view = std::make_unique<ui::KioskView>(m_catalog, ui::UiOptions{});
        m_scene = std::make_unique<IntakeScene>(*m_intake, *m_view, m_sink);
    }

    /// Answers the current page with demo answers and presses Next.
    void answerAndNext() {
        for (const auto& entry : m_intake->view().items) {
            if (entry.item && !entry.answer) {
                if (auto a = demoAnswer(*entry.item))
                    m_scene->apply(session::SetAnswer{entry.item->id, *a});
            }
        }
        m_scene->apply(session::Next{});
    }

    /// Ticks at the scene's own wake time, as the loop would; returns that time.
    SteadyTime tickAtWake(SteadyTime now) {
        auto wake = m_scene->nextWake(now);
        EXPECT_TRUE(wake.has_value());
        const SteadyTime at = std::max(now, wake.value_or(now));
        m_scene->onTick(at);
        return at;
    }

    core::Catalog m_catalog;
    std::shared_ptr<const forms::Form> m_form;
    session::IntakeConfig m_timing;
    FlakySink m_sink;
    std::unique_ptr<session::Intake> m_intake;
    std::unique_ptr<ui::KioskView> m_view;
    std::unique_ptr<IntakeScene> m_scene;
    const SteadyTime m_t0 = SteadyTime{} + std::chrono::hours(1);
};

TEST_F(IntakeSceneTest, EmptyWelcomeNeverWakes) {
    EXPECT_EQ(m_intake->view().lang, "es");  // the configured welcome language
    EXPECT_FALSE(m_scene->nextWake(m_t0).has_value());
}

TEST_F(IntakeSceneTest, ALanguageTappedOnTheWelcomeScreenStaysThroughTouchesUntilStart) {
    // The clinic greets in Spanish (fixture); this patient taps English, then touches and moves on
    // the screen before tapping Start: each touch is this patient, not a new one.
    m_scene->apply(session::SetLanguage{"en"});
    m_scene->onInput(m_t0 + seconds(1));
    m_scene->onTick(m_t0 + seconds(1));
    ASSERT_EQ(m_intake->view().lang, "en");
    m_scene->onInput(m_t0 + seconds(2));
    m_scene->apply(session::Start{m_intake->view().lang});
    ASSERT_EQ(m_intake->screen(), Screen::Page);
    EXPECT_EQ(m_intake->view().lang, "en");
}

TEST_F(IntakeSceneTest, IdleWakesAtTheWarningThenEachSecondThenWipes) {
    m_scene->onInput(m_t0);
    m_scene->apply(session::Start{"en"});
    ASSERT_EQ(m_intake->screen(), Screen::Page);
    // Nothing until the idle time has passed since the touch, and then exactly then.
    const SteadyTime warnAt = *m_scene->nextWake(m_t0);
    EXPECT_EQ(warnAt, m_t0 + seconds(90));
    EXPECT_FALSE(m_scene->onTick(warnAt - milliseconds(1))) << "a tick before it changes nothing";
    EXPECT_FALSE(m_intake->view().idleWarning);

    EXPECT_TRUE(m_scene->onTick(warnAt)) << "the warning needs a frame";
    ASSERT_TRUE(m_intake->view().idleWarning);
    EXPECT_EQ(*m_scene->nextWake(warnAt), warnAt + seconds(1));  // the countdown, once a second

    SteadyTime now = warnAt;
    for (int i = 0; i < 40 && m_intake->screen() != Screen::Welcome; ++i)
        now = tickAtWake(now);
    EXPECT_EQ(m_intake->screen(), Screen::Welcome);
    EXPECT_TRUE(m_intake->answers().empty());
    EXPECT_EQ(m_intake->view().lang, "es") << "back to the clinic's language for the next patient";
    EXPECT_FALSE(m_scene->nextWake(now).has_value()) << "an empty welcome screen sleeps";
}

TEST_F(IntakeSceneTest, InputPostponesTheIdleWarning) {
    m_scene->onInput(m_t0);
    m_scene->apply(session::Start{"en"});
    m_scene->onTick(m_t0);
    m_scene->onInput(m_t0 + seconds(60));
    EXPECT_EQ(*m_scene->nextWake(m_t0 + seconds(60)), m_t0 + seconds(150));
}

TEST_F(IntakeSceneTest, SubmitSavesThenThankYouThenWelcome) {
    SteadyTime now = m_t0;
    m_scene->onInput(now);
    m_scene->apply(session::Start{"en"});
    for (int i = 0; i < 200 && m_intake->screen() == Screen::Page; ++i)
        answerAndNext();
    ASSERT_EQ(m_intake->screen(), Screen::Review);
    EXPECT_GT(m_sink.drafts, 0) << "a draft is saved per page";

    m_scene->apply(session::Submit{});
    EXPECT_EQ(m_sink.saved, 1);
    ASSERT_EQ(m_intake->screen(), Screen::ThankYou);
    const SteadyTime end = *m_scene->nextWake(now);
    EXPECT_EQ(end, now + seconds(15)) << "the thank-you screen, timed from the save";
    m_scene->onTick(end - milliseconds(1));
    EXPECT_EQ(m_intake->screen(), Screen::ThankYou);
    EXPECT_EQ(*m_scene->nextWake(end - milliseconds(1)), end);
    m_scene->onTick(end);
    EXPECT_EQ(m_intake->screen(), Screen::Welcome);
    EXPECT_FALSE(m_scene->nextWake(end).has_value());
}

TEST_F(IntakeSceneTest, FailedSaveRetriesUntilTheDiskRecovers) {
    SteadyTime now = m_t0;
    m_scene->onInput(now);
    m_scene->apply(session::Start{"en"});
    for (int i = 0; i < 200 && m_intake->screen() == Screen::Page; ++i)
        answerAndNext();
    m_sink.failing = true;
    m_scene->apply(session::Submit{});
    ASSERT_EQ(m_intake->screen(), Screen::SaveFailed);
    EXPECT_EQ(m_sink.submits, 1);
    EXPECT_EQ(m_intake->pendingSaves(), 1u);

    // Wakes each second (the on-screen countdown); the retry comes after retryEvery.
    EXPECT_EQ(*m_scene->nextWake(now), now + seconds(1));
    EXPECT_TRUE(m_scene->onTick(now + seconds(1))) << "the countdown shows one second less";
    EXPECT_EQ(m_intake->view().retryInSeconds, 9);
    now += seconds(1);
    for (int i = 0; i < 12 && m_sink.submits < 2; ++i)
        now = tickAtWake(now);
    EXPECT_EQ(m_sink.submits, 2);
    EXPECT_EQ(now, m_t0 + seconds(10));
    m_sink.failing = false;
    for (int i = 0; i < 12 && m_sink.saved == 0; ++i)
        now = tickAtWake(now);
    EXPECT_EQ(m_sink.saved, 1);
    EXPECT_EQ(m_intake->screen(), Screen::ThankYou);
    EXPECT_EQ(m_intake->pendingSaves(), 0u);
}

TEST_F(IntakeSceneTest, BackToWelcomeKeepsTextSizeAndContrastButTheNextPatientGetsDefaults) {
    m_scene->apply(session::Start{"en"});
    m_view->setDisplayChoices({true, true});
    m_scene->apply(session::Back{});  // nothing answered: this patient is going back to change language
    ASSERT_EQ(m_intake->screen(), Screen::Welcome);
    EXPECT_TRUE(m_view->displayChoices().largerText);
    EXPECT_TRUE(m_view->displayChoices().highContrast);

    // The intake ends (idle wipe): the next patient starts with the clinic's defaults.
    m_scene->apply(session::Start{"en"});
    m_scene->apply(session::Reset{});
    ASSERT_EQ(m_intake->screen(), Screen::Welcome);
    EXPECT_FALSE(m_view->displayChoices().largerText);
    EXPECT_FALSE(m_view->displayChoices().highContrast);
}

TEST_F(IntakeSceneTest, AResumedDraftLeftAloneIsWipedLikeAPage) {
    m_scene->apply(session::Start{"en"});
    answerAndNext();
    const std::string draft = m_intake->snapshot();
    // The kiosk restarts (cli_run.cpp): a new Intake restores the draft, a new scene runs it.
    session::Intake intake(m_form, m_catalog, m_timing);
    ASSERT_TRUE(intake.restore(draft));
    IntakeScene scene(intake, *m_view, m_sink);
    ASSERT_EQ(intake.screen(), Screen::Resume);
    EXPECT_EQ(intake.view().lang, "en") << "the patient's language, not the welcome one";
    EXPECT_EQ(*scene.nextWake(m_t0), m_t0) << "no time seen yet: the session starts its idle clock";
    scene.onTick(m_t0);
    const SteadyTime warnAt = *scene.nextWake(m_t0);
    EXPECT_EQ(warnAt, m_t0 + seconds(90));
    scene.onTick(warnAt);
    ASSERT_TRUE(intake.view().idleWarning);
    SteadyTime now = warnAt;
    for (int i = 0; i < 40 && intake.screen() != Screen::Welcome; ++i) {
        now = std::max(now, scene.nextWake(now).value_or(now));
        scene.onTick(now);
    }
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_TRUE(intake.answers().empty());
    EXPECT_EQ(m_sink.discards, 1) << "the draft goes too";
    EXPECT_EQ(intake.view().lang, "es");
    EXPECT_FALSE(scene.nextWake(now).has_value());
}

TEST_F(IntakeSceneTest, WakesWhenTheSessionSaysAndNeverBeforeNow) {
    m_scene->apply(session::Start{"en"});
    // No time seen yet: the session wants a tick at once to start its idle clock.
    ASSERT_TRUE(m_intake->nextDeadline().has_value());
    EXPECT_LT(*m_intake->nextDeadline(), m_t0);
    EXPECT_EQ(*m_scene->nextWake(m_t0), m_t0) << "a deadline already past is now";
    m_scene->onTick(m_t0);
    EXPECT_EQ(m_scene->nextWake(m_t0 + seconds(5)), m_intake->nextDeadline());
}

// The loop's side of a clinic form published while the kiosk runs: the sync thread's offer wakes
// the loop (pollChanges asks for a frame) and the welcome screen shows the new version at once; an
// intake in progress keeps its version until it ends, and the scene takes the new one then.
TEST_F(IntakeSceneTest, AClinicVersionOfferedIsShownAtTheWelcomeScreenAndWaitsDuringAnIntake) {
    session::FormUpdates updates;
    m_scene->attachFormUpdates(updates);
    auto version = [&](int v) {
        auto f = std::make_shared<forms::Form>(*m_form);
        f->version = v;
        f->contentHash = "sha256:clinic-v" + std::to_string(v);
        return std::shared_ptr<const forms::Form>(std::move(f));
    };
    EXPECT_FALSE(m_scene->pollChanges()) << "nothing offered: no frame";
    ASSERT_TRUE(updates.offer(version(100)));
    EXPECT_TRUE(m_scene->pollChanges()) << "the welcome screen redraws with the new version";
    EXPECT_EQ(m_intake->form().version, 100);
    EXPECT_FALSE(m_scene->pollChanges());

    m_scene->onInput(m_t0);
    m_scene->apply(session::Start{"en"});
    ASSERT_TRUE(updates.offer(version(101)));
    EXPECT_FALSE(m_scene->pollChanges()) << "mid-intake: no change, no frame";
    EXPECT_EQ(m_intake->form().version, 100);
    m_scene->apply(session::Reset{});  // the intake ends: the same apply takes the waiting version
    EXPECT_EQ(m_intake->screen(), Screen::Welcome);
    EXPECT_EQ(m_intake->form().version, 101);
}

}  // namespace
}  // namespace kiosk::app
