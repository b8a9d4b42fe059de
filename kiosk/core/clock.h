#pragma once
// The one clock of the kiosk (ARCHITECTURE.md "core": clock, injectable). Code that needs "now"
// takes a Clock, so tests decide the time; systemClock() is the real one. Steady time drives the
// session's deadlines, system time the record and audit times, the local day what a patient calls
// "today" (the date picker's years).
//
// UTC timestamps are kept as "2026-11-25T10:03:00Z" (ISO 8601, whole seconds): one fixed format,
// so text order is time order and SQLite can compare them as strings.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

using SteadyClock = std::chrono::steady_clock;
using SteadyTime = SteadyClock::time_point;
using SystemClock = std::chrono::system_clock;
using SystemTime = SystemClock::time_point;

/// @brief A calendar day, in whichever time zone produced it (no time of day, no zone of its own).
struct CalendarDay {
    int year = 0, month = 0, day = 0;
    bool operator==(const CalendarDay& o) const { return year == o.year && month == o.month && day == o.day; }
};

/// @brief Where "now" comes from. Never read std::chrono clocks or time() directly in the layers:
///        take a Clock (default systemClock()) so tests can pass a FixedClock.
class Clock {
public:
    virtual ~Clock() = default;
    virtual SteadyTime steadyNow() const = 0;
    virtual SystemTime systemNow() const = 0;
    /// Today in the kiosk's local time zone.
    virtual CalendarDay localToday() const = 0;
};

/// The machine's clocks and time zone.
const Clock& systemClock();

/// @brief A clock that stands still at one moment: for tests and reproducible runs.
class FixedClock final : public Clock {
public:
    /// @p localDay: "today" in local time; unset = the UTC day of @p system.
    explicit FixedClock(SystemTime system, SteadyTime steady = {}, std::optional<CalendarDay> localDay = {});
    /// At a "YYYY-MM-DDTHH:MM:SSZ" moment. Throws std::invalid_argument on a malformed text: a bug
    /// in the caller, better loud than a test silently running at the epoch.
    static FixedClock atUtc(std::string_view utcIso);

    SteadyTime steadyNow() const override { return m_steady; }
    SystemTime systemNow() const override { return m_system; }
    CalendarDay localToday() const override { return m_local; }

private:
    SystemTime m_system;
    SteadyTime m_steady;
    CalendarDay m_local;
};

std::string toUtcIso(SystemTime t);
/// The current UTC time of @p clock as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcNowIso(const Clock& clock = systemClock());
/// @brief Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; nullopt for anything else.
std::optional<SystemTime> parseUtcIso(std::string_view text);
/// The UTC calendar day of @p t.
CalendarDay utcDay(SystemTime t);

}  // namespace kiosk::core
