#pragma once
// The staff audit log: one row per staff action, each row's hash covering the previous row's hash,
// so editing, removing or reordering rows breaks the chain at that row. Rows name actions, counts
// and record ids, never patient data. The table also refuses UPDATE and DELETE (triggers).
//
// Limits: anyone who can write the file can drop the triggers and rewrite the whole chain from the
// tampered row on (the chain has no secret); it detects edits made without that care, and a copy
// of the last hash (audit verify prints it) kept elsewhere detects the rest.
#include <cstdint>
#include <string>

#include <SQLiteCpp/Database.h>

#include "kiosk/core/error.h"

namespace kiosk::store {

enum class AuditAction { KeyInit, Unlock, Export, Delete, PassphraseChange, SettingsChange, Purge, Backup, Review };

const char* toString(AuditAction action);

/// @brief What `audit verify` reports.
struct AuditReport {
    std::int64_t entries = 0;       ///< rows checked
    std::int64_t firstBroken = 0;   ///< seq of the first row that fails, 0 = chain intact
    std::string problem;            ///< why it fails ("hash mismatch", "gap before this row", ...)
    std::string headHash;           ///< hex hash of the last good row
    bool intact() const { return firstBroken == 0; }
};

/// @brief Appends a row; call inside the write transaction of the action it records.
///        Throws SQLite::Exception: call inside guarded().
void appendAudit(SQLite::Database& db, const std::string& kioskId, AuditAction action,
                 const std::string& detail, const std::string& at);

/// @brief Walks the chain from the first row. Throws SQLite::Exception: call inside guarded().
AuditReport verifyAudit(SQLite::Database& db);

}  // namespace kiosk::store
