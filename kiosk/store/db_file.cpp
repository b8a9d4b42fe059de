#include "kiosk/store/db_file.h"

#include <unistd.h>

#include <filesystem>

#include "kiosk/core/file_error.h"

namespace kiosk::store {
namespace fs = std::filesystem;
using core::ErrorCode;

namespace {

std::string folderOf(const std::string& dbPath) {
    const fs::path parent = fs::path(dbPath).parent_path();
    if (!parent.empty()) return parent.string();
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    return ec ? std::string(".") : here.string();
}

core::Error at(ErrorCode code, const std::string& dbPath, std::string message) {
    return core::makeError(code, std::move(message), core::SourceLoc{dbPath});
}

}  // namespace

core::Error missingDatabase(const std::string& dbPath) {
    const std::string folder = folderOf(dbPath);
    std::error_code ec;
    const std::string where = fs::is_directory(folder, ec)
                                  ? folder + " holds no " + fs::path(dbPath).filename().string()
                                  : core::fileErrorReason(fs::exists(folder, ec) ? ENOTDIR : ENOENT, folder);
    return at(ErrorCode::NotFound, dbPath, "no database here: " + where + " (check --db or --data-dir)");
}

std::optional<core::Error> explainUnopenable(const std::string& dbPath, bool writing) {
    std::error_code ec;
    if (fs::is_directory(dbPath, ec))
        return at(ErrorCode::Invalid, dbPath,
                  "this is a folder, not a database file: give the file in it (" +
                      (fs::path(dbPath) / "intake.sqlite3").string() + ") or --data-dir " + dbPath);
    const std::string folder = folderOf(dbPath);
    if (!fs::is_directory(folder, ec))
        return at(ErrorCode::Io, dbPath,
                  "cannot open the database: " +
                      core::fileErrorReason(fs::exists(folder, ec) ? ENOTDIR : ENOENT, folder));
    if (!writing) return std::nullopt;
    if (fs::exists(dbPath, ec) && ::access(dbPath.c_str(), W_OK) != 0)
        return at(ErrorCode::Io, dbPath,
                  "the database file is read-only for this user: run this as the kiosk's user, or make it "
                  "writable (chmod u+w " + dbPath + ")");
    if (::access(folder.c_str(), W_OK) != 0)
        return at(ErrorCode::Io, dbPath,
                  "the data folder " + folder + " is not writable for this user, and the database needs to make "
                  "its -wal and -shm files there: run this as the kiosk's user, or make the folder writable "
                  "(chmod u+w " + folder + ")");
    return std::nullopt;
}

std::string readOnlyUri(const std::string& dbPath) {
    std::error_code ec;
    if (::access(folderOf(dbPath).c_str(), W_OK) == 0 || fs::exists(dbPath + "-wal", ec)) return "";
    std::string uri = "file:";
    static const char* kHex = "0123456789ABCDEF";
    for (const unsigned char c : fs::absolute(dbPath, ec).string()) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c > 0x7e) {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?immutable=1";
}

}  // namespace kiosk::store
