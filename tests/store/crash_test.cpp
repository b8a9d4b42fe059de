// Crash safety: a child process runs the kiosk's save loop (resume draft, save pages, submit) and
// is killed with SIGKILL at a random moment, again and again on the same database. After every
// kill: each submit that returned OK is present and intact, the draft is either absent or readable
// and never belongs to a submitted intake. At the end: integrity_check passes, no record is
// duplicated and every record opens.
//
// The kill comes from a one-shot interval timer armed in the child (its SIGALRM handler raises
// SIGKILL): a quarter of the children arm it before opening the database, so kills land in open,
// WAL recovery and draft resume too; the rest arm it after their 1st-3rd acknowledged submit.
// The test itself never sleeps. KIOSK_CRASH_KILLS sets the count (200 here; 1000 in `make test-long`).
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include <SQLiteCpp/Database.h>

#include "kiosk/core/log.h"
#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {

struct Ack {
    std::int32_t index;  ///< -1: the child hit an error (message in id)
    char id[60];
};

constexpr int kIndexStride = 100000;  // each child numbers its intakes from its own base

void killSelf(int) { ::kill(::getpid(), SIGKILL); }

std::string draftText(int index, int page) { return "draft " + std::to_string(index) + " page " + std::to_string(page); }

int indexOfDraft(const std::string& snapshot) { return std::atoi(snapshot.c_str() + 6); }

void armKill(long delayUs) {
    itimerval timer{};
    timer.it_value.tv_sec = delayUs / 1000000;
    timer.it_value.tv_usec = delayUs % 1000000 + 1;  // 0 would disarm
    ::setitimer(ITIMER_REAL, &timer, nullptr);
}

/// The child arms its kill timer before opening the store (@p armAfterAcks == 0: the kill can land
/// in open, WAL recovery or draft resume) or right after its n-th acknowledged submit, which
/// guarantees progress however slow the disk is today.
[[noreturn]] void childLoop(const std::string& path, int fd, int base, long delayUs, int armAfterAcks) {
    ::signal(SIGALRM, killSelf);
    if (armAfterAcks == 0) armKill(delayUs);
    int acks = 0;
    auto fail = [&](const std::string& what) {
        Ack a{-1, {}};
        std::snprintf(a.id, sizeof a.id, "%s", what.c_str());
        (void)!::write(fd, &a, sizeof a);
        ::_exit(3);
    };
    auto ack = [&](int index, const std::string& id) {
        Ack a{index, {}};
        std::snprintf(a.id, sizeof a.id, "%s", id.c_str());
        if (::write(fd, &a, sizeof a) != static_cast<ssize_t>(sizeof a)) ::_exit(4);
        if (++acks == armAfterAcks) armKill(delayUs);
    };
    auto store = Store::open(options(path));
    if (!store) fail(store.error().format());
    auto draft = store->loadDraft();
    if (!draft) fail(draft.error().format());
    if (draft->has_value()) {  // finish the intake the last crash interrupted
        const int index = indexOfDraft((*draft)->snapshot);
        auto id = store->submit(meta(index), payload(index));
        if (!id) fail(id.error().format());
        ack(index, *id);
    }
    for (int i = base;; ++i) {
        for (int page = 1; page <= 2; ++page)
            if (auto ok = store->saveDraft(draftText(i, page), "2026-11-25T10:00:00Z"); !ok) fail(ok.error().format());
        auto id = store->submit(meta(i), payload(i));
        if (!id) fail(id.error().format());
        ack(i, *id);
    }
}

int killCount() {
    const char* env = std::getenv("KIOSK_CRASH_KILLS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 200;
}

}  // namespace

TEST(StoreCrash, KillLoopLosesNothing) {
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
        cycleUs = static_cast<long>(std::chrono::duration_cast<microseconds>(2 * slowest).count());
        windowUs = static_cast<long>(std::chrono::duration_cast<microseconds>(t1 - t0).count()) + cycleUs;
    }
    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    RecordProperty("seed", static_cast<int>(seed));
    RecordProperty("kill_window_us", static_cast<int>(windowUs));
    std::uniform_int_distribution<long> beforeOpen(0, windowUs), afterAck(0, cycleUs);
    std::uniform_int_distribution<int> mode(0, 3);
    std::size_t guaranteedAcks = 0;

    std::map<int, std::string> acked;  // intake index -> record id
    int killedBeforeFirstAck = 0, draftsResumed = 0;
    const int kills = killCount();
    for (int iter = 0; iter < kills; ++iter) {
        SCOPED_TRACE("kill " + std::to_string(iter) + " seed " + std::to_string(seed));
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const int armAfter = mode(rng);
        const long delayUs = armAfter == 0 ? beforeOpen(rng) : afterAck(rng);
        guaranteedAcks += static_cast<std::size_t>(armAfter);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            childLoop(path, fds[1], (iter + 1) * kIndexStride, delayUs, armAfter);
        }
        ::close(fds[1]);
        std::vector<Ack> acks;
        Ack a{};
        while (::read(fds[0], &a, sizeof a) == static_cast<ssize_t>(sizeof a)) acks.push_back(a);
        ::close(fds[0]);
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        for (const Ack& x : acks) ASSERT_GE(x.index, 0) << "child failed: " << x.id;
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
        if (acks.empty()) ++killedBeforeFirstAck;

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
    RecordProperty("acknowledged", static_cast<int>(acked.size()));
    RecordProperty("records", static_cast<int>(total));
    RecordProperty("killed_before_first_ack", killedBeforeFirstAck);
    RecordProperty("drafts_resumed", draftsResumed);
    // Children armed after their n-th submit made at least that many: the loop did test something.
    EXPECT_GE(acked.size(), guaranteedAcks);
    std::printf("crash loop: window %ld us, %d kills, %zu acknowledged submits, %lld records, %d kills before the first ack, "
                "%d drafts resumed\n", windowUs, kills, acked.size(), static_cast<long long>(total), killedBeforeFirstAck,
                draftsResumed);
    EXPECT_GE(static_cast<std::size_t>(total), acked.size());
    EXPECT_EQ(chain->entries, total);
}
