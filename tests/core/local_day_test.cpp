// Local days against the stored UTC times, in a zone with DST (America/Chicago).
#include <stdlib.h>
#include <time.h>

#include <gtest/gtest.h>

#include "kiosk/core/local_day.h"
#include "kiosk/core/clock.h"

namespace kiosk::core {
namespace {

struct LocalDay : ::testing::Test {
    void SetUp() override {
        ::setenv("TZ", "America/Chicago", 1);
        ::tzset();
    }
    void TearDown() override {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
};

TEST_F(LocalDay, DaysBecomeUtcBoundsAcrossDaylightSaving) {
    auto winter = localDaysToUtc("2026-11-25", "2026-11-25");
    ASSERT_TRUE(winter);
    EXPECT_EQ(winter->first, "2026-11-25T06:00:00Z");
    EXPECT_EQ(winter->second, "2026-11-26T06:00:00Z");
    auto overChange = localDaysToUtc("2026-10-31", "2026-11-01");  // DST ends on 1 November 2026
    ASSERT_TRUE(overChange);
    EXPECT_EQ(overChange->first, "2026-10-31T05:00:00Z");
    EXPECT_EQ(overChange->second, "2026-11-02T06:00:00Z");
    EXPECT_FALSE(localDaysToUtc("2026-02-30", "2026-03-01"));
    EXPECT_FALSE(localDaysToUtc("2026-03-02", "2026-03-01"));
    EXPECT_FALSE(localDaysToUtc("yesterday", "2026-03-01"));
}

TEST_F(LocalDay, StoredTimesShowAsLocalDayAndTime) {
    EXPECT_EQ(localDayAndTime("2026-11-25T03:30:00Z"), std::make_pair(std::string("2026-11-24"), std::string("21:30")));
    EXPECT_EQ(localDay(*parseUtcIso("2026-11-25T05:59:59Z")), "2026-11-24");
    EXPECT_EQ(localDayAndTime("not a time"), std::make_pair(std::string(), std::string()));
}

TEST_F(LocalDay, DayStepsCrossMonthsYearsAndDaylightSaving) {
    EXPECT_EQ(addDays("2026-11-01", -1), "2026-10-31");
    EXPECT_EQ(addDays("2026-10-31", 1), "2026-11-01");
    EXPECT_EQ(addDays("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(addDays("2028-02-28", 1), "2028-02-29");
    EXPECT_EQ(addDays("2026-03-08", 1), "2026-03-09");  // DST starts on 8 March 2026
    EXPECT_EQ(addDays("not a day", 1), "not a day");
}

}  // namespace
}  // namespace kiosk::exports
