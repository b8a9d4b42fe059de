#pragma once
// The storage edge (STYLE.md #9): SQLiteCpp throws, the store returns core::Error. guarded() runs
// a block and turns any exception into a typed error: SQLITE_FULL -> DiskFull, BUSY/LOCKED -> Busy,
// IOERR/CANTOPEN -> Io, CORRUPT/NOTADB -> Integrity. Messages use sqlite3_errstr() (generic text
// such as "database or disk is full"), never a statement's values.
#include <exception>
#include <new>
#include <string>
#include <type_traits>

#include <SQLiteCpp/Exception.h>

#include "kiosk/core/error.h"

namespace kiosk::store {

core::ErrorCode codeForSqlite(int code);
core::Error fromSqlite(const SQLite::Exception& e, const std::string& doing, const std::string& path);

/// @brief Runs @p f (returning Result<T>) and maps any exception to an error about @p doing.
template <class F>
auto guarded(const std::string& doing, const std::string& path, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        return fromSqlite(e, doing, path);
    } catch (const std::bad_alloc&) {
        return core::makeError(core::ErrorCode::Internal, doing + ": out of memory", core::SourceLoc{path});
    } catch (const std::exception& e) {
        return core::makeError(core::ErrorCode::Internal, doing + ": " + e.what(), core::SourceLoc{path});
    } catch (...) {
        return core::makeError(core::ErrorCode::Internal, doing + ": unknown failure", core::SourceLoc{path});
    }
}

}  // namespace kiosk::store
