// Measures and pick() on the fixture shapes (tests/data/bodymap/fixture.json): areas with holes,
// distances, the deepest point, and what a fingertip means near small regions.
#include "kiosk/bodymap/figure.h"

#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/bodymap/hit_test.h"

#include "figures.h"

namespace kiosk::bodymap {
namespace {

using test::fixture;

const RegionShape& shape(const char* id) {
    static const RegionShape none;
    const RegionShape* r = fixture().geometry.find(id);
    EXPECT_NE(r, nullptr) << id;
    return r ? *r : none;
}

TEST(BodymapMeasure, AreaCountsPiecesAndSubtractsHoles) {
    EXPECT_DOUBLE_EQ(area(shape("upper")), 40.0 * 15);
    EXPECT_DOUBLE_EQ(area(shape("two_pieces")), 2 * 100.0);
    EXPECT_DOUBLE_EQ(area(shape("ring")), 30.0 * 30 - 10 * 10);
    EXPECT_DOUBLE_EQ(area(shape("u_shape")), 30.0 * 50 - 10 * 40);
}

TEST(BodymapMeasure, DistanceIsZeroInsideAndToTheNearestEdgeOutside) {
    EXPECT_DOUBLE_EQ(distanceTo(shape("upper"), Point{70, 65}), 0);
    EXPECT_NEAR(distanceTo(shape("upper"), Point{95, 65}), 5, 1e-6);
    EXPECT_NEAR(distanceTo(shape("upper"), Point{93, 56}), 5, 1e-6);  // to the corner (90, 60)
    EXPECT_NEAR(distanceTo(shape("ring"), Point{25, 75}), 5, 1e-6);   // in the hole: to its edge
}

TEST(BodymapMeasure, DeepestPointIsInsideAndAwayFromEdges) {
    const Inside ring = deepestPoint(shape("ring"));
    EXPECT_TRUE(contains(shape("ring"), ring.point));
    // The band around the hole is 10 wide; at its corners a circle touching two outer edges and the
    // hole's corner fits: radius t with t = sqrt(2) * (10 - t).
    const double corner = 10 * std::sqrt(2.0) / (1 + std::sqrt(2.0));
    EXPECT_NEAR(ring.radius, corner, 0.1);
    const Inside u = deepestPoint(shape("u_shape"));
    EXPECT_TRUE(contains(shape("u_shape"), u.point));
    EXPECT_NEAR(u.radius, corner, 0.1);  // where the bar meets an arm
    const Inside box = deepestPoint(shape("right_box"));
    EXPECT_NEAR(box.point.x, 70.25, 0.5);
    EXPECT_NEAR(box.radius, 19.75, 0.3);
}

// In the fixture, upper and lower are two 40x15 boxes sharing the edge y = 75; their deepest
// points are 7.5 from an edge. With small = 10 both are small, with small = 5 neither is.
const FingerSize kFinger{8, 3, 10};

TEST(BodymapPick, InsideABigRegionIsThatRegion) {
    const Pick p = pick(fixture(), View::Front, Point{70, 74}, FingerSize{8, 3, 5});
    EXPECT_EQ(p.kind, Pick::Kind::One);
    EXPECT_EQ(p.first, "upper");
}

TEST(BodymapPick, InsideASmallRegionNearAnotherSmallOneAsksWhich) {
    const Pick p = pick(fixture(), View::Front, Point{70, 74}, kFinger);  // 1 deep, 1 more to lower
    EXPECT_EQ(p.kind, Pick::Kind::Ambiguous);
    EXPECT_EQ(p.first, "upper");  // the one under the finger first
    EXPECT_EQ(p.second, "lower");
    // 3 deep in upper and 3 more to lower: 6 from the border is past the 3 that leave a doubt.
    const Pick q = pick(fixture(), View::Front, Point{70, 72}, kFinger);
    EXPECT_EQ(q.kind, Pick::Kind::One);
    EXPECT_EQ(q.first, "upper");
}

TEST(BodymapPick, BesideARegionFindsTheNearestWithinReach) {
    const Pick p = pick(fixture(), View::Front, Point{95, 65}, kFinger);  // 5 right of upper
    EXPECT_EQ(p.kind, Pick::Kind::One);
    EXPECT_EQ(p.first, "upper");
    EXPECT_EQ(pick(fixture(), View::Front, Point{99.5f, 65}, kFinger).kind, Pick::Kind::None);  // 9.5 away
    EXPECT_EQ(pick(fixture(), View::Back, Point{95, 65}, kFinger).kind, Pick::Kind::None);  // other view
}

TEST(BodymapPick, BesideTwoSmallNeighboursAsksWhich) {
    const Pick p = pick(fixture(), View::Front, Point{94, 75.5f}, kFinger);  // right of their shared edge
    EXPECT_EQ(p.kind, Pick::Kind::Ambiguous);
    EXPECT_EQ(p.first, "lower");  // y 75.5 is in lower's band: nearer
    EXPECT_EQ(p.second, "upper");
    // Beside the middle of one of them, the other is too far to be meant.
    const Pick q = pick(fixture(), View::Front, Point{94, 86}, kFinger);
    EXPECT_EQ(q.kind, Pick::Kind::One);
    EXPECT_EQ(q.first, "lower");
}

}  // namespace
}  // namespace kiosk::bodymap
