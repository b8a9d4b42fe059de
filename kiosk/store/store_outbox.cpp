// Store: the sync outbox. submit() queues each record in its own transaction (store.cpp); the
// pusher (kiosk/sync) reads the queue, sends the sealed rows to the clinic server and removes them
// here only after the server's COMMIT. A crash between the two leaves the rows queued: the next
// push sends them again and the server keeps its copy (same record id, same sealed hash).
#include <SQLiteCpp/Transaction.h>

#include "kiosk/core/log.h"
#include "kiosk/store/audit.h"
#include "kiosk/store/store.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {
using core::Result;

namespace {
Bytes blob(const SQLite::Column& c) {
    const auto* p = static_cast<const unsigned char*>(c.getBlob());
    return Bytes(p, p + c.getBytes());
}
std::string text(const std::optional<Bytes>& b) { return b ? std::string(b->begin(), b->end()) : std::string(); }
/// How far along a record is: a mark moves a record forward only.
int rank(RecordStatus s) {
    switch (s) {
        case RecordStatus::Submitted: return 0;
        case RecordStatus::Reviewed: return 1;
        case RecordStatus::Exported: return 2;
        case RecordStatus::Deleted: return 3;
    }
    return 0;
}
constexpr const char* kByServer = " by=clinic-server";
}  // namespace

Result<std::vector<OutboxRecord>> Store::pendingOutbox(std::int64_t limit, std::int64_t afterSeq) {
    return m->run("reading the sync outbox", [&]() -> Result<std::vector<OutboxRecord>> {
        // Read on from a place in the chain, along its index: a query that starts at the chain's
        // beginning walks every record ever pushed, once per batch (a push of n took n^2 / 1000
        // row visits). Where a push begins is found from the outbox itself (CROSS JOIN: the
        // outbox drives), so a kiosk with years of records and a few waiting reads only those.
        std::int64_t from = afterSeq + 1;
        if (afterSeq <= 0) {
            SQLite::Statement first(m->db,
                "SELECT min(r.chain_seq) FROM outbox o CROSS JOIN records r ON r.id = o.record_id "
                "WHERE r.payload IS NOT NULL");
            if (!first.executeStep() || first.getColumn(0).isNull()) return std::vector<OutboxRecord>{};
            from = first.getColumn(0).getInt64();
        }
        SQLite::Statement q(m->db,
            "SELECT r.id, r.form_id, r.form_version, r.content_hash, r.lang, r.started_at, r.submitted_at, "
            "r.kiosk_id, r.payload, r.sealed_hash, r.chain_seq, r.chain_hash FROM records r "
            "WHERE r.chain_seq >= ? AND r.payload IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id) "
            "ORDER BY r.chain_seq LIMIT ?");
        q.bind(1, from);
        q.bind(2, limit);
        std::vector<OutboxRecord> out;
        while (q.executeStep()) {
            OutboxRecord r;
            r.meta = readRecordMeta(q, 0);
            r.sealed = blob(q.getColumn(8));
            r.sealedHash = blob(q.getColumn(9));
            r.chainSeq = q.getColumn(10).getInt64();
            r.chainHash = blob(q.getColumn(11));
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<void> Store::markPushed(const std::vector<std::string>& ids, const std::string& at) {
    return m->run("updating the sync outbox", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement del(m->db, "DELETE FROM outbox WHERE record_id = ?");
        for (const auto& id : ids) {
            del.bind(1, id);
            del.exec();
            del.reset();
        }
        m->metaSet("sync_last_push", at);
        m->db.exec("DELETE FROM meta WHERE key IN ('sync_last_error', 'sync_last_error_at')");  // "" would bind as NULL
        tx.commit();
        return {};
    });
}

Result<void> Store::noteSyncError(const std::string& message, const std::string& at) {
    return m->run("noting a sync error", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        m->metaSet("sync_last_error", message);
        m->metaSet("sync_last_error_at", at);
        tx.commit();
        return {};
    });
}

Result<SyncState> Store::syncState() {
    return m->run("reading the sync outbox", [&]() -> Result<SyncState> {
        SyncState s;
        s.waiting = m->db.execAndGet(
            "SELECT count(*) FROM outbox o JOIN records r ON r.id = o.record_id WHERE r.payload IS NOT NULL").getInt64();
        s.marksWaiting = m->db.execAndGet("SELECT count(*) FROM mark_outbox").getInt64();
        s.lastPush = text(m->metaGet("sync_last_push"));
        s.lastError = text(m->metaGet("sync_last_error"));
        if (!s.lastError.empty()) s.lastErrorAt = text(m->metaGet("sync_last_error_at"));
        return s;
    });
}

Result<std::int64_t> Store::applyServerMarks(const std::vector<ServerMark>& marks, const std::string& horizon) {
    bool deleting = false;
    for (const auto& mark : marks) deleting = deleting || mark.status == RecordStatus::Deleted;
    auto done = m->run("applying the clinic server's marks", [&]() -> Result<std::int64_t> {
        const std::string now = core::utcNowIso();
        if (deleting) m->db.exec("PRAGMA secure_delete = ON");  // zero the freed pages, as deleteRecord
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement get(m->db, "SELECT status FROM record_state WHERE record_id = ?");
        SQLite::Statement set(m->db, "UPDATE record_state SET status = ?, status_at = ? WHERE record_id = ?");
        SQLite::Statement erase(m->db, "UPDATE records SET payload = NULL WHERE id = ?");
        std::int64_t changed = 0, exported = 0;
        for (const auto& mark : marks) {
            get.reset();
            get.bind(1, mark.recordId);
            if (!get.executeStep()) continue;  // not one of this kiosk's records (or not kept here)
            const auto local = parseRecordStatus(get.getColumn(0).getString()).value_or(RecordStatus::Submitted);
            get.reset();  // done with the row before it is written
            if (rank(mark.status) <= rank(local)) continue;
            const std::string at = mark.statusAt.empty() ? now : mark.statusAt;
            set.reset();
            set.bind(1, toString(mark.status));
            set.bind(2, at);
            set.bind(3, mark.recordId);
            set.exec();
            if (mark.status == RecordStatus::Deleted) {
                erase.reset();
                erase.bind(1, mark.recordId);
                erase.exec();
                appendAudit(m->db, m->kioskId, AuditAction::Delete, "record=" + mark.recordId + kByServer, now);
            } else if (mark.status == RecordStatus::Reviewed) {
                appendAudit(m->db, m->kioskId, AuditAction::Review, "record=" + mark.recordId + kByServer, now);
            } else {
                ++exported;
            }
            ++changed;
        }
        get.reset();  // no statement may stay open: the checkpoint below needs the tables free
        if (exported > 0) appendAudit(m->db, m->kioskId, AuditAction::Export, "count=" + std::to_string(exported) + kByServer, now);
        if (!horizon.empty()) m->metaSet("sync_marks_horizon", horizon);
        tx.commit();
        if (deleting) m->db.exec("PRAGMA secure_delete = OFF; PRAGMA wal_checkpoint(TRUNCATE);");
        if (changed > 0) core::logger()->info("clinic server marks applied records={}", changed);
        return changed;
    });
    if (deleting) (void)m->db.tryExec("PRAGMA secure_delete = OFF");
    return done;
}

Result<std::vector<OutboxMark>> Store::pendingMarks(std::int64_t limit, const std::string& afterId) {
    return m->run("reading the marks outbox", [&]() -> Result<std::vector<OutboxMark>> {
        SQLite::Statement q(m->db,
            "SELECT k.record_id, r.kiosk_id, k.status, k.status_at, "
            "r.payload IS NULL AND EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id) "
            "FROM mark_outbox k JOIN records r ON r.id = k.record_id WHERE k.record_id > ? "
            "AND NOT (r.payload IS NOT NULL AND EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id)) "
            "ORDER BY k.record_id LIMIT ?");
        q.bind(1, afterId);
        q.bind(2, limit);
        std::vector<OutboxMark> out;
        while (q.executeStep()) {
            OutboxMark mark;
            mark.recordId = q.getColumn(0).getString();
            mark.kioskId = q.getColumn(1).getString();
            mark.status = parseRecordStatus(q.getColumn(2).getString()).value_or(RecordStatus::Reviewed);
            mark.statusAt = q.getColumn(3).getString();
            mark.recordNeverPushed = q.getColumn(4).getInt() != 0;
            out.push_back(std::move(mark));
        }
        return out;
    });
}

Result<void> Store::settleMarks(const std::vector<OutboxMark>& sent, const std::vector<std::string>& neverPushed) {
    if (sent.empty() && neverPushed.empty()) return {};
    return m->run("updating the marks outbox", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement done(m->db, "DELETE FROM mark_outbox WHERE record_id = ? AND status = ?");
        for (const auto& mark : sent) {
            done.reset();
            done.bind(1, mark.recordId);
            done.bind(2, toString(mark.status));
            done.exec();
        }
        SQLite::Statement dropMark(m->db, "DELETE FROM mark_outbox WHERE record_id = ?");
        SQLite::Statement dropRecord(m->db, "DELETE FROM outbox WHERE record_id = ? AND "
                                            "(SELECT payload FROM records WHERE id = record_id) IS NULL");
        for (const auto& id : neverPushed) {
            dropMark.reset();
            dropMark.bind(1, id);
            dropMark.exec();
            dropRecord.reset();
            dropRecord.bind(1, id);
            dropRecord.exec();
        }
        tx.commit();
        return {};
    });
}

Result<std::string> Store::serverMarksHorizon() {
    return m->run("reading the sync state", [&]() -> Result<std::string> { return text(m->metaGet("sync_marks_horizon")); });
}

}  // namespace kiosk::store
