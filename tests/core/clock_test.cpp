// core/clock: the one UTC ISO format of the kiosk (records, audit, drafts, exports) and the
// injectable clocks that let tests decide "now".
#include "kiosk/core/clock.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace kiosk::core;

TEST(CoreClock, FormatsAndParsesUtcIsoBothWays) {
    const auto t = parseUtcIso("2026-11-25T10:03:00Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(toUtcIso(*t), "2026-11-25T10:03:00Z");
    EXPECT_EQ(toUtcIso(*t + std::chrono::hours(14)), "2026-11-26T00:03:00Z");
    EXPECT_EQ(toUtcIso(SystemClock::from_time_t(0)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(toUtcIso(SystemClock::from_time_t(0) + std::chrono::milliseconds(999)), "1970-01-01T00:00:00Z")
        << "whole seconds, truncated";
}

TEST(CoreClock, ParsesOnlyTheOneFormat) {
    for (const char* bad : {"", "2026-11-25", "2026-11-25T10:03:00", "2026-11-25 10:03:00Z",
                            "2026-11-25T10:03:00+00:00", "2026-02-31T10:03:00Z", "2026-13-01T00:00:00Z",
                            "2026-11-25T24:00:00Z", "2026-11-25T10:03:60Z", "20x6-11-25T10:03:00Z"})
        EXPECT_FALSE(parseUtcIso(bad).has_value()) << bad;
    EXPECT_TRUE(parseUtcIso("2028-02-29T23:59:59Z").has_value()) << "a leap day";
}

TEST(CoreClock, UtcDayIsTheCalendarDayInUtc) {
    EXPECT_EQ(utcDay(*parseUtcIso("2026-11-25T23:59:59Z")), (CalendarDay{2026, 11, 25}));
    EXPECT_EQ(utcDay(*parseUtcIso("2026-12-31T00:00:00Z")), (CalendarDay{2026, 12, 31}));
}

TEST(CoreClock, AFixedClockStandsStill) {
    const FixedClock clock = FixedClock::atUtc("2026-11-25T10:03:00Z");
    EXPECT_EQ(utcNowIso(clock), "2026-11-25T10:03:00Z");
    EXPECT_EQ(clock.systemNow(), clock.systemNow());
    EXPECT_EQ(clock.localToday(), (CalendarDay{2026, 11, 25})) << "by default its UTC day";
    EXPECT_THROW(FixedClock::atUtc("next Tuesday"), std::invalid_argument);

    const SteadyTime steady = SteadyTime{} + std::chrono::hours(3);
    const FixedClock east(*parseUtcIso("2026-12-31T23:30:00Z"), steady, CalendarDay{2027, 1, 1});
    EXPECT_EQ(east.localToday(), (CalendarDay{2027, 1, 1})) << "a local day of its own";
    EXPECT_EQ(east.steadyNow(), steady);
}

TEST(CoreClock, TheSystemClockMoves) {
    const Clock& clock = systemClock();
    const SystemTime before = SystemClock::now();
    const SystemTime now = clock.systemNow();
    EXPECT_GE(now, before);
    EXPECT_LE(now - before, std::chrono::minutes(1));
    const SteadyTime steady = clock.steadyNow();
    EXPECT_LE(steady, SteadyClock::now());
    const CalendarDay today = clock.localToday();
    EXPECT_GE(today.year, 2024);
    EXPECT_GE(today.month, 1);
    EXPECT_LE(today.month, 12);
}
