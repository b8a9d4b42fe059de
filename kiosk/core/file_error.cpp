#include "kiosk/core/file_error.h"

#include <cerrno>
#include <cstring>

namespace kiosk::core {

std::string fileErrorReason(int err, const std::string& folder) {
    switch (err) {
        case ENOENT: return "the folder " + folder + " does not exist";
        case ENOTDIR: return "a part of " + folder + " is a file, not a folder";
        case EACCES:
        case EPERM: return "the folder " + folder + " is not writable for this user";
        case EROFS: return folder + " is on a read-only file system";
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EFBIG: return "the file grew past the size this system allows";
        default: return std::strerror(err);
    }
}

}  // namespace kiosk::core
