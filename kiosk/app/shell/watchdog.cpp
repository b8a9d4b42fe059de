#include "kiosk/app/shell/watchdog.h"

#include <cerrno>
#include <cstdlib>
#include <systemd/sd-daemon.h>
#include <unistd.h>
#include <utility>

namespace kiosk::app {

namespace {

/// A whole positive decimal number, or -1.
long long parsePositive(const char* text) {
    if (!text || !*text) return -1;
    char* end = nullptr;
    errno = 0;
    const long long n = std::strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || n <= 0) return -1;
    return n;
}

}  // namespace

std::optional<std::chrono::microseconds> watchdogInterval(const char* usec, const char* watchdogPid, long self,
                                                          long parent) {
    const long long us = parsePositive(usec);
    if (us < 2) return std::nullopt;
    if (watchdogPid && *watchdogPid) {
        const long long pid = parsePositive(watchdogPid);
        if (pid != self && pid != parent) return std::nullopt;
    }
    return std::chrono::microseconds(us / 2);
}

std::optional<Watchdog::Clock::time_point> earliest(std::optional<Watchdog::Clock::time_point> a,
                                                    std::optional<Watchdog::Clock::time_point> b) {
    if (!a) return b;
    if (!b) return a;
    return *a < *b ? a : b;
}

Watchdog::Watchdog(std::optional<Clock::duration> interval, Sender notify)
    : m_interval(interval), m_notify(std::move(notify)) {}

Watchdog& Watchdog::process() {
    static Watchdog watchdog = [] {
        const char* socket = std::getenv("NOTIFY_SOCKET");
        if (!socket || !*socket) return Watchdog(std::nullopt, nullptr);
        const auto interval = watchdogInterval(std::getenv("WATCHDOG_USEC"), std::getenv("WATCHDOG_PID"),
                                               static_cast<long>(::getpid()), static_cast<long>(::getppid()));
        // The environment stays as it is: intake-kiosk-shell has no children that should ping.
        return Watchdog(interval, [](const std::string& state) { sd_notify(0, state.c_str()); });
    }();
    return watchdog;
}

void Watchdog::firstFrame(Clock::time_point now) {
    if (m_ready) return;
    m_ready = true;
    if (m_notify) m_notify("READY=1");
    tick(now);
}

void Watchdog::tick(Clock::time_point now) {
    if (!m_ready || !m_interval || !m_notify) return;
    if (m_lastPing && now - *m_lastPing < *m_interval) return;
    m_lastPing = now;
    m_notify("WATCHDOG=1");
}

std::optional<Watchdog::Clock::time_point> Watchdog::nextPing() const {
    if (!m_ready || !m_interval || !m_notify || !m_lastPing) return std::nullopt;
    return *m_lastPing + *m_interval;
}

}  // namespace kiosk::app
