// Crash safety: a child process runs the kiosk's save loop (resume draft, save pages, submit) and
// dies at a random moment, again and again on the same database. After every death: each submit
// that returned OK is present and intact, the draft is either absent or readable and never belongs
// to a submitted intake. At the end: integrity_check passes, the record chain is whole, no record
// is duplicated and every record opens.
//
// Two ways to die, one loop:
// - kill: SIGKILL (the page cache survives, as when the kiosk crashes);
// - power cut: the child runs under an LD_PRELOAD shim (powercut/unsynced_writes.c) that journals
//   what each write to the database or its WAL overwrites; after the kill, what was written since
//   the file's last fsync is undone - all of it, none of it, or sector by sector at random
//   (power_cut.h) - as a disk losing power at that moment might.
// The kill comes from a one-shot interval timer armed in the child (submit_loop.h): a quarter of
// the children arm it before opening the database, so deaths land in open, WAL recovery and draft
// resume too; the rest arm it after their 1st-3rd acknowledged submit. The test never sleeps.
// KIOSK_CRASH_KILLS / KIOSK_POWERCUT_CUTS set the counts (200 / 50 here; 1000 each in `make test-long`).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <set>

#include <SQLiteCpp/Database.h>

#include "kiosk/core/log.h"
#include "power_cut.h"
#include "store_test_util.h"
#include "submit_loop.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {

int countFromEnv(const char* name, int fallback) {
    const char* env = std::getenv(name);
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : fallback;
}

/// How the children of one loop run and die.
struct DeathKind {
    const char* name;  ///< "crash loop"
    int count;
    long slowdown;     ///< the child's writes take about this many times the parent's (the shim journals each)
    /// Starts the save loop in a child writing its acks to @p fd; returns its pid (-1 on failure).
    std::function<pid_t(const std::string& db, int fd, int base, long delayUs, int armAfter)> start;
    /// After the child died: what the disk lost (nothing for a kill). Returns a line for the trace.
    std::function<std::string(const std::string& db, std::mt19937& rng)> afterDeath;
};

pid_t forkChild(const std::string& db, int fd, int base, long delayUs, int armAfter) {
    const pid_t pid = ::fork();
    if (pid == 0) childLoop(db, fd, base, delayUs, armAfter);
    return pid;
}

void runLoop(const DeathKind& kind) {
    TempDir dir;
    const std::string path = dir / "k.db";
    ASSERT_TRUE(kiosk::core::initLogging({"", "", 0, 0, spdlog::level::warn, spdlog::level::warn}));
    std::optional<ClinicKey> key;
    {
        Store s = freshStore(path);
        auto k = s.unlock("correct horse");
        ASSERT_TRUE(k);
        key.emplace(std::move(*k));
    }
    // Kill windows follow this disk's speed, measured here on the same file (those intakes stay in
    // the database and are checked at the end too): open + two intakes when armed before open,
    // two intakes when armed after a submit.
    long windowUs = 0, cycleUs = 0;
    {
        auto t0 = std::chrono::steady_clock::now();
        Store s = openOrDie(options(path));
        ASSERT_FALSE(s.loadDraft()->has_value());
        auto t1 = std::chrono::steady_clock::now();
        std::chrono::steady_clock::duration slowest{};
        for (int i = 1; i <= 3; ++i) {
            auto c0 = std::chrono::steady_clock::now();
            for (int page = 1; page <= 2; ++page) ASSERT_TRUE(s.saveDraft(draftText(i, page), "2026-11-25T10:00:00Z"));
            ASSERT_TRUE(s.submit(meta(i), payload(i)));
            slowest = std::max(slowest, std::chrono::steady_clock::now() - c0);
        }
        using std::chrono::microseconds;
        cycleUs = kind.slowdown * static_cast<long>(std::chrono::duration_cast<microseconds>(2 * slowest).count());
        windowUs = kind.slowdown * static_cast<long>(std::chrono::duration_cast<microseconds>(t1 - t0).count()) + cycleUs;
    }
    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    ::testing::Test::RecordProperty("seed", static_cast<int>(seed));
    ::testing::Test::RecordProperty("kill_window_us", static_cast<int>(windowUs));
    std::uniform_int_distribution<long> beforeOpen(0, windowUs), afterAck(0, cycleUs);
    std::uniform_int_distribution<int> mode(0, 3);
    std::size_t guaranteedAcks = 0;

    std::map<int, std::string> acked;  // intake index -> record id
    int killedBeforeFirstAck = 0, draftsResumed = 0;
    const int kills = kind.count;
    for (int iter = 0; iter < kills; ++iter) {
        SCOPED_TRACE(std::string(kind.name) + ": death " + std::to_string(iter) + " seed " + std::to_string(seed));
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);  // the child inherits only the end it writes
        const int armAfter = mode(rng);
        const long delayUs = armAfter == 0 ? beforeOpen(rng) : afterAck(rng);
        guaranteedAcks += static_cast<std::size_t>(armAfter);
        const pid_t pid = kind.start(path, fds[1], (iter + 1) * kIndexStride, delayUs, armAfter);
        ASSERT_GE(pid, 0);
        ::close(fds[1]);
        const std::vector<Ack> acks = readAcks(fds[0]);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        for (const Ack& x : acks) ASSERT_GE(x.index, 0) << "child failed: " << x.id;
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
        if (acks.empty()) ++killedBeforeFirstAck;
        const std::string lost = kind.afterDeath ? kind.afterDeath(path, rng) : "";
        SCOPED_TRACE(lost);

        // After the kill: what the child was told is saved, is saved.
        std::int64_t draftRows = 0;
        {
            SQLite::Database raw(path, SQLite::OPEN_READONLY);
            draftRows = raw.execAndGet("SELECT count(*) FROM drafts").getInt64();
        }
        Store s = openOrDie(options(path));
        for (const Ack& x : acks) {
            ASSERT_EQ(acked.count(x.index), 0u) << "intake " << x.index << " acknowledged twice";
            acked[x.index] = x.id;
            auto p = s.readPayload(x.id, *key);
            ASSERT_TRUE(p) << "acknowledged record lost: " << p.error().format();
            ASSERT_EQ(*p, payload(x.index));
        }
        // The draft is readable if it is there, and never belongs to a submitted intake.
        auto d = s.loadDraft();
        ASSERT_TRUE(d) << d.error().format();
        ASSERT_EQ(d->has_value(), draftRows == 1) << "a draft row was there but could not be resumed";
        if (d->has_value()) {
            ++draftsResumed;
            EXPECT_EQ(acked.count(indexOfDraft((*d)->snapshot)), 0u) << "draft of a submitted intake";
        }
    }

    Store s = openOrDie(options(path));
    ASSERT_TRUE(s.integrityCheck());
    // A kill mid-submit never leaves the record chain with a gap or a head out of step.
    auto chain = s.verifyRecords();
    ASSERT_TRUE(chain) << chain.error().format();
    EXPECT_TRUE(chain->intact()) << (chain->problems.empty() ? "" : chain->problems.front());
    std::set<int> seen;
    std::int64_t total = 0;
    ASSERT_TRUE(s.forEachRecord({}, *key, [&](const RecordSummary&, const kiosk::core::Result<std::string>& p) {
        ++total;
        EXPECT_TRUE(p.ok()) << p.error().format();
        if (!p.ok()) return true;
        const int index = std::atoi(p.value().c_str() + std::string(R"({"answers":{"name":"Patient )").size());
        EXPECT_EQ(p.value(), payload(index));
        EXPECT_TRUE(seen.insert(index).second) << "intake " << index << " saved twice";
        return true;
    }));
    for (const auto& [index, id] : acked) EXPECT_EQ(seen.count(index), 1u) << id;
    ::testing::Test::RecordProperty("acknowledged", static_cast<int>(acked.size()));
    ::testing::Test::RecordProperty("records", static_cast<int>(total));
    ::testing::Test::RecordProperty("killed_before_first_ack", killedBeforeFirstAck);
    ::testing::Test::RecordProperty("drafts_resumed", draftsResumed);
    // Children armed after their n-th submit made at least that many: the loop did test something.
    EXPECT_GE(acked.size(), guaranteedAcks);
    std::printf("%s: window %ld us, %d deaths, %zu acknowledged submits, %lld records, %d kills before the first ack, "
                "%d drafts resumed\n", kind.name, windowUs, kills, acked.size(), static_cast<long long>(total), killedBeforeFirstAck,
                draftsResumed);
    EXPECT_GE(static_cast<std::size_t>(total), acked.size());
    EXPECT_EQ(chain->entries, total);
}

}  // namespace

TEST(StoreCrash, KillLoopLosesNothing) {
    runLoop({"crash loop", countFromEnv("KIOSK_CRASH_KILLS", 200), 1, forkChild, nullptr});
}

TEST(StoreCrash, PowerCutLoopLosesNothing) {
    CutStats total;
    const auto start = [](const std::string& db, int fd, int base, long delayUs, int armAfter) {
        return spawnUnderShim({KIOSK_POWERCUT_CHILD, "loop", db, std::to_string(fd), std::to_string(base),
                               std::to_string(delayUs), std::to_string(armAfter)},
                              db, db + ".undo");
    };
    const auto cut = [&total](const std::string& db, std::mt19937& rng) {
        // A third of the cuts lose every un-synced write, half lose a random part, the rest none.
        const int roll = std::uniform_int_distribution<int>(0, 5)(rng);
        const CutMode mode = roll < 2 ? CutMode::DropAll : roll < 5 ? CutMode::Random : CutMode::KeepAll;
        const CutStats s = applyPowerCut(db + ".undo", db, mode, rng);
        total.unsyncedSectors += s.unsyncedSectors;
        total.droppedSectors += s.droppedSectors;
        total.revertedSizes += s.revertedSizes;
        return "power cut: " + std::to_string(s.droppedSectors) + " of " + std::to_string(s.unsyncedSectors) +
               " un-synced sectors lost, " + std::to_string(s.revertedSizes) + " file sizes reverted";
    };
    runLoop({"power-cut loop", countFromEnv("KIOSK_POWERCUT_CUTS", 50), 3, start, cut});
    // The cuts did undo writes: un-synced data existed at the moments chosen and some of it was lost.
    EXPECT_GT(total.droppedSectors, 0u);
    std::printf("power cuts: %zu of %zu un-synced sectors lost, %zu file sizes reverted\n", total.droppedSectors,
                total.unsyncedSectors, total.revertedSizes);
}
