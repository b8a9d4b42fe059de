#include "kiosk/app/cli/window_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "kiosk/app/cli/cli_support.h"

#ifndef KIOSK_LIBEXEC_DIR
#define KIOSK_LIBEXEC_DIR "/usr/lib/intake-kiosk"
#endif

namespace kiosk::app {
namespace {
constexpr const char* kWindowProgram = "intake-kiosk-shell";
}

const char* windowProgramPath() {
    static const std::string path = [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path self = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            const fs::path beside = self.parent_path() / kWindowProgram;
            if (::access(beside.c_str(), X_OK) == 0) return beside.string();
        }
        const fs::path installed = fs::path(KIOSK_LIBEXEC_DIR) / kWindowProgram;
        return ::access(installed.c_str(), X_OK) == 0 ? installed.string() : std::string();
    }();
    return path.c_str();
}

int execWindowProgram(char** argv) {
    const char* path = windowProgramPath();
    if (*path == '\0') {
        std::cerr << "intake-kiosk: the kiosk's window program (" << kWindowProgram << ") is not installed beside "
                  << "this program or in " << KIOSK_LIBEXEC_DIR << ": reinstall the package\n";
        return kExitFailure;
    }
    ::execv(path, argv);
    const int err = errno;  // only reached when exec failed
    std::cerr << "intake-kiosk: cannot start " << path << ": " << std::strerror(err) << "\n";
    return kExitFailure;
}

}  // namespace kiosk::app
