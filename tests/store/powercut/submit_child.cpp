// The child the power-cut tests start under the shim (a new process, so that LD_PRELOAD applies):
//   powercut_child loop DB FD BASE DELAY_US ARM_AFTER   the kiosk's save loop (../submit_loop.h)
//   powercut_child raw FILE                             a fixed pattern of writes, for the shim's own test:
//       "AAAA" at 0, fdatasync, "BBBB" at 4 (write), "CC" at 0 (pwrite), then SIGKILL
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "../submit_loop.h"
#include "kiosk/core/log.h"

namespace {

int rawWrites(const char* path) {
    const int fd = ::open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return 2;
    if (::pwrite(fd, "AAAA", 4, 0) != 4 || ::fdatasync(fd) != 0) return 2;
    if (::lseek(fd, 4, SEEK_SET) != 4 || ::write(fd, "BBBB", 4) != 4 || ::pwrite(fd, "CC", 2, 0) != 2) return 2;
    ::kill(::getpid(), SIGKILL);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "raw") == 0) return rawWrites(argv[2]);
    if (argc == 7 && std::strcmp(argv[1], "loop") == 0) {
        kiosk::core::LogOptions quiet;  // warnings only, as the forked children of crash_test.cpp
        quiet.fileLevel = quiet.stderrLevel = spdlog::level::warn;
        (void)kiosk::core::initLogging(quiet);
        kiosk::store::testing::childLoop(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), std::atol(argv[5]),
                                         std::atoi(argv[6]));
    }
    return 2;
}
