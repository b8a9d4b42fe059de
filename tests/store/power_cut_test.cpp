// The power-cut simulation itself (powercut/unsynced_writes.c + power_cut.h): it must undo exactly
// the writes made since the last sync, and a disk that lies about syncing must lose acknowledged
// records in it - else the power-cut loop in crash_test.cpp could pass without testing anything.
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>

#include "power_cut.h"
#include "store_test_util.h"
#include "submit_loop.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {

/// Runs the raw pattern under the shim ("AAAA" synced, then "BBBB" at 4 and "CC" at 0 not synced),
/// cuts the power with @p mode and returns what the file holds.
std::string rawAfterCut(CutMode mode, std::mt19937& rng) {
    TempDir dir;
    const std::string file = dir / "f.db";
    const pid_t pid = spawnUnderShim({KIOSK_POWERCUT_CHILD, "raw", file}, file, dir / "undo");
    EXPECT_GT(pid, 0);
    int status = 0;
    EXPECT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
    EXPECT_EQ(readFile(file), "CCAABBBB");  // the process saw all its writes
    applyPowerCut(dir / "undo", file, mode, rng);
    EXPECT_NE(::access((dir / "undo").c_str(), F_OK), 0) << "the journal is removed after the cut";
    return readFile(file);
}

}  // namespace

TEST(StorePowerCut, UndoesExactlyWhatWasWrittenSinceTheLastSync) {
    std::mt19937 rng(12);
    EXPECT_EQ(rawAfterCut(CutMode::DropAll, rng), "AAAA");
    EXPECT_EQ(rawAfterCut(CutMode::KeepAll, rng), "CCAABBBB");
    // One sector, so it is kept or lost whole; the file's new size, independently.
    const std::set<std::string> possible = {"AAAA", std::string("AAAA\0\0\0\0", 8), "CCAA", "CCAABBBB"};
    std::set<std::string> seen;
    for (int i = 0; i < 24; ++i) {
        const std::string got = rawAfterCut(CutMode::Random, rng);
        EXPECT_EQ(possible.count(got), 1u) << got;
        seen.insert(got);
    }
    EXPECT_EQ(seen.size(), possible.size());
}

TEST(StorePowerCut, ALyingDiskLosesAcknowledgedRecords) {
    // The control: a disk that acknowledges fsync and keeps the data in its cache. The child saves
    // two records (both acknowledged), the power goes, and the check the loop makes finds them gone.
    TempDir dir;
    const std::string db = dir / "k.db";
    std::optional<ClinicKey> key;
    {
        Store s = freshStore(db);
        key.emplace(std::move(*s.unlock("correct horse")));
    }
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t pid = spawnUnderShim({KIOSK_POWERCUT_CHILD, "loop", db, std::to_string(fds[1]), "100", "1", "2"}, db,
                                     dir / "undo", {"KIOSK_POWERCUT_LYING_DISK=1"});
    ASSERT_GT(pid, 0);
    ::close(fds[1]);
    const std::vector<Ack> acks = readAcks(fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_GE(acks.size(), 2u);
    for (const Ack& x : acks) ASSERT_GE(x.index, 0) << "child failed: " << x.id;
    std::mt19937 rng(7);
    const CutStats cut = applyPowerCut(dir / "undo", db, CutMode::DropAll, rng);
    EXPECT_GT(cut.droppedSectors, 0u);
    Store s = openOrDie(options(db));
    EXPECT_TRUE(s.integrityCheck());
    for (const Ack& x : acks) {
        auto p = s.readPayload(x.id, *key);
        EXPECT_FALSE(p) << "record " << x.index << " survived a disk that never synced";
    }
}
