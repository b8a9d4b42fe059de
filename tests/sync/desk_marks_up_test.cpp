// Marks travel up too: what staff do at a kiosk's own desk (review, export, delete) reaches the
// clinic server after the records, through ik_kiosk_mark(), which marks only the caller's own
// kiosk's records, forward only, and audits each change as the kiosk's. A record deleted at the
// desk loses its sealed payload on the server as well.
#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "kiosk/sync/server_audit.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

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
    auto pushed = pushOnce(s, kioskUrl);
    ASSERT_TRUE(pushed) << pushed.error().message;

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

}  // namespace
}  // namespace kiosk::sync::testing
