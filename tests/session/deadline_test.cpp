// Intake::nextDeadline() (every timer of an intake lives in the session) and the clinic's welcome
// language. Exactness: a Tick at exactly the deadline makes the change, a Tick just before does not,
// so app/ sleeps until the deadline with no margin. Time is synthetic.
#include "kiosk/session/intake.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

constexpr auto kJustBefore = std::chrono::milliseconds(1);

struct DeadlineTest : ::testing::Test {
    IntakeConfig config = [] {
        IntakeConfig c;
        c.idleAfter = std::chrono::seconds(90);
        c.idleCountdown = std::chrono::seconds(30);
        c.thankYouFor = std::chrono::seconds(15);
        c.retryEvery = std::chrono::seconds(10);
        return c;
    }();
    Intake intake{sampleForm(), realCatalog(), config, fixedClock()};

    std::vector<Effect> act(const Action& a) { return intake.apply(a); }
    TimePoint deadline() const {
        const auto d = intake.nextDeadline();
        EXPECT_TRUE(d.has_value());
        return d.value_or(TimePoint{});
    }
    /// Touch at @p at, Start, and answer the first question (still on the first page).
    void startAt(double at, const std::string& lang = "en") {
        act(Touch{t(at)});
        act(Start{lang});
        act(SetAnswer{"name", std::string("Ana")});
    }
    /// From a started intake to Submit (the save is asked for, not yet answered).
    void toSubmit() {
        answerToReview(intake);
        ASSERT_EQ(intake.screen(), Screen::Review);
        act(Submit{});
        ASSERT_EQ(intake.screen(), Screen::Saving);
    }
};

}  // namespace

TEST_F(DeadlineTest, AnEmptyWelcomeScreenHasNone) {
    EXPECT_FALSE(intake.nextDeadline().has_value());
    act(Touch{t(5)});
    act(Tick{t(6)});
    EXPECT_FALSE(intake.nextDeadline().has_value()) << "touching the welcome screen starts no timer";
}

TEST_F(DeadlineTest, APageWaitsForTheIdleWarningExactly) {
    startAt(0);
    EXPECT_EQ(deadline(), t(90));
    act(Tick{t(90) - kJustBefore});
    EXPECT_FALSE(intake.view().idleWarning);
    EXPECT_EQ(deadline(), t(90));
    act(Tick{t(90)});
    EXPECT_TRUE(intake.view().idleWarning);
    EXPECT_EQ(intake.view().idleSecondsLeft, 30);
}

TEST_F(DeadlineTest, ATouchMovesTheIdleDeadline) {
    startAt(0);
    act(Touch{t(40)});
    EXPECT_EQ(deadline(), t(130));
}

TEST_F(DeadlineTest, TheIdleCountdownWakesOnEachWholeSecondThenWipes) {
    startAt(0);
    act(Tick{t(90)});
    ASSERT_TRUE(intake.view().idleWarning);
    EXPECT_EQ(deadline(), t(91));
    act(Tick{t(91) - kJustBefore});
    EXPECT_EQ(intake.view().idleSecondsLeft, 30);
    act(Tick{t(91)});
    EXPECT_EQ(intake.view().idleSecondsLeft, 29);
    // Off the beat (a late wake): the next deadline is back on the whole second.
    act(Tick{t(95.4)});
    EXPECT_EQ(intake.view().idleSecondsLeft, 25);
    EXPECT_EQ(deadline(), t(96));
    // Ticking only at the deadlines reaches the wipe at exactly idleAfter + idleCountdown.
    TimePoint now = t(95.4);
    for (int i = 0; i < 40 && intake.screen() != Screen::Welcome; ++i) {
        now = deadline();
        act(Tick{now});
    }
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_EQ(now, t(120));
    EXPECT_TRUE(intake.answers().empty());
    EXPECT_FALSE(intake.nextDeadline().has_value());
}

TEST_F(DeadlineTest, UnderTheWarningOnlyStillHereRestartsTheClock) {
    startAt(0);
    act(Tick{t(90)});
    act(Touch{t(92)});  // a stray tap on the overlay
    EXPECT_EQ(deadline(), t(91)) << "the countdown goes on";
    act(StillHere{t(92)});
    EXPECT_EQ(deadline(), t(182));
}

TEST_F(DeadlineTest, WithoutAnyTimeSeenTheFirstTickIsDueAtOnce) {
    act(Start{"en"});  // no Touch: the session has seen no time yet
    ASSERT_EQ(intake.screen(), Screen::Page);
    const TimePoint due = deadline();
    EXPECT_LE(due, t(0)) << "any Tick is late enough";
    act(Tick{t(3)});
    EXPECT_EQ(deadline(), t(93)) << "the idle clock started at that Tick";
}

TEST_F(DeadlineTest, BackOnTheFirstPageWithAnswersAsksAndIdleStillRuns) {
    startAt(0);
    act(Back{});
    ASSERT_TRUE(intake.view().confirmStartOver);
    EXPECT_EQ(deadline(), t(90));
}

TEST_F(DeadlineTest, AResumedDraftIsWipedLikeAPage) {
    startAt(0);
    act(SetAnswer{"dob", Date{1950, 3, 14}});
    act(Next{});
    const std::string draft = intake.snapshot();
    Intake restored{sampleForm(), realCatalog(), config, fixedClock()};
    ASSERT_TRUE(restored.restore(draft));
    ASSERT_EQ(restored.screen(), Screen::Resume);
    ASSERT_TRUE(restored.nextDeadline().has_value());
    EXPECT_LE(*restored.nextDeadline(), t(0)) << "a tick at once starts its idle clock";
    restored.apply(Tick{t(10)});
    EXPECT_EQ(restored.nextDeadline(), t(100));
}

TEST_F(DeadlineTest, TheThankYouScreenEndsExactly) {
    startAt(0);
    toSubmit();
    act(Touch{t(20)});
    act(SaveSucceeded{"rec-1"});
    ASSERT_EQ(intake.screen(), Screen::ThankYou);
    EXPECT_EQ(deadline(), t(35));
    act(Tick{t(35) - kJustBefore});
    EXPECT_EQ(intake.screen(), Screen::ThankYou);
    act(Tick{t(35)});
    EXPECT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_FALSE(intake.nextDeadline().has_value());
}

TEST_F(DeadlineTest, WhileSavingOnlyIdleRuns) {
    startAt(0);
    toSubmit();
    EXPECT_EQ(deadline(), t(90)) << "the save is out: no retry to time";
}

TEST_F(DeadlineTest, AFailedSaveCountsDownEachSecondToItsRetry) {
    startAt(0);
    toSubmit();
    act(Touch{t(20)});
    act(SaveFailed{"disk full"});
    ASSERT_EQ(intake.screen(), Screen::SaveFailed);
    EXPECT_EQ(intake.view().retryInSeconds, 10);
    EXPECT_EQ(deadline(), t(21));
    act(Tick{t(21) - kJustBefore});
    EXPECT_EQ(intake.view().retryInSeconds, 10);
    act(Tick{t(21)});
    EXPECT_EQ(intake.view().retryInSeconds, 9);
    EXPECT_EQ(deadline(), t(22));

    act(Tick{t(29)});
    EXPECT_EQ(deadline(), t(30)) << "the last second ends with the retry itself";
    EXPECT_TRUE(act(Tick{t(30) - kJustBefore}).empty());
    const auto retry = act(Tick{t(30)});
    ASSERT_EQ(retry.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<SaveRequest>(retry.front()));
}

TEST_F(DeadlineTest, ARetryBehindTheWelcomeScreenWakesOnlyForTheRetry) {
    startAt(0);
    toSubmit();
    act(Touch{t(20)});
    act(SaveFailed{"disk full"});
    act(Reset{});  // the patient walked away: the record stays pending, out of sight
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    ASSERT_EQ(intake.pendingSaves(), 1u);
    EXPECT_EQ(deadline(), t(30)) << "no countdown on screen: no wake each second";
    EXPECT_EQ(act(Tick{t(30)}).size(), 1u);
    EXPECT_FALSE(intake.nextDeadline().has_value()) << "the save is out again";
}

TEST_F(DeadlineTest, ARetryRunsBehindTheNextPatientsPagesAndTheSoonerDeadlineWins) {
    startAt(0);
    toSubmit();
    act(Touch{t(1)});
    act(SaveFailed{"disk full"});  // retry at t(11)
    act(Reset{});
    startAt(5);  // the next patient: idle warning at t(95)
    EXPECT_EQ(deadline(), t(11));
    const auto retry = act(Tick{t(11)});
    ASSERT_EQ(retry.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<SaveRequest>(retry.front()));
    act(SaveSucceeded{"rec-1"});
    EXPECT_EQ(intake.screen(), Screen::Page) << "the earlier patient's save thanks nobody on screen";
    EXPECT_EQ(deadline(), t(95));
}

// [SECTION] The clinic's welcome language

namespace {

/// An intake whose clinic greets in @p welcomeLang, with the default timings (idle 90 + 30 s,
/// thank-you 15 s).
Intake clinicIntake(const std::string& welcomeLang) {
    IntakeConfig config;
    config.welcomeLang = welcomeLang;
    return Intake{sampleForm(), realCatalog(), config, fixedClock()};
}

}  // namespace

TEST(WelcomeLanguage, TheIntakeOpensInTheClinicsLanguage) {
    Intake intake = clinicIntake("es");
    EXPECT_EQ(intake.welcomeLang(), "es");
    EXPECT_EQ(intake.view().lang, "es");
}

TEST(WelcomeLanguage, OneTheFormLacksFallsBackToTheFormsFirst) {
    Intake intake = clinicIntake("fr");
    EXPECT_EQ(intake.welcomeLang(), "en");
    EXPECT_EQ(intake.view().lang, "en");
}

TEST(WelcomeLanguage, ALanguageTappedBeforeStartStaysAndTheClinicsComesBackWhenTheIntakeEnds) {
    Intake intake = clinicIntake("es");
    intake.apply(SetLanguage{"en"});
    intake.apply(Touch{t(1)});
    intake.apply(Tick{t(2)});
    EXPECT_EQ(intake.view().lang, "en") << "touches on the welcome screen are this patient choosing";
    intake.apply(Start{"en"});
    intake.apply(Back{});  // nothing answered yet: straight to the welcome screen
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_EQ(intake.view().lang, "en") << "back to the welcome screen is not the end of the intake";
    intake.apply(Reset{});
    EXPECT_EQ(intake.view().lang, "es");
}

TEST(WelcomeLanguage, EveryEndOfAnIntakeGreetsInTheClinicsLanguage) {
    Intake intake = clinicIntake("es");

    // Idle wipe.
    intake.apply(Touch{t(0)});
    intake.apply(Start{"en"});
    intake.apply(Tick{t(120)});
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_EQ(intake.view().lang, "es");

    // Submitted: thanked in the patient's language, then the clinic's.
    intake.apply(SetLanguage{"en"});
    intake.apply(Touch{t(200)});
    intake.apply(Start{"en"});
    answerToReview(intake);
    intake.apply(Submit{});
    intake.apply(SaveSucceeded{"rec-1"});
    ASSERT_EQ(intake.screen(), Screen::ThankYou);
    EXPECT_EQ(intake.view().lang, "en");
    intake.apply(Tick{t(215)});
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_EQ(intake.view().lang, "es");
}
