#include <algorithm>
#include <string>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {
namespace {

constexpr float kLogoEm = 3.0f;        // the logo's box: 3 em high ...
constexpr float kLogoWidthShare = 0.4f;  // ... and at most 40 % of the column wide
constexpr float kMinLogoEm = 1.5f;     // smaller than this a logo is a smudge: left out instead
constexpr float kMinSpaceShare = 0.3f;  // spacing shrinks to 30 % of its comfortable size at most

/// The logo's size for a box @p boxH high in a @p w wide column, aspect ratio kept (a wide
/// word-mark is limited by width, a square one by height).
ImVec2 logoSize(const Frame& f, float boxH, float w) {
    const LogoImage& logo = f.logo;
    if (!logo.texture || logo.width <= 0 || logo.height <= 0 || boxH <= 0) return ImVec2(0, 0);
    const float lw = static_cast<float>(logo.width), lh = static_cast<float>(logo.height);
    const float scale = std::min(boxH / lh, w * kLogoWidthShare / lw);
    return ImVec2(lw * scale, lh * scale);
}

/// @brief How the welcome column is fitted to the display: spacing factor and logo box.
struct WelcomeFit {
    float space = 1.0f;  ///< multiplies every vertical space
    float logoBox = 0;   ///< px; 0 = no logo
    bool pinStart = false;  ///< even squeezed it does not fit: Start sits at the bottom, the rest scrolls
};

}  // namespace

void drawWelcome(Frame& f, const session::ViewModel& vm) {
    (void)vm;
    drawTopBar(f, "", false);  // read aloud is the big switch in the column here
    const float top = f.px(f.theme.topBarEm);
    const Column c = contentColumn(f);
    const float w = std::min(c.width, f.px(40.0f));
    const float x = (f.displayW - w) * 0.5f;
    const float target = f.px(f.theme.targetEm);
    const bool languages = f.form.languages.size() > 1;
    const std::string& title = f.text(f.form.title);
    const std::string& description = f.form.description.empty() ? std::string() : f.text(f.form.description);

    // What the column holds, measured first, so that Start is never pushed off the screen (a
    // clinic name, a logo and Larger text together are taller than 1280x800).
    const float startH = target * 1.4f;
    const float readW = std::min(w, f.px(24.0f));
    const float readH = readAloudSwitchHeight(f, readW);  // 0 without a voice or a sound device
    const float nameH = f.clinicName.empty() ? 0 : centredTextHeight(f, FontRole::Title, f.clinicName, w);
    const float langLabelH = languages ? centredTextHeight(f, FontRole::BodyBold, f.tr("ui.welcome.language"), w) : 0;
    const float fixed = nameH + centredTextHeight(f, FontRole::Question, title, w) +
                        (description.empty() ? 0 : centredTextHeight(f, FontRole::Body, description, w)) +
                        (languages ? langLabelH + target : 0) + readH + startH;
    const bool hasLogo = logoSize(f, f.px(kLogoEm), w).y > 0;
    auto spaces = [&](bool logo) {  // the comfortable spacing, top to bottom
        return f.px(1.5f) + (logo ? f.px(0.5f) : 0) + (nameH > 0 ? f.px(0.5f) : 0) +
               (description.empty() ? 0 : f.px(0.4f)) + f.px(1.2f) + (languages ? f.px(0.3f + 1.5f) : 0) +
               (readH > 0 ? f.px(1.0f) : 0) + f.px(1.0f);
    };
    const float avail = f.displayH - top;
    WelcomeFit fit;
    fit.logoBox = hasLogo ? f.px(kLogoEm) : 0;
    auto height = [&] { return fixed + fit.space * spaces(fit.logoBox > 0) + logoSize(f, fit.logoBox, w).y; };
    if (height() > avail) {  // first less air, then a smaller logo, then no logo
        fit.space = std::max(kMinSpaceShare, 1.0f - (height() - avail) / spaces(hasLogo));
        if (hasLogo && height() > avail) {
            fit.logoBox = std::max(0.0f, logoSize(f, fit.logoBox, w).y - (height() - avail));
            if (fit.logoBox < f.px(kMinLogoEm)) fit.logoBox = 0;
        }
        fit.pinStart = height() > avail + 0.5f;
    }
    const float sp = fit.space;

    ImGui::SetCursorScreenPos(ImVec2(0, top));
    beginScrollArea(f, "##welcome", "welcome", ImVec2(f.displayW, avail - (fit.pinStart ? startH + f.px(sp) : 0)));
    // Spare room goes mostly above the column, so the greeting sits near the middle of the screen
    // rather than leaving its bottom half empty.
    const float spare = fit.pinStart ? 0.0f : std::max(0.0f, avail - height());
    float y = ImGui::GetCursorScreenPos().y + f.px(1.5f * sp) + spare * 0.4f;
    const ImVec2 logo = logoSize(f, fit.logoBox, w);
    if (logo.y > 0) {
        ImGui::SetCursorScreenPos(ImVec2(x + (w - logo.x) * 0.5f, y));
        ImGui::Image(f.logo.texture, logo);
        y += logo.y + f.px(0.5f * sp);
    }
    if (!f.clinicName.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        centredText(f, FontRole::Title, f.clinicName, f.pal.text, w);
        y += nameH + f.px(0.5f * sp);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    centredText(f, FontRole::Question, title, f.pal.text, w);
    y += centredTextHeight(f, FontRole::Question, title, w);
    if (!description.empty()) {
        y += f.px(0.4f * sp);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        centredText(f, FontRole::Body, description, f.pal.text, w);
        y += centredTextHeight(f, FontRole::Body, description, w);
    }
    y += f.px(1.2f * sp);

    // Languages, each named in itself ("Español"), never as a flag (chrome.cpp).
    if (languages) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        centredText(f, FontRole::BodyBold, f.tr("ui.welcome.language"), f.pal.text, w);
        y += langLabelH + f.px(0.3f * sp);
        languageButtons(f, x, w, y);
        y += target + f.px(1.5f * sp);
    }
    if (readH > 0) {  // "Tap to hear the questions read aloud"
        ImGui::SetCursorScreenPos(ImVec2(x + (w - readW) * 0.5f, y));
        drawReadAloudSwitch(f, readW);
        y += readH + f.px(1.0f * sp);
    }

    const float sw = std::min(w, f.px(16.0f));
    auto drawStart = [&](float startY) {
        ImGui::SetCursorScreenPos(ImVec2(x + (w - sw) * 0.5f, startY));
        ButtonSpec start{"start", f.tr("ui.welcome.start"), WidgetKind::Button};
        start.look = Look::Primary;
        start.font = FontRole::Question;
        start.navigation = true;
        if (button(f, start, ImVec2(sw, startH))) f.emit(session::Start{f.lang});
    };
    if (!fit.pinStart) {
        drawStart(y);
        y += startH;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::Dummy(ImVec2(w, f.px(1.0f * sp)));
    endScrollArea(f);
    if (fit.pinStart) drawStart(f.displayH - startH - f.px(0.5f * sp));
}

}  // namespace kiosk::ui
