// Two kiosks, one clinic server, and everything that can go wrong while they push: the server
// crashes and comes back at random moments and `sync push` processes are SIGKILLed mid-push.
// Afterwards the server holds each record exactly once, byte-identical to its kiosk's sealed copy.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <pqxx/pqxx>

#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

extern char** environ;

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;

/// `intake-kiosk sync push` for @p dataDir, started in the background; its pid.
pid_t startPush(const std::string& dataDir, const std::string& url) {
    std::vector<std::string> args = {KIOSK_BINARY, "sync", "push", "--data-dir", dataDir, "--pg", url, "--batch", "10"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

/// id -> sealed bytes, from a kiosk's SQLite file as it stores them.
std::map<std::string, std::string> localSealed(const std::string& db) {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(d, "SELECT id, payload FROM records");
    std::map<std::string, std::string> out;
    while (q.executeStep()) {
        const auto& c = q.getColumn(1);
        out[q.getColumn(0).getString()] = std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
    }
    return out;
}

TEST_F(SyncTest, TwoKiosksKilledPushersAndServerCrashesLoseAndDuplicateNothing) {
    const std::string adminUrl = makeClinic("multi");
    pg().createLogin("kiosk_a", "intake_kiosk", "pass-a");
    pg().createLogin("kiosk_b", "intake_kiosk", "pass-b");
    const TempDir dirA("kioskA"), dirB("kioskB");
    store::Store a = joinedKiosk(dirA, "kiosk-a", adminUrl);
    store::Store b = joinedKiosk(dirB, "kiosk-b", adminUrl);
    const std::string urlA = pg().url("multi", "kiosk_a"), urlB = pg().url("multi", "kiosk_b");

    const int perKiosk = 500, rounds = 25;
    std::mt19937 rng(20261206);
    int saved = 0, serverCrashes = 0, kills = 0;
    for (int round = 0; round < rounds; ++round) {
        // The kiosks keep taking intakes whatever the server does.
        const int n = perKiosk / rounds;
        for (int i = 0; i < n; ++i, ++saved) {
            ASSERT_TRUE(a.submit(meta(saved), payload("a", saved))) << "kiosk a stopped saving";
            ASSERT_TRUE(b.submit(meta(saved), payload("b", saved))) << "kiosk b stopped saving";
        }
        const pid_t pa = startPush(dirA.path(), urlA), pb = startPush(dirB.path(), urlB);
        ASSERT_GT(pa, 0);
        ASSERT_GT(pb, 0);
        // Every third round kills the pushers at once, while they start or connect, so some kills
        // land mid-run however fast the machine is; the other rounds kill at random moments.
        const bool atOnce = round % 3 == 0;
        if (!atOnce)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 120)(rng)));
        const bool crash = std::uniform_int_distribution<int>(0, 3)(rng) == 0;
        if (crash) {
            pg().kill();
            ++serverCrashes;
        }
        if (!atOnce)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 60)(rng)));
        for (pid_t p : {pa, pb}) {
            ::kill(p, SIGKILL);
            int status = 0;
            ::waitpid(p, &status, 0);
            if (WIFSIGNALED(status)) ++kills;  // it was still pushing (or connecting) when killed
        }
        if (crash) pg().restart();
    }
    ASSERT_EQ(saved, perKiosk);
    // Back online: one more push each, run to the end, empties both outboxes.
    for (const auto& [dir, url] : {std::pair{&dirA, urlA}, std::pair{&dirB, urlB}}) {
        const auto r = runKiosk(shellWords({"sync", "push", "--data-dir", dir->path(), "--pg", url}));
        ASSERT_EQ(r.exitCode, 0) << r.output;
        EXPECT_NE(r.out.find("waiting 0"), std::string::npos) << r.out;
    }
    std::cout << "server crashes " << serverCrashes << ", pushers killed mid-run " << kills << "\n";
    EXPECT_GT(serverCrashes, 0);
    EXPECT_GT(kills, 0);

    // Exactly the 1000 records, each byte-identical to its kiosk's sealed copy.
    std::map<std::string, std::string> expected = localSealed(dirA / "intake.sqlite3");
    for (auto& [id, sealed] : localSealed(dirB / "intake.sqlite3")) expected[id] = sealed;
    ASSERT_EQ(expected.size(), 2u * perKiosk);
    pqxx::connection c(adminUrl);
    pqxx::read_transaction tx(c);
    const pqxx::result rows = tx.exec("SELECT id, sealed FROM ik_records");
    EXPECT_EQ(rows.size(), 2u * perKiosk);
    std::size_t same = 0;
    for (const auto& row : rows) {
        const pqxx::binarystring sealed(row[1]);
        auto it = expected.find(row[0].as<std::string>());
        if (it != expected.end() && it->second == sealed.str()) ++same;
    }
    EXPECT_EQ(same, 2u * perKiosk);
    EXPECT_EQ(tx.exec("SELECT count(DISTINCT (kiosk_id, kiosk_seq)) FROM ik_records")[0][0].as<int>(), 2 * perKiosk);
    tx.commit();

    // The server's own log (crashes, refused pushes, killed connections) holds no answer either.
    const std::string log = pg().serverLog();
    EXPECT_FALSE(log.empty());
    EXPECT_EQ(log.find("Patient"), std::string::npos);
    EXPECT_EQ(log.find("pain_now"), std::string::npos);

    // Staff, at a desk, with their own role: the whole set opens and checks.
    pg().createLogin("desk", "intake_staff", "pass-desk");
    const kiosk::testing::TempFile pass("pass", std::string(kClinicPassphrase) + "\n");
    const auto verify = runKiosk(shellWords({"records", "verify", "--pg", pg().url("multi", "desk"),
                                             "--passphrase-file", pass.path()}));
    EXPECT_EQ(verify.exitCode, 0) << verify.output;
    EXPECT_NE(verify.out.find("1000 records checked"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find(", 0 damaged"), std::string::npos) << verify.out;
    const auto list = runKiosk(shellWords({"records", "list", "--pg", pg().url("multi", "desk"), "--kiosk", "kiosk-b"}));
    EXPECT_EQ(list.exitCode, 0) << list.output;
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), perKiosk + 1);  // header + kiosk b's
}

}  // namespace
}  // namespace kiosk::sync::testing
