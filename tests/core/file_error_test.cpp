// The words behind a failed file operation: each names what to look at, not an errno.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "kiosk/core/file_error.h"

namespace kiosk::core {
namespace {

TEST(CoreFileError, EachCommonFailureNamesWhatToLookAt) {
    EXPECT_EQ(fileErrorReason(ENOENT, "/srv/out"), "the folder /srv/out does not exist");
    EXPECT_EQ(fileErrorReason(ENOTDIR, "/srv/out"), "a part of /srv/out is a file, not a folder");
    EXPECT_EQ(fileErrorReason(EACCES, "/srv/out"), "the folder /srv/out is not writable for this user");
    EXPECT_EQ(fileErrorReason(EPERM, "/srv/out"), "the folder /srv/out is not writable for this user");
    EXPECT_EQ(fileErrorReason(EROFS, "/srv/out"), "/srv/out is on a read-only file system");
    EXPECT_EQ(fileErrorReason(ENOSPC, "/srv/out"), "the disk is full");
    EXPECT_EQ(fileErrorReason(EDQUOT, "/srv/out"), "the disk quota is used up");
    EXPECT_EQ(fileErrorReason(EFBIG, "/srv/out"), "the file grew past the size this system allows");
    EXPECT_EQ(fileErrorReason(EIO, "/srv/out"), std::strerror(EIO));
}

}  // namespace
}  // namespace kiosk::core
