#pragma once
// Runs the built intake-kiosk binary (KIOSK_BINARY) with arguments and captures its exit code,
// stdout and stderr (through temp files, so a chatty child never blocks on a full pipe).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace kiosk::testing {

struct CliRun {
    int exitCode = -1;
    std::string out, err;
};

inline std::string slurpFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline CliRun runKiosk(const std::vector<std::string>& args) {
    char dirTmpl[] = "/tmp/kiosk_cli_XXXXXX";
    const std::string dir = ::mkdtemp(dirTmpl);
    const std::string outPath = dir + "/out", errPath = dir + "/err";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> all{KIOSK_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    CliRun r;
    if (posix_spawn(&pid, KIOSK_BINARY, &fa, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&fa);
    r.out = slurpFile(outPath);
    r.err = slurpFile(errPath);
    ::unlink(outPath.c_str());
    ::unlink(errPath.c_str());
    ::rmdir(dir.c_str());
    return r;
}

/// A file in its own temp dir, removed at the end of the test.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content) {
        char tmpl[] = "/tmp/kiosk_tmp_XXXXXX";
        m_dir = ::mkdtemp(tmpl);
        m_path = m_dir + "/" + name;
        std::ofstream(m_path, std::ios::binary) << content;
    }
    ~TempFile() {
        ::unlink(m_path.c_str());
        ::rmdir(m_dir.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_dir, m_path;
};

}  // namespace kiosk::testing
