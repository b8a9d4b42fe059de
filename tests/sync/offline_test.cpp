// A kiosk that cannot reach the clinic server keeps saving; staff see how many records wait, and
// the records go as soon as the server is back (the background pusher does it by itself).
#include <chrono>
#include <thread>

#include <pqxx/pqxx>

#include "kiosk/sync/pusher.h"
#include "support/run_kiosk.h"
#include "sync/sync_fixture.h"

namespace kiosk::sync::testing {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;

int serverCount(const std::string& url) {
    pqxx::connection c(url);
    pqxx::nontransaction q(c);
    return q.exec("SELECT count(*) FROM ik_records")[0][0].as<int>();
}

TEST_F(SyncTest, OfflineKioskKeepsSavingAndCatchesUp) {
    const std::string url = makeClinic("offline");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-off", url);
    pg().kill();  // the network is gone
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(s.submit(meta(i), payload("off", i)));
    const auto pushed = pushOnce(s, url);
    ASSERT_FALSE(pushed);
    EXPECT_NE(pushed.error().message.find("cannot reach the clinic server"), std::string::npos) << pushed.error().message;
    EXPECT_NE(pushed.error().message.find("Records stay queued"), std::string::npos);

    const auto status = runKiosk(shellWords({"sync", "status", "--data-dir", dir.path()}));
    EXPECT_EQ(status.exitCode, 0) << status.output;
    EXPECT_NE(status.out.find("5 waiting to sync"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("cannot reach the clinic server"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("last push: never"), std::string::npos) << status.out;

    pg().restart();
    const auto again = pushOnce(s, url);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->sent, 5);
    EXPECT_EQ(again->waiting, 0);
    EXPECT_EQ(serverCount(url), 5);
    const auto after = runKiosk(shellWords({"sync", "status", "--data-dir", dir.path()}));
    EXPECT_NE(after.out.find("0 waiting to sync"), std::string::npos) << after.out;
    EXPECT_NE(after.out.find("last error: none"), std::string::npos) << after.out;
}

// A kiosk with no clinic server in its settings is not "waiting to sync": it says so, and still
// counts the records it keeps.
TEST_F(SyncTest, StatusOfAKioskWithNoServerSaysSo) {
    const TempDir dir("kiosk");
    {
        store::Store s = openKiosk(dir, "kiosk-alone");
        ASSERT_TRUE(s.ensureKeys(store::KdfLimits::minimum()));
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(s.submit(meta(i), payload("alone", i)));
    }
    const kiosk::testing::TempFile settings("settings.yaml", "kiosk_id: kiosk-alone\n");
    const auto status = runKiosk(shellWords({"sync", "status", "--data-dir", dir.path(), "--config", settings.path()}));
    EXPECT_EQ(status.exitCode, 0) << status.output;
    EXPECT_EQ(status.out.find("waiting to sync"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("no clinic server configured"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("3 records kept here"), std::string::npos) << status.out;
}

TEST_F(SyncTest, BackgroundPusherResumesByItselfWhenTheServerReturns) {
    const std::string url = makeClinic("resume");
    const TempDir dir("kiosk");
    store::Store s = joinedKiosk(dir, "kiosk-bg", url);
    pg().kill();
    Pusher::Settings settings{dir / "intake.sqlite3", "kiosk-bg", url, std::chrono::seconds(1)};
    Pusher pusher(settings);
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(s.submit(meta(i), payload("bg", i)));  // never waits on the pusher
        pusher.wake();
    }
    // The pusher fails and backs off meanwhile; the kiosk's own saves are unaffected.
    while (pusher.rounds() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(s.syncState()->waiting, 20);
    pg().restart();
    // Its back-off is at most a few seconds here; it resumes without being asked. (Polled for up
    // to a minute: a loaded machine is slow, and this checks that it happens, not how fast.)
    for (int i = 0; i < 600 && s.syncState()->waiting > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(s.syncState()->waiting, 0);
    EXPECT_EQ(serverCount(url), 20);
}

}  // namespace
}  // namespace kiosk::sync::testing
