// Store figures for `make bench`, each beside its floor measured in the same run on a real file
// in /tmp (WAL, synchronous=FULL):
//   submit p50/p99 (seal + insert + COMMIT)  vs  a raw SQLite insert of the same bytes in its own
//                                               BEGIN IMMEDIATE transaction (target p99 <= 2x)
//   open (quick_check, migrations) + list of 100 000 records  vs  a raw SELECT of the same columns
//   bytes per record on disk
// Plain output (percentiles are not a Google Benchmark statistic); arguments are ignored.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "kiosk/core/log.h"
#include "kiosk/store/store.h"

using namespace kiosk::store;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double pct(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

RecordMeta metaFor(int i) {
    RecordMeta m;
    m.formId = "chronic-pain-intake";
    m.formVersion = 3;
    m.contentHash = "sha256:9f2c4e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e";
    m.lang = "en";
    m.startedAt = "2026-11-25T09:40:00Z";
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-%02d-%02dT%02d:%02d:%02dZ", 1 + (i / 86400) % 12, 1 + (i / 3600) % 28,
                  (i / 60) % 24, i % 60, (i * 7) % 60);
    m.submittedAt = buf;
    return m;
}

std::string jsonPayload(std::size_t size) {
    std::string s = R"({"answers":{)";
    while (s.size() + 40 < size) s += R"("item_)" + std::to_string(s.size()) + R"(":"answer text",)";
    s += R"("end":0}})";
    s.resize(size, ' ');
    return s;
}

}  // namespace

int main() {
    kiosk::core::LogOptions quiet;
    quiet.stderrLevel = spdlog::level::warn;
    (void)kiosk::core::initLogging(quiet);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const std::string dir = "/tmp/kiosk-store-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string payload = jsonPayload(4096);
    std::printf("store bench in %s (real files; WAL, synchronous=FULL), payload %zu bytes\n", dir.c_str(), payload.size());

    // [1] submit vs raw insert, interleaved so that disk noise hits both alike.
    StoreOptions o;
    o.dbPath = dir + "/store.db";
    o.kioskId = "kiosk-bench";
    auto opened = Store::open(o);
    if (!opened) { std::fprintf(stderr, "%s\n", opened.error().format().c_str()); return 1; }
    Store store = std::move(*opened);
    if (!store.initKeys("bench passphrase", KdfLimits::minimum())) return 1;

    SQLite::Database raw(dir + "/raw.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    raw.exec("CREATE TABLE records (id TEXT PRIMARY KEY, payload BLOB NOT NULL)");
    SQLite::Statement rawInsert(raw, "INSERT INTO records (id, payload) VALUES (?, ?)");
    const Bytes sealedSize(payload.size() + 48 + 200, 0x5a);  // same bytes as a sealed record

    constexpr int kWarm = 20, kRuns = 1000;
    std::vector<double> ours, floor;
    for (int i = 0; i < kWarm + kRuns; ++i) {
        auto t0 = Clock::now();
        {
            SQLite::Transaction tx(raw, SQLite::TransactionBehavior::IMMEDIATE);
            rawInsert.reset();
            rawInsert.bind(1, newUuid());
            rawInsert.bind(2, sealedSize.data(), static_cast<int>(sealedSize.size()));
            rawInsert.exec();
            rawInsert.reset();
            tx.commit();
        }
        const double f = msSince(t0);
        t0 = Clock::now();
        auto id = store.submit(metaFor(i), payload);
        const double s = msSince(t0);
        if (!id) { std::fprintf(stderr, "%s\n", id.error().format().c_str()); return 1; }
        if (i >= kWarm) { floor.push_back(f); ours.push_back(s); }
    }
    std::printf("\n%-44s %10s %10s\n", "submit latency (ms), n=1000", "p50", "p99");
    std::printf("%-44s %10.3f %10.3f\n", "floor: raw insert, own BEGIN IMMEDIATE txn", pct(floor, 0.5), pct(floor, 0.99));
    std::printf("%-44s %10.3f %10.3f\n", "store: submit (seal + insert + COMMIT)", pct(ours, 0.5), pct(ours, 0.99));
    std::printf("%-44s %10.2fx %9.2fx   (target p99 <= 2x)\n", "ratio", pct(ours, 0.5) / pct(floor, 0.5),
                pct(ours, 0.99) / pct(floor, 0.99));

    // [2] 100 000 records: written in one transaction with the store's schema and real sealed
    // payloads (the submit path would fsync 100 000 times), then opened and listed via the store.
    constexpr int kMany = 100000;
    const std::string bigPath = dir + "/many.db";
    {
        StoreOptions bo = o;
        bo.dbPath = bigPath;
        auto big = Store::open(bo);
        if (!big || !big->initKeys("bench passphrase", KdfLimits::minimum())) return 1;
    }
    {
        SQLite::Database db(bigPath, SQLite::OPEN_READWRITE);
        Bytes pk;
        {
            SQLite::Statement k(db, "SELECT value FROM meta WHERE key = 'clinic_public_key'");
            k.executeStep();
            const auto* p = static_cast<const unsigned char*>(k.getColumn(0).getBlob());
            pk.assign(p, p + k.getColumn(0).getBytes());
        }
        SQLite::Transaction tx(db);
        SQLite::Statement q(db, "INSERT INTO records (id, form_id, form_version, content_hash, lang, started_at, "
                                "submitted_at, kiosk_id, payload) VALUES (?,?,?,?,?,?,?,?,?)");
        SQLite::Statement state(db, "INSERT INTO record_state (record_id, status, status_at) VALUES (?, 'submitted', ?)");
        for (int i = 0; i < kMany; ++i) {
            RecordMeta m = metaFor(i);
            m.id = newUuid();
            // The submit path's plaintext: 8-byte header + plain columns + payload.
            const std::string plain = std::string(8 + 200, 'h') + payload;
            auto box = seal(pk, reinterpret_cast<const unsigned char*>(plain.data()), plain.size());
            q.reset();
            q.bind(1, m.id); q.bind(2, m.formId); q.bind(3, m.formVersion); q.bind(4, m.contentHash);
            q.bind(5, m.lang); q.bind(6, m.startedAt); q.bind(7, m.submittedAt); q.bind(8, "kiosk-bench");
            q.bind(9, box->data(), static_cast<int>(box->size()));
            q.exec();
            state.reset();
            state.bind(1, m.id); state.bind(2, m.submittedAt);
            state.exec();
        }
        q.reset();
        state.reset();
        tx.commit();
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    StoreOptions bo = o;
    bo.dbPath = bigPath;
    auto t0 = Clock::now();
    double openMs = 0, openNoCheckMs = 0, listMs = 0, rawMs = 0;
    std::size_t listed = 0;
    {
        auto big = Store::open(bo);
        openMs = msSince(t0);
        t0 = Clock::now();
        auto rows = big->list();
        listMs = msSince(t0);
        listed = rows ? rows->size() : 0;
    }
    bo.quickCheck = false;
    t0 = Clock::now();
    { auto big = Store::open(bo); openNoCheckMs = msSince(t0); }
    {
        t0 = Clock::now();
        SQLite::Database db(bigPath, SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT id, form_id, form_version, content_hash, lang, started_at, submitted_at, "
                                "kiosk_id, status, status_at, length(payload) FROM records JOIN record_state "
                                "ON record_id = id ORDER BY submitted_at DESC, id");
        std::size_t n = 0;
        while (q.executeStep()) n += q.getColumn(0).getString().size() > 0;
        rawMs = msSince(t0);
    }
    std::printf("\n%-44s %10s\n", "100 000 records (ms)", "time");
    std::printf("%-44s %10.1f\n", "store: open incl. quick_check", openMs);
    std::printf("%-44s %10.1f\n", "store: open without quick_check", openNoCheckMs);
    std::printf("%-44s %10.1f   (%zu rows)\n", "store: list all (plain columns)", listMs, listed);
    std::printf("%-44s %10.1f\n", "floor: raw open + SELECT of the same columns", rawMs);
    std::printf("%-44s %10.2fx\n", "ratio list / floor", listMs / rawMs);

    // [3] bytes per record.
    const auto fileBytes = static_cast<double>(std::filesystem::file_size(bigPath));
    std::printf("\n%-44s %10.0f   (payload %zu, sealed %zu)\n", "bytes per record on disk (100 000)",
                fileBytes / kMany, payload.size(), payload.size() + 48 + 208);

    // [4] argon2id at the real (moderate) limits: what a staff unlock costs.
    SecretBytes sk(32);
    t0 = Clock::now();
    auto w = wrapSecretKey(sk, "bench passphrase", KdfLimits::moderate());
    std::printf("\n%-44s %10.0f ms\n", "unlock cost: argon2id moderate (256 MiB)", msSince(t0));
    (void)w;
    std::filesystem::remove_all(dir);
    return 0;
}
