// The staff gate wired to the store as the kiosk wires it: the passphrase is checked by unlocking
// the clinic key, and every attempt lands in the audit log without what was typed.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "../store/store_test_util.h"
#include "kiosk/app/cli/store_sink.h"
#include "kiosk/staff/pin_gate.h"

namespace kiosk::app {
namespace {

namespace st = kiosk::store::testing;
using std::chrono::seconds;

std::vector<std::string> auditRows(const std::string& db) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT action || ' ' || detail FROM audit WHERE action IN ('unlock', 'staff_access') "
                             "ORDER BY seq");
    std::vector<std::string> rows;
    while (q.executeStep()) rows.push_back(q.getColumn(0).getString());
    return rows;
}

TEST(StaffGateOnTheStore, ThePassphraseUnlocksTheKeyAndEveryAttemptIsAudited) {
    st::TempDir dir;
    const std::string db = dir / "intake.sqlite3";
    (void)st::freshStore(db, "Desk secret 42");
    auto sink = StoreRecordSink::open(db, "kiosk-test", std::chrono::minutes(10));
    ASSERT_TRUE(sink) << sink.error().format();
    staff::PinGate gate(staff::GateOptions{"", seconds(30)}, (*sink)->staffGateHooks());
    const staff::TimePoint t0{};
    gate.open(t0);
    gate.type("ZQXJ wrong", t0);
    EXPECT_EQ(gate.submit(t0), staff::AttemptOutcome::Wrong);
    EXPECT_FALSE((*sink)->takeGateKey());  // a wrong passphrase unlocked nothing
    gate.type("Desk secret 42", t0);
    EXPECT_EQ(gate.submit(t0), staff::AttemptOutcome::Ok);
    // The key it unlocked goes to the desk once (it opens unlocked: no second passphrase).
    EXPECT_TRUE((*sink)->takeGateKey());
    EXPECT_FALSE((*sink)->takeGateKey());
    EXPECT_EQ(auditRows(db), (std::vector<std::string>{"unlock failed", "staff_access passphrase wrong in_a_row=1",
                                                       "unlock ok", "staff_access passphrase ok in_a_row=0"}));

    // A PIN gate on the same store audits too, and no row holds what was typed.
    staff::PinGate pin(staff::GateOptions{"8642", seconds(30)}, (*sink)->staffGateHooks());
    pin.open(t0);
    pin.type("1357", t0);
    EXPECT_EQ(pin.submit(t0), staff::AttemptOutcome::Wrong);
    const auto rows = auditRows(db);
    EXPECT_EQ(rows.back(), "staff_access pin wrong in_a_row=1");
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE detail LIKE '%ZQXJ%' OR detail LIKE '%1357%' "
                             "OR detail LIKE '%Desk%'").getInt(),
              0);
}

TEST(StaffGateOnTheStore, ALockoutOutlivesARestartOfTheKiosk) {
    st::TempDir dir;
    const std::string db = dir / "intake.sqlite3";
    (void)st::freshStore(db, "Desk secret 42");
    staff::TimePoint t{};
    {
        auto sink = StoreRecordSink::open(db, "kiosk-test", std::chrono::minutes(10));
        ASSERT_TRUE(sink) << sink.error().format();
        staff::PinGate gate(staff::GateOptions{"8642", seconds(30)}, (*sink)->staffGateHooks());
        gate.open(t);
        for (int i = 1; i <= staff::PinGate::kLockAfter; ++i) {
            gate.type("1111", t);
            ASSERT_EQ(gate.submit(t), staff::AttemptOutcome::Wrong);
            if (i < staff::PinGate::kLockAfter) t += staff::PinGate::waitAfter(i);
        }
        ASSERT_EQ(gate.view(t).lockedSeconds, 300);
    }  // the power is cut: the kiosk starts again with a new gate on the same database
    auto sink = StoreRecordSink::open(db, "kiosk-test", std::chrono::minutes(10));
    ASSERT_TRUE(sink) << sink.error().format();
    staff::PinGate gate(staff::GateOptions{"8642", seconds(30)}, (*sink)->staffGateHooks());
    const staff::TimePoint later{};
    gate.open(later);
    EXPECT_GT(gate.view(later).lockedSeconds, 240);  // what was left of the 5 minutes (this test's own run time aside)
    gate.type("8642", later);
    EXPECT_EQ(gate.submit(later), staff::AttemptOutcome::LockedOut);
}

}  // namespace
}  // namespace kiosk::app
