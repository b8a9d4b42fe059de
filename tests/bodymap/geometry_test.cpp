// Reading geometry files: the fixture loads as written; every kind of bad file is refused with a
// message that says what is wrong and where (file, and line:col or the place in the file).
#include "kiosk/bodymap/geometry.h"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::bodymap {
namespace {

const std::string kFixture = KIOSK_SOURCE_DIR "/tests/data/bodymap/fixture.json";

/// The error for @p text, formatted as the CLI prints it ("" when it loads).
std::string errorOf(const std::string& text) {
    const core::Result<Geometry> g = parseGeometry(text, "map.json");
    return g ? std::string() : g.error().format();
}

/// A valid file with @p region as its only region (front and back view boxes 0..100).
std::string withRegion(const std::string& region) {
    return R"({"version": 1, "views": {"front": {"view_box": [0, 0, 100, 100]}, "back": {"view_box": [0, 0, 100, 100]}},
               "regions": [)" + region + "]}";
}

const std::string kSquare = R"("polygons": [[[10, 10], [20, 10], [20, 20]]])";

TEST(BodymapGeometry, FixtureLoadsAsWritten) {
    const core::Result<Geometry> r = loadGeometry(kFixture);
    ASSERT_TRUE(r.ok()) << r.error().format();
    const Geometry& g = *r;
    EXPECT_EQ(g.license, "CC0-1.0");
    EXPECT_NE(g.attribution.find("unit tests"), std::string::npos);
    EXPECT_EQ(g.front.width, 100);
    EXPECT_EQ(g.back.height, 100);
    ASSERT_EQ(g.regions.size(), 7u);
    const RegionShape* box = g.find("right_box");
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->choir, 103);
    EXPECT_EQ(box->view, View::Front);
    ASSERT_EQ(box->polygons.size(), 1u);
    ASSERT_EQ(box->polygons[0].size(), 4u);
    EXPECT_FLOAT_EQ(box->polygons[0][0].x, 50.5f);
    EXPECT_FLOAT_EQ(box->polygons[0][0].y, 10.25f);
    EXPECT_EQ(g.find("ring")->view, View::Back);
    EXPECT_EQ(g.find("ring")->polygons.size(), 2u);
    EXPECT_EQ(g.find("two_pieces")->choir, 0);  // a region without a CHOIR code
    EXPECT_EQ(g.find("nowhere"), nullptr);
}

TEST(BodymapGeometry, OneViewIsEnough) {
    const core::Result<Geometry> g = parseGeometry(
        R"({"version": 1, "views": {"front": {"view_box": [0, 0, 50, 50]}},
            "regions": [{"id": "a", "view": "front", "polygons": [[[1, 1], [2, 1], [2, 2]]]}]})", "map.json");
    ASSERT_TRUE(g.ok()) << g.error().format();
    EXPECT_TRUE(g->back.empty());
    EXPECT_EQ(errorOf(R"({"version": 1, "views": {"front": {"view_box": [0, 0, 50, 50]}},
            "regions": [{"id": "a", "view": "back", "polygons": [[[1, 1], [2, 1], [2, 2]]]}]})"),
              "map.json: error: regions[0] ('a').view is \"back\", but views has no back; add views.back.view_box");
}

TEST(BodymapGeometry, SyntaxErrorsAreLocated) {
    EXPECT_EQ(errorOf("{\"version\": 1,\n  \"views\": {,\n}"),
              "map.json:2:13: error: JSON syntax error while parsing object key - unexpected ','; expected string "
              "literal");
    EXPECT_EQ(errorOf(""), "map.json:1:1: error: JSON syntax error while parsing value - unexpected end of input; "
                           "expected '[', '{', or a literal");
}

TEST(BodymapGeometry, StructureErrorsSayWhereAndWhatIsRight) {
    EXPECT_EQ(errorOf("[1, 2]"),
              "map.json: error: a body map file is an object {\"version\": 1, \"views\": ..., \"regions\": [...]}, not a list");
    EXPECT_EQ(errorOf(R"({"version": 2, "views": {}, "regions": []})"),
              "map.json: error: version 2 is not supported; this kiosk reads body map files of version 1");
    EXPECT_EQ(errorOf(R"({"version": 1, "view": {}, "regions": []})"),
              "map.json: error: unknown key 'view' in the top level; the keys here are version, attribution, license, "
              "views, regions; did you mean 'views'?");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "front"})")),
              "map.json: error: regions[0] ('a') has no 'polygons'; add \"polygons\": [[[x, y], [x, y], [x, y], ...]]");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "side", )" + kSquare + "}")),
              "map.json: error: regions[0] ('a').view must be \"front\" or \"back\", not \"side\"");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "Left Knee", "view": "front", )" + kSquare + "}")),
              "map.json: error: regions[0].id must be an id of lower-case letters, digits and '_' (up to 64, a letter "
              "first) such as knee_front_l, not the text \"Left Knee\"");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "choir": 107.5, "view": "front", )" + kSquare + "}")),
              "map.json: error: regions[0] ('a').choir must be a whole number from 1 to 9999 (the CHOIR segment, e.g. "
              "107), not 107.5");
}

TEST(BodymapGeometry, PolygonErrors) {
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "front", "polygons": [[[10, 10], [20, 10]]]})")),
              "map.json: error: regions[0] ('a').polygons[0] has 2 points; a polygon needs at least 3");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "back", "polygons": [[[10, 10], [361, 10], [20, 20]]]})")),
              "map.json: error: regions[0] ('a').polygons[0][1] [361,10] is outside the back view box [0.0,0.0,100.0,100.0] "
              "(are the coordinates shifted, or the view box too small?)");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "front", "polygons": [[[10, 10], [20, "x"], [20, 20]]]})")),
              "map.json: error: regions[0] ('a').polygons[0][1][1] must be a number, not the text \"x\"");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "front", "polygons": []})")),
              "map.json: error: regions[0] ('a').polygons must be a list of one or more polygons [[[x, y], ...]], not an empty list");
}

TEST(BodymapGeometry, IdsAndCodesAreUnique) {
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "choir": 101, "view": "front", )" + kSquare + R"(},
                                    {"id": "a", "choir": 102, "view": "back", )" + kSquare + "}")),
              "map.json: error: regions[1].id 'a' is already used by regions[0]; each region appears once (put its "
              "pieces in one region's polygons)");
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "choir": 101, "view": "front", )" + kSquare + R"(},
                                    {"id": "b", "choir": 101, "view": "front", )" + kSquare + "}")),
              "map.json: error: regions[1] ('b').choir 101 is already used by regions[0] ('a'); each CHOIR code names "
              "one region");
}

TEST(BodymapGeometry, DuplicateKeysAreNotSilentlyDropped) {
    EXPECT_EQ(errorOf(withRegion(R"({"id": "a", "view": "front", "view": "back", )" + kSquare + "}")),
              "map.json: error: duplicate key 'view' in regions[0] (each key may appear once in an object; remove one)");
    EXPECT_EQ(errorOf(R"({"version": 1, "version": 1})"),
              "map.json: error: duplicate key 'version' in the top level (each key may appear once in an object; "
              "remove one)");
}

TEST(BodymapGeometry, InputIsBounded) {
    EXPECT_EQ(errorOf(std::string(5 * 1024 * 1024, ' ')),
              "map.json: error: the file is 5242880 bytes; the limit is 4194304 bytes (4 MB). A body map with a few "
              "hundred regions is well under 1 MB: is this the right file?");
    EXPECT_EQ(errorOf(std::string(20, '[') + std::string(20, ']')),
              "map.json: error: lists and objects are nested more than 8 levels deep in [0][0][0][0][0][0][0]; a point "
              "[x, y] sits 6 levels deep");
}

TEST(BodymapGeometry, BadPathsNameThePath) {
    const core::Result<Geometry> missing = loadGeometry("/nonexistent/body_map.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(missing.error().format(),
              "/nonexistent/body_map.json: error: cannot open the body map file: No such file or directory");
    const core::Result<Geometry> folder = loadGeometry(KIOSK_SOURCE_DIR "/tests/data/bodymap");
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().format(), KIOSK_SOURCE_DIR "/tests/data/bodymap: error: this is a directory, not a body map file");
    const core::Result<Geometry> device = loadGeometry("/dev/zero");
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().message, "this is not a regular file");
}

}  // namespace
}  // namespace kiosk::bodymap
