#pragma once
// Runs the built intake-kiosk binary (KIOSK_BINARY) as staff or a script would, through /bin/sh,
// and captures its exit code, stdout and stderr (through files, so a chatty child never blocks on
// a full pipe). stdin is /dev/null: the child never waits on a prompt, and sees no terminal.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "support/temp_files.h"

extern char** environ;

namespace kiosk::testing {

struct RunResult {
    int exitCode = -1;   ///< 128 + the signal when killed (as the shell says); -1 when it did not start
    std::string out;     ///< stdout
    std::string err;     ///< stderr
    std::string output;  ///< stdout then stderr, for checks that do not mind which stream
};

/// @p word quoted for the shell: 'it'\''s'.
inline std::string shellQuote(const std::string& word) {
    std::string q = "'";
    for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// @p words (one argument each, e.g. a path with spaces) as one line of shell words for runKiosk.
inline std::string shellWords(const std::vector<std::string>& words) {
    std::string line;
    for (const auto& w : words) line += (line.empty() ? "" : " ") + shellQuote(w);
    return line;
}

/// Runs `<prefix> KIOSK_BINARY <args>` in /bin/sh. @p args are shell words, quoted by the caller
/// (shellWords, or '...' around a path) and may end in redirections; @p prefix is shell put in
/// front: "env -u DISPLAY", "ulimit -f 100;", a wrapper script such as with_xvfb.sh.
inline RunResult runKiosk(const std::string& args, const std::string& prefix = "") {
    const TempDir dir("run");
    const std::string outPath = dir / "out", errPath = dir / "err";
    std::string line = prefix + (prefix.empty() ? "" : " ") + shellQuote(KIOSK_BINARY) + " " + args;
    char sh[] = "/bin/sh", dashC[] = "-c";
    char* argv[] = {sh, dashC, line.data(), nullptr};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    RunResult r;
    pid_t pid = 0;
    if (posix_spawn(&pid, sh, &fa, nullptr, argv, environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&fa);
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    r.output = r.out + r.err;
    return r;
}

}  // namespace kiosk::testing
