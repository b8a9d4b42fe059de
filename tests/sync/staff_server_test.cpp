// Staff commands against the clinic server that reach past list/show/verify: export in each
// format (streamed through a server cursor, marked and audited on the server), purge, the audit
// head kept elsewhere, and `--pg` alone taking server.url from the settings file.
#include <cstdlib>
#include <filesystem>
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

    // The therapist's PDF from the server, one file per intake of kiosk-b.
    const std::string pdfs = m_out / "pdfs";
    const auto rp = runKiosk(shellWords(staff({"export", "--format", "pdf", "--one-per-intake", "-o", pdfs, "--pg", desk,
                                               "--kiosk", "kiosk-b", "--no-mark"})));
    ASSERT_EQ(rp.exitCode, 0) << rp.output;
    EXPECT_NE(rp.out.find("exported 50 records"), std::string::npos) << rp.out;
    std::size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(pdfs)) {
        ++files;
        EXPECT_EQ(readFile(f.path().string()).rfind("%PDF", 0), 0u) << f.path();
    }
    EXPECT_EQ(files, 50u);

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
    EXPECT_NE(noId.err.find("intake-kiosk records show: give the record id"), std::string::npos) << noId.err;
}

// Issues 17 and 19: a patient's last visit is found at any of the clinic's kiosks. `records show
// --change --pg` printed the record alone (the flag was ignored on the server), and the PDF of
// `export --pg` had no change since the last visit.
TEST_F(StaffServerTest, TheChangeSinceTheLastVisitIsFoundAtAnyKiosk) {
    const std::string root = KIOSK_SOURCE_DIR;
    const std::string admin = makeClinic("chg");
    pg().createLogin("chg_a", "intake_kiosk", "pa");
    pg().createLogin("chg_b", "intake_kiosk", "pb");
    pg().createLogin("chg_desk", "intake_staff", "pd");
    store::Store ka = joinedKiosk(m_dirA, "kiosk-a", admin), kb = joinedKiosk(m_dirB, "kiosk-b", admin);
    // A record as the kiosk saves it (simulate prints it), submitted at @p at on @p kiosk.
    auto submit = [&](store::Store& kiosk, const std::string& form, const std::string& answers, const std::string& at) {
        const auto r = runKiosk(shellWords({"simulate", root + "/forms/" + form, "--answers", answers, "--drop-hidden"}));
        EXPECT_EQ(r.exitCode, 0) << r.err;
        nlohmann::json record = nlohmann::json::parse(r.out);
        record["started_at"] = record["submitted_at"] = at;
        store::RecordMeta m;
        m.formId = record["form"]["id"];
        m.formVersion = record["form"]["version"];
        m.contentHash = record["form"]["content_hash"];
        m.lang = record["lang"];
        m.startedAt = m.submittedAt = at;
        auto id = kiosk.submit(m, record.dump());
        EXPECT_TRUE(id);
        return id ? *id : std::string();
    };
    // The intake at kiosk A (pain 7 over the past week), the follow-up three weeks later at kiosk B (pain 4).
    nlohmann::json a = nlohmann::json::parse(readFile(root + "/tests/data/answers/intake-pregnant/answers.json"));
    a["first_name"] = "Testpatient";
    a["last_name"] = "Lumbar";
    a["date_of_birth"] = "1962-06-03";
    a["pain_nrs_week"] = 7;
    const TempFile answers("answers.json", a.dump());
    const std::string intake = submit(ka, "intake.yaml", answers.path(), "2026-11-04T09:00:00Z");
    const std::string followUp = submit(kb, "follow-up.yaml",
                                        root + "/tests/data/answers/follow-up-back-pain/answers.json", "2026-11-25T10:00:00Z");
    ASSERT_EQ(followUp.size(), 36u);
    for (auto [k, url] : {std::pair{&ka, pg().url("chg", "chg_a")}, std::pair{&kb, pg().url("chg", "chg_b")}}) {
        const auto pushed = pushOnce(*k, url);
        ASSERT_TRUE(pushed) << pushed.error().message;
    }
    const std::string desk = pg().url("chg", "chg_desk");

    const auto r = runKiosk(shellWords(staff({"records", "show", followUp, "--change", "--forms-dir", root + "/forms", "--pg", desk})));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const nlohmann::json shown = nlohmann::json::parse(r.out.substr(r.out.find('{')));
    ASSERT_TRUE(shown.contains("previous_visit")) << r.out.substr(0, 300);
    EXPECT_EQ(shown["previous_visit"]["id"], intake);
    const nlohmann::json* pain = nullptr;
    for (const nlohmann::json& c : shown["change_since_previous"])
        if (c["id"] == "pain_nrs_average") pain = &c;
    ASSERT_NE(pain, nullptr) << r.out;
    EXPECT_EQ((*pain)["previous"], 7);
    EXPECT_EQ((*pain)["now"], 4);
    EXPECT_EQ((*pain)["better"], "improved");
    {  // shown, so audited on the server; the earlier record is not audited as a view of its own
        pqxx::connection c(pg().url("chg"));
        pqxx::read_transaction tx(c);
        EXPECT_EQ(tx.exec1("SELECT count(*) FROM ik_audit WHERE detail = 'previous-visit record=" + intake + "'")[0].as<int>(), 1);
        EXPECT_EQ(tx.exec1("SELECT count(*) FROM ik_audit WHERE detail = 'record=" + intake + "'")[0].as<int>(), 0);
    }

    // The therapist's PDF of the follow-up, from the server: the change since the intake at kiosk A.
    const std::string pdf = m_out / "follow-up.pdf";
    const auto rp = runKiosk(shellWords(staff({"export", "--format", "pdf", "-o", pdf, "--pg", desk, "--kiosk", "kiosk-b",
                                               "--forms-dir", root + "/forms", "--no-mark"})));
    ASSERT_EQ(rp.exitCode, 0) << rp.output;
    const std::string txt = m_out / "follow-up.txt";
    ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + pdf + "' '" + txt + "'").c_str()), 0);
    const std::string text = readFile(txt);
    EXPECT_NE(text.find("Change since the visit of"), std::string::npos) << text.substr(0, 1500);
}

}  // namespace
}  // namespace kiosk::sync::testing
