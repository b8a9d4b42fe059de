#include <algorithm>
#include <string>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::ui {

Column contentColumn(const Frame& f) {
    const float margin = f.px(f.theme.marginEm);
    const float width = std::min(f.displayW - 2 * margin, f.px(f.theme.contentMaxEm));
    return Column{(f.displayW - width) * 0.5f, width};
}

void drawTopBar(Frame& f, std::string_view left, bool readAloud) {
    const float h = f.px(f.theme.topBarEm);
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.displayW, h), col(f.pal.bar));
    dl->AddLine(ImVec2(0, h), ImVec2(f.displayW, h), col(f.pal.buttonBorder), 1.0f);
    const float margin = f.px(f.theme.marginEm);
    if (!left.empty()) {
        // Progress sits right of the hidden staff corner so a long hold there is not a tap on it.
        ImGui::SetCursorScreenPos(ImVec2(std::max(margin, f.px(f.theme.staffCornerEm) + gap),
                                         (h - f.em * 1.3f) * 0.5f));
        text(f, FontRole::BodyBold, left, f.pal.text, f.displayW * 0.4f);
        registerLastText(f, "progress", left, FontRole::BodyBold);
    }
    // Toggles, right-aligned: they change only how things look, so they act at once.
    const std::string& larger = f.tr("ui.larger_text");
    const std::string& contrast = f.tr("ui.high_contrast");
    const float wLarger = std::max(f.px(8.5f), textWidth(f, FontRole::BodyBold, larger) + f.px(3.0f));
    const float wContrast = std::max(f.px(8.5f), textWidth(f, FontRole::BodyBold, contrast) + f.px(3.0f));
    const float y = (h - target) * 0.5f;
    float x = f.displayW - margin - wContrast;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonSpec hc{"toggle/high_contrast", contrast, WidgetKind::Toggle};
    hc.look = f.state.highContrast ? Look::Selected : Look::Plain;
    hc.mark = Mark::Check;
    if (button(f, hc, ImVec2(wContrast, target))) f.state.highContrast = !f.state.highContrast;
    x -= gap + wLarger;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonSpec lt{"toggle/larger_text", larger, WidgetKind::Toggle};
    lt.look = f.state.largerText ? Look::Selected : Look::Plain;
    lt.mark = Mark::Check;
    if (button(f, lt, ImVec2(wLarger, target))) f.state.largerText = !f.state.largerText;
    if (readAloud && f.readAloud && f.readAloud->available) {
        // Read aloud: a loudspeaker and words; while it reads, the same place stops it.
        const std::string& label = f.tr(f.readAloud->speaking ? "ui.read_aloud.stop" : "ui.read_aloud.button");
        const float wRead = std::max(f.px(8.5f), textWidth(f, FontRole::BodyBold, label) + f.px(4.4f));
        x -= gap + wRead;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonSpec ra{"readaloud", label, WidgetKind::Toggle};
        ra.look = f.readAloud->speaking ? Look::Selected : Look::Plain;
        ra.mark = Mark::Speaker;
        if (button(f, ra, ImVec2(wRead, target))) f.readAloud->tapped = true;
    }
}

float readAloudSwitchHeight(const Frame& f, float w) {
    if (!f.readAloud || !f.readAloud->available) return 0;
    return buttonHeight(f, f.tr("ui.read_aloud.welcome"), w, Mark::Speaker);
}

void drawReadAloudSwitch(Frame& f, float w) {
    if (!f.readAloud || !f.readAloud->available) return;
    const std::string& label = f.tr("ui.read_aloud.welcome");
    ButtonSpec spec{"readaloud/welcome", label, WidgetKind::Toggle};
    spec.look = f.readAloud->on ? Look::Selected : Look::Plain;
    spec.mark = Mark::Speaker;
    if (button(f, spec, ImVec2(w, readAloudSwitchHeight(f, w)))) f.readAloud->toggled = true;
}

void languageButtons(Frame& f, float x, float w, float y) {
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const int n = static_cast<int>(f.form.languages.size());
    const float bw = std::min(f.px(11.0f), columnWidth(f, w, n));
    const float rowW = bw * static_cast<float>(n) + gap * static_cast<float>(n - 1);
    int i = 0;
    for (const auto& code : f.form.languages) {
        ImGui::SetCursorScreenPos(ImVec2(x + (w - rowW) * 0.5f + static_cast<float>(i++) * (bw + gap), y));
        const std::string key = "lang/" + code;
        ButtonSpec spec{key, f.catalog.tr(code, "language.name"), WidgetKind::Choice};  // in its own words
        spec.look = code == f.lang ? Look::Selected : Look::Plain;
        spec.mark = Mark::Radio;
        if (button(f, spec, ImVec2(bw, target)) && code != f.lang) f.emit(session::SetLanguage{code});
    }
}

int drawBottomBar(Frame& f, const ButtonSpec* back, const ButtonSpec& main) {
    const float h = f.px(f.theme.bottomBarEm);
    const float top = f.displayH - h;
    const float target = f.px(f.theme.targetEm) * 1.15f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(f.displayW, f.displayH), col(f.pal.bar));
    dl->AddLine(ImVec2(0, top), ImVec2(f.displayW, top), col(f.pal.buttonBorder), 1.0f);
    const Column c = contentColumn(f);
    const float w = std::min(f.px(f.theme.navButtonEm), (c.width - f.px(f.theme.gapEm)) * 0.5f);
    const float y = top + (h - target) * 0.5f;
    int result = 0;
    if (back) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, y));
        ButtonSpec nav = *back;
        nav.navigation = true;  // a double tap must not go two pages back
        if (button(f, nav, ImVec2(w, target))) result = -1;
    }
    const float mainW = std::max(w, std::min(c.width * 0.5f, textWidth(f, FontRole::BodyBold, main.label) + f.px(2.0f)));
    ImGui::SetCursorScreenPos(ImVec2(c.x + c.width - mainW, y));
    ButtonSpec nav = main;
    nav.navigation = true;  // nor skip a page
    if (button(f, nav, ImVec2(mainW, target))) result = 1;
    if (f.state.scroll.moreBelow) {
        const float gap = f.px(f.theme.gapEm);
        drawMoreBelowCue(f, c.x + (back ? w + gap : 0.0f), c.x + c.width - mainW - gap, top, h);
    }
    return result;
}

void centredMessage(Frame& f, std::string_view title, std::initializer_list<std::string_view> lines,
                    float top, float bottom) {
    const Column c = contentColumn(f);
    const float w = std::min(c.width, f.px(36.0f));
    const float x = (f.displayW - w) * 0.5f;
    float h = textHeight(f, FontRole::Title, title, w) + f.em;
    for (auto l : lines) h += textHeight(f, FontRole::Body, l, w) + f.em * 0.6f;
    float y = top + std::max(0.0f, (bottom - top - h) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    centredText(f, FontRole::Title, title, f.pal.text, w);
    registerLastText(f, "message", title, FontRole::Title);
    ImGui::Dummy(ImVec2(w, f.em * 0.6f));
    int n = 0;
    for (auto l : lines) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        centredText(f, FontRole::Body, l, f.pal.text, w);
        registerLastText(f, "message/" + std::to_string(n++), l, FontRole::Body);
        ImGui::Dummy(ImVec2(w, f.em * 0.3f));
    }
}

}  // namespace kiosk::ui
