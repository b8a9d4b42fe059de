// The staff gate: right and wrong PINs, back-off, the 5-minute lockout and its end, the audit
// events, the constant-time comparison, passphrase mode and the idle close. Time is passed in.
#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/staff/pin_gate.h"

namespace kiosk::staff {
namespace {

using std::chrono::seconds;

const TimePoint kT0 = TimePoint{} + std::chrono::hours(1);

/// A gate with its audit events captured.
struct GateFixture : ::testing::Test {
    std::vector<AttemptEvent> events;
    GateHooks hooks() {
        GateHooks h;
        h.audit = [this](const AttemptEvent& e) { events.push_back(e); };
        return h;
    }
    static std::optional<AttemptOutcome> attempt(PinGate& g, const std::string& typed, TimePoint now) {
        for (char c : typed) g.type(std::string(1, c), now);
        return g.submit(now);
    }
};

TEST_F(GateFixture, TheRightPinGrantsOnceAndClosesThePad) {
    PinGate g(GateOptions{"4815", seconds(30)}, hooks());
    EXPECT_EQ(g.mode(), GateMode::Pin);
    EXPECT_FALSE(g.isOpen());
    g.open(kT0);
    ASSERT_TRUE(g.isOpen());
    g.type("4", kT0);
    g.type("8", kT0);
    EXPECT_EQ(g.view(kT0).entered, 2);
    EXPECT_TRUE(g.view(kT0).canSubmit);
    g.type("1", kT0);
    g.type("5", kT0);
    EXPECT_EQ(g.submit(kT0), AttemptOutcome::Ok);
    EXPECT_FALSE(g.isOpen());
    EXPECT_TRUE(g.takeGranted());
    EXPECT_FALSE(g.takeGranted());  // taken once
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].outcome, AttemptOutcome::Ok);
    EXPECT_EQ(events[0].mode, GateMode::Pin);
    EXPECT_EQ(events[0].wrongInARow, 0);
}

TEST_F(GateFixture, AWrongPinSaysSoAndGrantsNothing) {
    for (const char* typed : {"4816", "481", "48150", "5814"}) {
        SCOPED_TRACE(typed);
        events.clear();
        PinGate g(GateOptions{"4815", seconds(30)}, hooks());
        g.open(kT0);
        EXPECT_EQ(attempt(g, typed, kT0), AttemptOutcome::Wrong);
        EXPECT_TRUE(g.isOpen());
        EXPECT_FALSE(g.takeGranted());
        EXPECT_EQ(g.view(kT0).entered, 0);  // what was typed is forgotten
        EXPECT_EQ(g.view(kT0).message, GateMessage::Wrong);
        ASSERT_EQ(events.size(), 1u);
        EXPECT_EQ(events[0].outcome, AttemptOutcome::Wrong);
        EXPECT_EQ(events[0].wrongInARow, 1);
        g.type("4", kT0);  // typing again clears the message
        EXPECT_EQ(g.view(kT0).message, GateMessage::Enter);
    }
}

TEST_F(GateFixture, NothingTypedIsNoAttempt) {
    PinGate g(GateOptions{"4815", seconds(30)}, hooks());
    EXPECT_EQ(g.submit(kT0), std::nullopt);  // closed
    g.open(kT0);
    EXPECT_FALSE(g.view(kT0).canSubmit);
    EXPECT_EQ(g.submit(kT0), std::nullopt);
    EXPECT_TRUE(events.empty());
}

TEST_F(GateFixture, WrongTriesBackOffAndTheFifthLocksForFiveMinutes) {
    EXPECT_EQ(PinGate::waitAfter(1), seconds(0));
    EXPECT_EQ(PinGate::waitAfter(2), seconds(0));
    EXPECT_EQ(PinGate::waitAfter(3), seconds(10));
    EXPECT_EQ(PinGate::waitAfter(4), seconds(20));
    EXPECT_EQ(PinGate::waitAfter(5), seconds(300));
    EXPECT_EQ(PinGate::waitAfter(9), seconds(300));

    PinGate g(GateOptions{"4815", seconds(3600)}, hooks());
    g.open(kT0);
    TimePoint t = kT0;
    EXPECT_EQ(attempt(g, "1111", t), AttemptOutcome::Wrong);
    EXPECT_EQ(attempt(g, "1111", t), AttemptOutcome::Wrong);
    EXPECT_EQ(g.view(t).lockedSeconds, 0);
    EXPECT_EQ(attempt(g, "1111", t), AttemptOutcome::Wrong);  // third: 10 s back-off
    EXPECT_EQ(g.view(t).lockedSeconds, 10);
    EXPECT_EQ(g.view(t).message, GateMessage::Locked);
    g.type("4", t);  // keys do nothing while locked
    EXPECT_EQ(g.view(t).entered, 0);
    EXPECT_FALSE(g.view(t).canSubmit);
    t += seconds(10);
    EXPECT_EQ(g.view(t).lockedSeconds, 0);
    EXPECT_EQ(attempt(g, "1111", t), AttemptOutcome::Wrong);  // fourth: 20 s
    EXPECT_EQ(g.view(t).lockedSeconds, 20);
    t += seconds(20);
    EXPECT_EQ(attempt(g, "1111", t), AttemptOutcome::Wrong);  // fifth: locked 5 minutes
    EXPECT_EQ(g.view(t).lockedSeconds, 300);
    EXPECT_EQ(g.view(t + seconds(299)).lockedSeconds, 1);
    ASSERT_EQ(events.size(), 5u);
    EXPECT_EQ(events[4].wrongInARow, 5);
    EXPECT_EQ(events[4].wait, seconds(300));
}

TEST_F(GateFixture, ALockedGateComparesNothingAndOpensAgainAfterFiveMinutes) {
    int compared = 0;
    static int* counter = nullptr;
    counter = &compared;
    GateHooks h = hooks();
    h.equal = [](const Digest& a, const Digest& b) {
        ++*counter;
        return digestsEqual(a, b);
    };
    PinGate g(GateOptions{"4815", seconds(3600)}, h);
    g.open(kT0);
    TimePoint t = kT0;
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(attempt(g, "0000", t), AttemptOutcome::Wrong);
        t += PinGate::waitAfter(i + 1);
    }
    EXPECT_EQ(compared, 5);
    const TimePoint lockedAt = t - seconds(300);
    // Even the right PIN is refused, uncompared, while locked (a submit that slips past the
    // disabled keys); each such try is audited as locked-out.
    EXPECT_EQ(g.submit(lockedAt + seconds(299)), AttemptOutcome::LockedOut);
    EXPECT_EQ(compared, 5);
    EXPECT_EQ(events.back().outcome, AttemptOutcome::LockedOut);
    EXPECT_EQ(events.back().wait, seconds(1));
    // Five minutes on, the right PIN works and the count starts again.
    EXPECT_EQ(attempt(g, "4815", lockedAt + seconds(300)), AttemptOutcome::Ok);
    EXPECT_EQ(compared, 6);
    g.open(lockedAt + seconds(301));
    EXPECT_EQ(attempt(g, "0000", lockedAt + seconds(301)), AttemptOutcome::Wrong);
    EXPECT_EQ(g.view(lockedAt + seconds(301)).lockedSeconds, 0);
}

TEST_F(GateFixture, EveryWrongTryAfterALockoutLocksAgain) {
    PinGate g(GateOptions{"4815", seconds(3600)}, hooks());
    g.open(kT0);
    TimePoint t = kT0;
    for (int i = 1; i <= 5; ++i) {
        ASSERT_EQ(attempt(g, "0000", t), AttemptOutcome::Wrong);
        t += PinGate::waitAfter(i);
    }
    EXPECT_EQ(attempt(g, "0000", t), AttemptOutcome::Wrong);  // sixth, after the lockout ended
    EXPECT_EQ(g.view(t).lockedSeconds, 300);
}

TEST_F(GateFixture, CancelOrAPatientLeavingDoesNotResetTheLockout) {
    PinGate g(GateOptions{"4815", seconds(30)}, hooks());
    g.open(kT0);
    for (int i = 0; i < 3; ++i) (void)attempt(g, "0000", kT0);
    g.cancel();
    EXPECT_FALSE(g.isOpen());
    g.open(kT0 + seconds(1));
    EXPECT_EQ(g.view(kT0 + seconds(1)).lockedSeconds, 9);
}

TEST_F(GateFixture, AuditEventsSayOkWrongOrLockedOutAndNeverWhatWasTyped) {
    PinGate g(GateOptions{"4815", seconds(3600)}, hooks());
    g.open(kT0);
    for (int i = 0; i < 3; ++i) (void)attempt(g, "9999", kT0);
    (void)g.submit(kT0 + seconds(1));
    (void)attempt(g, "4815", kT0 + seconds(10));
    std::vector<std::string> seen;
    for (const auto& e : events)
        seen.push_back(std::string(toString(e.outcome)) + " " + std::to_string(e.wrongInARow) + " " +
                       std::to_string(e.wait.count()));
    EXPECT_EQ(seen, (std::vector<std::string>{"wrong 1 0", "wrong 2 0", "wrong 3 10", "locked_out 3 9", "ok 0 0"}));
    // AttemptEvent has no field for text: the digits cannot reach the audit log through it.
    static_assert(sizeof(AttemptEvent) <= 4 * sizeof(std::int64_t), "an AttemptEvent carries no text");
}

TEST(AttemptEvent, DescribedForTheAuditLogWithCountsOnly) {
    AttemptEvent e;
    e.mode = GateMode::Passphrase;
    e.outcome = AttemptOutcome::LockedOut;
    e.wrongInARow = 5;
    e.wait = seconds(240);
    EXPECT_EQ(describe(e), "passphrase locked_out in_a_row=5 wait=240s");
    EXPECT_EQ(describe(AttemptEvent{GateMode::Pin, AttemptOutcome::Ok, 0, seconds(0)}), "pin ok in_a_row=0");
}

TEST(AttemptEvent, ReadBackFromItsAuditTextAndNothingElse) {
    const AttemptEvent e{GateMode::Pin, AttemptOutcome::Wrong, 5, seconds(300)};
    const auto back = parseAttempt(describe(e));
    ASSERT_TRUE(back);
    EXPECT_EQ(describe(*back), describe(e));
    EXPECT_EQ(back->wrongInARow, 5);
    EXPECT_EQ(back->wait, seconds(300));
    ASSERT_TRUE(parseAttempt("pin ok in_a_row=0"));
    EXPECT_EQ(parseAttempt("pin ok in_a_row=0")->outcome, AttemptOutcome::Ok);
    for (const char* bad : {"", "pin", "pin wrong", "pin wrong in_a_row=x", "door wrong in_a_row=1",
                            "pin wrong in_a_row=1 wait=", "pin wrong in_a_row=99999999999999999999",
                            "pin wrong in_a_row=1 wait=5s extra", "settings changed"})
        EXPECT_FALSE(parseAttempt(bad)) << bad;
}

TEST(PriorAttempts, WhatIsLeftOfTheLastRunsWait) {
    const std::string locked = describe(AttemptEvent{GateMode::Pin, AttemptOutcome::Wrong, 5, seconds(300)});
    EXPECT_EQ(priorAttempts(locked, seconds(100)).waitLeft, seconds(200));
    EXPECT_EQ(priorAttempts(locked, seconds(100)).wrongInARow, 5);
    EXPECT_EQ(priorAttempts(locked, seconds(900)).waitLeft, seconds(0));
    EXPECT_EQ(priorAttempts(locked, seconds(-50)).waitLeft, seconds(300));  // clock set back: full wait
    EXPECT_EQ(priorAttempts("pin ok in_a_row=0", seconds(1)).wrongInARow, 0);
    EXPECT_EQ(priorAttempts("not an attempt", seconds(1)).wrongInARow, 0);
}

TEST_F(GateFixture, ARestartInsideALockoutKeepsTheGateLockedForWhatIsLeft) {
    // The audit log says the last run locked the gate 100 s ago: a power cut does not hand out five
    // fresh tries.
    GateHooks h = hooks();
    int asked = 0;
    h.history = [&]() -> std::optional<PriorAttempts> {
        ++asked;
        return PriorAttempts{5, seconds(200)};
    };
    PinGate g(GateOptions{"4815", seconds(3600)}, h);
    g.open(kT0);
    EXPECT_EQ(g.view(kT0).lockedSeconds, 200);
    EXPECT_EQ(attempt(g, "4815", kT0 + seconds(10)), AttemptOutcome::LockedOut);
    // Once the lockout is over the right PIN works; a wrong one first locks again at once.
    g.open(kT0 + seconds(201));
    EXPECT_EQ(attempt(g, "0000", kT0 + seconds(201)), AttemptOutcome::Wrong);
    EXPECT_EQ(g.view(kT0 + seconds(201)).lockedSeconds, 300);
    EXPECT_EQ(asked, 1);  // asked once, not at every opening
}

TEST_F(GateFixture, ARestartAfterWrongTriesKeepsCountingFromThem) {
    GateHooks h = hooks();
    h.history = [] { return std::optional<PriorAttempts>(PriorAttempts{4, seconds(0)}); };
    PinGate g(GateOptions{"4815", seconds(3600)}, h);
    g.open(kT0);
    EXPECT_EQ(g.view(kT0).lockedSeconds, 0);
    EXPECT_EQ(attempt(g, "0000", kT0), AttemptOutcome::Wrong);  // the fifth in a row
    EXPECT_EQ(g.view(kT0).lockedSeconds, 300);
}

TEST_F(GateFixture, WhileTheHistoryIsNotKnownYetItIsAskedAgainNextTime) {
    GateHooks h = hooks();
    int asked = 0;
    h.history = [&]() -> std::optional<PriorAttempts> {
        if (++asked == 1) return std::nullopt;  // the store is still opening
        return PriorAttempts{5, seconds(60)};
    };
    PinGate g(GateOptions{"4815", seconds(3600)}, h);
    g.open(kT0);
    g.cancel();
    g.open(kT0 + seconds(1));
    EXPECT_EQ(g.view(kT0 + seconds(1)).lockedSeconds, 60);
    EXPECT_EQ(asked, 2);
}

TEST_F(GateFixture, ThePinIsComparedAsFixedLengthDigestsInConstantTime) {
    static std::vector<std::pair<Digest, Digest>>* seen = nullptr;
    std::vector<std::pair<Digest, Digest>> calls;
    seen = &calls;
    GateHooks h = hooks();
    h.equal = [](const Digest& a, const Digest& b) {
        seen->emplace_back(a, b);
        return digestsEqual(a, b);
    };
    PinGate g(GateOptions{"4815", seconds(3600)}, h);
    g.open(kT0);
    EXPECT_EQ(attempt(g, "4", kT0), AttemptOutcome::Wrong);
    EXPECT_EQ(attempt(g, "481500000000", kT0), AttemptOutcome::Wrong);
    EXPECT_EQ(attempt(g, "4815", kT0 + seconds(60)), AttemptOutcome::Ok);
    ASSERT_EQ(calls.size(), 3u);  // every attempt went through the comparison, whatever its length
    EXPECT_EQ(calls[0].second, calls[2].second);  // the PIN's digest, kept instead of the PIN
    EXPECT_EQ(calls[2].first, calls[2].second);
    EXPECT_NE(calls[0].first, calls[1].first);
}

TEST(SecretDigest, KeyedFixedLengthDigestsComparedInConstantTime) {
    SecretHasher a, b;
    EXPECT_EQ(a.digest("4815"), a.digest("4815"));
    EXPECT_NE(a.digest("4815"), a.digest("481"));
    EXPECT_NE(a.digest("4815"), a.digest("48150"));
    EXPECT_NE(a.digest("4815"), b.digest("4815"));  // keyed: a digest alone says nothing of the PIN
    EXPECT_TRUE(digestsEqual(a.digest("2"), a.digest("2")));
    EXPECT_FALSE(digestsEqual(a.digest("2"), a.digest("3")));
    Digest x{}, y{};
    y[31] = 1;
    EXPECT_FALSE(digestsEqual(x, y));
    y[31] = 0;
    EXPECT_TRUE(digestsEqual(x, y));
}

TEST_F(GateFixture, APinPadTakesDigitsOnlyUpToTwelve) {
    PinGate g(GateOptions{"4815", seconds(30)}, hooks());
    g.open(kT0);
    g.type("a", kT0);
    g.type(" ", kT0);
    EXPECT_EQ(g.view(kT0).entered, 0);
    for (int i = 0; i < 20; ++i) g.type("1", kT0);
    EXPECT_EQ(g.view(kT0).entered, 12);
    g.backspace(kT0);
    EXPECT_EQ(g.view(kT0).entered, 11);
}

TEST_F(GateFixture, WithoutAPinTheGateAsksForThePassphrase) {
    std::vector<std::string> checked;
    GateHooks h = hooks();
    h.verifyPassphrase = [&](const std::string& p) {
        checked.push_back(p);
        return p == "Desk-ñ 7";
    };
    PinGate g(GateOptions{"", seconds(30)}, h);
    EXPECT_EQ(g.mode(), GateMode::Passphrase);
    g.open(kT0);
    EXPECT_EQ(g.view(kT0).mode, GateMode::Passphrase);
    for (const char* k : {"D", "e", "s", "k", "-", "ñ", "x"}) g.type(k, kT0);
    EXPECT_EQ(g.view(kT0).entered, 7);  // characters, not bytes
    g.backspace(kT0);                   // the whole x
    g.type(" ", kT0);
    g.type("7", kT0);
    EXPECT_EQ(g.submit(kT0), AttemptOutcome::Ok);
    EXPECT_TRUE(g.takeGranted());
    g.open(kT0);
    EXPECT_EQ(attempt(g, "desk", kT0), AttemptOutcome::Wrong);
    EXPECT_EQ(checked, (std::vector<std::string>{"Desk-ñ 7", "desk"}));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].mode, GateMode::Passphrase);
    EXPECT_EQ(events[0].outcome, AttemptOutcome::Ok);
    EXPECT_EQ(events[1].outcome, AttemptOutcome::Wrong);
    // The passphrase gate backs off and locks like the PIN pad.
    (void)attempt(g, "a", kT0);
    (void)attempt(g, "b", kT0);
    EXPECT_EQ(g.view(kT0).lockedSeconds, 10);
}

// The desk checks the passphrase on a worker: the gate hands over what was typed and later takes
// the answer, ending as submit() would (wrong tries counted, the lockout, the audit events).
TEST_F(GateFixture, APassphraseCheckedElsewhereEndsAsSubmitWould) {
    PinGate g(GateOptions{"", seconds(30)}, hooks());
    g.open(kT0);
    EXPECT_FALSE(g.takeForCheck(kT0));  // nothing typed
    g.type("correct horse", kT0);
    std::optional<std::string> typed = g.takeForCheck(kT0);
    ASSERT_TRUE(typed);
    EXPECT_EQ(*typed, "correct horse");
    EXPECT_EQ(g.view(kT0).entered, 0);  // nothing of it kept by the pad
    EXPECT_TRUE(events.empty());         // audited once the answer is known
    TimePoint t = kT0;
    for (int i = 0; i < PinGate::kLockAfter; ++i, t += seconds(30)) {  // each after the last one's wait
        g.type("wrong one", t);
        ASSERT_TRUE(g.takeForCheck(t)) << i;
        EXPECT_EQ(g.settle(false, t), AttemptOutcome::Wrong);
    }
    t -= seconds(30);
    ASSERT_EQ(events.size(), static_cast<std::size_t>(PinGate::kLockAfter));
    EXPECT_EQ(events.back().wrongInARow, PinGate::kLockAfter);
    EXPECT_EQ(g.view(t).message, GateMessage::Locked);
    // Locked: nothing is handed over, the try is audited as refused.
    std::optional<AttemptOutcome> refused;
    EXPECT_FALSE(g.takeForCheck(t + seconds(1), &refused));
    EXPECT_EQ(refused, AttemptOutcome::LockedOut);
    EXPECT_EQ(events.back().outcome, AttemptOutcome::LockedOut);
    const TimePoint later = t + PinGate::kLockout + seconds(1);
    g.type("correct horse", later);
    ASSERT_TRUE(g.takeForCheck(later));
    EXPECT_EQ(g.settle(true, later), AttemptOutcome::Ok);
    EXPECT_TRUE(g.takeGranted());
    EXPECT_FALSE(g.isOpen());
    EXPECT_EQ(events.back().outcome, AttemptOutcome::Ok);
}

TEST_F(GateFixture, APassphraseGateWithNoWayToCheckLetsNobodyIn) {
    PinGate g(GateOptions{"", seconds(30)}, hooks());
    g.open(kT0);
    EXPECT_EQ(attempt(g, "change-me-at-the-desk", kT0), AttemptOutcome::Wrong);
    EXPECT_FALSE(g.takeGranted());
}

TEST_F(GateFixture, ThePadClosesByItselfWhenLeftAlone) {
    PinGate g(GateOptions{"4815", seconds(30)}, hooks());
    g.open(kT0);
    g.type("4", kT0 + seconds(10));
    EXPECT_EQ(g.nextDeadline(kT0 + seconds(10)), kT0 + seconds(40));
    g.tick(kT0 + seconds(39));
    EXPECT_TRUE(g.isOpen());
    g.touch(kT0 + seconds(39));
    g.tick(kT0 + seconds(68));
    EXPECT_TRUE(g.isOpen());
    g.tick(kT0 + seconds(69));
    EXPECT_FALSE(g.isOpen());
    g.open(kT0 + seconds(70));
    EXPECT_EQ(g.view(kT0 + seconds(70)).entered, 0);  // the digit typed before is gone
    g.cancel();
    EXPECT_EQ(g.nextDeadline(kT0 + seconds(70)), std::nullopt);
}

TEST_F(GateFixture, WhileLockedTheGateWakesWhenTheCountdownChanges) {
    PinGate g(GateOptions{"4815", seconds(3600)}, hooks());
    g.open(kT0);
    for (int i = 0; i < 3; ++i) (void)attempt(g, "0000", kT0);
    EXPECT_EQ(g.nextDeadline(kT0), kT0 + seconds(1));
    const auto half = kT0 + std::chrono::milliseconds(2500);
    EXPECT_EQ(g.view(half).lockedSeconds, 8);
    EXPECT_EQ(g.nextDeadline(half), kT0 + seconds(3));
    g.cancel();  // closed: only the lockout's end
    EXPECT_EQ(g.nextDeadline(half), kT0 + seconds(10));
}

}  // namespace
}  // namespace kiosk::staff
