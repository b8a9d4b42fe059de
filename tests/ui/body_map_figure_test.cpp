// The drawn body map, headless (no GL: hit-testing and marks are logic): taps on the figure select,
// rate, change and clear regions on both views; a tap beside the wrist finds the wrist; a tap
// between two small neighbours asks which; Clear has Undo and Clear all asks first; narrow screens
// switch between front and back; the list stays behind "Show as a list"; the pixels are redrawn
// only when a mark changes.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/bodymap/hit_test.h"
#include "kiosk/ui/texture_sink.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

std::shared_ptr<const bodymap::Figure> choir() { return bundledFigure(); }

/// Counts what reaches the GPU; hands out a made-up texture id per slot.
class CountingSink : public TextureSink {
public:
    void* upload(int slot, const unsigned char* argb, int width, int height, int) override {
        ++uploads;
        lastW = width;
        lastH = height;
        EXPECT_NE(argb, nullptr);
        return reinterpret_cast<void*>(static_cast<std::uintptr_t>(100 + slot));
    }
    int uploads = 0, lastW = 0, lastH = 0;
};

class BodyMapFigure : public UiTest {
protected:
    void SetUp() override { open(1920, 1080); }
    void open(float w, float h, TextureSink* sink = nullptr) {
        UiOptions o;
        o.bodyFigure = choir();
        o.textures = sink;
        start(w, h, std::move(o));
        goToPage("body");
    }
    const forms::BodyMapAnswer& marks() {
        static const forms::BodyMapAnswer none;
        const auto* m = answer<forms::BodyMapAnswer>("pain_map");
        return m ? *m : none;
    }
    const forms::BodyMark* mark(const std::string& region) {
        for (const auto& m : marks())
            if (m.region == region) return &m;
        return nullptr;
    }
    static std::string key(const std::string& rest) { return "item/pain_map/" + rest; }

    /// Screen position of view point @p p: the registry puts each region's widget at its deepest
    /// point, so two regions far apart give the figure's scale and offset.
    ImVec2 toScreen(bodymap::View view, bodymap::Point p) {
        const char* a = view == bodymap::View::Front ? "head_front_r" : "head_top_back_l";
        const char* b = view == bodymap::View::Front ? "foot_top_l" : "sole_r";
        const auto& fig = *choir();
        const bodymap::Point va = fig.insideOf(a)->point, vb = fig.insideOf(b)->point;
        const Rect ra = ui->rect(key(a)), rb = ui->rect(key(b));
        const float ax = ra.x + ra.w / 2, ay = ra.y + ra.h / 2, by = rb.y + rb.h / 2;
        const float scale = (by - ay) / (vb.y - va.y);
        return ImVec2(ax + (p.x - va.x) * scale, ay + (p.y - va.y) * scale);
    }
    float scale(bodymap::View view) {
        const ImVec2 a = toScreen(view, {0, 0}), b = toScreen(view, {0, 100});
        return (b.y - a.y) / 100;
    }
    /// The finger the widget uses (body_map_figure.cpp), in view units.
    bodymap::FingerSize finger(bodymap::View view) {
        const double target = 72.0 * ui->height() / 1080.0, s = scale(view);
        return bodymap::FingerSize{0.5 * target / s, 0.06 * target / s, 0.3 * target / s};
    }
};

TEST_F(BodyMapFigure, BothViewsSideBySideWithEveryRegion) {
    float frontRight = 0, backLeft = 1e9f;
    for (const auto& r : bodymap::regions()) {
        const WidgetInfo* w = ui->find(key(std::string(r.id)));
        ASSERT_NE(w, nullptr) << r.id;
        EXPECT_EQ(w->kind, WidgetKind::Region);
        EXPECT_EQ(w->label, ui->catalog().tr("en", "region." + std::string(r.id)));
        if (r.view == bodymap::View::Front) frontRight = std::max(frontRight, w->rect.right());
        else backLeft = std::min(backLeft, w->rect.x);
    }
    EXPECT_LT(frontRight, backLeft);  // front on the left, back beside it
    EXPECT_FALSE(ui->exists(key("view/back")));  // no switch needed on a landscape screen
    EXPECT_TRUE(ui->exists(key("as_list")));
    ui->frames(2);
    EXPECT_EQ(ui->registry().findScroll("page")->maxOffset, 0.0f) << "the figure fits the screen";
}

TEST_F(BodyMapFigure, TapsSelectRateChangeAndClearOnBothViews) {
    ui->tap(key("knee_front_l"));
    ASSERT_NE(mark("knee_front_l"), nullptr);
    EXPECT_FALSE(mark("knee_front_l")->intensity);
    ASSERT_TRUE(ui->exists(key("knee_front_l/intensity/6")));  // its panel opened
    ui->tap(key("knee_front_l/intensity/6"));
    ui->tap(key("knee_front_l/kind/burning"));
    EXPECT_EQ(*mark("knee_front_l"), (forms::BodyMark{"knee_front_l", 6, {"burning"}}));

    ui->tap(key("lower_back_r"));  // the back view
    ui->tap(key("lower_back_r/intensity/7"));
    EXPECT_EQ(*mark("lower_back_r"), (forms::BodyMark{"lower_back_r", 7, {}}));
    EXPECT_FALSE(ui->exists(key("knee_front_l/intensity/6")));  // one panel at a time

    ui->tap(key("knee_front_l"));  // a marked region: its panel again, nothing lost
    EXPECT_EQ(*mark("knee_front_l"), (forms::BodyMark{"knee_front_l", 6, {"burning"}}));
    EXPECT_TRUE(ui->find(key("knee_front_l/intensity/6"))->selected);
    ui->tap(key("knee_front_l/intensity/3"));  // changed
    EXPECT_EQ(mark("knee_front_l")->intensity, 3);

    ui->tap(key("knee_front_l/remove"));  // Clear: gone, with Undo offered
    EXPECT_EQ(mark("knee_front_l"), nullptr);
    ASSERT_NE(mark("lower_back_r"), nullptr);
    ui->tap(key("undo"));
    EXPECT_EQ(*mark("knee_front_l"), (forms::BodyMark{"knee_front_l", 3, {"burning"}}));
    EXPECT_EQ(marks().front().region, "knee_front_l");  // back where it was in the list

    ui->tap(key("knee_front_l/done"));  // Undo reopened its panel; Done closes it, marks stay
    EXPECT_FALSE(ui->exists(key("knee_front_l/intensity/3")));
    ui->tap(key("lower_back_r"));
    ui->tap(key("lower_back_r/done"));
    EXPECT_FALSE(ui->exists(key("lower_back_r/intensity/7")));
    EXPECT_EQ(mark("lower_back_r")->intensity, 7);
}

TEST_F(BodyMapFigure, TheListOfMarkedAreasSaysWhatWasMarkedAndEachRowOpensItsPanel) {
    ui->tap(key("lower_back_l"));
    ui->tap(key("lower_back_l/intensity/7"));
    ui->tap(key("lower_back_l/kind/aching"));
    ui->tap(key("shoulder_front_r"));
    const WidgetInfo* row = ui->find(key("row/lower_back_l"));
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->label, "Lower back, left side: 7, aching");
    EXPECT_EQ(ui->find(key("row/shoulder_front_r"))->label, "Front of the right shoulder: how strong?");
    ui->tap(key("row/lower_back_l"));
    EXPECT_TRUE(ui->exists(key("lower_back_l/intensity/7")));
    EXPECT_FALSE(ui->exists(key("shoulder_front_r/intensity/7")));
}

TEST_F(BodyMapFigure, ClearAllAsksFirst) {
    ui->tap(key("calf_l"));
    ui->tap(key("neck_front_r"));
    ui->tap(key("clear_all"));
    EXPECT_EQ(marks().size(), 2u);
    ui->tap(key("clear_all/no"));
    EXPECT_EQ(marks().size(), 2u);
    EXPECT_FALSE(ui->exists(key("clear_all/yes")));
    ui->tap(key("clear_all"));
    ui->tap(key("clear_all/yes"));
    EXPECT_EQ(session.answers.count("pain_map"), 0u);
    EXPECT_FALSE(ui->exists(key("clear_all")));  // nothing left to clear
}

TEST_F(BodyMapFigure, ATapInTheMarginBesideTheWristFindsTheWrist) {
    const auto& fig = *choir();
    const bodymap::RegionShape* wrist = fig.geometry.find("wrist_front_r");
    ASSERT_NE(wrist, nullptr);
    // The margin beside the right wrist: points off the body 3 to 5 units from the wrist's edge.
    // Of these, the one farthest from every other region (the wrist is small: its neighbours, the
    // forearm and the palm, are never far).
    bodymap::Point p{};
    double bestGap = -1;
    for (float y = 255; y < 305; y += 0.5f)
        for (float x = 25; x < 80; x += 0.5f) {
            const bodymap::Point q{x, y};
            const double d = bodymap::distanceTo(*wrist, q);
            if (d < 3 || d > 5 || bodymap::hitTest(fig.geometry, bodymap::View::Front, q)) continue;
            double other = 1e9;
            for (const auto& r : fig.geometry.regions)
                if (r.view == bodymap::View::Front && &r != wrist) other = std::min(other, bodymap::distanceTo(r, q));
            if (other - d > bestGap) bestGap = other - d, p = q;
        }
    ASSERT_GT(bestGap, 0.0);
    const bodymap::Pick expect = bodymap::pick(fig, bodymap::View::Front, p, finger(bodymap::View::Front));
    ASSERT_EQ(expect.kind, bodymap::Pick::Kind::One);  // the point is plainly beside the wrist
    ASSERT_EQ(expect.first, "wrist_front_r");

    const ImVec2 at = toScreen(bodymap::View::Front, p);
    ui->tapAt(at.x, at.y);
    ASSERT_EQ(marks().size(), 1u);
    EXPECT_EQ(marks().front().region, "wrist_front_r");
    EXPECT_TRUE(ui->exists(key("wrist_front_r/intensity/0")));

    // Far out in the margin, a tap means nothing.
    const ImVec2 far = toScreen(bodymap::View::Front, {2, 560});
    ui->tapAt(far.x, far.y);
    EXPECT_EQ(marks().size(), 1u);
    EXPECT_FALSE(ui->exists(key("wrist_front_r/intensity/0")));  // and the panel closed
}

TEST_F(BodyMapFigure, ATapBetweenTwoSmallNeighboursOffersBothAsBigButtons) {
    // Find a point on the back figure that a fingertip could mean either way: on a small region
    // right at its edge with another small one (the wrist and the hand).
    const auto& fig = *choir();
    const bodymap::FingerSize fs = finger(bodymap::View::Back);
    bodymap::Pick found;
    bodymap::Point at{};
    for (float y = 270; y < 300 && found.kind != bodymap::Pick::Kind::Ambiguous; y += 0.5f)
        for (float x = 30; x < 80 && found.kind != bodymap::Pick::Kind::Ambiguous; x += 0.5f) {
            found = bodymap::pick(fig, bodymap::View::Back, {x, y}, fs);
            at = {x, y};
        }
    ASSERT_EQ(found.kind, bodymap::Pick::Kind::Ambiguous);
    const std::string a(found.first), b(found.second);
    const ImVec2 s = toScreen(bodymap::View::Back, at);
    ui->tapAt(s.x, s.y);
    EXPECT_EQ(session.answers.count("pain_map"), 0u);  // nothing marked yet: the patient says which
    const WidgetInfo* wa = ui->find(key("choose/" + a));
    const WidgetInfo* wb = ui->find(key("choose/" + b));
    ASSERT_NE(wa, nullptr);
    ASSERT_NE(wb, nullptr);
    EXPECT_GE(wa->rect.h, 64.0f);  // big buttons, named in words
    EXPECT_EQ(wb->label, ui->catalog().tr("en", "region." + b));
    ui->tap(key("choose/" + b));
    ASSERT_EQ(marks().size(), 1u);
    EXPECT_EQ(marks().front().region, b);
    EXPECT_FALSE(ui->exists(key("choose/" + a)));
}

TEST_F(BodyMapFigure, ANarrowScreenShowsOneViewAndABigFrontBackSwitch) {
    open(1080, 1920);
    EXPECT_TRUE(ui->exists(key("knee_front_l")));
    EXPECT_FALSE(ui->exists(key("knee_back_l")));
    ASSERT_TRUE(ui->exists(key("view/back")));
    EXPECT_TRUE(ui->find(key("view/front"))->selected);
    ui->tap(key("knee_front_l"));
    ui->tap(key("view/back"));
    EXPECT_TRUE(ui->exists(key("knee_back_l")));
    EXPECT_FALSE(ui->exists(key("knee_front_l")));
    ui->tap(key("knee_back_l"));
    ui->tap(key("knee_back_l/intensity/5"));
    EXPECT_EQ(mark("knee_back_l")->intensity, 5);
    ASSERT_NE(mark("knee_front_l"), nullptr);
    // Under the figure, the panel was brought into view.
    const WidgetInfo* w = ui->find(key("knee_back_l/intensity/5"));
    EXPECT_GT(w->visible.h, 0.0f);
}

TEST_F(BodyMapFigure, TheListStaysBehindShowAsAList) {
    ui->tap(key("calf_r"));
    ui->tap(key("as_list"));
    const WidgetInfo* w = ui->find(key("calf_r"));
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->kind, WidgetKind::Choice);  // a list button now
    EXPECT_TRUE(w->selected);
    ui->tap(key("as_drawing"));
    EXPECT_EQ(ui->find(key("calf_r"))->kind, WidgetKind::Region);
    EXPECT_NE(mark("calf_r"), nullptr);
}

TEST_F(BodyMapFigure, SpanishNamesAndTheCreditShow) {
    session.lang = "es";
    ui->frames(2);
    EXPECT_EQ(ui->find(key("lower_back_l"))->label, ui->catalog().tr("es", "region.lower_back_l"));
    EXPECT_NE(ui->catalog().tr("es", "ui.body.as_list"), ui->catalog().tr("en", "ui.body.as_list"));
    EXPECT_EQ(ui->find(key("as_list"))->label, ui->catalog().tr("es", "ui.body.as_list"));
}

TEST_F(BodyMapFigure, PixelsAreRedrawnOnlyWhenWhatTheyShowChanges) {
    CountingSink sink;
    open(1920, 1080, &sink);
    ui->frames(3);
    EXPECT_EQ(sink.uploads, 2);  // front and back, once
    EXPECT_GT(sink.lastW, 100);
    ui->frames(10);
    EXPECT_EQ(sink.uploads, 2);  // an unchanged figure costs no drawing
    ui->tap(key("shoulder_back_l"));
    const int afterTap = sink.uploads;
    EXPECT_GT(afterTap, 2);
    EXPECT_LE(afterTap, 2 + 2);  // the back view only (marked, then highlighted)
    ui->frames(10);
    EXPECT_EQ(sink.uploads, afterTap);
    ui->tap("toggle/high_contrast");  // a new theme redraws both
    EXPECT_EQ(sink.uploads, afterTap + 2);
}

/// Vertices of the last frame in colour @p rgb (0xRRGGBB, opaque) inside @p r.
int verticesIn(const Rect& r, unsigned rgb) {
    const ImU32 want = IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF);
    int n = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data && l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            n += v.col == want && v.pos.x >= r.x && v.pos.x <= r.right() && v.pos.y >= r.y && v.pos.y <= r.y + r.h ? 1 : 0;
    return n;
}

TEST_F(BodyMapFigure, TheKioskWritesEachMarkedRegionsNumberOverThePicture) {
    // The texture is drawn without numbers (no cairo font on the kiosk's first frame); ImGui writes
    // them from its own atlas at each region's deepest point, in the colour that reads on the tint.
    CountingSink sink;
    open(1920, 1080, &sink);
    const unsigned dark = 0x1B1B1B;  // bodymap::numberColourOn(intensity 2's tint) in the kiosk's style
    Rect knee = ui->rect(key("knee_front_l"));  // a box round the deepest point, as wide as a glyph's quad
    knee = Rect{knee.x - 12, knee.y - 12, knee.w + 24, knee.h + 24};
    EXPECT_EQ(verticesIn(knee, dark), 0);
    ui->tap(key("knee_front_l"));
    ui->frame();
    EXPECT_GT(verticesIn(knee, dark), 0) << "a check mark while no strength is given";
    ui->tap(key("knee_front_l/intensity/2"));
    ui->tap(key("knee_front_l/done"));
    ui->frame();
    const int withNumber = verticesIn(knee, dark);
    EXPECT_GE(withNumber, 4) << "the number 2";
    ui->tap(key("knee_front_l"));
    ui->tap(key("knee_front_l/remove"));
    ui->frame();
    EXPECT_EQ(verticesIn(knee, dark), 0) << "cleared: no number";
}

}  // namespace
}  // namespace kiosk::ui::test
