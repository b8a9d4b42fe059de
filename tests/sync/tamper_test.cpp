// Tampering on the clinic server is caught: a sealed payload changed there fails `records verify
// --pg`, and a record that differs from the kiosk's copy under the same id is never taken for it.
#include <SQLiteCpp/Database.h>
#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;

TEST_F(SyncTest, TamperedServerRecordsAreNamedByVerify) {
    const std::string url = makeClinic("tamper");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-t", url);
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(*s.submit(meta(i), payload("t", i)));
    ASSERT_TRUE(pushOnce(s, url));
    const kiosk::testing::TempFile pass("pass", std::string(kClinicPassphrase) + "\n");
    const auto clean = runKiosk(shellWords({"records", "verify", "--pg", url, "--passphrase-file", pass.path()}));
    ASSERT_EQ(clean.exitCode, 0) << clean.output;
    EXPECT_NE(clean.out.find("4 records checked"), std::string::npos) << clean.out;

    // One byte of a sealed payload flipped; another record's plain column edited; a third's sealed
    // payload swapped for a fourth's (hash swapped along, so only the sealed binding can tell).
    pg().admin("tamper", "UPDATE ik_records SET sealed = overlay(sealed placing '\\x00'::bytea from 60 for 1) WHERE id = '" + ids[0] + "'");
    pg().admin("tamper", "UPDATE ik_records SET form_version = 9 WHERE id = '" + ids[1] + "'");
    pg().admin("tamper", "UPDATE ik_records t SET sealed = o.sealed, sealed_hash = o.sealed_hash FROM ik_records o "
                         "WHERE t.id = '" + ids[2] + "' AND o.id = '" + ids[3] + "'");
    const auto r = runKiosk(shellWords({"records", "verify", "--pg", url, "--passphrase-file", pass.path()}));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.out.find(ids[0] + " (kiosk kiosk-t): integrity error: its sealed payload does not match the hash"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find(ids[1] + " (kiosk kiosk-t): integrity error: its plain columns do not match"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(ids[2] + " (kiosk kiosk-t): integrity error: its plain columns do not match"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("4 records checked"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("3 damaged"), std::string::npos) << r.out;
}

TEST_F(SyncTest, ARecordThatDiffersOnTheServerStaysQueued) {
    const std::string url = makeClinic("differs");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-d", url);
    const std::string id = *s.submit(meta(1), payload("d", 1));
    ASSERT_TRUE(pushOnce(s, url));
    // Someone put other bytes under this id on the server; the kiosk's copy is queued again (as a
    // push killed before its local mark would leave it).
    pg().admin("differs", "UPDATE ik_records SET sealed_hash = '\\x00'::bytea WHERE id = '" + id + "'");
    {
        SQLite::Database raw(dir / "intake.sqlite3", SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO outbox (record_id, queued_at) VALUES ('" + id + "', 'now')");
    }
    const auto r = pushOnce(s, url);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::Integrity);
    EXPECT_NE(r.error().message.find("record " + id + " is on the clinic server"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("with different content; it stays queued here"), std::string::npos);
    EXPECT_EQ(s.syncState()->waiting, 1);
}

}  // namespace
}  // namespace kiosk::sync::testing

namespace kiosk::sync::testing {
namespace {

TEST_F(SyncTest, APushKilledBeforeItsLocalMarkIsSentAgainAndKeptOnce) {
    const std::string url = makeClinic("replay");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-r", url);
    const std::string id = *s.submit(meta(1), payload("r", 1));
    ASSERT_TRUE(pushOnce(s, url));
    {  // the outbox as a SIGKILL between the server's COMMIT and the local mark leaves it
        SQLite::Database raw(dir / "intake.sqlite3", SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO outbox (record_id, queued_at) VALUES ('" + id + "', 'now')");
    }
    EXPECT_EQ(s.syncState()->waiting, 1);
    const auto r = pushOnce(s, url);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->sent, 0);
    EXPECT_EQ(r->already, 1);
    EXPECT_EQ(r->waiting, 0);
    pqxx::connection c(url);
    pqxx::nontransaction q(c);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_records")[0][0].as<int>(), 1);
}

TEST_F(SyncTest, APushThatFailsPartWayStillMarksWhatTheServerCommitted) {
    const std::string url = makeClinic("partway");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-p", url);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(*s.submit(meta(i), payload("p", i)));
    ASSERT_TRUE(pushOnce(s, url));
    // The last one differs on the server; all five are queued again (a push killed before its
    // local mark), so the first two batches of two are committed ("already") before the third fails.
    pg().admin("partway", "UPDATE ik_records SET sealed_hash = '\\x00'::bytea WHERE id = '" + ids[4] + "'");
    {
        SQLite::Database raw(dir / "intake.sqlite3", SQLite::OPEN_READWRITE);
        for (const auto& id : ids) raw.exec("INSERT INTO outbox (record_id, queued_at) VALUES ('" + id + "', 'now')");
    }
    PushOptions o;
    o.batch = 2;
    o.markEvery = 100;  // nothing marked by count: only the failure's own mark
    const auto r = pushOnce(s, url, o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::Integrity);
    EXPECT_EQ(s.syncState()->waiting, 1);  // only the one that differs
    EXPECT_EQ(s.pendingOutbox(10)->at(0).meta.id, ids[4]);
}

}  // namespace
}  // namespace kiosk::sync::testing
