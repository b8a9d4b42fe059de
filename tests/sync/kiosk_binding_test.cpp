// Each kiosk's database role pushes as one kiosk only: bound at its first join or push, checked on
// every row by row-level security, and it reads no record back, not even its own. A clinic made by
// the previous schema is upgraded by the admin, and a kiosk on it is told so.
#include <pqxx/pqxx>

#include "kiosk/sync/clinic.h"
#include "kiosk/sync/pusher.h"
#include "kiosk/sync/server_schema.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;

/// What @p sql gives as @p url's role: "" if it ran, else the message; @p value gets the first cell.
std::string asRole(const std::string& url, const std::string& sql, std::string* value = nullptr) {
    auto server = Server::connect(url);
    if (!server) return server.error().message;
    auto ran = server->run("running a query", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const pqxx::result r = tx.exec(sql);
        if (value != nullptr && !r.empty() && r.columns() > 0) *value = r[0][0].is_null() ? "NULL" : r[0][0].c_str();
        tx.commit();
    });
    return ran ? std::string() : ran.error().message;
}

std::string insertAs(const std::string& id, const std::string& kiosk, int seq) {
    return "INSERT INTO ik_records (id, kiosk_id, form_id, form_version, content_hash, lang, started_at, submitted_at, "
           "sealed, sealed_hash, kiosk_seq, kiosk_chain_hash) VALUES ('" + id + "', '" + kiosk +
           "', 'intake', 3, 'sha256:abc', 'en', 'x', 'x', '\\x00', '\\x01', " + std::to_string(seq) + ", '\\x02') "
           "ON CONFLICT DO NOTHING";
}

TEST_F(SyncTest, AKioskRoleCannotWriteAsAnotherKioskNorReadRecords) {
    const std::string admin = makeClinic("binding");
    pg().createLogin("role_a", "intake_kiosk", "pass-a");
    pg().createLogin("role_b", "intake_kiosk", "pass-b");
    pg().createLogin("role_c", "intake_kiosk", "pass-c");
    const std::string urlA = pg().url("binding", "role_a"), urlB = pg().url("binding", "role_b"),
                      urlC = pg().url("binding", "role_c");
    const TempDir dirA("kioskA"), dirB("kioskB"), dirFake("fake");
    store::Store a = joinedKiosk(dirA, "kiosk-a", urlA);  // binds role_a to kiosk-a
    store::Store b = joinedKiosk(dirB, "kiosk-b", admin);  // role_b binds at its first push
    const std::string idA = *a.submit(meta(1), payload("a", 1));
    ASSERT_TRUE(pushOnce(a, urlA));
    ASSERT_TRUE(b.submit(meta(2), payload("b", 2)));
    ASSERT_TRUE(pushOnce(b, urlB));

    // A kiosk store calling itself kiosk-b, pushing with role_a's password: refused, nothing lost.
    store::Store fake = joinedKiosk(dirFake, "kiosk-b", admin);
    ASSERT_TRUE(fake.submit(meta(3), payload("fake", 3)));
    const auto pushed = pushOnce(fake, urlA);
    ASSERT_FALSE(pushed);
    EXPECT_NE(pushed.error().message.find("the clinic server does not allow this"), std::string::npos)
        << pushed.error().message;
    EXPECT_NE(pushed.error().message.find("database role role_a pushes as kiosk kiosk-a, not as kiosk kiosk-b"),
              std::string::npos) << pushed.error().message;
    EXPECT_EQ(fake.syncState()->waiting, 1);
    // The command line says the same.
    const kiosk::testing::TempFile settings("kiosk.yaml", "kiosk_id: kiosk-b\n");
    const auto cli = runKiosk(
        shellWords({"sync", "push", "--data-dir", dirFake.path(), "--config", settings.path(), "--pg", urlA}));
    EXPECT_EQ(cli.exitCode, 1);
    EXPECT_NE(cli.err.find("pushes as kiosk kiosk-a, not as kiosk kiosk-b"), std::string::npos) << cli.err;
    // A fresh role cannot take over a kiosk id another role holds.
    const auto taken = pushOnce(fake, urlC);
    ASSERT_FALSE(taken);
    EXPECT_NE(taken.error().message.find("kiosk kiosk-b pushes as database role role_b, not as role_c"),
              std::string::npos) << taken.error().message;

    // By hand, past the program: row-level security refuses a row of another kiosk.
    std::string why = asRole(urlA, insertAs("forged-1", "kiosk-b", 900));
    EXPECT_NE(why.find("new row violates row-level security policy"), std::string::npos) << why;
    why = asRole(urlA, "SELECT ik_claim_kiosk('kiosk-b')");
    EXPECT_NE(why.find("pushes as kiosk kiosk-a"), std::string::npos) << why;
    // Another kiosk's record id, under one's own kiosk: the first copy stays as it was.
    EXPECT_EQ(asRole(urlB, insertAs(idA, "kiosk-b", 901)), "");
    {
        pqxx::connection c(admin);
        pqxx::nontransaction q(c);
        EXPECT_EQ(q.exec("SELECT kiosk_id FROM ik_records WHERE id = '" + idA + "'")[0][0].as<std::string>(), "kiosk-a");
        EXPECT_EQ(q.exec("SELECT count(*) FROM ik_records")[0][0].as<int>(), 2);
    }

    // No record reads at all, own or other: no column, no row, no hash of another kiosk's record.
    for (const char* sql : {"SELECT id FROM ik_records", "SELECT count(*) FROM ik_records", "SELECT kiosk_id FROM ik_records",
                            "UPDATE ik_kiosks SET kiosk_id = 'kiosk-b'",
                            "DELETE FROM ik_kiosks", "INSERT INTO ik_forms (form_id, version, content_hash, file_name, "
                                                     "source) VALUES ('x', 1, 'h', 'x.yaml', 'x')"}) {
        why = asRole(urlA, sql);
        EXPECT_NE(why.find("permission denied"), std::string::npos) << sql << ": " << why;
    }
    // Of the bindings, a kiosk sees its own only.
    std::string seen;
    EXPECT_EQ(asRole(urlA, "SELECT string_agg(kiosk_id, ',') FROM ik_kiosks", &seen), "");
    EXPECT_EQ(seen, "kiosk-a");
    std::string hash;
    EXPECT_EQ(asRole(urlB, "SELECT ik_pushed_hash('" + idA + "', 'kiosk-a')", &hash), "");
    EXPECT_EQ(hash, "NULL");
    EXPECT_EQ(asRole(urlA, "SELECT ik_pushed_hash('" + idA + "', 'kiosk-a')", &hash), "");
    EXPECT_NE(hash, "NULL");
    // The roles' bindings, as the admin sees them.
    pqxx::connection c(admin);
    pqxx::nontransaction q(c);
    const pqxx::result bound = q.exec("SELECT role_name, kiosk_id FROM ik_kiosks ORDER BY role_name");
    ASSERT_EQ(bound.size(), 2u);
    EXPECT_EQ(bound[0][1].as<std::string>(), "kiosk-a");
    EXPECT_EQ(bound[1][1].as<std::string>(), "kiosk-b");
}

TEST_F(SyncTest, AClinicOfTheFirstSchemaIsUpgradedByTheAdmin) {
    pg().createDatabase("oldclinic");
    const std::string admin = pg().url("oldclinic");
    const std::vector<const char*> steps = serverSchemaSteps();
    pg().admin("oldclinic", steps.at(0));  // what the first `clinic init` made
    {
        auto server = Server::connect(admin);
        ASSERT_TRUE(server) << server.error().message;
        auto key = store::makeClinicKeyMaterial(kClinicPassphrase, store::KdfLimits::minimum());
        ASSERT_TRUE(key);
        ASSERT_TRUE(server->run("key", [&](pqxx::connection_base& cn) {
            pqxx::work tx(cn);
            const auto& w = key->wrapped;
            tx.exec_params("INSERT INTO ik_clinic (id, public_key, fingerprint, secret_box, secret_nonce, kdf_salt, "
                           "kdf_opslimit, kdf_memlimit, default_passphrase) VALUES (1, $1, $2, $3, $4, $5, $6, $7, false)",
                           pqxx::binarystring(key->publicKey.data(), key->publicKey.size()), key->fingerprint(),
                           pqxx::binarystring(w.box.data(), w.box.size()), pqxx::binarystring(w.nonce.data(), w.nonce.size()),
                           pqxx::binarystring(w.salt.data(), w.salt.size()), static_cast<long long>(w.limits.opslimit),
                           static_cast<long long>(w.limits.memlimit));
            tx.commit();
        }));
    }
    pg().createLogin("role_old", "intake_kiosk", "pass-old");
    const TempDir dir("kiosk");
    store::StoreOptions o;
    o.dbPath = dir / "intake.sqlite3";
    o.kioskId = "kiosk-old";
    auto s = store::Store::open(o);
    ASSERT_TRUE(s);
    {
        auto server = Server::connect(admin);
        auto key = readClinicKey(*server);
        ASSERT_TRUE(key);
        ASSERT_TRUE(s->importKeys(*key));
    }
    ASSERT_TRUE(s->submit(meta(1), payload("old", 1)));
    const auto refused = pushOnce(*s, pg().url("oldclinic", "role_old"));
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("has schema version 1, older than this program's (4): the admin runs "
                                           "`intake-kiosk clinic upgrade --pg URL`"),
              std::string::npos) << refused.error().message;
    EXPECT_EQ(s->syncState()->waiting, 1);

    const auto up = runKiosk(shellWords({"clinic", "upgrade", "--pg", admin}));
    ASSERT_EQ(up.exitCode, 0) << up.output;
    EXPECT_NE(up.out.find("from schema 1 to 4"), std::string::npos) << up.out;
    const auto again = runKiosk(shellWords({"clinic", "upgrade", "--pg", admin}));
    EXPECT_EQ(again.exitCode, 0) << again.output;
    EXPECT_NE(again.out.find("already at schema 4"), std::string::npos) << again.out;
    const auto ok = pushOnce(*s, pg().url("oldclinic", "role_old"));
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->sent, 1);
}

}  // namespace
}  // namespace kiosk::sync::testing
