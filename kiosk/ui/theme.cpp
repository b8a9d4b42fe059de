#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

constexpr Rgb hex(std::uint32_t v) {
    return Rgb{static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
               static_cast<std::uint8_t>(v)};
}

double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

double relativeLuminance(Rgb c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::uint32_t toImU32(Rgb c, float alpha) {
    const auto a = static_cast<std::uint32_t>(std::lround(std::clamp(alpha, 0.0f, 1.0f) * 255.0f));
    return (a << 24) | (std::uint32_t{c.b} << 16) | (std::uint32_t{c.g} << 8) | c.r;
}

Palette normalPalette() {
    Palette p;
    p.background = hex(0xF4F1EA);
    p.text = hex(0x1B1B1B);
    p.mutedText = hex(0x4A4A4A);
    p.bar = hex(0xE6E1D6);
    p.button = hex(0xFFFFFF);
    p.buttonText = hex(0x1B1B1B);
    p.buttonBorder = hex(0x6B6B6B);
    p.selected = hex(0x1D4F91);
    p.selectedText = hex(0xFFFFFF);
    p.primary = hex(0x0B6E4F);
    p.primaryText = hex(0xFFFFFF);
    p.dimmed = hex(0xDCD8CF);
    p.dimmedText = hex(0x3D3D3D);
    p.dimmedBorder = hex(0x767676);
    p.error = hex(0xA4161A);
    p.errorBackground = hex(0xFBE9E9);
    p.pad = hex(0xFFFFFF);
    p.ink = hex(0x102A5C);
    p.figureFill = hex(0xE3D7C7);
    p.figureOutline = hex(0x5C544B);
    return p;
}

Palette highContrastPalette() {
    Palette p;
    p.background = hex(0x000000);
    p.text = hex(0xFFFFFF);
    p.mutedText = hex(0xE6E6E6);
    p.bar = hex(0x000000);
    p.button = hex(0x000000);
    p.buttonText = hex(0xFFFFFF);
    p.buttonBorder = hex(0xFFFFFF);
    p.selected = hex(0xFFD400);
    p.selectedText = hex(0x000000);
    p.primary = hex(0xFFFFFF);
    p.primaryText = hex(0x000000);
    p.dimmed = hex(0x2A2A2A);
    p.dimmedText = hex(0xFFFFFF);
    p.dimmedBorder = hex(0xBFBFBF);
    p.error = hex(0xFF9A8F);
    p.errorBackground = hex(0x2B0000);
    p.pad = hex(0x000000);
    p.ink = hex(0xFFFFFF);
    p.figureFill = hex(0x262626);
    p.figureOutline = hex(0xFFFFFF);
    return p;
}

std::vector<ContrastPair> contrastPairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background, 4.5},
        {"muted text on background", p.mutedText, p.background, 4.5},
        {"text on bar", p.text, p.bar, 4.5},
        {"button text on button", p.buttonText, p.button, 4.5},
        {"button border on background", p.buttonBorder, p.background, 3.0},
        {"button border on button", p.buttonBorder, p.button, 3.0},
        {"selected text on selected", p.selectedText, p.selected, 4.5},
        {"selected on background", p.selected, p.background, 3.0},
        {"primary text on primary", p.primaryText, p.primary, 4.5},
        {"primary on background", p.primary, p.background, 3.0},
        {"dimmed text on dimmed", p.dimmedText, p.dimmed, 4.5},
        {"dimmed border on background", p.dimmedBorder, p.background, 3.0},
        {"error on background", p.error, p.background, 4.5},
        {"error on error background", p.error, p.errorBackground, 4.5},
        {"text on error background", p.text, p.errorBackground, 4.5},
        {"ink on pad", p.ink, p.pad, 3.0},
        {"pad border on pad", p.buttonBorder, p.pad, 3.0},
        {"figure outline on figure", p.figureOutline, p.figureFill, 3.0},
        {"figure outline on background", p.figureOutline, p.background, 3.0},
        {"selected outline on figure", p.selected, p.figureFill, 3.0},
    };
}

}  // namespace kiosk::ui
