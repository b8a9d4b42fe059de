#pragma once
// The database schema as a list of forward migrations; PRAGMA user_version holds how many ran.
// Each migration runs in its own BEGIN IMMEDIATE transaction with its user_version bump, so a
// crash leaves the database at one version or the next, never between.
#include <SQLiteCpp/Database.h>

#include "kiosk/core/error.h"

namespace kiosk::store {

/// The schema version this program writes.
constexpr int kSchemaVersion = 10;

/// @brief The current user_version (throws SQLite::Exception: call inside guarded()).
int schemaVersion(SQLite::Database& db);

/// @brief An Invalid error if the database is newer than this program (a downgraded package): it
///        says to update intake-kiosk. Reads only. Throws SQLite::Exception: call inside guarded().
core::Result<void> refuseNewerSchema(SQLite::Database& db);

/// @brief Runs the migrations from the current version up to @p target (<= kSchemaVersion).
///        A database newer than this program is refused with an Invalid error and left alone.
///        Throws SQLite::Exception on I/O errors: call inside guarded().
core::Result<void> migrateTo(SQLite::Database& db, int target = kSchemaVersion);

}  // namespace kiosk::store
