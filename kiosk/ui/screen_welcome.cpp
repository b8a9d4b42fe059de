#include <algorithm>
#include <string>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {
namespace {

/// The clinic's logo, centred in a @p w wide column: fits a box 3 em high and at most 40 % of the
/// column wide, aspect ratio kept (a wide word-mark is limited by width, a square one by height).
void drawLogo(Frame& f, float x, float w) {
    const LogoImage& logo = f.logo;
    if (!logo.texture || logo.width <= 0 || logo.height <= 0) return;
    const float lw = static_cast<float>(logo.width), lh = static_cast<float>(logo.height);
    const float scale = std::min(f.px(3.0f) / lh, w * 0.4f / lw);
    const ImVec2 size(lw * scale, lh * scale);
    ImGui::SetCursorScreenPos(ImVec2(x + (w - size.x) * 0.5f, ImGui::GetCursorScreenPos().y));
    ImGui::Image(logo.texture, size);
    ImGui::Dummy(ImVec2(w, f.em * 0.5f));
}

}  // namespace

void drawWelcome(Frame& f, const session::ViewModel& vm) {
    (void)vm;
    drawTopBar(f, "");
    const float top = f.px(f.theme.topBarEm);
    const Column c = contentColumn(f);
    const float w = std::min(c.width, f.px(40.0f));
    const float x = (f.displayW - w) * 0.5f;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    beginScrollArea(f, "##welcome", "welcome", ImVec2(f.displayW, f.displayH - top));
    const float areaTop = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(x, areaTop + f.px(1.5f)));
    drawLogo(f, x, w);
    if (!f.clinicName.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        centredText(f, FontRole::Title, f.clinicName, f.pal.text, w);
        ImGui::Dummy(ImVec2(w, f.em * 0.5f));
    }
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    centredText(f, FontRole::Question, f.text(f.form.title), f.pal.text, w);
    if (!f.form.description.empty()) {
        ImGui::Dummy(ImVec2(w, f.em * 0.4f));
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        centredText(f, FontRole::Body, f.text(f.form.description), f.pal.text, w);
    }
    ImGui::Dummy(ImVec2(w, f.px(1.2f)));

    // Languages, each named in itself ("Español"), never as a flag.
    if (f.form.languages.size() > 1) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        centredText(f, FontRole::BodyBold, f.tr("ui.welcome.language"), f.pal.text, w);
        ImGui::Dummy(ImVec2(w, f.em * 0.3f));
        const int n = static_cast<int>(f.form.languages.size());
        const float bw = std::min(f.px(11.0f), columnWidth(f, w, n));
        const float rowW = bw * static_cast<float>(n) + gap * static_cast<float>(n - 1);
        const float y = ImGui::GetCursorScreenPos().y;
        int i = 0;
        for (const auto& code : f.form.languages) {
            ImGui::SetCursorScreenPos(ImVec2(x + (w - rowW) * 0.5f + static_cast<float>(i++) * (bw + gap), y));
            const std::string key = "lang/" + code;
            ButtonSpec spec{key, f.catalog.tr(code, "language.name"), WidgetKind::Choice};
            spec.look = code == f.lang ? Look::Selected : Look::Plain;
            spec.mark = Mark::Radio;
            if (button(f, spec, ImVec2(bw, target)) && code != f.lang) f.emit(session::SetLanguage{code});
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y + target));
        ImGui::Dummy(ImVec2(w, f.px(1.5f)));
    }

    const float sw = std::min(w, f.px(16.0f));
    ImGui::SetCursorScreenPos(ImVec2(x + (w - sw) * 0.5f, ImGui::GetCursorScreenPos().y));
    ButtonSpec start{"start", f.tr("ui.welcome.start"), WidgetKind::Button};
    start.look = Look::Primary;
    start.font = FontRole::Question;
    if (button(f, start, ImVec2(sw, target * 1.4f))) f.emit(session::Start{f.lang});
    ImGui::Dummy(ImVec2(w, f.px(1.0f)));
    endScrollArea(f);
}

}  // namespace kiosk::ui
