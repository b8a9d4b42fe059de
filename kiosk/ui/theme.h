#pragma once
// ui::Theme: every look-and-feel number of the kiosk in one documented struct (STYLE.md #12).
// Sizes are in em (1 em = body text height); Theme::emPx() turns them into pixels for a display,
// so targets and text scale with the screen. Palettes are checked for WCAG AA in tests/ui/theme_test.
#include <cstdint>
#include <vector>

namespace kiosk::ui {

/// @brief An sRGB colour, 8 bits per channel.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

/// WCAG 2.1 relative luminance of an sRGB colour (0 = black, 1 = white).
double relativeLuminance(Rgb c);
/// WCAG 2.1 contrast ratio between two colours (1..21).
double contrastRatio(Rgb a, Rgb b);
/// Packs into ImGui's ImU32 (ABGR) without including imgui.h here.
std::uint32_t toImU32(Rgb c, float alpha = 1.0f);

/// @brief The colours of one theme. Pairs that must meet WCAG AA are listed in theme.cpp (contrastPairs).
struct Palette {
    Rgb background;     ///< screen background
    Rgb text;           ///< body text and questions on background (>= 4.5:1)
    Rgb mutedText;      ///< help text, end labels (>= 4.5:1 on background)
    Rgb bar;            ///< top/bottom bars and panels (text on it >= 4.5:1)
    Rgb button;         ///< unselected choice / plain button fill
    Rgb buttonText;     ///< text on button (>= 4.5:1)
    Rgb buttonBorder;   ///< outline that makes a control visible (>= 3:1 on background and button)
    Rgb selected;       ///< selected choice fill (>= 3:1 on background); check mark shown too
    Rgb selectedText;   ///< text and check mark on selected (>= 4.5:1)
    Rgb primary;        ///< Start / Next / Submit fill (>= 3:1 on background)
    Rgb primaryText;    ///< text on primary (>= 4.5:1)
    Rgb dimmed;         ///< "looks disabled" fill (Next with required answers missing)
    Rgb dimmedText;     ///< text on dimmed (>= 4.5:1: it is still readable and tappable)
    Rgb dimmedBorder;   ///< outline of dimmed controls (>= 3:1 on background)
    Rgb error;          ///< error text and icon (>= 4.5:1 on background and errorBackground)
    Rgb errorBackground;///< band behind a question that has an error
    Rgb pad;            ///< signature pad surface
    Rgb ink;            ///< signature ink (>= 3:1 on pad)
    Rgb figureFill;     ///< body-map region nobody marked (the figure stands out on background)
    Rgb figureOutline;  ///< lines between body-map regions (>= 3:1 on figureFill and background)
};

Palette normalPalette();        ///< warm off-white, dark text, blue selection, green go
Palette highContrastPalette();  ///< black, white and yellow

/// @brief Sizes (em unless marked px/s), timings of UI gestures, and the two palettes.
struct Theme {
    float bodyPxAt1080 = 32.0f;      ///< px: 1 em on a 1080-high display; UX.md asks >= 30 px body text
    /// px: body text is never smaller, whatever the display: scaled down with the height alone it
    /// was 24 px at 1280x800 (issue 20), below UX.md's 30 px.
    float bodyMinPx = 30.0f;
    float referenceHeight = 1080.0f; ///< px: display height the px figures above refer to
    float largerTextFactor = 1.25f;  ///< "Larger text" multiplies every size by this, at once
    float questionEm = 1.25f;        ///< questions are larger than body text (bold)
    float titleEm = 1.6f;            ///< page titles, welcome heading (bold)
    float targetEm = 2.25f;          ///< minimum height of anything tappable: 72 px at 1080 (>= 64)
    float gapEm = 0.5f;              ///< space between targets: 16 px at 1080 (>= 12)
    float minTargetPxAt1080 = 64.0f; ///< px: UX.md's floor for any target at 1080 high (scaled), where a
                                     ///< layout must go below targetEm to fit (the date picker's tabs)
    float minGapPxAt1080 = 12.0f;    ///< px: UX.md's floor for the space between targets, likewise
    float padEm = 0.6f;              ///< inner padding of buttons and panels
    float marginEm = 1.5f;           ///< screen side margins
    float topBarEm = 3.2f;           ///< height of the top bar (progress, text size, contrast)
    float bottomBarEm = 3.6f;        ///< height of the Back / Next bar
    float contentMaxEm = 54.0f;      ///< content column width cap, keeps lines readable on wide screens
    float navButtonEm = 9.0f;        ///< width of Back / Next / Submit
    float borderEm = 0.09f;          ///< control outline thickness
    float roundingEm = 0.3f;         ///< corner radius
    float itemSpacingEm = 1.1f;      ///< vertical space between questions (plus ImGui's item spacing, 0.25)
    float answerGapEm = 0.4f;        ///< between a question (or its help) and its answers
    float signatureHeightEm = 7.0f;  ///< signature pad height
    float staffCornerEm = 3.0f;      ///< hidden staff corner: square at the top-left
    float staffHoldSeconds = 3.0f;   ///< s: hold the corner this long to get the PIN pad
    float dragThresholdEm = 0.4f;    ///< finger travel that turns a tap into a scroll
    /// s: every widget ignores taps this soon after its screen appeared (the second half of a double
    /// tap on the button that brought it up), and a toggle (a check box, "I agree") a second tap this
    /// soon after the first: a double tap once skipped a page, undid a tick, or chose the option
    /// under Start. Shorter than a deliberate second tap.
    float tapDebounceSeconds = 0.4f;
    float kineticDecayPerSecond = 4.0f;  ///< 1/s: exponential decay of fling velocity
    float kineticStopPxPerSecond = 20.0f;///< px/s: below this a fling stops (and frames stop)
    Palette normal = normalPalette();
    Palette highContrast = highContrastPalette();

    /// px per em for a display @p displayHeight px high, with or without "Larger text": scales with
    /// the height, never below bodyMinPx.
    float emPx(float displayHeight, bool largerText) const {
        const float scaled = bodyPxAt1080 * displayHeight / referenceHeight;
        return (scaled > bodyMinPx ? scaled : bodyMinPx) * (largerText ? largerTextFactor : 1.0f);
    }
};

/// @brief A pair of colours that must meet a WCAG minimum; theme_test checks every one.
struct ContrastPair {
    const char* what;
    Rgb fg, bg;
    double minimum;  ///< 4.5 text, 3.0 controls and large graphics
};
/// Every pair of @p palette that the UI draws on top of each other.
std::vector<ContrastPair> contrastPairs(const Palette& palette);

}  // namespace kiosk::ui
