#pragma once
// Where the kiosk's font files are: asked of fontconfig once, by family, instead of a literal path
// (Debian, a derivative and a packaged kiosk may keep Noto Sans in different folders). The
// patient screens (KioskView) and the staff message screen both load what this finds; a path
// given in UiOptions wins over it.
#include <string>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::ui {

/// @brief The regular and bold faces of one family (the same file if the family has no bold).
struct FontFiles {
    std::string regular;
    std::string bold;
};

/// The family the kiosk is drawn in (UX.md): wide language coverage, open licence, in Debian.
inline constexpr const char* kKioskFontFamily = "Noto Sans";
/// Taken only when Noto Sans is not installed: Noto Sans's Latin was drawn from Open Sans (same
/// shapes and metrics), and Debian's fonts-open-sans is 2.8 MB where fonts-noto-core, the only
/// Debian 12 package with Noto Sans, is 42.6 MB of every script. The .deb depends on
/// `fonts-open-sans | fonts-noto-core` to stay small (packaging/README.md, install size).
inline constexpr const char* kKioskFallbackFontFamily = "Open Sans";

/// @brief Asks fontconfig for @p family (regular and bold). A family that is not installed is an
///        error naming it and the Debian package to install; fontconfig's fallback to another
///        family is not taken silently, nor is a face without the Latin-1 letters Spanish needs.
core::Result<FontFiles> findFontFiles(const std::string& family);

/// @brief The first of @p families that is installed (as findFontFiles(family)); none is an error
///        naming them all.
core::Result<FontFiles> findFirstFontFamily(const std::vector<std::string>& families);

/// @brief The kiosk's fonts: Noto Sans, else Open Sans (kKioskFallbackFontFamily).
core::Result<FontFiles> findFontFiles();

/// @brief @p regular and @p bold as configured, each "" = found through findFontFiles().
core::Result<FontFiles> resolveFontFiles(const std::string& regular, const std::string& bold);

}  // namespace kiosk::ui
