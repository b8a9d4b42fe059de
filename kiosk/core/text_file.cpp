#include "kiosk/core/text_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace kiosk::core {
std::string roundedSize(size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " kB";
    return std::to_string(bytes) + " bytes";
}

std::string sizeLimitMessage(size_t bytes, const TextFileKind& kind) {
    std::string msg = "the file is " + std::to_string(bytes) + " bytes; the limit is " + std::to_string(kind.maxBytes) +
                      " bytes (" + roundedSize(kind.maxBytes) + ").";
    if (!kind.sizeNote.empty()) msg += " " + std::string(kind.sizeNote);
    return msg;
}

namespace {

/// A pipe has no size to check first: read it up to one byte past the limit.
Result<std::string> readPipe(const std::string& path, const TextFileKind& kind) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open the " + std::string(kind.name) + ": " + std::strerror(errno),
                         SourceLoc{path});
    std::string bytes(kind.maxBytes + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) return makeError(ErrorCode::Io, "cannot read the " + std::string(kind.name), SourceLoc{path});
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (bytes.size() > kind.maxBytes) {
        std::string msg = "more than " + std::to_string(kind.maxBytes) + " bytes came through the pipe; the limit is " +
                          std::to_string(kind.maxBytes) + " bytes (" + roundedSize(kind.maxBytes) + ").";
        if (!kind.sizeNote.empty()) msg += " " + std::string(kind.sizeNote);
        return makeError(ErrorCode::Invalid, std::move(msg), SourceLoc{path});
    }
    return bytes;
}

}  // namespace

Result<std::string> readTextFile(const std::string& path, const TextFileKind& kind) {
    const auto fail = [&](ErrorCode code, std::string message) { return makeError(code, std::move(message), SourceLoc{path}); };
    const std::string name(kind.name);
    // Check the size before reading, so a huge or endless file (a device, a FIFO) is never read in.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                    "cannot open the " + name + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return fail(ErrorCode::Invalid, "this is a directory, not a " + name);
    if (S_ISFIFO(st.st_mode) && kind.pipes) return readPipe(path, kind);
    if (!S_ISREG(st.st_mode)) return fail(ErrorCode::Invalid, "this is not a regular file");
    if (static_cast<unsigned long long>(st.st_size) > kind.maxBytes)
        return fail(ErrorCode::Invalid, sizeLimitMessage(static_cast<size_t>(st.st_size), kind));
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::Io, "cannot open the " + name + ": " + std::strerror(errno));
    // Read one byte more than stat said: a file that grew since is caught by the limit check below.
    std::string bytes(static_cast<size_t>(st.st_size) + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (in.bad()) return fail(ErrorCode::Io, "cannot read the " + name);
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (bytes.size() > kind.maxBytes) return fail(ErrorCode::Invalid, sizeLimitMessage(bytes.size(), kind));
    return bytes;
}

}  // namespace kiosk::core
