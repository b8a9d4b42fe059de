// Finger signature: strokes are kept as vectors normalised to the pad (0..1), never as pixels.
// The stroke being drawn lives in UiState; it becomes part of the answer when the finger lifts.
#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

void drawStroke(ImDrawList* dl, const forms::Stroke& s, ImVec2 pos, ImVec2 size, ImU32 ink, float thick) {
    if (s.size() == 1) {
        dl->AddCircleFilled(ImVec2(pos.x + s[0].x * size.x, pos.y + s[0].y * size.y), thick * 0.6f, ink);
        return;
    }
    for (size_t i = 1; i < s.size(); ++i) {
        dl->AddLine(ImVec2(pos.x + s[i - 1].x * size.x, pos.y + s[i - 1].y * size.y),
                    ImVec2(pos.x + s[i].x * size.x, pos.y + s[i].y * size.y), ink, thick);
    }
}

}  // namespace

void drawSignature(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<forms::Signature>(iv);
    const std::string padKey = "item/" + item.id + "/pad";
    const ImVec2 size(std::min(width, f.px(32.0f)), f.px(f.theme.signatureHeightEm));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(("##" + padKey).c_str(), size);
    registerLastItem(f, padKey, WidgetKind::Canvas, f.tr("ui.signature.hint"), true);
    f.state.noScrollNext.push_back(Rect{pos.x, pos.y, size.x, size.y});
    const ImGuiIO& io = ImGui::GetIO();
    const bool drawing = f.state.strokeItem == item.id;
    if (ImGui::IsItemActive() && io.MouseDown[0]) {
        if (!drawing) {
            f.state.strokeItem = item.id;
            f.state.stroke.clear();
        }
        const forms::Point p{std::clamp((io.MousePos.x - pos.x) / size.x, 0.0f, 1.0f),
                             std::clamp((io.MousePos.y - pos.y) / size.y, 0.0f, 1.0f)};
        auto& st = f.state.stroke;
        if (st.empty() || std::hypot(p.x - st.back().x, p.y - st.back().y) > 0.002f) st.push_back(p);
    } else if (drawing) {  // finger lifted: the stroke joins the answer
        forms::Signature sig = current ? *current : forms::Signature{};
        if (!f.state.stroke.empty()) sig.strokes.push_back(f.state.stroke);
        f.state.stroke.clear();
        f.state.strokeItem.clear();
        f.emit(session::SetAnswer{item.id, forms::Answer{std::move(sig)}});
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, col(f.pal.pad), f.px(f.theme.roundingEm));
    dl->AddRect(pos, max, col(f.pal.buttonBorder), f.px(f.theme.roundingEm), 0, std::max(2.0f, f.px(f.theme.borderEm)));
    // A signing line and a hint, like paper.
    const float lineY = pos.y + size.y * 0.75f;
    dl->AddLine(ImVec2(pos.x + f.em, lineY), ImVec2(max.x - f.em, lineY), col(f.pal.ink, 0.5f), 2.0f);
    const bool empty = (!current || current->empty()) && f.state.strokeItem != item.id;
    if (empty) {
        ImFont* font = f.fonts.body ? f.fonts.body : ImGui::GetFont();
        dl->AddText(font, f.em, ImVec2(pos.x + f.em, lineY - f.em * 1.4f), col(f.pal.ink, 0.75f),
                    f.tr("ui.signature.hint").c_str());
    }
    const float thick = std::max(2.5f, f.em * 0.12f);
    dl->PushClipRect(pos, max, true);
    if (current)
        for (const auto& s : current->strokes) drawStroke(dl, s, pos, size, col(f.pal.ink), thick);
    if (f.state.strokeItem == item.id) drawStroke(dl, f.state.stroke, pos, size, col(f.pal.ink), thick);
    dl->PopClipRect();

    // Undo the last stroke, or clear and sign again: each as wide as its words, side by side when
    // both fit, else one under the other.
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const std::string undoKey = "item/" + item.id + "/undo", clearKey = "item/" + item.id + "/clear";
    ButtonSpec undo{undoKey, f.tr("ui.signature.undo"), WidgetKind::Button};
    ButtonSpec clear{clearKey, f.tr("ui.signature.clear"), WidgetKind::Button};
    undo.enabled = clear.enabled = !empty;
    auto widthOf = [&](const ButtonSpec& b) {
        return std::min(width, std::max(target * 2, textWidth(f, b.font, b.label) + 2 * f.px(f.theme.padEm) + f.em * 0.2f));
    };
    const float undoW = widthOf(undo), clearW = widthOf(clear);
    const bool oneRow = undoW + gap + clearW <= width;
    const ImVec2 row(pos.x, max.y + gap);
    ImGui::SetCursorScreenPos(row);
    const float undoH = buttonHeight(f, undo.label, undoW, Mark::None);
    if (button(f, undo, ImVec2(undoW, undoH)) && current && !current->empty()) {
        forms::Signature sig = *current;
        sig.strokes.pop_back();
        if (sig.empty()) f.emit(session::ClearAnswer{item.id});
        else f.emit(session::SetAnswer{item.id, forms::Answer{std::move(sig)}});
    }
    ImGui::SetCursorScreenPos(oneRow ? ImVec2(row.x + undoW + gap, row.y) : ImVec2(row.x, row.y + undoH + gap));
    if (button(f, clear, ImVec2(clearW, buttonHeight(f, clear.label, clearW, Mark::None)))) {
        f.state.stroke.clear();
        f.state.strokeItem.clear();
        f.emit(session::ClearAnswer{item.id});
    }
}

}  // namespace kiosk::ui
