// Marks travel up too: what staff do at a kiosk's own desk (review, export, delete) reaches the
// clinic server after the records, through ik_kiosk_mark(), which marks only the caller's own
// kiosk's records, forward only, and audits each change as the kiosk's. A record deleted at the
// desk loses its sealed payload on the server as well.
#include <chrono>
#include <optional>
#include <thread>

#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "kiosk/sync/server_audit.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using store::RecordStatus;

/// One server record's status ("submitted" when unmarked) and whether its payload is still there.
struct ServerRow {
    std::string status;
    bool sealed = false;
    bool present = false;
};

ServerRow serverRow(const std::string& admin, const std::string& id) {
    pqxx::connection c(admin);
    pqxx::nontransaction q(c);
    const pqxx::result r = q.exec_params("SELECT coalesce(m.status, 'submitted'), r.sealed IS NOT NULL FROM ik_records r "
                                         "LEFT JOIN ik_marks m ON m.record_id = r.id WHERE r.id = $1", id);
    if (r.empty()) return {};
    return {r[0][0].as<std::string>(), r[0][1].as<bool>(), true};
}

/// The server's audit rows (actor action detail) that mention @p id.
std::vector<std::string> serverAuditOf(const std::string& admin, const std::string& id) {
    pqxx::connection c(admin);
    pqxx::nontransaction q(c);
    std::vector<std::string> out;
    for (const auto& row : q.exec_params("SELECT actor || ' ' || action || ' ' || detail FROM ik_audit "
                                         "WHERE detail LIKE '%' || $1 || '%' ORDER BY seq", id))
        out.push_back(row[0].as<std::string>());
    return out;
}

class DeskMarksUp : public SyncTest {
protected:
    static std::vector<std::string> submitSome(store::Store& s, const std::string& kiosk, int n) {
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            auto id = s.submit(meta(i), payload(kiosk, i));
            if (!id) throw std::runtime_error(id.error().message);
            ids.push_back(*id);
        }
        return ids;
    }
};

TEST_F(DeskMarksUp, MarksMadeAtTheKiosksDeskReachTheServer) {
    const std::string admin = makeClinic("deskup");
    pg().createLogin("deskup_k", "intake_kiosk", "pk");
    const std::string kioskUrl = pg().url("deskup", "deskup_k");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-a", kioskUrl);
    const auto ids = submitSome(s, "a", 4);
    ASSERT_TRUE(pushOnce(s, kioskUrl));
    ASSERT_TRUE(serverRow(admin, ids[0]).sealed);

    // The receptionist at this kiosk's desk, at the patient's request.
    auto key = s.unlock(kClinicPassphrase);
    ASSERT_TRUE(key) << key.error().message;
    ASSERT_TRUE(s.deleteRecord(ids[0], *key));
    ASSERT_TRUE(s.markReviewed(ids[1], *key));
    ASSERT_TRUE(s.markExported({ids[2]}, *key));
    const auto status = runKiosk(shellWords({"sync", "status", "--data-dir", dir.path()}));
    EXPECT_NE(status.out.find("desk marks waiting: 3"), std::string::npos) << status.out;
    auto pushed = pushOnce(s, kioskUrl);
    ASSERT_TRUE(pushed) << pushed.error().message;
    EXPECT_EQ(pushed->marksSent, 3);
    const auto after = runKiosk(shellWords({"sync", "status", "--data-dir", dir.path()}));
    EXPECT_NE(after.out.find("desk marks waiting: 0"), std::string::npos) << after.out;

    const ServerRow gone = serverRow(admin, ids[0]);
    EXPECT_EQ(gone.status, "deleted");
    EXPECT_FALSE(gone.sealed) << "the sealed payload is gone from the clinic server too";
    EXPECT_EQ(serverRow(admin, ids[1]).status, "reviewed");
    EXPECT_EQ(serverRow(admin, ids[2]).status, "exported");
    EXPECT_EQ(serverRow(admin, ids[3]).status, "submitted");
    EXPECT_TRUE(serverRow(admin, ids[1]).sealed);
    // Staff listing with --pg see it deleted and export nothing of it.
    auto desk = Server::connect(admin);
    ASSERT_TRUE(desk);
    ServerFilter all;
    auto listed = listServerRecords(*desk, all);
    ASSERT_TRUE(listed);
    for (const auto& r : *listed) EXPECT_NE(r.meta.id, ids[0]) << "a deleted record is not listed";
    // Audited on the server as the kiosk's doing, and the server's chain holds.
    EXPECT_EQ(serverAuditOf(admin, ids[0]), std::vector<std::string>{"deskup_k delete record=" + ids[0] + " by=kiosk:kiosk-a"});
    EXPECT_EQ(serverAuditOf(admin, ids[1]), std::vector<std::string>{"deskup_k review record=" + ids[1] + " by=kiosk:kiosk-a"});
    EXPECT_EQ(serverAuditOf(admin, ids[2]), std::vector<std::string>{"deskup_k export record=" + ids[2] + " by=kiosk:kiosk-a"});
    auto chain = verifyServerAudit(*desk);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->intact()) << chain->problem;
}

/// What @p sql gives as @p url's role: "" if it ran, else the message; @p value gets the first cell.
std::string asRole(const std::string& url, const std::string& sql, std::string* value = nullptr) {
    try {
        pqxx::connection c(url);
        pqxx::work tx(c);
        const pqxx::result r = tx.exec(sql);
        if (value != nullptr && !r.empty() && r.columns() > 0) *value = r[0][0].is_null() ? "NULL" : r[0][0].c_str();
        tx.commit();
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

TEST_F(DeskMarksUp, AKioskMarksOnlyItsOwnRecordsForwardOnly) {
    const std::string admin = makeClinic("deskown");
    pg().createLogin("deskown_a", "intake_kiosk", "pa");
    pg().createLogin("deskown_b", "intake_kiosk", "pb");
    const std::string urlA = pg().url("deskown", "deskown_a"), urlB = pg().url("deskown", "deskown_b");
    const TempDir dirA("kioskA"), dirB("kioskB");
    store::Store a = joinedKiosk(dirA, "kiosk-a", urlA);
    store::Store b = joinedKiosk(dirB, "kiosk-b", urlB);
    const auto idsA = submitSome(a, "a", 3);
    const auto idsB = submitSome(b, "b", 1);
    ASSERT_TRUE(pushOnce(a, urlA));
    ASSERT_TRUE(pushOnce(b, urlB));
    const std::string zero = "'\\x" + std::string(64, '0') + "'::bytea";

    // Kiosk A, by hand past the program, on kiosk B's record: not found under its own kiosk, and
    // refused under B's. B's record keeps its payload and no mark.
    std::string got;
    EXPECT_EQ(asRole(urlA, "SELECT ik_kiosk_mark('kiosk-a', '" + idsB[0] + "', 'deleted', 'x', 'x', " + zero + ", " + zero + ")", &got), "");
    EXPECT_EQ(got, "NULL");
    const std::string why = asRole(urlA, "SELECT ik_kiosk_mark('kiosk-b', '" + idsB[0] + "', 'deleted', 'x', 'x', " + zero + ", " + zero + ")");
    EXPECT_NE(why.find("permission denied: database role deskown_a marks records of kiosk kiosk-a, not of kiosk kiosk-b"),
              std::string::npos) << why;
    EXPECT_EQ(serverRow(admin, idsB[0]).status, "submitted");
    EXPECT_TRUE(serverRow(admin, idsB[0]).sealed);
    // Still no table of its own to read or write: only the functions.
    for (const std::string& sql : std::vector<std::string>{"SELECT * FROM ik_marks", "SELECT * FROM ik_audit", "UPDATE ik_records SET sealed = NULL",
                                  "INSERT INTO ik_marks VALUES ('" + idsA[0] + "', 'deleted', 'x')",
                                  "INSERT INTO ik_audit (seq, at, action, detail, prev_hash, hash) VALUES (999, 'x', 'x', 'x', '\\x00', '\\x00')"}) {
        const std::string denied = asRole(urlA, sql);
        EXPECT_NE(denied.find("permission denied"), std::string::npos) << sql << ": " << denied;
    }
    // A chain that moved on since the head was read is refused, nothing written.
    const std::string moved = asRole(urlA, "SELECT ik_kiosk_mark('kiosk-a', '" + idsA[2] + "', 'reviewed', 'x', 'x', " + zero + ", " + zero + ")");
    EXPECT_NE(moved.find("the audit log moved on"), std::string::npos) << moved;
    EXPECT_EQ(serverRow(admin, idsA[2]).status, "submitted");

    // Forward only: staff deleted idsA[0] on the server before the desk's review arrives; the desk
    // exported idsA[1] after staff reviewed it on the server.
    auto desk = Server::connect(admin);
    ASSERT_TRUE(desk);
    auto serverKey = unlockServer(*desk, kClinicPassphrase);
    ASSERT_TRUE(serverKey);
    ASSERT_TRUE(markServerRecord(*desk, idsA[0], RecordStatus::Deleted, *serverKey));
    ASSERT_TRUE(markServerRecord(*desk, idsA[1], RecordStatus::Reviewed, *serverKey));
    auto key = a.unlock(kClinicPassphrase);
    ASSERT_TRUE(key);
    ASSERT_TRUE(a.markReviewed(idsA[0], *key));
    ASSERT_TRUE(a.markExported({idsA[1]}, *key));
    EXPECT_EQ(a.syncState()->marksWaiting, 2);
    auto pushed = pushOnce(a, urlA);
    ASSERT_TRUE(pushed) << pushed.error().message;
    EXPECT_EQ(pushed->marksSent, 2);
    EXPECT_EQ(pushed->marksWaiting, 0) << "an older mark is settled too: the server is further along";
    EXPECT_EQ(serverRow(admin, idsA[0]).status, "deleted") << "a delete is never undone";
    EXPECT_FALSE(serverRow(admin, idsA[0]).sealed);
    EXPECT_EQ(serverAuditOf(admin, idsA[0]).size(), 1u) << "the no-op is not audited";
    EXPECT_EQ(serverRow(admin, idsA[1]).status, "exported");
    auto chain = verifyServerAudit(*desk);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->intact()) << chain->problem;
}

TEST_F(DeskMarksUp, MarksWaitThroughARestartAndForTheirRecord) {
    const std::string admin = makeClinic("deskwait");
    pg().createLogin("deskwait_k", "intake_kiosk", "pk");
    const std::string url = pg().url("deskwait", "deskwait_k");
    const TempDir dir("kiosk");
    std::vector<std::string> ids;
    {
        store::Store s = joinedKiosk(dir, "kiosk-w", url);
        ids = submitSome(s, "w", 3);
        ASSERT_TRUE(pushOnce(s, url));
        auto key = s.unlock(kClinicPassphrase);
        ASSERT_TRUE(key);
        ASSERT_TRUE(s.deleteRecord(ids[0], *key));
        // Saved after the last push: its mark waits for the record, which goes first.
        ids.push_back(*s.submit(meta(7), payload("w", 7)));
        ASSERT_TRUE(s.markReviewed(ids[3], *key));
        // Deleted before it was ever pushed: its payload must never reach the server.
        ids.push_back(*s.submit(meta(8), payload("w", 8)));
        ASSERT_TRUE(s.deleteRecord(ids[4], *key));
        // The server away: nothing is lost.
        EXPECT_FALSE(pushOnce(s, pg().url("deskwait", "nobody")));
        EXPECT_EQ(s.syncState()->marksWaiting, 3);
    }  // the kiosk restarts
    store::Store s = openKiosk(dir, "kiosk-w");
    EXPECT_EQ(s.syncState()->marksWaiting, 3) << "the marks outbox survives a restart";
    EXPECT_EQ(s.syncState()->waiting, 1);
    EXPECT_TRUE(serverRow(admin, ids[0]).sealed);
    auto pushed = pushOnce(s, url);
    ASSERT_TRUE(pushed) << pushed.error().message;
    EXPECT_EQ(pushed->sent, 1);
    EXPECT_EQ(pushed->marksWaiting, 0);
    EXPECT_EQ(pushed->waiting, 0);
    EXPECT_EQ(serverRow(admin, ids[0]).status, "deleted");
    EXPECT_FALSE(serverRow(admin, ids[0]).sealed);
    EXPECT_EQ(serverRow(admin, ids[3]).status, "reviewed");
    EXPECT_FALSE(serverRow(admin, ids[4]).present) << "a record deleted before its push never reaches the server";
    EXPECT_EQ(s.syncState()->marksWaiting, 0);
}

TEST_F(DeskMarksUp, AMarkPulledFromTheServerIsNotSentBack) {
    const std::string admin = makeClinic("deskecho");
    pg().createLogin("deskecho_k", "intake_kiosk", "pk");
    const std::string url = pg().url("deskecho", "deskecho_k");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-e", url);
    const auto ids = submitSome(s, "e", 2);
    ASSERT_TRUE(pushOnce(s, url));
    auto desk = Server::connect(admin);
    ASSERT_TRUE(desk);
    auto key = unlockServer(*desk, kClinicPassphrase);
    ASSERT_TRUE(key);
    ASSERT_TRUE(markServerRecord(*desk, ids[0], RecordStatus::Deleted, *key));
    ASSERT_TRUE(markServerRecord(*desk, ids[1], RecordStatus::Reviewed, *key));
    const std::size_t auditBefore = serverAuditOf(admin, ids[0]).size() + serverAuditOf(admin, ids[1]).size();
    auto pulled = pushOnce(s, url);  // pulls the marks
    ASSERT_TRUE(pulled);
    EXPECT_EQ(s.syncState()->marksWaiting, 0) << "marks applied from the server are not queued";
    ASSERT_TRUE(pushOnce(s, url));
    EXPECT_EQ(serverAuditOf(admin, ids[0]).size() + serverAuditOf(admin, ids[1]).size(), auditBefore);
}

TEST_F(DeskMarksUp, AKioskMarkWaitsForADeskMarkOfTheSameRecordWithoutDeadlock) {
    const std::string admin = makeClinic("desklock");
    pg().createLogin("desklock_k", "intake_kiosk", "pk");
    const std::string url = pg().url("desklock", "desklock_k");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-l", url);
    const auto ids = submitSome(s, "l", 1);
    ASSERT_TRUE(pushOnce(s, url));
    auto key = s.unlock(kClinicPassphrase);
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.deleteRecord(ids[0], *key));

    // A desk's mark of the same record, part-way: it holds the record's row and wants the log next,
    // as markServerRecord does.
    pqxx::connection desk(admin);
    pqxx::work tx(desk);
    tx.exec_params("SELECT 1 FROM ik_records WHERE id = $1 FOR UPDATE", ids[0]);
    std::optional<core::Result<PushReport>> pushed;
    std::thread kiosk([&] { pushed.emplace(pushOnce(s, url)); });
    {
        // Until the kiosk waits for a lock (or is done).
        pqxx::connection watch(admin);
        for (int i = 0; i < 400; ++i) {
            pqxx::nontransaction q(watch);
            if (q.exec("SELECT count(*) FROM pg_locks WHERE NOT granted")[0][0].as<int>() > 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
    EXPECT_NO_THROW(tx.exec("SELECT pg_advisory_xact_lock(7160017)")) << "the kiosk holds the log and waits for the row";
    tx.commit();
    kiosk.join();
    ASSERT_TRUE(pushed && *pushed) << (pushed ? pushed->error().message : "");
    EXPECT_EQ(serverRow(admin, ids[0]).status, "deleted");
}

}  // namespace
}  // namespace kiosk::sync::testing
