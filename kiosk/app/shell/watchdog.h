#pragma once
// The systemd watchdog, spoken from the frame loop (packaging/systemd/intake-kiosk.service sets
// WatchdogSec and NotifyAccess=all). READY=1 goes once, after the first frame is on screen;
// WATCHDOG=1 goes from the loop at half of WATCHDOG_USEC, so a hung loop stops the pings and systemd
// restarts the kiosk. Without NOTIFY_SOCKET (a desktop, tests) it sends nothing and never wakes the loop.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace kiosk::app {

/// @brief When to tell systemd that the kiosk is ready and alive. Holds no socket: what it says
///        goes to a sender (sd_notify in the kiosk, a recorder in tests).
class Watchdog {
  public:
    using Clock = std::chrono::steady_clock;
    using Sender = std::function<void(const std::string& state)>;

    /// @p interval: how often WATCHDOG=1 goes (nullopt = no watchdog, only READY=1); @p notify is
    /// called with "READY=1" or "WATCHDOG=1"; a null sender makes the watchdog silent.
    Watchdog(std::optional<Clock::duration> interval, Sender notify);

    /// The process's one watchdog, from NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID, talking through
    /// libsystemd's sd_notify.
    static Watchdog& process();

    /// The first frame is on screen: READY=1 (once per process), and the first WATCHDOG=1.
    void firstFrame(Clock::time_point now);
    /// A turn of the loop: WATCHDOG=1 if the interval has passed since the last one.
    void tick(Clock::time_point now);
    /// When the loop must wake for the next WATCHDOG=1, even with no input; nullopt = never.
    std::optional<Clock::time_point> nextPing() const;

  private:
    std::optional<Clock::duration> m_interval;
    Sender m_notify;
    bool m_ready = false;
    std::optional<Clock::time_point> m_lastPing;
};

/// Half of WATCHDOG_USEC (systemd's advice), or nullopt when the watchdog is off for this process:
/// no or a malformed @p usec, or @p watchdogPid naming another process than @p self or its @p parent
/// (the kiosk runs as the child of the cage compositor, which is the unit's main process).
std::optional<std::chrono::microseconds> watchdogInterval(const char* usec, const char* watchdogPid, long self,
                                                          long parent);

/// The earlier of two wake-up times (nullopt = no deadline).
std::optional<Watchdog::Clock::time_point> earliest(std::optional<Watchdog::Clock::time_point> a,
                                                    std::optional<Watchdog::Clock::time_point> b);

}  // namespace kiosk::app
