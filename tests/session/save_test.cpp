// Saving as effects (STYLE.md #5): SaveRequest out, SaveSucceeded / SaveFailed back in. A failed
// save keeps the record and retries; nothing a patient entered survives into the next intake.
#include "kiosk/session/intake.h"

#include <gtest/gtest.h>

#include "session/sample_form.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;

namespace {

struct SaveTest : ::testing::Test {
    IntakeConfig config = [] {
        IntakeConfig c;
        c.retryEvery = std::chrono::seconds(10);
        c.thankYouFor = std::chrono::seconds(15);
        return c;
    }();
    Intake intake{sampleForm(), realCatalog(), config, fixedClock()};

    std::vector<Effect> act(const Action& a) { return intake.apply(a); }

    // A whole intake up to Submit; returns Submit's effects.
    std::vector<Effect> submit(const std::string& name, double at, const std::string& lang = "es") {
        act(Touch{t(at)});
        act(Start{lang});
        answerToReview(intake, name);
        EXPECT_EQ(intake.screen(), Screen::Review);
        return act(Submit{});
    }
    std::string nameIn(const Record& r) { return std::get<std::string>(r.answers.at("name")); }
    void expectNothingVisible(const std::string& marker) {
        const ViewModel vm = intake.view();
        EXPECT_TRUE(vm.items.empty());
        EXPECT_TRUE(vm.review.empty());
        EXPECT_TRUE(intake.answers().empty());
        EXPECT_EQ(intake.snapshot().find(marker), std::string::npos);
    }
};

}  // namespace

TEST_F(SaveTest, SuccessThanksThePatientThenResets) {
    act(Tick{t(0)});
    const auto effects = submit("Ana", 0);
    ASSERT_TRUE(saveRequest(effects).has_value());
    EXPECT_EQ(intake.view().screen, Screen::Saving);
    EXPECT_TRUE(intake.view().review.empty());

    const auto done = act(SaveSucceeded{"rec-1"});
    EXPECT_TRUE(hasDiscard(done));
    EXPECT_EQ(intake.view().screen, Screen::ThankYou);
    EXPECT_EQ(intake.view().lang, "es") << "thanked in their language";
    EXPECT_EQ(intake.pendingSaves(), 0u);
    expectNothingVisible("Ana");

    act(Tick{t(14)});
    EXPECT_EQ(intake.view().screen, Screen::ThankYou);
    act(Tick{t(15)});
    EXPECT_EQ(intake.view().screen, Screen::Welcome);
    EXPECT_EQ(intake.view().lang, "en");
}

TEST_F(SaveTest, ThankYouTimerStartsAtTheFirstTickWhenNoTimeWasKnown) {
    submit("Ana", 0);  // Touch at 0 gives a time; drop it by using a fresh intake without ticks
    Intake fresh{sampleForm(), realCatalog(), config, fixedClock()};
    fresh.apply(Start{"en"});
    answerToReview(fresh, "Bo");
    fresh.apply(Submit{});
    fresh.apply(SaveSucceeded{"r"});
    fresh.apply(Tick{t(500)});
    EXPECT_EQ(fresh.screen(), Screen::ThankYou);
    fresh.apply(Tick{t(515)});
    EXPECT_EQ(fresh.screen(), Screen::Welcome);
}

TEST_F(SaveTest, FailedSaveKeepsTheRecordAndRetries) {
    act(Tick{t(0)});
    const Record first = *saveRequest(submit("Ana", 0));
    act(Tick{t(1)});
    EXPECT_TRUE(act(SaveFailed{"disk full"}).empty());
    ViewModel vm = intake.view();
    EXPECT_EQ(vm.screen, Screen::SaveFailed);
    EXPECT_EQ(vm.retryInSeconds, 10);
    EXPECT_FALSE(vm.review.empty()) << "the answers stay on screen while it retries";
    EXPECT_EQ(intake.pendingSaves(), 1u);

    EXPECT_FALSE(saveRequest(act(Tick{t(10.9)})).has_value());
    EXPECT_EQ(intake.view().retryInSeconds, 1);
    std::optional<Record> again = saveRequest(act(Tick{t(11)}));
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(nameIn(*again), "Ana");
    EXPECT_EQ(again->submittedAt, first.submittedAt) << "the same record, not a new one";
    EXPECT_FALSE(saveRequest(act(Tick{t(30)})).has_value()) << "no second request while one is out";

    act(SaveFailed{"disk full"});
    EXPECT_EQ(intake.view().screen, Screen::SaveFailed);
    ASSERT_TRUE(saveRequest(act(Tick{t(40)})).has_value());
    EXPECT_TRUE(hasDiscard(act(SaveSucceeded{"rec-1"})));
    EXPECT_EQ(intake.view().screen, Screen::ThankYou);
    EXPECT_EQ(intake.pendingSaves(), 0u);
}

TEST_F(SaveTest, ResetAfterAFailedSaveStillRetriesThePendingRecord) {
    act(Tick{t(0)});
    submit("ZQXJ-Ana", 0);
    act(Tick{t(1)});
    act(SaveFailed{"locked"});
    act(Reset{});
    EXPECT_EQ(intake.view().screen, Screen::Welcome);
    expectNothingVisible("ZQXJ");
    EXPECT_EQ(intake.pendingSaves(), 1u);

    std::optional<Record> retried = saveRequest(act(Tick{t(11)}));
    ASSERT_TRUE(retried.has_value());
    EXPECT_EQ(nameIn(*retried), "ZQXJ-Ana");
    const auto done = act(SaveSucceeded{"rec-1"});
    EXPECT_FALSE(hasDiscard(done)) << "the draft was discarded at reset; a new one may exist";
    EXPECT_EQ(intake.view().screen, Screen::Welcome) << "no thank-you for somebody who left";
    EXPECT_EQ(intake.pendingSaves(), 0u);
}

TEST_F(SaveTest, IdleDuringAFailedSaveWipesTheScreenButNotThePendingRecord) {
    act(Tick{t(0)});
    submit("ZQXJ-Ana", 0);
    act(SaveFailed{"locked"});
    act(Tick{t(125)});  // 90 s idle + 30 s countdown passed; retries were due too
    EXPECT_EQ(intake.view().screen, Screen::Welcome);
    expectNothingVisible("ZQXJ");
    EXPECT_EQ(intake.pendingSaves(), 1u);
    act(SaveFailed{"locked"});
    std::optional<Record> retried = saveRequest(act(Tick{t(140)}));
    ASSERT_TRUE(retried.has_value());
    EXPECT_EQ(nameIn(*retried), "ZQXJ-Ana");
}

TEST_F(SaveTest, ANewPatientsRecordQueuesBehindAnUnsavedOne) {
    act(Tick{t(0)});
    submit("Ana", 0);
    act(SaveFailed{"locked"});
    act(Reset{});

    // Bo submits while Ana's record waits for its retry: Ana's goes first, Bo's follows.
    std::optional<Record> first = saveRequest(submit("Bo", 5));
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(nameIn(*first), "Ana");
    EXPECT_EQ(intake.pendingSaves(), 2u);
    EXPECT_EQ(intake.view().screen, Screen::Saving);

    const auto afterAna = act(SaveSucceeded{"rec-ana"});
    EXPECT_EQ(intake.view().screen, Screen::Saving) << "Ana's success does not thank Bo";
    EXPECT_FALSE(hasDiscard(afterAna));
    std::optional<Record> second = saveRequest(afterAna);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(nameIn(*second), "Bo");
    EXPECT_TRUE(hasDiscard(act(SaveSucceeded{"rec-bo"})));
    EXPECT_EQ(intake.view().screen, Screen::ThankYou);
    EXPECT_EQ(intake.pendingSaves(), 0u);
}

TEST_F(SaveTest, FailureOfAnOlderRecordShowsFailedToTheWaitingPatient) {
    act(Tick{t(0)});
    submit("Ana", 0);
    act(SaveFailed{"locked"});
    act(Reset{});
    submit("Bo", 5);  // sends Ana's record
    act(SaveFailed{"locked"});
    EXPECT_EQ(intake.view().screen, Screen::SaveFailed) << "the store is failing: Bo is told";
    EXPECT_EQ(intake.pendingSaves(), 2u);
}

TEST_F(SaveTest, ResetWipesEverythingOfPatientA) {
    act(Tick{t(0)});
    act(Start{"es"});
    act(SetAnswer{"name", std::string("ZQXJ-Ana")});
    const auto effects = act(Reset{});
    EXPECT_TRUE(hasDiscard(effects));
    expectNothingVisible("ZQXJ");
    const ViewModel vm = intake.view();
    EXPECT_EQ(vm.screen, Screen::Welcome);
    EXPECT_EQ(vm.lang, "en");
    EXPECT_EQ(vm.page, -1);
    EXPECT_FALSE(vm.hasErrors);
    act(Start{"en"});
    EXPECT_EQ(intake.view().items[0].answer, nullptr);
    EXPECT_TRUE(act(Reset{}).size() == 1u);
    EXPECT_TRUE(act(Reset{}).empty()) << "nothing to discard on an empty welcome";
}

// Issue 20: a red flag ended on "Please take a seat": the thank-you after an urgent flag asks the
// patient to go to the front desk now (the screen says why in no words of the flag).
TEST_F(SaveTest, AnUrgentFlagAsksThePatientToGoToTheDeskOnTheThankYouScreen) {
    act(Touch{t(0)});
    act(Start{"en"});
    act(SetAnswer{"name", std::string("Ana")});
    act(SetAnswer{"dob", Date{1950, 3, 14}});
    act(Next{});
    act(SetAnswer{"hurts", true});
    act(SetAnswer{"pain_now", 8.0});
    act(Next{});
    act(SetAnswer{"night_pain", true});  // the sample form's urgent flag
    act(Next{});
    act(SetAnswer{"agree", true});
    act(SetAnswer{"sig", aSignature()});
    act(Next{});
    const auto record = saveRequest(act(Submit{}));
    ASSERT_TRUE(record.has_value());
    ASSERT_EQ(record->flags.size(), 1u);
    EXPECT_FALSE(intake.view().goToDesk) << "not before it is saved";
    act(SaveSucceeded{"rec-1"});
    ASSERT_EQ(intake.screen(), Screen::ThankYou);
    EXPECT_TRUE(intake.view().goToDesk);
    act(Tick{t(1)});
    act(Tick{t(20)});
    ASSERT_EQ(intake.screen(), Screen::Welcome);
    EXPECT_FALSE(intake.view().goToDesk);

    // The next patient, without a flag, is thanked as usual.
    submit("Bea", 30);
    act(SaveSucceeded{"rec-2"});
    ASSERT_EQ(intake.screen(), Screen::ThankYou);
    EXPECT_FALSE(intake.view().goToDesk);
}
