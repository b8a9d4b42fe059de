// What a kiosk's role may not do on the clinic server, and the bad inputs a push must survive:
// each a clear message, nothing lost from the outbox, the kiosk still saving.
#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "kiosk/sync/server_url.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;

/// The message of what @p sql gives when run as @p url's role ("" if it ran).
std::string refusal(const std::string& url, const std::string& sql) {
    auto server = Server::connect(url);
    if (!server) return server.error().message;
    auto ran = server->run("running a query", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        tx.exec(sql);
        tx.commit();
    });
    return ran ? std::string() : ran.error().message;
}

TEST_F(SyncTest, KioskRoleCannotReadPayloadsBackNorDeleteAnything) {
    const std::string admin = makeClinic("perms");
    pg().createLogin("kiosk_p", "intake_kiosk", "pass-p");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-p", pg().url("perms", "kiosk_p"));  // a kiosk may join
    ASSERT_TRUE(s.submit(meta(1), payload("p", 1)));
    ASSERT_TRUE(pushOnce(s, pg().url("perms", "kiosk_p")));
    const std::string kiosk = pg().url("perms", "kiosk_p");

    for (const char* sql : {"SELECT sealed FROM ik_records", "SELECT form_id FROM ik_records",
                            "DELETE FROM ik_records", "UPDATE ik_records SET kiosk_id = 'x'", "DELETE FROM ik_audit",
                            "SELECT * FROM ik_audit", "INSERT INTO ik_marks VALUES ('x', 'deleted', 'now')"}) {
        const std::string why = refusal(kiosk, sql);
        EXPECT_NE(why.find("the clinic server does not allow this"), std::string::npos) << sql << ": " << why;
        EXPECT_NE(why.find("permission denied"), std::string::npos) << sql << ": " << why;
    }
    // What the staff commands say to a kiosk's role.
    const auto list = runKiosk(shellWords({"records", "list", "--pg", kiosk}));
    EXPECT_EQ(list.exitCode, 1);
    EXPECT_NE(list.err.find("does not allow this"), std::string::npos) << list.err;
    EXPECT_NE(list.err.find("permission denied for table ik_records"), std::string::npos) << list.err;
    // The admin sees the sealed bytes, still sealed: no plain answer anywhere on the server.
    pqxx::connection c(admin);
    pqxx::nontransaction q(c);
    const pqxx::result all = q.exec("SELECT * FROM ik_records");
    ASSERT_EQ(all.size(), 1u);
    for (const auto& f : all[0]) EXPECT_EQ(std::string(f.c_str()).find("Patient"), std::string::npos) << f.name();
}

TEST_F(SyncTest, BadServerInputsSayWhatAndLoseNothing) {
    const std::string url = makeClinic("bad");
    pg().createLogin("kiosk_w", "intake_kiosk", "right-pass", "wrong-pass");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-w", url);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(s.submit(meta(i), payload("w", i)));

    auto expectRefused = [&](const std::string& target, const std::string& words) {
        const auto r = pushOnce(s, target);
        ASSERT_FALSE(r) << target;
        EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
        EXPECT_EQ(s.syncState()->waiting, 3) << "the outbox lost records after: " << words;
    };
    expectRefused("postgresql://[::1", "the clinic server URL is not valid");
    expectRefused("postgresql://ik_admin:hunter2@127.0.0.1:" + pg().port() + "/bad", "holds a password");
    expectRefused("postgresql://ik_admin@127.0.0.1:1/bad", "cannot reach the clinic server (127.0.0.1:1/bad as ik_admin)");
    expectRefused(pg().url("bad", "kiosk_w"), "the clinic server refused the password");
    expectRefused(pg().url("nosuchdb"), "no such database or user");
    // TLS asked for (README: sslmode=verify-full) from a server that has none: said, not ignored.
    expectRefused(url + "?sslmode=verify-full", "server does not support SSL, but SSL was required");
    // Another clinic: a server whose key is not the one this kiosk seals to.
    const std::string other = makeClinic("other");
    expectRefused(other, "belongs to another clinic");
    // A server upgraded past this program.
    pg().admin("bad", "UPDATE ik_schema SET version = 7");
    expectRefused(url, "has schema version 7, newer than this program understands (" +
                                 std::to_string(kServerSchemaVersion) + ")");
    pg().admin("bad", "UPDATE ik_schema SET version = " + std::to_string(kServerSchemaVersion));
    // The command line says the same, on stderr, with what waits.
    const auto cli = runKiosk(shellWords({"sync", "push", "--data-dir", dir.path(), "--pg", other}));
    EXPECT_EQ(cli.exitCode, 1);
    EXPECT_NE(cli.err.find("belongs to another clinic"), std::string::npos) << cli.err;
    EXPECT_NE(cli.err.find("3 waiting to sync"), std::string::npos) << cli.err;
    EXPECT_EQ(cli.output.find("hunter2"), std::string::npos);
    // The kiosk kept saving throughout, and once the URL is right, everything goes.
    ASSERT_TRUE(s.submit(meta(3), payload("w", 3)));
    const auto ok = pushOnce(s, url);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->sent, 4);
}

TEST_F(SyncTest, SettingsRefuseAPasswordInTheServerUrl) {
    EXPECT_TRUE(checkServerUrl("postgresql://kiosk@db.clinic/intake?sslmode=verify-full"));
    const auto bad = checkServerUrl("host=db.clinic user=kiosk password=hunter2");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.find("hunter2"), std::string::npos);
    const kiosk::testing::TempFile settings("kiosk.yaml", "server:\n  url: postgresql://k:hunter2@db/x\n");
    const auto push = runKiosk(shellWords({"sync", "push", "--config", settings.path()}));
    EXPECT_NE(push.exitCode, 0);
    EXPECT_NE(push.err.find("kiosk.yaml:2:8"), std::string::npos) << push.err;
    EXPECT_NE(push.err.find("holds a password"), std::string::npos) << push.err;
    EXPECT_EQ(push.err.find("hunter2"), std::string::npos) << push.err;
}

}  // namespace
}  // namespace kiosk::sync::testing
