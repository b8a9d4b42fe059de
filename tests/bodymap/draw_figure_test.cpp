// The cairo drawing of the figure (what the kiosk's texture and the therapist's PDF show): regions
// filled, marked ones in their intensity's tint, outlines between them, nothing outside; the
// placement maps view and device coordinates both ways; numbers stay readable on every tint.
#include "kiosk/bodymap/draw_figure.h"

#include <gtest/gtest.h>

#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "kiosk/bodymap/hit_test.h"

#include "figures.h"

namespace kiosk::bodymap {
namespace {

using test::choir;

FigureStyle testStyle() {
    FigureStyle s;
    s.fill = colourOf(0xE3D7C7);
    s.outline = colourOf(0x5C544B);
    s.unrated = colourOf(0x9FB7D4);
    s.highlight = colourOf(0x1D4F91);
    s.textDark = colourOf(0x1B1B1B);
    s.textLight = colourOf(0xFFFFFF);
    return s;
}

/// Draws @p view at 300x600 on white and reads pixels back.
class Picture {
public:
    Picture(View view, const std::vector<FigureMark>& marks, const std::vector<std::string_view>& lit = {},
            const FigureStyle& style = testStyle()) {
        m_surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 600);
        cairo_t* cr = cairo_create(m_surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        at = fitView(choir().geometry.box(view), 0, 0, 300, 600);
        drawFigure(cr, choir(), view, at, style, marks, lit);
        cairo_destroy(cr);
        cairo_surface_flush(m_surface);
    }
    ~Picture() { cairo_surface_destroy(m_surface); }
    /// 0xRRGGBB at device pixel (x, y).
    unsigned pixel(double x, double y) const {
        const int ix = static_cast<int>(x), iy = static_cast<int>(y);
        const unsigned char* row = cairo_image_surface_get_data(m_surface) +
                                   static_cast<size_t>(iy) * static_cast<size_t>(cairo_image_surface_get_stride(m_surface));
        std::uint32_t px = 0;
        std::memcpy(&px, row + static_cast<size_t>(ix) * 4, 4);
        return px & 0xFFFFFFu;
    }
    /// A pixel well inside @p id, below its number.
    unsigned inside(std::string_view id) const {
        const Inside* in = choir().insideOf(id);
        EXPECT_NE(in, nullptr) << id;
        const Point p{in->point.x, static_cast<float>(in->point.y + in->radius * 0.75)};
        EXPECT_TRUE(contains(*choir().geometry.find(id), p)) << id;
        return pixel(at.toDeviceX(p.x), at.toDeviceY(p.y));
    }
    Placement at;

private:
    cairo_surface_t* m_surface = nullptr;
};

unsigned rgb(Colour c) {
    const auto ch = [](double v) { return static_cast<unsigned>(std::lround(v * 255)); };
    return (ch(c.r) << 16) | (ch(c.g) << 8) | ch(c.b);
}

TEST(BodymapDraw, PlacementKeepsTheAspectAndRoundTrips) {
    const Placement p = fitView(ViewBox{0, 0, 280, 565}, 10, 20, 400, 565);
    EXPECT_DOUBLE_EQ(p.scale, 1.0);          // height limits
    EXPECT_DOUBLE_EQ(p.x, 10 + (400 - 280) / 2.0);  // centred across
    const Point back = p.toView(p.toDeviceX(123), p.toDeviceY(456));
    EXPECT_FLOAT_EQ(back.x, 123);
    EXPECT_FLOAT_EQ(back.y, 456);
}

TEST(BodymapDraw, RegionsAreFilledMarkedOnesTintedAndTheMarginStaysEmpty) {
    const Picture front(View::Front, {{"thigh_front_l", 7}, {"chest_r", -1}});
    EXPECT_EQ(front.inside("thigh_front_l"), rgb(intensityTints()[7]));
    EXPECT_EQ(front.inside("chest_r"), rgb(testStyle().unrated));  // marked, strength not said
    EXPECT_EQ(front.inside("thigh_front_r"), rgb(testStyle().fill));
    EXPECT_EQ(front.pixel(3, 3), 0xFFFFFFu);  // the corner of the view: no body there
    // The back view draws the back's regions, not the front's marks.
    const Picture back(View::Back, {{"thigh_front_l", 7}, {"hamstring_l", 2}});
    EXPECT_EQ(back.inside("hamstring_l"), rgb(intensityTints()[2]));
    EXPECT_EQ(back.inside("hamstring_r"), rgb(testStyle().fill));
}

TEST(BodymapDraw, OutlinesRunBetweenRegions) {
    // On the middle line between the two halves of the chest (x = 140.5) there is outline colour.
    const Picture front(View::Front, {});
    const Inside* chest = choir().insideOf("chest_r");
    const unsigned line = front.pixel(front.at.toDeviceX(140.5), front.at.toDeviceY(chest->point.y));
    EXPECT_NE(line, rgb(testStyle().fill));
    EXPECT_NE(line, 0xFFFFFFu);
}

TEST(BodymapDraw, TheHighlightedRegionHasItsOwnOutline) {
    const Picture plain(View::Back, {});
    const Picture lit(View::Back, {}, {"lower_back_l"});
    // Count pixels in the highlight colour: only the highlighted picture has a run of them.
    int blue = 0;
    for (int y = 0; y < 600; y += 1)
        for (int x = 0; x < 300; x += 1) blue += lit.pixel(x, y) == rgb(testStyle().highlight) ? 1 : 0;
    EXPECT_GT(blue, 50);
    int none = 0;
    for (int y = 0; y < 600; y += 1)
        for (int x = 0; x < 300; x += 1) none += plain.pixel(x, y) == rgb(testStyle().highlight) ? 1 : 0;
    EXPECT_EQ(none, 0);
}

TEST(BodymapDraw, NumbersAreReadableOnEveryTint) {
    const auto& tints = intensityTints();
    for (size_t i = 0; i < tints.size(); ++i) {
        const Colour on = numberColourOn(tints[i], colourOf(0x1B1B1B), colourOf(0xFFFFFF));
        EXPECT_GE(contrast(on, tints[i]), 4.5) << "intensity " << i;
        if (i == 0) continue;
        EXPECT_LT(contrast(tints[i], colourOf(0x000000)), contrast(tints[i - 1], colourOf(0x000000)))
            << "tints darken with intensity: " << i;
    }
}

TEST(BodymapDraw, EachMarkedRegionOfTheViewGetsItsLabelAtItsDeepestPoint) {
    const Placement at = fitView(choir().geometry.front, 0, 0, 300, 600);
    FigureStyle style = testStyle();
    style.numberHeight = 14;
    const auto labels = markLabels(choir(), View::Front, at, style, {{"thigh_front_l", 7}, {"chest_r", -1}, {"hamstring_l", 2}});
    ASSERT_EQ(labels.size(), 2u) << "the back's mark is not on the front";
    const MarkLabel& thigh = labels[0];
    EXPECT_EQ(thigh.region, "thigh_front_l");
    EXPECT_EQ(thigh.text, "7");
    const Inside* in = choir().insideOf("thigh_front_l");
    EXPECT_DOUBLE_EQ(thigh.x, at.toDeviceX(in->point.x));
    EXPECT_DOUBLE_EQ(thigh.y, at.toDeviceY(in->point.y));
    EXPECT_GT(thigh.height, 0);
    EXPECT_LE(thigh.height, 14);
    EXPECT_EQ(rgb(thigh.colour), rgb(numberColourOn(intensityTints()[7], style.textDark, style.textLight)));
    const MarkLabel& chest = labels[1];
    EXPECT_EQ(chest.text, "") << "no strength given: a check mark";
    // A small region's label shrinks to fit inside it.
    const auto wrist = markLabels(choir(), View::Front, at, style, {{"wrist_front_r", 10}});
    ASSERT_EQ(wrist.size(), 1u);
    EXPECT_LE(wrist[0].height, choir().insideOf("wrist_front_r")->radius * at.scale * 1.3 + 1e-9);
}

TEST(BodymapDraw, LabelsAreDrawnUnlessTheCallerWritesThemItself) {
    // Around the thigh's deepest point there is more than its tint only when drawFigure writes the number.
    const auto othersAround = [](const Picture& p, std::string_view id) {
        const Inside* in = choir().insideOf(id);
        const double cx = p.at.toDeviceX(in->point.x), cy = p.at.toDeviceY(in->point.y);
        const double r = std::min(8.0, in->radius * p.at.scale * 0.7);
        int n = 0;
        for (double y = cy - r; y <= cy + r; ++y)
            for (double x = cx - r; x <= cx + r; ++x) n += p.pixel(x, y) != rgb(intensityTints()[7]) ? 1 : 0;
        return n;
    };
    const Picture drawn(View::Front, {{"thigh_front_l", 7}});
    EXPECT_GT(othersAround(drawn, "thigh_front_l"), 10);
    FigureStyle bare = testStyle();
    bare.labels = false;
    const Picture left(View::Front, {{"thigh_front_l", 7}}, {}, bare);
    EXPECT_EQ(othersAround(left, "thigh_front_l"), 0);
}

}  // namespace
}  // namespace kiosk::bodymap
