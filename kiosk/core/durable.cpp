#include "kiosk/core/durable.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace kiosk::core {

void syncParentDir(const std::string& file) {
    const std::filesystem::path parent = std::filesystem::path(file).parent_path();
    const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace kiosk::core
