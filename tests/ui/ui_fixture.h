#pragma once
// Test fixture: the test form, the stand-in session and a headless driver wired together.
#include <gtest/gtest.h>

#include <cfloat>
#include <memory>
#include <ostream>
#include <string>

#include "test_form.h"
#include "ui_driver.h"

namespace kiosk::ui::test {

class UiTest : public ::testing::Test {
protected:
    void start(float width = 1920, float height = 1080, UiOptions options = {}) {
        ui = std::make_unique<UiDriver>(
            width, height, *form, [this] { return session.view(); },
            [this](const session::Action& a) { session.apply(a); }, std::move(options));
        ui->frame();
    }
    void SetUp() override { start(); }
    void goToPage(const std::string& pageId) {
        session.screen = session::Screen::Page;
        for (size_t i = 0; i < form->pages.size(); ++i)
            if (form->pages[i].id == pageId) session.page = static_cast<int>(i);
        ui->frames(2);
    }
    template <class T>
    const T* answer(const std::string& item) const {
        auto it = session.answers.find(item);
        return it == session.answers.end() ? nullptr : std::get_if<T>(&it->second);
    }

    /// Width of @p s on one line in the bold body font buttons use, as the driver's atlas holds it
    /// (kiosk/ui/fonts.cpp adds body, bold, question, title for normal text, then for larger text).
    static float boldWidth(const std::string& s, bool larger) {
        ImFont* font = ImGui::GetIO().Fonts->Fonts[larger ? 5 : 1];
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.c_str()).x;
    }
    /// px per em of the driver's display (the body font size), normal or larger text.
    static float emPx(bool larger) { return ImGui::GetIO().Fonts->Fonts[larger ? 4 : 0]->FontSize; }

    std::shared_ptr<forms::Form> form = makeTestForm();
    FakeSession session = FakeSession(form);
    std::unique_ptr<UiDriver> ui;
};

/// UX.md "Targets and text" on what @p ui drew last: every tappable thing >= 64 px high and wide at
/// 1080 (scaled with the display), no two closer than 12 px where a finger can reach them, none off
/// the screen sideways. Returns how many widgets were checked.
inline int expectTargets(UiDriver& ui, const std::string& scenario) {
    ui.frames(2);
    const float scale = ui.height() / 1080.0f;
    const float minTarget = 64.0f * scale - 0.5f, minGap = 12.0f * scale - 0.5f;
    std::vector<const WidgetInfo*> ws;
    // Body-map regions are points on the figure, not buttons: the figure around them takes the
    // tap and finds the region a fingertip means (tests/ui/body_map_figure_test.cpp).
    for (const auto& w : ui.registry().widgets())
        if (w.kind != WidgetKind::Hidden && w.kind != WidgetKind::Region) ws.push_back(&w);
    EXPECT_FALSE(ws.empty()) << scenario;
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
    for (const auto* w : ws) {
        EXPECT_GE(w->rect.x, 0.0f) << scenario << ": " << w->key;
        EXPECT_LE(w->rect.right(), ui.width() + 0.5f) << scenario << ": " << w->key;
    }
    return static_cast<int>(ws.size());
}

/// @brief A display to draw at: size, "Larger text" and language (parametrised tests).
struct Display {
    int w, h;
    bool larger;
    const char* lang;
};
inline void PrintTo(const Display& d, std::ostream* os) {
    *os << d.w << "x" << d.h << (d.larger ? " larger " : " ") << d.lang;
}

/// "1280x800_es" (with "_larger" when set): a test-name suffix for INSTANTIATE_TEST_SUITE_P.
inline std::string displayName(const ::testing::TestParamInfo<Display>& info) {
    return std::to_string(info.param.w) + "x" + std::to_string(info.param.h) + (info.param.larger ? "_larger_" : "_") +
           info.param.lang;
}
/// The kiosk's two reference screens, 1280x800 and 1920x1080, in English and Spanish, normal text.
inline auto kioskDisplays() {
    return ::testing::Values(Display{1280, 800, false, "en"}, Display{1280, 800, false, "es"},
                             Display{1920, 1080, false, "en"}, Display{1920, 1080, false, "es"});
}

/// @brief UiTest started at the parameter's display.
class SizedUiTest : public UiTest, public ::testing::WithParamInterface<Display> {
protected:
    void SetUp() override {
        const Display d = GetParam();
        start(static_cast<float>(d.w), static_cast<float>(d.h));
        session.lang = d.lang;
        if (d.larger) ui->tap("toggle/larger_text");
    }
    bool larger() const { return GetParam().larger; }
    std::string lang() const { return GetParam().lang; }
};

}  // namespace kiosk::ui::test
