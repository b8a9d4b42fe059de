#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

/// A field-like box showing @p shown (or a muted placeholder); a tap opens the keyboard.
bool fieldBox(Frame& f, const std::string& key, const std::string& shown, const std::string& placeholder,
              bool editing, ImVec2 size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(("##" + key).c_str(), size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float r = f.px(f.theme.roundingEm);
    dl->AddRectFilled(pos, max, col(f.pal.button), r);
    const float border = editing ? f.px(0.18f) : std::max(2.0f, f.px(f.theme.borderEm));
    dl->AddRect(pos, max, col(editing ? f.pal.selected : f.pal.buttonBorder), r, 0, border);
    const float pad = f.px(f.theme.padEm);
    const bool empty = shown.empty();
    const std::string& s = empty ? placeholder : shown;
    registerLastItem(f, key, WidgetKind::Field, s, true);
    ImFont* font = f.fonts.body ? f.fonts.body : ImGui::GetFont();
    dl->PushClipRect(pos, max, true);
    dl->AddText(font, f.em, ImVec2(pos.x + pad, pos.y + (std::min(size.y, f.px(f.theme.targetEm)) - f.em * 1.2f) * 0.5f),
                col(empty ? f.pal.mutedText : f.pal.buttonText), s.c_str(), nullptr, size.x - 2 * pad);
    dl->PopClipRect();
    if (!tapped || f.state.scroll.suppressClick || f.state.scroll.dragging) return false;
    return meantTap(f, ButtonSpec{key, s, WidgetKind::Field});
}

/// The point the steppers count from on an empty field: the middle of min..max on the step (0..16
/// by 0.5: 8), else the one bound given, else 0. The first tap moves one step from it in the
/// direction tapped (- gives 7.5, + gives 8.5): it never lands on a value the finger did not point
/// to (issue 20: both jumped to 8.0). The number pad stays the quick way in.
double stepperStart(const forms::Item& item) {
    const double step = item.step > 0 ? item.step : 1.0;
    if (item.min && item.max) return *item.min + std::round((*item.max - *item.min) / 2 / step) * step;
    if (item.min) return *item.min;
    if (item.max) return std::min(0.0, *item.max);
    return 0.0;
}

}  // namespace

void drawTextField(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const bool editing = f.state.keyboard.open && f.state.keyboard.item == item.id;
    const auto* current = answerAs<std::string>(iv);
    std::string shown = editing ? f.state.keyboard.buffer : (current ? *current : std::string());
    const bool multiline = item.textKind == forms::TextKind::Multiline;
    if (item.repeats) {  // several answers in one box: say how to give them
        text(f, FontRole::Body, f.tr("ui.one_per_line"), f.pal.mutedText, width);
        registerLastText(f, "hint/" + item.id, f.tr("ui.one_per_line"), FontRole::Body);
    }
    const float h = f.px(f.theme.targetEm) * (multiline ? 2.0f : 1.0f);
    const float w = multiline ? width : std::min(width, f.px(28.0f));
    const std::string key = "item/" + item.id;
    if (fieldBox(f, key, shown, f.tr("ui.tap_to_type"), editing, ImVec2(w, h)))
        openKeyboard(f.state, item, iv.answer);
}

void drawNumber(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const bool editing = f.state.keyboard.open && f.state.keyboard.item == item.id;
    const auto* current = answerAs<double>(iv);
    // One number format per language: "7,5" in Spanish here as on the review.
    const std::string shown = localNumber(f, editing ? f.state.keyboard.buffer
                                                     : (current ? formatNumber(*current, item.decimals) : std::string()));
    const std::string unit = item.unit.empty() ? std::string() : f.text(item.unit);
    const float target = f.px(f.theme.targetEm);
    const float gap = f.px(f.theme.gapEm);
    const float stepW = target * 1.3f;
    // The unit always stands beside the field ("[ 7.5 ] hours"), so the question reads the same empty or full.
    const float unitW = unit.empty() ? 0.0f : textWidth(f, FontRole::BodyBold, unit) + gap;
    const float fieldW = std::max(target, std::min(width - 2 * (stepW + gap) - unitW, f.px(12.0f)));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string base = "item/" + item.id;
    const double step = item.step > 0 ? item.step : 1.0;
    auto stepTo = [&](double delta) {
        double v = (current ? *current : stepperStart(item)) + delta;
        if (item.min) v = std::max(v, *item.min);
        if (item.max) v = std::min(v, *item.max);
        const double scale = std::pow(10.0, item.decimals);
        v = std::round(v * scale) / scale;  // no 0.30000000000000004 in the record
        f.emit(session::SetAnswer{item.id, forms::Answer{v}});
        if (editing) f.state.keyboard.buffer = formatNumber(v, item.decimals);
    };
    const std::string minusKey = base + "/minus", plusKey = base + "/plus";
    ButtonSpec minus{minusKey, "\xE2\x80\x93", WidgetKind::Stepper};  // en dash reads as minus
    minus.font = FontRole::Title;
    if (button(f, minus, ImVec2(stepW, target))) stepTo(-step);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + stepW + gap, origin.y));
    if (fieldBox(f, base, shown, f.tr("ui.tap_to_type"), editing, ImVec2(fieldW, target)))
        openKeyboard(f.state, item, iv.answer);
    float x = origin.x + stepW + fieldW + 2 * gap;
    if (!unit.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y + (target - f.em) * 0.5f));  // on the field text's line
        text(f, FontRole::BodyBold, unit, f.pal.text, unitW);
        registerLastText(f, "unit/" + item.id, unit, FontRole::BodyBold);
        x += unitW;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
    ButtonSpec plus{plusKey, "+", WidgetKind::Stepper};
    plus.font = FontRole::Title;
    if (button(f, plus, ImVec2(stepW, target))) stepTo(step);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, target));
}

}  // namespace kiosk::ui
