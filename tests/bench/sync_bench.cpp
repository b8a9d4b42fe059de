// Sync push figures (PERFORMANCE.md): 10 000 sealed records pushed to a local PostgreSQL against
// the floor, a bare libpqxx insert of the same rows (prepared, same batches of 500, one run), and
// the kiosk's frame build time (the body-map page, headless) while the background pusher sends
// 10 000, against the same frames idle. Starts its own throwaway server (tests/support/pg.sh).
// Prints figures; asserts nothing. Not Google Benchmark: one push is one measurement.
// SYNC_BENCH_RECORDS=N pushes N instead of 10 000 (for a quick look; the figures are at 10 000).
//
// A frame's build time is what PERFORMANCE.md defines: the UI thread's CPU time from NewFrame to
// Render (CLOCK_THREAD_CPUTIME_ID), the target's figure. Wall time is printed beside it: on this
// shared 2-core machine it also counts every moment the scheduler gave the UI thread's core to
// another process (the local PostgreSQL, other builds), which a clinic's server on another
// machine would not take.
#include <sched.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "headless_frame.h"
#include "kiosk/core/log.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/pusher.h"
#include "support/pg_cluster.h"
#include "support/temp_files.h"

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

/// This thread's CPU time so far, in ms.
double threadCpuMs() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

store::Store kioskWith(const testing::TempDir& dir, const std::string& kioskId, const std::string& url, int records) {
    store::StoreOptions o;
    o.dbPath = dir / (kioskId + ".sqlite3");
    o.kioskId = kioskId;
    auto s = store::Store::open(o);
    auto server = sync::Server::connect(url);
    if (!s || !server || !sync::joinClinic(*server, *s)) std::abort();
    // About the size of a real intake's sealed payload (~3 KB).
    const std::string filler(2800, 'x');
    for (int i = 0; i < records; ++i) {
        store::RecordMeta m;
        m.formId = "intake";
        m.formVersion = 3;
        m.contentHash = "sha256:bench";
        m.lang = "en";
        m.startedAt = m.submittedAt = "2026-12-06T10:00:00Z";
        if (!s->submit(m, R"({"answers":{"notes":")" + filler + std::to_string(i) + R"("}})")) std::abort();
    }
    return std::move(*s);
}

/// The floor: the same rows, a bare prepared INSERT into a table of the same shape, same batches.
double floorMs(const std::string& url, const std::vector<store::OutboxRecord>& rows) {
    pqxx::connection c(url);
    {
        pqxx::work tx(c);
        tx.exec("CREATE TABLE floor_records (LIKE ik_records INCLUDING ALL)");
        tx.commit();
    }
    c.prepare("ins", "INSERT INTO floor_records (id, kiosk_id, form_id, form_version, content_hash, lang, started_at, "
                     "submitted_at, sealed, sealed_hash, kiosk_seq, kiosk_chain_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)");
    const auto t0 = Clock::now();
    for (std::size_t i = 0; i < rows.size(); i += 500) {
        pqxx::work tx(c);
        for (std::size_t j = i; j < std::min(rows.size(), i + 500); ++j) {
            const auto& r = rows[j];
            const auto& m = r.meta;
            tx.exec_prepared("ins", m.id, m.kioskId, m.formId, m.formVersion, m.contentHash, m.lang, m.startedAt,
                             m.submittedAt, pqxx::binarystring(r.sealed.data(), r.sealed.size()),
                             pqxx::binarystring(r.sealedHash.data(), r.sealedHash.size()), r.chainSeq,
                             pqxx::binarystring(r.chainHash.data(), r.chainHash.size()));
        }
        tx.commit();
    }
    return msSince(t0);
}

struct FrameStats {
    double median = 0, p99 = 0, max = 0;
    std::size_t count = 0;
};
FrameStats stats(std::vector<double> ms) {
    FrameStats s;
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    s.count = ms.size();
    s.median = ms[ms.size() / 2];
    s.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    s.max = ms.back();
    return s;
}

/// One window of frames: per frame its CPU and wall time (ms), whether the thread was switched
/// out or faulted a page during it; and the wall time of the draft saves among them.
struct Frames {
    std::vector<double> cpu, wall, draftWall;
    std::vector<bool> switched, faulted;
};

/// A window's frame build times against 2x the idle median (the target).
void report(const char* what, const std::vector<double>& ms, double idleMedian) {
    const FrameStats s = stats(ms);
    const auto over = std::count_if(ms.begin(), ms.end(), [&](double x) { return x > 2 * idleMedian; });
    std::printf("  %s: median %.3f ms, p99 %.3f ms, max %.3f ms (%.2fx idle); above 2x idle: %lld of %zu (%.3f%%)\n",
                what, s.median, s.p99, s.max, s.max / idleMedian, static_cast<long long>(over), s.count,
                100.0 * static_cast<double>(over) / static_cast<double>(std::max<std::size_t>(1, s.count)));
}

/// Of a window's frames above 2x the idle CPU median: how many were switched out, how many faulted.
std::string causes(const Frames& f, double idleMedian) {
    long over = 0, switched = 0, faulted = 0;
    for (std::size_t i = 0; i < f.cpu.size(); ++i)
        if (f.cpu[i] > 2 * idleMedian) {
            ++over;
            switched += f.switched[i];
            faulted += f.faulted[i];
        }
    return std::to_string(over) + " (" + std::to_string(switched) + " switched out, " + std::to_string(faulted) +
           " page-faulted)";
}

/// Pins the PostgreSQL of the cluster in @p pgDir (the postmaster and its children; backends it
/// starts later inherit it) to the last CPU when there are two or more; the CPU, or -1.
int pinServer(const std::string& pgDir) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) != 0 || CPU_COUNT(&set) < 2) return -1;
    int last = -1;
    for (int c = 0; c < CPU_SETSIZE; ++c)
        if (CPU_ISSET(c, &set)) last = c;
    std::ifstream pidFile(pgDir + "/data/postmaster.pid");
    long postmaster = 0;
    if (!(pidFile >> postmaster) || postmaster <= 0) return -1;
    CPU_ZERO(&set);
    CPU_SET(last, &set);
    if (::sched_setaffinity(static_cast<pid_t>(postmaster), sizeof set, &set) != 0) return -1;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;  // not a process
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        const auto close = line.rfind(')');  // "pid (comm) state ppid ..."
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        long ppid = 0;
        if (rest >> state >> ppid && ppid == postmaster)
            (void)::sched_setaffinity(static_cast<pid_t>(std::stol(name)), sizeof set, &set);
    }
    return last;
}

}  // namespace

int main() {
    const char* records = std::getenv("SYNC_BENCH_RECORDS");
    const int n = records ? std::max(500, std::atoi(records)) : 10000;
    core::logger()->set_level(spdlog::level::warn);  // not one "intake submitted" line per record
    testing::PgCluster pg;
    pg.createDatabase("bench");
    const std::string url = pg.url("bench");
    {
        auto server = sync::Server::connect(url);
        auto key = store::makeClinicKeyMaterial("bench passphrase", store::KdfLimits::minimum());
        if (!server || !key || !sync::initClinic(*server, *key)) return 1;
    }
    const testing::TempDir dir("sync-bench");
    std::printf("== sync_bench: %d sealed records to a local PostgreSQL 15\n", n);
    store::Store a = kioskWith(dir, "kiosk-a", url, n);
    const auto rows = *a.pendingOutbox(n);
    const double floor = floorMs(url, rows);
    // Pushed as a kiosk's own role, as a kiosk pushes: row-level security checks every row.
    pg.createLogin("bench_kiosk", "intake_kiosk", "bench-kiosk-pass");
    const std::string kioskUrl = pg.url("bench", "bench_kiosk");
    const auto t0 = Clock::now();
    const auto pushed = sync::pushOnce(a, kioskUrl);
    const double push = msSince(t0);
    if (!pushed || pushed->sent != n) {
        std::printf("push failed: %s\n", pushed ? "not all sent" : pushed.error().message.c_str());
        return 1;
    }
    std::printf("floor (bare libpqxx prepared insert, batches of 500): %.0f ms, %.0f records/s\n", floor, n * 1000.0 / floor);
    std::printf("sync push as a kiosk role (outbox read, insert on conflict under row-level security, commit, "
                "local mark): %.0f ms, %.0f records/s\n", push,
                n * 1000.0 / push);
    std::printf("push rate / floor rate: %.2f (target >= 0.5)\n", floor / push);

    // Frames while the background pusher sends another kiosk's 10 000.
    store::Store b = kioskWith(dir, "kiosk-b", url, n);
    bench::Headless h(true, 20);  // the drawn body map with 20 marks, as frame_bench
    const auto v = h.vm(session::Screen::Page);
    auto frames = [&](Frames& f, const std::function<bool()>& more) {
        for (std::size_t i = 0; more(); ++i) {
            rusage r0{}, r1{};
            ::getrusage(RUSAGE_THREAD, &r0);
            const double c0 = threadCpuMs();
            const auto w0 = Clock::now();
            h.frame(v);
            f.wall.push_back(msSince(w0));
            f.cpu.push_back(threadCpuMs() - c0);
            ::getrusage(RUSAGE_THREAD, &r1);
            f.switched.push_back(r1.ru_nivcsw - r0.ru_nivcsw + r1.ru_nvcsw - r0.ru_nvcsw > 0);
            f.faulted.push_back(r1.ru_minflt - r0.ru_minflt + r1.ru_majflt - r0.ru_majflt > 0);
            // A page turn saves the draft on the frame loop's own connection: while the pusher
            // marks a batch it holds the database's write lock, the one thing the two share.
            if (i % 250 == 249) {
                const auto d0 = Clock::now();
                if (!b.saveDraft(R"({"page":4})", "2026-12-06T10:00:00Z")) std::abort();
                f.draftWall.push_back(msSince(d0));
            }
        }
    };
    Frames warm, idle, during, after;
    int count = 0;
    frames(warm, [&] { return ++count <= 30; });
    count = 0;
    frames(idle, [&] { return ++count <= 10000; });
    // The clinic's server is another machine in production: here it keeps to the CPU the pusher
    // keeps to (pusher_cpu.h), the bench's own choice, never the product's.
    const int serverCpu = pinServer(pg.dir());
    if (serverCpu >= 0) std::printf("the bench's PostgreSQL is pinned to CPU %d, as the pusher thread (stands in for the clinic's own machine)\n", serverCpu);
    const auto p0 = Clock::now();
    {
        sync::Pusher pusher({dir / "kiosk-b.sqlite3", "kiosk-b", url, std::chrono::seconds(3600)});
        frames(during, [&] { return pusher.rounds() < 1; });
    }
    const double pushMs = msSince(p0);
    const auto state = b.syncState();
    std::printf("background push of %d while drawing: %.0f ms, %lld left waiting\n", n, pushMs,
                state ? static_cast<long long>(state->waiting) : -1LL);
    // As many frames again with nothing pushing: the machine's own noise over the same count.
    count = 0;
    frames(after, [&, total = during.cpu.size()] { return static_cast<std::size_t>(++count) <= total; });
    const double idleCpu = stats(idle.cpu).median, idleWall = stats(idle.wall).median;
    std::printf("frame build, CPU time (the target's figure), idle median %.3f ms:\n", idleCpu);
    report("while pushing", during.cpu, idleCpu);
    report("after, idle", after.cpu, idleCpu);
    std::printf("  frames above 2x: %s\n", (causes(during, idleCpu) + " while pushing; " + causes(after, idleCpu) + " idle").c_str());
    std::printf("frame build, wall time (also counts this shared machine preempting the frame loop), idle median %.3f ms:\n", idleWall);
    report("while pushing", during.wall, idleWall);
    report("after, idle", after.wall, idleWall);
    const FrameStats dd = stats(during.draftWall), da = stats(after.draftWall);
    std::printf("draft save on the frame loop's connection (a page turn), wall: median %.2f ms, max %.2f ms while pushing "
                "(%zu); median %.2f ms, max %.2f ms idle (%zu)\n",
                dd.median, dd.max, dd.count, da.median, da.max, da.count);
    return 0;
}
