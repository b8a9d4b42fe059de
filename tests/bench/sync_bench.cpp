// Sync push figures (PERFORMANCE.md): 10 000 sealed records pushed to a local PostgreSQL against
// the floor, a bare libpqxx insert of the same rows (prepared, same batches of 500, one run), and
// the kiosk's frame build time (the body-map page, headless) while the background pusher sends
// 10 000, against the same frames idle. Starts its own throwaway server (tests/support/pg.sh).
// Prints figures; asserts nothing. Not Google Benchmark: one push is one measurement.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "headless_frame.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/pusher.h"
#include "support/pg_cluster.h"
#include "support/temp_files.h"

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

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

}  // namespace

int main() {
    const int n = 10000;
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
    auto frameMs = [&] {
        const auto f0 = Clock::now();
        h.frame(v);
        return msSince(f0);
    };
    for (int i = 0; i < 30; ++i) frameMs();  // warm up
    std::vector<double> idle;
    for (int i = 0; i < 600; ++i) idle.push_back(frameMs());
    std::vector<double> during;
    const auto p0 = Clock::now();
    {
        sync::Pusher pusher({dir / "kiosk-b.sqlite3", "kiosk-b", url, std::chrono::seconds(3600)});
        while (pusher.rounds() < 1) during.push_back(frameMs());
    }
    const double pushMs = msSince(p0);
    const auto state = b.syncState();
    const FrameStats si = stats(idle), sd = stats(during);
    const auto over = std::count_if(during.begin(), during.end(), [&](double ms) { return ms > 2 * si.median; });
    const auto overIdle = std::count_if(idle.begin(), idle.end(), [&](double ms) { return ms > 2 * si.median; });
    std::printf("background push of %d while drawing: %.0f ms, %lld left waiting\n", n, pushMs,
                state ? static_cast<long long>(state->waiting) : -1LL);
    std::printf("frame build idle: median %.3f ms, p99 %.3f ms, max %.3f ms (%zu frames)\n", si.median, si.p99, si.max, si.count);
    std::printf("frame build during push: median %.3f ms, p99 %.3f ms, max %.3f ms (%zu frames)\n", sd.median, sd.p99,
                sd.max, sd.count);
    std::printf("frames above 2x the idle median: %lld of %zu while pushing (%.1f%%), %lld of %zu idle (%.1f%%: "
                "the machine's own noise); median ratio %.2f, max / idle median %.2f\n",
                static_cast<long long>(over), sd.count, 100.0 * static_cast<double>(over) / static_cast<double>(sd.count),
                static_cast<long long>(overIdle), si.count,
                100.0 * static_cast<double>(overIdle) / static_cast<double>(si.count), sd.median / si.median,
                sd.max / si.median);
    return 0;
}
