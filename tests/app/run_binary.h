#pragma once
// Runs the built intake-kiosk (KIOSK_BINARY) through the shell and captures its output and exit code.
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace kiosk::app::testing {

struct RunResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr together
};

/// Runs `KIOSK_BINARY <args>` (args are shell words, quoted by the caller), with @p envPrefix
/// (e.g. "env -u DISPLAY") in front.
inline RunResult runKiosk(const std::string& args, const std::string& envPrefix = "") {
    const std::string cmd =
        envPrefix + (envPrefix.empty() ? "" : " ") + "'" KIOSK_BINARY "' " + args + " 2>&1";
    RunResult result;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
        result.output.append(buf.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// A fresh empty folder under the temp dir, removed when the object goes.
class TempDir {
  public:
    explicit TempDir(const std::string& name)
        : m_path(std::filesystem::temp_directory_path() / ("intake-kiosk-test-" + name)) {
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string path() const { return m_path.string(); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    std::filesystem::path m_path;
};

}  // namespace kiosk::app::testing
