#pragma once
// Why a database file cannot be opened, judged from the file system: SQLite says "unable to open
// database file" for a folder, a missing folder and a folder it cannot write alike; staff need to
// know which, and what to do. Internal to kiosk_store (store.cpp).
#include <optional>
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::store {

/// NotFound "no database here: the folder F does not exist" or "...: F holds no NAME", each with
/// "(check --db or --data-dir)".
core::Error missingDatabase(const std::string& dbPath);

/// @brief The reason @p dbPath could not be opened (@p writing: for reading and writing): it is a
///        folder, its folder is missing, or this user cannot write the file or its folder (where
///        SQLite makes the -wal and -shm files). nullopt when none of these explains it.
std::optional<core::Error> explainUnopenable(const std::string& dbPath, bool writing);

/// @brief How to open @p dbPath for reading only when its folder is not writable for this user:
///        SQLite cannot make the -shm index a WAL database needs there, so with no -wal file (no
///        process has the database open: a running kiosk always has one) the file is read as
///        immutable, "file:PATH?immutable=1" (open with OPEN_URI). "" = open the path as usual.
std::string readOnlyUri(const std::string& dbPath);

}  // namespace kiosk::store
