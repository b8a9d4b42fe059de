#include "kiosk/sync/pusher.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <optional>
#include <set>

#include <pqxx/pqxx>

#include "kiosk/core/clock.h"
#include "kiosk/core/log.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/marks_up.h"
#include "kiosk/sync/pq_bytes.h"
#include "kiosk/sync/pusher_cpu.h"
#include "kiosk/sync/server.h"
#include "kiosk/sync/server_marks.h"

namespace kiosk::sync {
using core::ErrorCode;
using core::makeError;

namespace {

constexpr const char* kInsert =
    "INSERT INTO ik_records (id, kiosk_id, form_id, form_version, content_hash, lang, started_at, submitted_at, "
    "sealed, sealed_hash, kiosk_seq, kiosk_chain_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) "
    "ON CONFLICT DO NOTHING";  // no conflict target: that would need SELECT, which a kiosk has not

/// One batch in one server transaction; the ids to mark pushed once it has committed.
core::Result<void> pushBatch(Server& server, const std::vector<store::OutboxRecord>& batch, PushReport& report,
                             std::vector<std::string>& confirmed) {
    std::int64_t sent = 0, already = 0;
    std::string differs;
    auto ran = server.run("pushing records", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        for (const auto& r : batch) {
            const auto& m = r.meta;
            const pqxx::result ins = tx.exec_prepared("ik_push", m.id, m.kioskId, m.formId, m.formVersion, m.contentHash,
                                                      m.lang, m.startedAt, m.submittedAt, bin(r.sealed), bin(r.sealedHash),
                                                      r.chainSeq, bin(r.chainHash));
            if (ins.affected_rows() == 1) {
                ++sent;
                continue;
            }
            // Already there: the same record from an earlier push, or a different one under this id.
            // ik_pushed_hash answers only about this kiosk's own records: NULL for another's.
            const pqxx::result have = tx.exec_prepared("ik_have", m.id, m.kioskId);
            if (have.empty() || have[0][0].is_null() || bytesOf(have[0][0]) != r.sealedHash) {
                differs = m.id;
                return;  // rolls back this batch
            }
            ++already;
        }
        tx.commit();
    });
    if (!ran) return ran.error();
    if (!differs.empty())
        return makeError(ErrorCode::Integrity,
                         "record " + differs + " is on the clinic server (" + server.describe() +
                             ") with different content; it stays queued here. Staff: run `intake-kiosk records verify --pg`");
    report.sent += sent;
    report.already += already;
    for (const auto& r : batch) confirmed.push_back(r.meta.id);
    return {};
}

}  // namespace

core::Result<PushReport> pushOnce(store::Store& store, const std::string& url, const PushOptions& options) {
    PushReport report;
    auto fail = [&](const core::Error& e) -> core::Result<PushReport> {
        (void)store.noteSyncError(e.message, core::utcNowIso());
        core::logger()->warn("sync push failed: {}", e.message);
        return e;
    };
    auto server = Server::connect(url);
    if (!server) return fail(server.error());
    if (auto current = requireCurrentSchema(*server); !current) return fail(current.error());
    if (auto same = checkSameClinic(*server, store); !same) return fail(same.error());
    auto prepared = server->run("preparing the push", [&](pqxx::connection_base& c) {
        c.prepare("ik_push", kInsert);
        c.prepare("ik_have", "SELECT ik_pushed_hash($1, $2)");
    });
    if (!prepared) return fail(prepared.error());
    std::set<std::string> claimed;
    std::int64_t after = 0;  // the last batch's end in the chain: each batch reads on from there
    // Committed on the server, not yet marked here. Marked every markEvery records, not every
    // batch: each local mark is a FULL-sync commit (and takes the write lock a page turn's draft
    // save waits for). Never before the server's COMMIT; a crash before the mark re-sends these
    // next time and the server, seeing the same ids and hashes, keeps its copy.
    std::vector<std::string> confirmed;
    auto mark = [&]() -> core::Result<void> {
        if (confirmed.empty()) return {};
        if (auto marked = store.markPushed(confirmed, core::utcNowIso()); !marked) return marked.error();
        confirmed.clear();
        return {};
    };
    // A push that fails part-way still marks what the server did commit.
    auto failAfterMarking = [&](const core::Error& e) {
        (void)mark();
        return fail(e);
    };
    for (;;) {
        auto batch = store.pendingOutbox(std::max<std::int64_t>(1, options.batch), after);
        if (!batch) return failAfterMarking(batch.error());
        if (batch->empty()) break;
        after = batch->back().chainSeq;
        // A kiosk role pushes as one kiosk only (row-level security): bound on its first push to
        // the kiosk id its records carry, refused for another's. Staff and the admin: no-op.
        for (const auto& r : *batch)
            if (claimed.insert(r.meta.kioskId).second)
                if (auto mine = claimKiosk(*server, r.meta.kioskId); !mine) return failAfterMarking(mine.error());
        if (auto ok = pushBatch(*server, *batch, report, confirmed); !ok) return failAfterMarking(ok.error());
        if (static_cast<std::int64_t>(confirmed.size()) >= options.markEvery)
            if (auto marked = mark(); !marked) return fail(marked.error());
    }
    if (auto marked = mark(); !marked) return fail(marked.error());
    // Then the marks made at this kiosk's desk, now that their records are on the server.
    if (auto waiting = store.syncState(); waiting && waiting->marksWaiting > 0) {
        auto pending = store.pendingMarks(1);
        if (!pending) return fail(pending.error());
        if (!pending->empty()) {
            if (claimed.insert(pending->front().kioskId).second)
                if (auto mine = claimKiosk(*server, pending->front().kioskId); !mine) return fail(mine.error());
            auto sent = pushMarks(*server, store, options.batch);
            if (!sent) return fail(sent.error());
            report.marksSent = sent->settled;
        }
    }
    if (options.onForms) {
        // Forms are not records: a server that cannot list them now is tried again next push.
        if (auto published = activeForms(*server)) options.onForms(*published);
        else core::logger()->warn("published forms not read: {}", published.error().message);
    }
    if (options.pullMarks) {
        // Marks are not records either: a pull that fails is tried again next push.
        if (auto pulled = pullMarks(*server, store); !pulled)
            core::logger()->warn("clinic server marks not read: {}", pulled.error().message);
    }
    auto state = store.syncState();
    if (!state) return state.error();
    report.waiting = state->waiting;
    report.marksWaiting = state->marksWaiting;
    if (report.sent > 0) core::logger()->info("sync pushed records={} already={}", report.sent, report.already);
    if (report.marksSent > 0) core::logger()->info("sync pushed marks={}", report.marksSent);
    return report;
}

Pusher::Pusher(Settings settings) : m_settings(std::move(settings)), m_thread([this] { loop(); }) {}

Pusher::~Pusher() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void Pusher::wake() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_all();
}

void Pusher::loop() {
    // Below the frame loop: on a busy kiosk (two cores, sealing, fonts) the scheduler runs the
    // patient's frames first and this thread in what is left. Linux applies nice per thread.
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 15);
    // And on a kiosk with two or more CPUs, on one CPU only, so the frames always have another.
    if (m_settings.keepToOneCpu) (void)keepPusherToItsCpu();
    std::chrono::seconds backoff{0};
    std::optional<store::Store> store;
    for (;;) {
        if (!store) {
            store::StoreOptions o;
            o.dbPath = m_settings.dbPath;
            o.kioskId = m_settings.kioskId;
            o.createIfMissing = false;
            o.quickCheck = false;  // the kiosk checked it at start
            auto opened = store::Store::open(o);
            if (opened) store.emplace(std::move(*opened));
        }
        bool ok = false;
        PushOptions options;
        options.onForms = m_settings.onForms;
        if (store) ok = static_cast<bool>(pushOnce(*store, m_settings.url, options));
        ++m_rounds;
        backoff = ok ? std::chrono::seconds{0} : std::min<std::chrono::seconds>(std::chrono::seconds{60}, std::max<std::chrono::seconds>(std::chrono::seconds{1}, backoff * 2));
        std::unique_lock<std::mutex> lock(m_mutex);
        const auto wait = ok ? m_settings.idle : backoff;
        // While backing off, a save does not cut the wait short: the server is away either way.
        m_cv.wait_for(lock, wait, [&] { return m_stop || (ok && m_woken); });
        if (m_stop) return;
        m_woken = false;
    }
}

}  // namespace kiosk::sync
