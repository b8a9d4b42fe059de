#include "kiosk/app/cli/alert_hook.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kiosk/core/log.h"

extern char** environ;

namespace kiosk::app {

AlertHook::~AlertHook() { reap(); }

void AlertHook::reap() {
    m_children.erase(std::remove_if(m_children.begin(), m_children.end(),
                                    [](pid_t pid) {
                                        int status = 0;
                                        const pid_t r = ::waitpid(pid, &status, WNOHANG);
                                        if (r == 0) return false;  // still running
                                        if (r == pid && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
                                            core::logger()->warn("desk alert command ended with status {}",
                                                                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
                                        return true;  // finished, or not ours to wait for (ECHILD)
                                    }),
                     m_children.end());
}

core::Result<void> AlertHook::run(const std::string& recordId) {
    reap();
    if (m_command.empty()) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::string command = m_command, id = recordId;  // argv wants char*, not const char*
    char* argv[] = {command.data(), id.data(), nullptr};
    pid_t pid = 0;
    const int err = ::posix_spawn(&pid, command.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0)
        return core::makeError(core::ErrorCode::Io,
                               std::string("the desk alert command could not start: ") + std::strerror(err),
                               core::SourceLoc{m_command});
    m_children.push_back(pid);
    return {};
}

core::Result<std::string> AlertingSink::submit(const session::Record& record) {
    auto id = m_inner.submit(record);
    if (!id) return id;
    const bool urgent = std::any_of(record.flags.begin(), record.flags.end(),
                                    [](const session::RaisedFlag& f) { return f.severity == forms::Severity::Urgent; });
    if (urgent && m_hook.enabled()) {
        if (auto ran = m_hook.run(*id); !ran) {
            core::logger()->error("{}", ran.error().format());
        } else {
            core::logger()->info("desk alert sent for record {}", *id);
        }
    }
    return id;
}

}  // namespace kiosk::app
