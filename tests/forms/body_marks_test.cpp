// Old body-map ids in answers become the CHOIR regions they stand for, without losing what the
// patient said where two land on one region.
#include "kiosk/forms/body_marks.h"

#include <gtest/gtest.h>

namespace kiosk::forms {
namespace {

TEST(FormsBodyMarks, CurrentIdsAreLeftAlone) {
    const BodyMapAnswer marks{{"lower_back_l", 6, {"aching"}}, {"knee_front_r", std::nullopt, {}}};
    EXPECT_EQ(normalizeBodyMap(marks), marks);
}

TEST(FormsBodyMarks, AnOldIdBecomesItsRegions) {
    const BodyMapAnswer marks{{"trapezius_l", 4, {"stiffness"}}, {"sacrum", 6, {"sharp"}}};
    const BodyMapAnswer want{{"shoulder_back_l", 4, {"stiffness"}},
                             {"lower_back_r", 6, {"sharp"}},
                             {"lower_back_l", 6, {"sharp"}}};
    EXPECT_EQ(normalizeBodyMap(marks), want);
}

TEST(FormsBodyMarks, TwoMarksOnOneRegionKeepTheStrongerIntensityAndEveryKind) {
    // The old list had lower back and sacrum apart; both now lie on the lower back.
    const BodyMapAnswer marks{{"lower_back_l", 5, {"aching"}}, {"sacrum", 6, {"sharp", "aching"}}};
    const BodyMapAnswer want{{"lower_back_l", 6, {"aching", "sharp"}}, {"lower_back_r", 6, {"sharp", "aching"}}};
    EXPECT_EQ(normalizeBodyMap(marks), want);
    // An intensity given once survives a mark without one.
    const BodyMapAnswer upper{{"abdomen_upper_r", std::nullopt, {}}, {"abdomen_lower_r", 3, {"burning"}}};
    EXPECT_EQ(normalizeBodyMap(upper), (BodyMapAnswer{{"abdomen_r", 3, {"burning"}}}));
}

TEST(FormsBodyMarks, UnknownIdsAndCurrentDuplicatesAreKeptForTheCheck) {
    const BodyMapAnswer marks{{"heel_l", 2, {}}, {"kneecap", 1, {}}, {"calf_l", 1, {}}, {"calf_l", 2, {}}};
    const BodyMapAnswer want{{"sole_l", 2, {}}, {"kneecap", 1, {}}, {"calf_l", 1, {}}, {"calf_l", 2, {}}};
    EXPECT_EQ(normalizeBodyMap(marks), want);
}

}  // namespace
}  // namespace kiosk::forms
