// hitTest on the fixture shapes (tests/data/bodymap/fixture.json): exact point-in-polygon with the
// even-odd rule, concave outlines, pieces, holes, shared edges, and the two views kept apart.
#include "kiosk/bodymap/hit_test.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "figures.h"

namespace kiosk::bodymap {
namespace {

const Geometry& fixture() { return test::fixture().geometry; }

std::string hit(View view, float x, float y) {
    const std::optional<std::string_view> id = hitTest(fixture(), view, Point{x, y});
    return id ? std::string(*id) : std::string("(none)");
}

TEST(BodymapHitTest, InsideAndOutside) {
    EXPECT_EQ(hit(View::Front, 15, 40), "u_shape");   // in its left arm
    EXPECT_EQ(hit(View::Front, 25, 15), "u_shape");   // in its top bar
    EXPECT_EQ(hit(View::Front, 70, 30), "right_box");
    EXPECT_EQ(hit(View::Front, 95, 95), "(none)");    // margin of the view box
    EXPECT_EQ(hit(View::Front, 45, 30), "(none)");    // between two regions
    EXPECT_EQ(hit(View::Front, -5, 30), "(none)");    // off the figure
}

TEST(BodymapHitTest, ConcaveNotchIsNotTheRegion) {
    // (25, 40) is inside the U's bounding box and convex hull, but in the notch between its arms.
    EXPECT_EQ(hit(View::Front, 25, 40), "(none)");
    EXPECT_EQ(hit(View::Front, 25, 59.9f), "(none)");
    EXPECT_EQ(hit(View::Front, 20.5f, 40), "(none)");
    EXPECT_EQ(hit(View::Front, 19.5f, 40), "u_shape");
}

TEST(BodymapHitTest, FractionalCoordinatesAreExact) {
    EXPECT_EQ(hit(View::Front, 50.4f, 30), "(none)");
    EXPECT_EQ(hit(View::Front, 50.6f, 30), "right_box");
    EXPECT_EQ(hit(View::Front, 70, 10.2f), "(none)");
    EXPECT_EQ(hit(View::Front, 70, 10.3f), "right_box");
}

TEST(BodymapHitTest, FrontAndBackAreSeparateFigures) {
    // The same spot is right_box on the front and back_box on the back.
    EXPECT_EQ(hit(View::Front, 70, 30), "right_box");
    EXPECT_EQ(hit(View::Back, 70, 30), "back_box");
    // A front region is never hit on the back, nor the other way round.
    EXPECT_EQ(hit(View::Back, 15, 40), "(none)");
    EXPECT_EQ(hit(View::Front, 15, 65), "(none)");
    EXPECT_EQ(hit(View::Back, 15, 65), "ring");
}

TEST(BodymapHitTest, PiecesAndHolesFollowEvenOdd) {
    EXPECT_EQ(hit(View::Front, 10, 75), "two_pieces");
    EXPECT_EQ(hit(View::Front, 30, 75), "two_pieces");
    EXPECT_EQ(hit(View::Front, 20, 75), "(none)");  // between the pieces
    EXPECT_EQ(hit(View::Back, 25, 75), "(none)");   // in the ring's hole
    EXPECT_EQ(hit(View::Back, 35, 85), "ring");
}

TEST(BodymapHitTest, APointOnASharedEdgeHitsExactlyOneRegion) {
    const RegionShape* upper = fixture().find("upper");
    const RegionShape* lower = fixture().find("lower");
    ASSERT_NE(upper, nullptr);
    ASSERT_NE(lower, nullptr);
    for (float x : {50.0f, 51.0f, 70.0f, 89.5f}) {
        const Point p{x, 75};
        EXPECT_NE(contains(*upper, p), contains(*lower, p)) << "x=" << x;
        EXPECT_NE(hit(View::Front, x, 75), "(none)") << "x=" << x;
    }
}

TEST(BodymapHitTest, OverlapGoesToTheFirstInFileOrder) {
    Geometry g;
    g.front = ViewBox{0, 0, 10, 10};
    g.regions.push_back(RegionShape{"first", 0, View::Front, {{{0, 0}, {6, 0}, {6, 6}, {0, 6}}}});
    g.regions.push_back(RegionShape{"second", 0, View::Front, {{{4, 4}, {10, 4}, {10, 10}, {4, 10}}}});
    EXPECT_EQ(hitTest(g, View::Front, Point{5, 5}).value_or("(none)"), "first");
    EXPECT_EQ(hitTest(g, View::Front, Point{8, 8}).value_or("(none)"), "second");
}

}  // namespace
}  // namespace kiosk::bodymap
