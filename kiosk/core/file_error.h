#pragma once
// Why a file could not be made or written, in words staff can act on: "the folder /srv/x does not
// exist" rather than "No such file or directory", "the disk is full" rather than an errno. Shared
// by the store (opening the database), the export job and the command line (making the data folder).
#include <string>

namespace kiosk::core {

/// @brief The reason behind errno @p err for a file made or written in @p folder: ENOENT "the
///        folder F does not exist", ENOTDIR "a part of F is a file, not a folder", EACCES/EPERM "the
///        folder F is not writable for this user", EROFS "F is on a read-only file system",
///        ENOSPC/EDQUOT "the disk is full", EFBIG "the file grew past the size this system allows";
///        otherwise strerror().
std::string fileErrorReason(int err, const std::string& folder);

}  // namespace kiosk::core
