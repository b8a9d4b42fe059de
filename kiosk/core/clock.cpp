#include "kiosk/core/clock.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace kiosk::core {
namespace {

CalendarDay dayOf(const std::tm& tm) { return CalendarDay{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}; }

class MachineClock final : public Clock {
public:
    SteadyTime steadyNow() const override { return SteadyClock::now(); }
    SystemTime systemNow() const override { return SystemClock::now(); }
    CalendarDay localToday() const override {
        const std::time_t secs = SystemClock::to_time_t(SystemClock::now());
        std::tm tm{};
        localtime_r(&secs, &tm);
        return dayOf(tm);
    }
};

}  // namespace

const Clock& systemClock() {
    static const MachineClock kClock;
    return kClock;
}

FixedClock::FixedClock(SystemTime system, SteadyTime steady, std::optional<CalendarDay> localDay)
    : m_system(system), m_steady(steady), m_local(localDay.value_or(utcDay(system))) {}

FixedClock FixedClock::atUtc(std::string_view utcIso) {
    const auto t = parseUtcIso(utcIso);
    if (!t) throw std::invalid_argument("FixedClock::atUtc: not YYYY-MM-DDTHH:MM:SSZ");
    return FixedClock(*t);
}

std::string toUtcIso(SystemTime t) {
    const std::time_t secs = SystemClock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string utcNowIso(const Clock& clock) { return toUtcIso(clock.systemNow()); }

CalendarDay utcDay(SystemTime t) {
    const std::time_t secs = SystemClock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return dayOf(tm);
}

std::optional<SystemTime> parseUtcIso(std::string_view text) {
    // Positions of the digits in "YYYY-MM-DDTHH:MM:SSZ".
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
        !num(17, 2, s))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t secs = timegm(&tm);
    if (secs == static_cast<std::time_t>(-1)) return std::nullopt;
    auto t = SystemClock::from_time_t(secs);
    if (toUtcIso(t) != text) return std::nullopt;  // rejects 2026-02-31 and leap seconds
    return t;
}

}  // namespace kiosk::core
