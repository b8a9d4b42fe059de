#pragma once
// The staff audit log: one row per staff action, each row's hash covering the previous row's hash,
// so editing, removing or reordering rows breaks the chain at that row. Rows name actions, counts
// and record ids, never patient data. The table also refuses UPDATE and DELETE (triggers).
//
// The head (last seq and hash) is also kept in the meta table, written in the same transaction as
// each row, so cutting rows off the end is caught; a database with a clinic key must begin with
// its key_init row, so removing every row (and the head) is caught too.
//
// A database keeps one clinic key for life: a second key_init row breaks the chain's check (there
// is no re-key command; a silent re-key is exactly what this catches).
//
// Limits: anyone who can write the file can drop the triggers and rewrite the whole chain and head
// from the tampered row on (the chain has no secret); it detects edits made without that care, and
// a copy of the last hash (audit verify prints it) kept elsewhere detects the rest.
#include <cstdint>
#include <string>

#include <SQLiteCpp/Database.h>

#include "kiosk/core/clock.h"
#include "kiosk/core/error.h"

namespace kiosk::store {

enum class AuditAction { KeyInit, Unlock, Export, Delete, PassphraseChange, SettingsChange, Purge, Backup, Review, View, StaffAccess };

const char* toString(AuditAction action);

/// @brief One audit row as read back: its detail (never patient data) and when it was written.
struct AuditEntry {
    std::string detail;
    core::SystemTime at;
};

/// @brief What `audit verify` reports.
struct AuditReport {
    std::int64_t entries = 0;       ///< rows checked
    std::int64_t firstBroken = 0;   ///< seq of the first row that fails or is missing; 0 = none or
                                    ///< not about one row (missing triggers)
    std::string problem;            ///< why it fails; "" = intact
    std::string headHash;           ///< hex hash of the last good row
    std::int64_t headSeq = 0;       ///< its seq
    bool intact() const { return problem.empty(); }
};

/// @brief Appends a row; call inside the write transaction of the action it records.
///        Throws SQLite::Exception: call inside guarded().
void appendAudit(SQLite::Database& db, const std::string& kioskId, AuditAction action,
                 const std::string& detail, const std::string& at);

/// @brief Walks the chain from the first row, then checks it against the head in meta, that a
///        clinic key's creation opens it (and is the only one), and that the append-only triggers
///        are in place.
///        Throws SQLite::Exception: call inside guarded().
AuditReport verifyAudit(SQLite::Database& db);

}  // namespace kiosk::store
