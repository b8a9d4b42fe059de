// UX.md "Targets and text": every tappable thing on every screen is >= 64 px high (and wide) at
// 1920x1080, scaling with the display, and no two are closer than 12 px. Checked from the registry
// on every screen, with each keyboard open, at normal and larger text, at 1080p and 1280x800.
#include <sstream>

#include "kiosk/bodymap/regions.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

struct Size {
    float w, h;
};

class TargetsTest : public UiTest, public ::testing::WithParamInterface<std::tuple<Size, bool>> {
protected:
    void SetUp() override {
        const auto [size, larger] = GetParam();
        start(size.w, size.h);
        if (larger) ui->tap("toggle/larger_text");
    }

    void check(const std::string& scenario) {
        ui->frames(2);
        const float scale = ui->height() / 1080.0f;
        const float minTarget = 64.0f * scale - 0.5f, minGap = 12.0f * scale - 0.5f;
        std::vector<const WidgetInfo*> ws;
        // Body-map regions are points on the figure, not buttons: the figure around them takes the
        // tap and finds the region a fingertip means (tests/ui/body_map_figure_test.cpp).
        for (const auto& w : ui->registry().widgets())
            if (w.kind != WidgetKind::Hidden && w.kind != WidgetKind::Region) ws.push_back(&w);
        ASSERT_FALSE(ws.empty()) << scenario;
        for (const auto* w : ws) {
            EXPECT_GE(w->rect.h, minTarget) << scenario << ": " << w->key << " too low";
            EXPECT_GE(w->rect.w, minTarget) << scenario << ": " << w->key << " too narrow";
        }
        // Spacing between what a finger can reach (parts scrolled out of view do not count).
        for (size_t i = 0; i < ws.size(); ++i) {
            if (ws[i]->visible.empty()) continue;
            for (size_t j = i + 1; j < ws.size(); ++j) {
                if (ws[j]->visible.empty()) continue;
                EXPECT_GE(gapBetween(ws[i]->visible, ws[j]->visible), minGap)
                    << scenario << ": " << ws[i]->key << " and " << ws[j]->key << " too close";
            }
        }
        // Nothing tappable off the screen sideways.
        for (const auto* w : ws) {
            EXPECT_GE(w->rect.x, 0.0f) << scenario << ": " << w->key;
            EXPECT_LE(w->rect.right(), ui->width() + 0.5f) << scenario << ": " << w->key;
        }
        checked += static_cast<int>(ws.size());
    }
    int checked = 0;
};

TEST_P(TargetsTest, EveryScreenMeetsTargetSizeAndSpacing) {
    using S = session::Screen;
    check("welcome");
    for (const auto& page : form->pages) {
        goToPage(page.id);
        check("page " + page.id);
        // Scroll to the end too: what a long page shows further down.
        for (int i = 0; i < 6; ++i) ui->drag(8, ui->height() * 0.7f, 8, ui->height() * 0.3f, 6);
        check("page " + page.id + " scrolled");
    }
    forEachKeyboard(*ui, [&](const std::string& id) { goToPage(id); }, [&](const std::string& what) { check(what); });
    goToPage("body");
    ui->tap("item/pain_map/" + std::string(bodymap::regions().front().id));
    check("body map detail");
    session.errors["pain_map"] = "Please mark where it hurts.";
    check("page with an error");
    session.errors.clear();
    for (S s : {S::Review, S::Saving, S::SaveFailed, S::ThankYou}) {
        session.screen = s;
        check("screen " + std::to_string(static_cast<int>(s)));
    }
    session.idleWarning = true;
    session.idleSecondsLeft = 20;
    check("idle overlay");
    session.idleWarning = false;
    session.screen = S::Welcome;
    ui->frames(2);
    ui->hold("staff/corner", 3.5);
    check("staff PIN pad");
    EXPECT_GT(checked, 500);
}

std::string name(const ::testing::TestParamInfo<std::tuple<Size, bool>>& info) {
    const auto [size, larger] = info.param;
    std::ostringstream s;
    s << static_cast<int>(size.w) << "x" << static_cast<int>(size.h) << (larger ? "_larger" : "_normal");
    return s.str();
}

INSTANTIATE_TEST_SUITE_P(Displays, TargetsTest,
                         ::testing::Combine(::testing::Values(Size{1920, 1080}, Size{1280, 800}),
                                            ::testing::Bool()),
                         name);

}  // namespace
}  // namespace kiosk::ui::test
