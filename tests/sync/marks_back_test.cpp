// Server marks flow back: review, export and delete marks staff make on the clinic server are the
// truth, and each kiosk's pusher applies those of its own records to its store, so its staff desk
// shows the same. A kiosk reads no other kiosk's marks, and no mark table at all.
#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using store::RecordStatus;

store::RecordSummary localRecord(store::Store& s, const std::string& id) {
    store::ListFilter f;
    f.ids = {id};
    f.includeDeleted = true;
    auto rows = s.list(f);
    if (!rows || rows->size() != 1) throw std::runtime_error("no local record " + id);
    return rows->front();
}

TEST_F(SyncTest, MarksMadeOnTheServerFlowBackToTheKiosksOwnRecords) {
    auto submitSome = [](store::Store& s, const std::string& kiosk, int n) {
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            auto id = s.submit(meta(i), payload(kiosk, i));
            if (!id) throw std::runtime_error(id.error().message);
            ids.push_back(*id);
        }
        return ids;
    };
    makeClinic("marks");
    pg().createLogin("marks_k", "intake_kiosk", "pk");
    pg().createLogin("marks_k2", "intake_kiosk", "pk2");
    pg().createLogin("marks_desk", "intake_staff", "pd");
    const std::string kioskUrl = pg().url("marks", "marks_k"), otherUrl = pg().url("marks", "marks_k2");
    const TempDir dir("kiosk"), otherDir("other");
    store::Store s = joinedKiosk(dir, "kiosk-m", kioskUrl);
    store::Store other = joinedKiosk(otherDir, "kiosk-n", otherUrl);
    const auto ids = submitSome(s, "m", 5);
    const auto otherIds = submitSome(other, "n", 1);
    ASSERT_TRUE(pushOnce(s, kioskUrl));
    ASSERT_TRUE(pushOnce(other, otherUrl));

    // Staff at a desk in the treatment room, against the server.
    auto desk = Server::connect(pg().url("marks", "marks_desk"));
    ASSERT_TRUE(desk) << desk.error().message;
    auto key = unlockServer(*desk, kClinicPassphrase);
    ASSERT_TRUE(key) << key.error().message;
    ASSERT_TRUE(markServerRecord(*desk, ids[0], RecordStatus::Reviewed, *key));
    ASSERT_TRUE(markServerRecord(*desk, ids[1], RecordStatus::Deleted, *key));
    std::size_t next = 2;
    ASSERT_TRUE(markServerExported(*desk, [&](std::string& id) { return next < 4 ? (id = ids[next++], true) : false; },
                                   ServerFilter{}));
    ASSERT_TRUE(markServerRecord(*desk, otherIds[0], RecordStatus::Deleted, *key));
    // Made here before the server's review arrives: a mark never moves a record back.
    auto localKey = s.unlock(kClinicPassphrase);
    ASSERT_TRUE(localKey);
    ASSERT_TRUE(s.markExported({ids[4]}, *localKey));
    ASSERT_TRUE(markServerRecord(*desk, ids[4], RecordStatus::Reviewed, *key));

    ASSERT_TRUE(pushOnce(s, kioskUrl));  // the background pusher's round: push, then pull marks
    EXPECT_EQ(localRecord(s, ids[0]).status, RecordStatus::Reviewed);
    EXPECT_EQ(localRecord(s, ids[1]).status, RecordStatus::Deleted);
    EXPECT_EQ(localRecord(s, ids[1]).sealedBytes, 0) << "the sealed payload is gone here too";
    EXPECT_FALSE(s.readPayload(ids[1], *localKey));
    EXPECT_EQ(localRecord(s, ids[2]).status, RecordStatus::Exported);
    EXPECT_EQ(localRecord(s, ids[3]).status, RecordStatus::Exported);
    EXPECT_EQ(localRecord(s, ids[4]).status, RecordStatus::Exported) << "forward only";
    EXPECT_TRUE(s.readPayload(ids[0], *localKey)) << "a reviewed record stays readable";
    // Audited here as staff actions made on the server.
    auto deleted = s.lastAudit(store::AuditAction::Delete);
    ASSERT_TRUE(deleted && *deleted);
    EXPECT_EQ((*deleted)->detail, "record=" + ids[1] + " by=clinic-server");
    auto exported = s.lastAudit(store::AuditAction::Export);
    ASSERT_TRUE(exported && *exported);
    EXPECT_EQ((*exported)->detail, "count=2 by=clinic-server");
    EXPECT_TRUE(s.verifyAudit()->intact());
    EXPECT_TRUE(s.verifyRecords()->intact()) << "the record chain holds after the payload went";
    // The other kiosk's deletion is applied to the other kiosk only.
    EXPECT_EQ(localRecord(other, otherIds[0]).status, RecordStatus::Submitted);
    ASSERT_TRUE(pushOnce(other, otherUrl));
    EXPECT_EQ(localRecord(other, otherIds[0]).status, RecordStatus::Deleted);

    // The next pull reads only what changed since (from the horizon it noted), and applies it.
    const std::string horizon = *s.serverMarksHorizon();
    EXPECT_FALSE(horizon.empty());
    ASSERT_TRUE(markServerRecord(*desk, ids[0], RecordStatus::Deleted, *key));
    ASSERT_TRUE(pushOnce(s, kioskUrl));
    EXPECT_EQ(localRecord(s, ids[0]).status, RecordStatus::Deleted);
    {
        pqxx::connection c(kioskUrl);
        pqxx::nontransaction q(c);
        EXPECT_EQ(q.exec_params("SELECT count(*) FROM ik_kiosk_marks($1, $2::xid8)", "kiosk-m", horizon)[0][0].as<int>(), 1);
        // The kiosk role: its own kiosk's marks only, and no table to read them from directly.
        EXPECT_EQ(q.exec_params("SELECT count(*) FROM ik_kiosk_marks($1, NULL)", "kiosk-n")[0][0].as<int>(), 0);
        EXPECT_EQ(q.exec_params("SELECT count(*) FROM ik_kiosk_marks($1, NULL)", "kiosk-m")[0][0].as<int>(), 5);
    }
    try {
        pqxx::connection c(kioskUrl);
        pqxx::nontransaction q(c);
        q.exec("SELECT * FROM ik_marks");
        ADD_FAILURE() << "a kiosk role read the marks table";
    } catch (const pqxx::sql_error& e) {
        EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace kiosk::sync::testing
