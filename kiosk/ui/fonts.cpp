#include "kiosk/ui/fonts.h"

#include <imgui.h>

#include <fstream>

namespace kiosk::ui {

ImFont* FontSizeSet::get(FontRole role) const {
    switch (role) {
        case FontRole::Body: return body;
        case FontRole::BodyBold: return bodyBold;
        case FontRole::Question: return question;
        case FontRole::Title: return title;
    }
    return body;
}

const unsigned short* kioskGlyphRanges() {
    // Only what en/es text needs keeps the atlas small (PERFORMANCE.md). No check mark (U+2713) here:
    // Noto Sans lacks it, so check marks are drawn as lines.
    static const ImWchar kRanges[] = {
        0x0020, 0x007E,  // Basic Latin
        0x00A0, 0x00FF,  // Latin-1: á é í ó ú ü ñ ¿ ¡ « » ·
        0x2013, 0x2014,  // – —
        0x2018, 0x2019,  // ‘ ’
        0x201C, 0x201D,  // “ ”
        0x2022, 0x2022,  // •
        0x2026, 0x2026,  // …
        0x20AC, 0x20AC,  // €
        0,
    };
    return kRanges;
}

core::Result<Fonts> addKioskFonts(ImFontAtlas& atlas, const Theme& theme, float displayHeight,
                                  const std::string& regularPath, const std::string& boldPath) {
    for (const std::string* path : {&regularPath, &boldPath}) {
        if (!std::ifstream(*path).good()) {
            return core::makeError(core::ErrorCode::NotFound, "cannot read font file " + *path,
                                   core::SourceLoc{*path});
        }
    }
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // large sizes look fine without oversampling and need a third of the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const ImWchar* ranges = kioskGlyphRanges();
    auto add = [&](const std::string& path, float px) {
        return atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
    };
    Fonts fonts;
    for (bool larger : {false, true}) {
        const float em = theme.emPx(displayHeight, larger);
        FontSizeSet& set = larger ? fonts.larger : fonts.normal;
        set.body = add(regularPath, em);
        set.bodyBold = add(boldPath, em);
        set.question = add(boldPath, em * theme.questionEm);
        set.title = add(boldPath, em * theme.titleEm);
        if (!set.body || !set.bodyBold || !set.question || !set.title) {
            return core::makeError(core::ErrorCode::Invalid, "cannot load the kiosk fonts",
                                   core::SourceLoc{regularPath});
        }
    }
    return fonts;
}

}  // namespace kiosk::ui
