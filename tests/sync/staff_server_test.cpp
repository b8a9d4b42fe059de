// Staff commands against the clinic server that reach past list/show/verify: export in each
// format (streamed through a server cursor, marked and audited on the server), purge, the audit
// head kept elsewhere, and `--pg` alone taking server.url from the settings file.
#include <set>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::readFile;
using kiosk::testing::TempFile;

class StaffServerTest : public SyncTest {
protected:
    /// Two kiosks that pushed @p perA and @p perB records to a clinic on database @p db; the desk's URL.
    std::string twoKiosks(const std::string& db, int perA, int perB) {
        const std::string admin = makeClinic(db);
        pg().createLogin(db + "_a", "intake_kiosk", "pa");
        pg().createLogin(db + "_b", "intake_kiosk", "pb");
        pg().createLogin(db + "_desk", "intake_staff", "pd");
        store::Store a = joinedKiosk(m_dirA, "kiosk-a", admin);
        store::Store b = joinedKiosk(m_dirB, "kiosk-b", admin);
        for (int i = 0; i < perA; ++i) m_ids.insert(*a.submit(meta(i), payload("a", i)));
        for (int i = 0; i < perB; ++i) m_ids.insert(*b.submit(meta(i), payload("b", i)));
        if (!pushOnce(a, pg().url(db, db + "_a")) || !pushOnce(b, pg().url(db, db + "_b")))
            throw std::runtime_error("push failed");
        return pg().url(db, db + "_desk");
    }
    std::vector<std::string> staff(std::vector<std::string> words) {
        words.insert(words.end(), {"--passphrase-file", m_pass.path()});
        return words;
    }
    TempDir m_dirA{"kioskA"}, m_dirB{"kioskB"}, m_out{"out"};
    TempFile m_pass{"pass", std::string(kClinicPassphrase) + "\n"};
    std::set<std::string> m_ids;
};

TEST_F(StaffServerTest, ExportFromTheServerStreamsEveryKioskAndMarksThere) {
    // More records than one cursor fetch (64), so the stream crosses batches.
    const std::string desk = twoKiosks("exp", 100, 50);
    // `--pg` alone: the server of the settings file.
    const TempFile settings("kiosk.yaml", "server:\n  url: \"" + desk + "\"\n");
    const std::string json = m_out / "all.json";
    const auto r = runKiosk(shellWords(staff({"export", "--format", "json", "-o", json, "--pg", "--config", settings.path()})));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.out.find("exported 150 records"), std::string::npos) << r.out;
    const auto doc = nlohmann::json::parse(readFile(json));
    ASSERT_EQ(doc.at("records").size(), 150u);
    std::set<std::string> got;
    std::map<std::string, int> perKiosk;
    std::string last;
    for (const auto& rec : doc.at("records")) {
        got.insert(rec.at("id").get<std::string>());
        ++perKiosk[rec.at("kiosk").get<std::string>()];
        EXPECT_NE(rec.at("record").at("answers").at("name").get<std::string>().find("Patient"), std::string::npos);
        EXPECT_LE(last, rec.at("submitted_at").get<std::string>());  // oldest first
        last = rec.at("submitted_at").get<std::string>();
    }
    EXPECT_EQ(got, m_ids);
    EXPECT_EQ(perKiosk["kiosk-a"], 100);
    EXPECT_EQ(perKiosk["kiosk-b"], 50);

    // Marked exported on the server, audited there as one export.
    const auto listed = runKiosk(shellWords({"records", "list", "--pg", desk, "--status", "exported"}));
    ASSERT_EQ(listed.exitCode, 0) << listed.output;
    EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n'), 151) << listed.out;
    pqxx::connection c(pg().url("exp"));
    pqxx::nontransaction q(c);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_audit WHERE action = 'export' AND detail = 'count=150'")[0][0].as<int>(), 1);

    // One kiosk, as CSV; and a FHIR Bundle; unmarked exports are audited too.
    const std::string csv = m_out / "b.csv";
    const auto rc = runKiosk(shellWords(staff({"export", "--format", "csv", "-o", csv, "--pg", desk, "--kiosk", "kiosk-b",
                                               "--no-mark"})));
    ASSERT_EQ(rc.exitCode, 0) << rc.output;
    const std::string csvText = readFile(csv);
    EXPECT_EQ(std::count(csvText.begin(), csvText.end(), '\n'), 51) << csvText.substr(0, 400);
    EXPECT_EQ(csvText.find("Patient a-"), std::string::npos);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_audit WHERE action = 'export' AND detail LIKE 'count=50 not_marked%kiosk=kiosk-b'")[0][0]
                  .as<int>(), 1);
    const std::string fhir = m_out / "all.fhir.json";
    const auto rf = runKiosk(shellWords(staff({"export", "--format", "fhir", "-o", fhir, "--pg", desk, "--no-mark"})));
    ASSERT_EQ(rf.exitCode, 0) << rf.output;
    EXPECT_EQ(nlohmann::json::parse(readFile(fhir)).at("entry").size(), 150u);

    // A kiosk's role exports nothing: it cannot read the records.
    pg().createLogin("exp_k", "intake_kiosk", "pk");
    const auto denied = runKiosk(shellWords(staff({"export", "--format", "json", "-o", m_out / "no.json", "--pg",
                                                   pg().url("exp", "exp_k")})));
    EXPECT_EQ(denied.exitCode, 1);
    EXPECT_NE(denied.err.find("does not allow this"), std::string::npos) << denied.err;
}

TEST_F(StaffServerTest, PurgeOnTheServerDropsExportedPayloadsOnly) {
    const std::string desk = twoKiosks("purge", 3, 2);
    // Export kiosk-a's records (marks them), leave kiosk-b's submitted.
    const auto e = runKiosk(shellWords(staff({"export", "--format", "json", "-o", m_out / "a.json", "--pg", desk,
                                              "--kiosk", "kiosk-a"})));
    ASSERT_EQ(e.exitCode, 0) << e.output;
    // The records were submitted 2026-11-25: older than a day.
    const auto p = runKiosk(shellWords(staff({"purge", "--older-than", "1d", "--pg", desk})));
    ASSERT_EQ(p.exitCode, 0) << p.output;
    EXPECT_NE(p.out.find("purged 3 exported records older than 1d on the clinic server"), std::string::npos) << p.out;
    pqxx::connection c(pg().url("purge"));
    pqxx::nontransaction q(c);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_records WHERE sealed IS NULL AND kiosk_id = 'kiosk-a'")[0][0].as<int>(), 3);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_records WHERE sealed IS NOT NULL AND kiosk_id = 'kiosk-b'")[0][0].as<int>(), 2);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_marks WHERE status = 'deleted'")[0][0].as<int>(), 3);
    EXPECT_EQ(q.exec("SELECT count(*) FROM ik_audit WHERE action = 'purge' AND detail LIKE 'count=3 %'")[0][0].as<int>(), 1);
    // Nothing else to purge; the rest still verify.
    const auto again = runKiosk(shellWords(staff({"purge", "--older-than", "1d", "--pg", desk})));
    EXPECT_NE(again.out.find("purged 0 exported records"), std::string::npos) << again.output;
    const auto v = runKiosk(shellWords(staff({"records", "verify", "--pg", desk})));
    EXPECT_EQ(v.exitCode, 0) << v.output;
    EXPECT_NE(v.out.find("2 records checked"), std::string::npos) << v.out;
}

TEST_F(StaffServerTest, AuditHeadKeptElsewhereIsCheckedOnTheServer) {
    const std::string desk = twoKiosks("head", 1, 1);
    const auto first = runKiosk(shellWords({"audit", "verify", "--pg", desk}));
    ASSERT_EQ(first.exitCode, 0) << first.output;
    const auto at = first.out.find("head: entry ");
    ASSERT_NE(at, std::string::npos) << first.out;
    const std::string seq = first.out.substr(at + 12, first.out.find(',', at) - at - 12);
    const auto h = first.out.find("hash ", at) + 5;
    const std::string hash = first.out.substr(h, 64);
    // More staff actions later; the head kept still holds.
    ASSERT_EQ(runKiosk(shellWords({"records", "list", "--pg", desk})).exitCode, 0);
    ASSERT_EQ(runKiosk(shellWords(staff({"export", "--format", "json", "-o", m_out / "x.json", "--pg", desk}))).exitCode, 0);
    const auto kept = runKiosk(shellWords({"audit", "verify", "--pg", desk, "--head", seq + ":" + hash}));
    EXPECT_EQ(kept.exitCode, 0) << kept.output;
    EXPECT_NE(kept.out.find("entry " + seq + " still has the hash kept for it"), std::string::npos) << kept.out;
    // A head that the log no longer holds: rewritten.
    std::string other = hash;
    other[0] = other[0] == '0' ? '1' : '0';
    const auto rewritten = runKiosk(shellWords({"audit", "verify", "--pg", desk, "--head", seq + ":" + other}));
    EXPECT_EQ(rewritten.exitCode, 1) << rewritten.output;
    EXPECT_NE(rewritten.out.find("audit log rewritten: entry " + seq), std::string::npos) << rewritten.out;
    const auto gone = runKiosk(shellWords({"audit", "verify", "--pg", desk, "--head", "999:" + hash}));
    EXPECT_EQ(gone.exitCode, 1) << gone.output;
    EXPECT_NE(gone.out.find("has no entry 999"), std::string::npos) << gone.out;
}

TEST_F(StaffServerTest, PgAloneTakesTheSettingsServerAndGivesBackTheRecordId) {
    const std::string desk = twoKiosks("bare", 1, 0);
    const std::string id = *m_ids.begin();
    const TempFile settings("kiosk.yaml", "server:\n  url: \"" + desk + "\"\n");
    // `records show --pg ID`: the bare --pg does not keep the id as its URL.
    const auto shown = runKiosk(shellWords(staff({"records", "show", "--config", settings.path(), "--pg", id})));
    ASSERT_EQ(shown.exitCode, 0) << shown.output;
    EXPECT_NE(shown.out.find("Patient a-0"), std::string::npos) << shown.out;
    const auto reviewed = runKiosk(shellWords(staff({"records", "review", id, "--config", settings.path(), "--pg"})));
    ASSERT_EQ(reviewed.exitCode, 0) << reviewed.output;
    EXPECT_NE(reviewed.out.find("marked reviewed on the clinic server"), std::string::npos) << reviewed.out;
    // No server in the settings: said, with the file.
    const TempFile none("kiosk.yaml", "kiosk_id: desk-1\n");
    const auto missing = runKiosk(shellWords({"records", "list", "--config", none.path(), "--pg"}));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("no clinic server: give --pg URL or set server.url in the settings file"), std::string::npos)
        << missing.err;
    // No id at all: a usage error.
    const auto noId = runKiosk(shellWords(staff({"records", "show", "--config", settings.path(), "--pg"})));
    EXPECT_EQ(noId.exitCode, 2) << noId.output;
    EXPECT_NE(noId.err.find("ID is required"), std::string::npos) << noId.err;
}

}  // namespace
}  // namespace kiosk::sync::testing
