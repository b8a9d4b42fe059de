#include "kiosk/store/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kiosk/core/durable.h"

namespace kiosk::store {

core::Result<void> writePrivateFile(const std::string& path, const unsigned char* data, std::size_t size,
                                    const std::string& what) {
    using core::ErrorCode;
    const std::string tmp = path + ".tmp";
    ::unlink(tmp.c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return core::makeError(ErrorCode::Io, "cannot write " + what + ": " + std::strerror(errno), core::SourceLoc{tmp});
    const ssize_t n = ::write(fd, data, size);
    const int err = errno;
    const bool synced = n == static_cast<ssize_t>(size) && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        const ErrorCode code = err == ENOSPC ? ErrorCode::DiskFull : ErrorCode::Io;
        return core::makeError(code, "cannot write " + what, core::SourceLoc{path});
    }
    core::syncParentDir(path);
    return {};
}

}  // namespace kiosk::store
