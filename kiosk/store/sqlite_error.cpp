#include "kiosk/store/sqlite_error.h"

#include <sqlite3.h>

namespace kiosk::store {

core::ErrorCode codeForSqlite(int code) {
    switch (code & 0xff) {
        case SQLITE_FULL: return core::ErrorCode::DiskFull;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return core::ErrorCode::Busy;
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_PROTOCOL: return core::ErrorCode::Io;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return core::ErrorCode::Integrity;
        case SQLITE_NOMEM:
        default: return core::ErrorCode::Internal;
    }
}

core::Error fromSqlite(const SQLite::Exception& e, const std::string& doing, const std::string& path) {
    int code = e.getExtendedErrorCode();
    if (code <= 0) code = e.getErrorCode();
    // SQLiteCpp's own checks (e.g. a missing column) carry code -1: a bug, not the disk.
    if (code < 0) return core::makeError(core::ErrorCode::Internal, doing + ": " + e.what(), core::SourceLoc{path});
    return core::makeError(codeForSqlite(code), doing + ": " + sqlite3_errstr(code), core::SourceLoc{path});
}

}  // namespace kiosk::store
