#include "kiosk/store/schema.h"

#include <string>

#include <SQLiteCpp/Transaction.h>

#include "kiosk/store/record_chain.h"

namespace kiosk::store {
namespace {

// Never edit a migration that has shipped: add a new one. Only columns staff need to list and
// filter records are plain; everything the patient entered is in the sealed payload.
constexpr const char* kMigrations[kSchemaVersion] = {
    // 1: key/value settings (keys, kiosk id) and the records.
    R"sql(
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE records (
        id           TEXT PRIMARY KEY,          -- UUID v4
        form_id      TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        lang         TEXT NOT NULL,
        started_at   TEXT NOT NULL,             -- UTC ISO 8601
        submitted_at TEXT NOT NULL,
        kiosk_id     TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'reviewed', 'exported', 'deleted')),
        payload      BLOB                       -- crypto_box_seal to the clinic key; NULL once deleted
    );
    CREATE INDEX records_submitted ON records (submitted_at);
    )sql",
    // 2: the staff audit log, append-only (triggers) and chained by hash (audit.cpp).
    R"sql(
    CREATE TABLE audit (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        kiosk_id  TEXT NOT NULL,
        action    TEXT NOT NULL,
        detail    TEXT NOT NULL,
        prev_hash BLOB NOT NULL,
        hash      BLOB NOT NULL
    );
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
    // 3: drafts (one per kiosk, sealed with the kiosk's draft key) and when a status last changed,
    //    which retention (purge) and export filters need.
    R"sql(
    CREATE TABLE drafts (
        kiosk_id   TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        saved_at   TEXT NOT NULL,
        key_id     BLOB NOT NULL,               -- which draft key sealed it (hash of the key)
        nonce      BLOB NOT NULL,
        sealed     BLOB NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE records ADD COLUMN status_at TEXT;
    UPDATE records SET status_at = submitted_at WHERE status_at IS NULL;
    CREATE INDEX records_status ON records (status, submitted_at);
    )sql",
    // 4: the audit chain's head ("seq:hash") in meta, rewritten with every append (audit.cpp), so
    //    that removing the last rows, or all of them, is detected. Started from the chain as it is.
    R"sql(
    INSERT OR REPLACE INTO meta (key, value)
        SELECT 'audit_head', CAST(seq || ':' || lower(hex(hash)) AS BLOB) FROM audit ORDER BY seq DESC LIMIT 1;
    )sql",
    // 5: the record chain (record_chain.h): each record's place, the previous record's hash, its
    //    sealed payload's hash and its own hash; the head goes in meta. The records already saved
    //    are chained in submit order by chainExistingRecords, in the same transaction.
    R"sql(
    ALTER TABLE records ADD COLUMN chain_seq INTEGER;
    ALTER TABLE records ADD COLUMN chain_prev BLOB;
    ALTER TABLE records ADD COLUMN sealed_hash BLOB;
    ALTER TABLE records ADD COLUMN chain_hash BLOB;
    CREATE UNIQUE INDEX records_chain ON records (chain_seq);
    )sql",
    // 6: the sync outbox (kiosk/sync): one row per record not yet on the clinic PostgreSQL, written
    //    in the record's own transaction and removed only after the server's COMMIT. The records
    //    already saved are queued too: a kiosk that joins a clinic later sends its past intakes.
    R"sql(
    CREATE TABLE outbox (
        record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
        queued_at TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO outbox (record_id, queued_at) SELECT id, submitted_at FROM records WHERE payload IS NOT NULL;
    )sql",
    // 7: how many urgent and caution flags each record raised, so the desk sees red flags in
    //    `records list` without the key: counts only, never which flag or any answer. NULL for records
    //    saved before (unknown without opening them). Advisory: in neither the sealed binding nor the
    //    chain hash, so a hand edit changes what the list shows but never the record itself.
    R"sql(
    ALTER TABLE records ADD COLUMN urgent_flags INTEGER;
    ALTER TABLE records ADD COLUMN caution_flags INTEGER;
    )sql",
    // 8: a record's state (status and when it last changed) in its own small table, one row per
    //    record written with it. A mark then writes a few dozen bytes instead of the whole record
    //    row, which SQLite copied with its sealed payload's overflow pages whenever the status
    //    changed size. Each record's state is carried over; the columns leave the records table
    //    (which rewrites it once). Not in the sealed binding nor the chain hash, as before.
    R"sql(
    CREATE TABLE record_state (
        record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
        status    TEXT NOT NULL DEFAULT 'submitted'
                  CHECK (status IN ('submitted', 'reviewed', 'exported', 'deleted')),
        status_at TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO record_state (record_id, status, status_at)
        SELECT id, status, coalesce(status_at, submitted_at) FROM records;
    CREATE INDEX record_state_status ON record_state (status);
    DROP INDEX IF EXISTS records_status;
    ALTER TABLE records DROP COLUMN status_at;
    ALTER TABLE records DROP COLUMN status;
    )sql",
    // 9: the form versions among the records from an index alone, so that an export plans its CSV
    //    columns (Store::formVersions) without reading the first page of every record row. And
    //    record_state again with its CHECK spelled as comparisons: for an IN list of four, SQLite
    //    builds and frees a temporary table each time a status is written (a 176 kB allocation per
    //    record an export marks). The same values are allowed; the states are copied over.
    R"sql(
    CREATE INDEX records_form ON records (form_id, form_version, content_hash, id);
    CREATE TABLE record_state_9 (
        record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
        status    TEXT NOT NULL DEFAULT 'submitted'
                  CHECK (status = 'submitted' OR status = 'reviewed' OR status = 'exported' OR status = 'deleted'),
        status_at TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO record_state_9 (record_id, status, status_at) SELECT record_id, status, status_at FROM record_state;
    DROP TABLE record_state;
    ALTER TABLE record_state_9 RENAME TO record_state;
    CREATE INDEX record_state_status ON record_state (status);
    )sql",
    // 10: the marks outbox (kiosk/sync): the newest review, export or delete mark staff made at
    //     this kiosk's desk that the clinic server has not had yet, one row per record, written in
    //     the mark's own transaction and removed only after the server's COMMIT. Marks applied from
    //     the server are not queued. The marks made before are queued too (those that came from the
    //     server are no-ops there): records deleted here before this version lose their payload there.
    R"sql(
    CREATE TABLE mark_outbox (
        record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
        status    TEXT NOT NULL CHECK (status = 'reviewed' OR status = 'exported' OR status = 'deleted'),
        status_at TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO mark_outbox (record_id, status, status_at)
        SELECT record_id, status, status_at FROM record_state WHERE status <> 'submitted';
    )sql",
};

// Run with migration 2 (not part of it: shipped migrations stay as they are). A version 1
// database that already has a clinic key gets an audit log that cannot begin with the key's
// creation; meta notes that, so `audit verify` can say why instead of suggesting tampering.
constexpr const char* kNoteAuditStartsAfterKey = R"sql(
    INSERT OR IGNORE INTO meta (key, value)
        SELECT 'audit_starts_after_key', CAST('schema_v1' AS BLOB)
        WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'clinic_public_key');
    )sql";

}  // namespace

int schemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

core::Result<void> refuseNewerSchema(SQLite::Database& db) {
    const int current = schemaVersion(db);
    if (current > kSchemaVersion)
        return core::makeError(core::ErrorCode::Invalid,
                               "database schema version " + std::to_string(current) +
                                   " is newer than this program understands (" +
                                   std::to_string(kSchemaVersion) + "): update intake-kiosk",
                               core::SourceLoc{db.getFilename()});
    return {};
}

core::Result<void> migrateTo(SQLite::Database& db, int target) {
    if (auto newer = refuseNewerSchema(db); !newer) return newer;
    int current = schemaVersion(db);
    while (current < target) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while we waited for the write lock.
        current = schemaVersion(db);
        if (current >= target) break;
        db.exec(kMigrations[current]);
        if (current == 1) db.exec(kNoteAuditStartsAfterKey);
        if (current == 4) chainExistingRecords(db);
        ++current;
        db.exec("PRAGMA user_version = " + std::to_string(current));
        tx.commit();
    }
    return {};
}

}  // namespace kiosk::store
