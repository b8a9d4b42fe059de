#include "kiosk/export/free_name.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "kiosk/core/file_error.h"

namespace kiosk::exports {
namespace fs = std::filesystem;

namespace {

/// Claims @p name for a rename over it when renameat2 cannot refuse by itself: an empty file made
/// with O_CREAT|O_EXCL|O_NOFOLLOW, or an empty folder; EEXIST when something is there already.
int claim(const std::string& name, bool folder) {
    if (folder) return ::mkdir(name.c_str(), 0700) == 0 ? 0 : errno;
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    ::close(fd);
    return 0;
}

/// Renames @p from to @p name unless something is there: 0, EEXIST, or why not.
int renameNoReplace(const std::string& from, const std::string& name, bool folder) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, name.c_str(), RENAME_NOREPLACE) == 0) return 0;
    const int err = errno;
    if (err != EINVAL && err != ENOSYS && err != ENOTSUP) return err;
    // A file system without RENAME_NOREPLACE (NFS, ...): claim the name, then rename over the claim.
    if (const int claimed = claim(name, folder); claimed != 0) return claimed;
    if (::rename(from.c_str(), name.c_str()) == 0) return 0;
    const int moved = errno;
    if (folder) ::rmdir(name.c_str());
    else ::unlink(name.c_str());
    return moved;
}

}  // namespace

std::string numberedName(const std::string& target, int n, bool folder) {
    if (n <= 1) return target;
    const fs::path path(target);
    const std::string number = "-" + std::to_string(n);
    if (folder || !path.has_extension()) return target + number;
    return (path.parent_path() / (path.stem().string() + number + path.extension().string())).string();
}

core::Result<std::string> renameToFreeName(const std::string& from, const std::string& target, bool folder,
                                           int most) {
    for (int n = 1; n <= most; ++n) {
        const std::string name = numberedName(target, n, folder);
        const int err = renameNoReplace(from, name, folder);
        if (err == 0) return name;
        if (err == EEXIST || err == ENOTEMPTY) continue;
        std::string parent = fs::path(target).parent_path().string();
        if (parent.empty()) parent = ".";
        return core::makeError(core::ErrorCode::Io,
                               std::string(folder ? "cannot move the export folder into place: "
                                                  : "cannot move the export into place: ") +
                                   core::fileErrorReason(err, parent),
                               core::SourceLoc{name});
    }
    return core::makeError(core::ErrorCode::Invalid,
                           most == 1 ? "already exists" : "already exists, and so do the next " +
                                                              std::to_string(most - 1) + " numbered names",
                           core::SourceLoc{target});
}

}  // namespace kiosk::exports
