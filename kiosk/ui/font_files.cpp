#include "kiosk/ui/font_files.h"

#include <fontconfig/fontconfig.h>

#include <memory>

namespace kiosk::ui {
namespace {

const FcChar8* fc(const char* s) { return reinterpret_cast<const FcChar8*>(s); }

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

/// True if any of the match's family names is @p family (fontconfig lists several, e.g. localised).
bool hasFamily(const FcPattern* match, const std::string& family) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i)
        if (FcStrCmpIgnoreCase(name, fc(family.c_str())) == 0) return true;
    return false;
}

/// The file of @p family at @p weight, or "" when fontconfig would only offer another family or a
/// face that lacks the letters the kiosk's languages need (ñ stands for Latin-1).
std::string findFace(const std::string& family, int weight) {
    Pattern pattern(FcPatternCreate());
    if (!pattern) return {};
    FcPatternAddString(pattern.get(), FC_FAMILY, fc(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match || result != FcResultMatch || !hasFamily(match.get(), family)) return {};
    FcCharSet* chars = nullptr;
    if (FcPatternGetCharSet(match.get(), FC_CHARSET, 0, &chars) != FcResultMatch || !FcCharSetHasChar(chars, 0xF1))
        return {};
    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
    return reinterpret_cast<const char*>(file);
}

}  // namespace

core::Result<FontFiles> findFirstFontFamily(const std::vector<std::string>& families) {
    std::string names;
    for (const std::string& family : families) {
        FontFiles files;
        files.regular = findFace(family, FC_WEIGHT_REGULAR);
        if (files.regular.empty()) {
            names += (names.empty() ? "'" : ", '") + family + "'";
            continue;
        }
        files.bold = findFace(family, FC_WEIGHT_BOLD);
        if (files.bold.empty()) files.bold = files.regular;
        return files;
    }
    return core::makeError(core::ErrorCode::NotFound,
                           "no font of the famil" + std::string(families.size() == 1 ? "y " : "ies ") + names +
                               " is installed (Debian: fonts-noto-core or fonts-open-sans)");
}

core::Result<FontFiles> findFontFiles(const std::string& family) { return findFirstFontFamily({family}); }

core::Result<FontFiles> findFontFiles() { return findFirstFontFamily({kKioskFontFamily, kKioskFallbackFontFamily}); }

core::Result<FontFiles> resolveFontFiles(const std::string& regular, const std::string& bold) {
    if (!regular.empty() && !bold.empty()) return FontFiles{regular, bold};
    auto found = findFontFiles();
    if (!found) return found;
    if (!regular.empty()) found->regular = regular;
    if (!bold.empty()) found->bold = bold;
    return found;
}

}  // namespace kiosk::ui
