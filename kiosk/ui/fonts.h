#pragma once
// The fonts the theme uses, rasterised once into the ImGui atlas: Noto Sans Regular + Bold (files
// found by font_files.h) at the body, question and title sizes, normal and "Larger text", over the
// glyphs English and Spanish need.
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/ui/theme.h"

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

enum class FontRole { Body, BodyBold, Question, Title };

/// @brief Fonts for one text size (normal or larger).
struct FontSizeSet {
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* question = nullptr;
    ImFont* title = nullptr;
    ImFont* get(FontRole role) const;
};

/// @brief Both text sizes; null fonts mean "use ImGui's default font" (never in the real kiosk).
struct Fonts {
    FontSizeSet normal, larger;
    const FontSizeSet& forSize(bool largerText) const { return largerText ? larger : normal; }
};

/// Glyph ranges for English + Spanish: Basic Latin, Latin-1 and typographic punctuation (– — ‘ ’ “ ” …).
const unsigned short* kioskGlyphRanges();

/// Adds the fonts to @p atlas for a display @p displayHeight px high. Fails with a clear message when
/// a font file cannot be read (nothing is added then).
core::Result<Fonts> addKioskFonts(ImFontAtlas& atlas, const Theme& theme, float displayHeight,
                                  const std::string& regularPath, const std::string& boldPath);

}  // namespace kiosk::ui
