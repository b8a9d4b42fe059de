#include "kiosk/core/local_day.h"

#include <cstdio>
#include <ctime>

#include "kiosk/core/clock.h"

namespace kiosk::core {
namespace {

std::optional<std::tm> parseDay(const std::string& day) {
    std::tm tm{};
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_isdst = -1;
    std::tm check = tm;
    if (std::mktime(&check) == -1 || check.tm_mday != d || check.tm_mon != m - 1) return std::nullopt;  // 31 Feb
    return tm;
}

/// Local midnight starting @p tm's day, plus @p days days.
SystemTime midnight(std::tm tm, int days) {
    tm.tm_mday += days;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return SystemClock::from_time_t(std::mktime(&tm));
}

/// @p t in local time, as strftime(@p format) writes it.
std::string localFormat(SystemTime t, const char* format) {
    const std::time_t tt = SystemClock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

}  // namespace

std::string localDay(SystemTime t) { return localFormat(t, "%Y-%m-%d"); }

std::string localStamp(SystemTime t) { return localFormat(t, "%Y%m%d-%H%M%S"); }

std::optional<std::pair<std::string, std::string>> localDaysToUtc(const std::string& from, const std::string& to) {
    const auto a = parseDay(from), b = parseDay(to);
    if (!a || !b) return std::nullopt;
    const auto since = midnight(*a, 0), until = midnight(*b, 1);
    if (until <= since) return std::nullopt;
    return std::make_pair(toUtcIso(since), toUtcIso(until));
}

std::string addDays(const std::string& day, int n) {
    auto tm = parseDay(day);
    if (!tm) return day;
    tm->tm_mday += n;
    tm->tm_hour = 12;  // noon: a DST change never moves it to another day
    tm->tm_isdst = -1;
    std::mktime(&*tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &*tm);
    return buf;
}

std::pair<std::string, std::string> localDayAndTime(const std::string& utcIso) {
    const auto t = parseUtcIso(utcIso);
    if (!t) return {"", ""};
    return {localFormat(*t, "%Y-%m-%d"), localFormat(*t, "%H:%M")};
}

}  // namespace kiosk::core
