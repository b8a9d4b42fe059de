// The theme meets WCAG AA in both palettes and UX.md's sizes at 1080p, scaling with the display.
#include <gtest/gtest.h>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

TEST(UiTheme, ContrastRatioMatchesWcagReferenceValues) {
    EXPECT_NEAR(contrastRatio(Rgb{0, 0, 0}, Rgb{255, 255, 255}), 21.0, 1e-9);
    EXPECT_NEAR(contrastRatio(Rgb{255, 255, 255}, Rgb{255, 255, 255}), 1.0, 1e-9);
    EXPECT_NEAR(contrastRatio(Rgb{0x76, 0x76, 0x76}, Rgb{255, 255, 255}), 4.54, 0.01);  // the classic AA grey
    EXPECT_NEAR(contrastRatio(Rgb{255, 0, 0}, Rgb{255, 255, 255}), 4.0, 0.01);
}

void expectAa(const Palette& p, const char* name) {
    const auto pairs = contrastPairs(p);
    ASSERT_GE(pairs.size(), 15u);
    for (const auto& c : pairs) {
        EXPECT_GE(contrastRatio(c.fg, c.bg), c.minimum) << name << ": " << c.what;
    }
}

TEST(UiTheme, NormalPaletteMeetsWcagAa) { expectAa(normalPalette(), "normal"); }
TEST(UiTheme, HighContrastPaletteMeetsWcagAa) {
    expectAa(highContrastPalette(), "high contrast");
    // and is markedly stronger for body text
    const Palette p = highContrastPalette();
    EXPECT_GE(contrastRatio(p.text, p.background), 15.0);
}

TEST(UiTheme, SizesMeetUxTargetsAt1080AndScale) {
    const Theme t;
    const float em = t.emPx(1080, false);
    EXPECT_GE(em, 30.0f);                   // body text
    EXPECT_GT(em * t.questionEm, em);       // questions larger
    EXPECT_GE(em * t.targetEm, 64.0f);      // touch targets
    EXPECT_GE(em * t.gapEm, 12.0f);         // space between them
    EXPECT_FLOAT_EQ(t.emPx(1080, true), em * t.largerTextFactor);
    EXPECT_GE(t.largerTextFactor, 1.2f);
    EXPECT_FLOAT_EQ(t.emPx(1440, false), em * 1440.0f / 1080.0f);  // scales with the display
    EXPECT_GE(t.emPx(800, false), 30.0f) << "issue 20: body text >= 30 px at 1280x800 too";
    EXPECT_GE(t.emPx(768, false), 30.0f);
    EXPECT_FLOAT_EQ(t.emPx(800, true), t.emPx(800, false) * t.largerTextFactor);
    EXPECT_GE(t.emPx(2160, false) * t.targetEm, 128.0f);
}

TEST(UiTheme, ImU32PacksAbgr) {
    EXPECT_EQ(toImU32(Rgb{0x11, 0x22, 0x33}), 0xFF332211u);
    EXPECT_EQ(toImU32(Rgb{0x11, 0x22, 0x33}, 0.0f), 0x00332211u);
}

}  // namespace
}  // namespace kiosk::ui
