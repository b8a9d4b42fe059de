// The desk's list of intakes: Today / Find by date / Find by name, unlock or export, and one big
// row per intake (time, name once unlocked, form, flag badges, state). Tapping a row opens it.
// [SECTION] index: search panels · select · rows · drawList
#include <algorithm>
#include <tuple>

#include "kiosk/core/local_day.h"
#include "kiosk/ui/desk_parts.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::ui::desk {
namespace {

using Panel = DeskUiState::Panel;

// [SECTION] search panels
/// From ‹ day › To ‹ day › Search: days stepped with big buttons, no typing.
float daysPanel(Ctx& c, float y) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm);
    if (c.s.from.empty()) c.s.from = c.v.list.from;
    if (c.s.to.empty()) c.s.to = c.v.list.to.empty() ? c.s.from : c.v.list.to;
    float x = c.x;
    auto stepper = [&](const char* which, std::string& day) {
        ImGui::SetCursorScreenPos(ImVec2(x, y + f.em * 0.5f));
        const std::string& label = f.tr(std::string("desk.") + which);
        text(f, FontRole::BodyBold, label, f.pal.text, f.px(6.0f));
        x += textWidth(f, FontRole::BodyBold, label) + gap;
        if (fitButton(c, std::string("desk/days/") + which + "/earlier", "<", x, y, Look::Plain, true, 2.5f))
            day = core::addDays(day, -1);
        x += f.px(2.5f) + gap;
        ImGui::SetCursorScreenPos(ImVec2(x, y + f.em * 0.5f));
        text(f, FontRole::Question, day, f.pal.text, f.px(8.0f));
        registerLastText(f, std::string("desk/days/") + which, day, FontRole::Question);
        x += textWidth(f, FontRole::Question, "0000-00-00") + gap;
        if (fitButton(c, std::string("desk/days/") + which + "/later", ">", x, y, Look::Plain, true, 2.5f))
            day = core::addDays(day, 1);
        x += f.px(2.5f) + 2 * gap;
    };
    stepper("from", c.s.from);
    stepper("to", c.s.to);
    if (c.s.to < c.s.from) c.s.to = c.s.from;
    if (fitButton(c, "desk/days/search", f.tr("desk.search"), x, y, Look::Primary)) c.emit(staff::FindDays{c.s.from, c.s.to});
    // A row of the usual look-backs: a month back was 30 taps on ‹.
    y += f.px(f.theme.targetEm) + gap;
    x = c.x;
    for (const int days : {7, 30, 90}) {
        const std::string n = std::to_string(days), label = f.fmt("desk.last_days", {n});
        if (fitButton(c, "desk/days/last/" + n, label, x, y)) {
            c.emit(staff::FindRecent{days});
            c.s.from.clear();  // the steppers show the range found, from the view, next frame
            c.s.to.clear();
        }
        x += fitWidth(c, label) + gap;
    }
    return y + f.px(f.theme.targetEm) + gap;
}

/// What was typed, the name keyboard, Search.
float namePanel(Ctx& c, float y) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    KeyboardState& kb = c.s.name;
    kb.layout = KeyboardLayout::Name;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fieldW = c.width - fitWidth(c, f.tr("desk.search")) - gap;
    dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + fieldW, y + target), col(f.pal.pad), f.px(f.theme.roundingEm));
    dl->AddRect(ImVec2(c.x, y), ImVec2(c.x + fieldW, y + target), col(f.pal.buttonBorder), f.px(f.theme.roundingEm));
    ImGui::SetCursorScreenPos(ImVec2(c.x + f.px(f.theme.padEm), y + (target - f.em * 1.3f) * 0.5f));
    text(f, FontRole::Question, kb.buffer.empty() ? " " : kb.buffer, f.pal.text, fieldW);
    registerLastText(f, "desk/name/typed", kb.buffer, FontRole::Question);
    if (fitButton(c, "desk/name/search", f.tr("desk.search"), c.x + fieldW + gap, y, Look::Primary, !kb.buffer.empty()))
        c.emit(staff::FindName{kb.buffer});
    y += target + gap;
    const auto rows = keyboardRows(KeyboardLayout::Name, false);
    const float unit = columnWidth(f, c.width, keyboardColumns(KeyboardLayout::Name));
    const KeyDef* pressed = nullptr;
    for (const KeySlot& slot : placeKeys(f, rows, c.x, y, c.width, unit, target)) {
        const KeyDef& k = *slot.key;
        if (k.type == KeyDef::Type::Done) continue;  // Search is the way out
        ImGui::SetCursorScreenPos(ImVec2(slot.x, slot.y));
        std::string label = k.text;
        if (k.type == KeyDef::Type::Char) label = kb.shift ? upperLetter(k.text) : k.text;
        if (k.type == KeyDef::Type::Shift) label = f.tr("ui.keyboard.shift_short");
        if (k.type == KeyDef::Type::Backspace) label = f.tr("ui.keyboard.backspace");
        if (k.type == KeyDef::Type::Space) label = f.tr("ui.keyboard.space");
        const std::string key = "desk/name/" + k.id;
        ButtonSpec spec{key, label, WidgetKind::Key};
        spec.look = k.type == KeyDef::Type::Shift && kb.shift ? Look::Selected : Look::Plain;
        spec.font = k.type == KeyDef::Type::Char ? FontRole::Question : FontRole::BodyBold;
        if (button(f, spec, ImVec2(slot.w, target))) pressed = &k;
        y = std::max(y, slot.y + target);
    }
    if (pressed) (void)applyKey(kb, *pressed, 80, 0);
    return y + gap;
}

// [SECTION] select
/// Select (or Stop selecting), and in the select mode All, None and how many are chosen.
float selectBar(Ctx& c, float y) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm);
    float x = c.x;
    const std::string& toggle = f.tr(c.v.selecting ? "desk.select.done" : "desk.select.start");
    if (fitButton(c, "desk/select", toggle, x, y, c.v.selecting ? Look::Selected : Look::Plain))
        c.emit(staff::ToggleSelectMode{});
    x += fitWidth(c, toggle) + gap;
    std::string line = f.tr("desk.select.hint");
    if (c.v.selecting) {
        for (const auto& [key, label, action] :
             {std::tuple{"desk/select/all", "desk.select.all", staff::DeskAction(staff::SelectAllShown{})},
              std::tuple{"desk/select/none", "desk.select.clear", staff::DeskAction(staff::ClearSelection{})}}) {
            const std::string& text = f.tr(label);
            if (fitButton(c, key, text, x, y, Look::Plain, true, 4.0f)) c.emit(action);
            x += fitWidth(c, text, 4.0f) + gap;
        }
        line = f.count("desk.select.count", c.v.selectedCount);
        if (c.v.selectedCount == 0) line = f.tr("desk.select.hint");
    }
    if (c.v.selecting) {
        ImGui::SetCursorScreenPos(ImVec2(x + gap, y + (f.px(f.theme.targetEm) - f.em * 1.3f) * 0.5f));
        text(f, FontRole::BodyBold, line, f.pal.text, std::max(f.px(4.0f), c.x + c.width - x - gap));
        registerLastText(f, "desk/select/count", line, FontRole::BodyBold);
    }
    return y + f.px(f.theme.targetEm) + gap;
}

// [SECTION] rows
const char* stateKey(staff::RowState state) {
    return state == staff::RowState::Reviewed   ? "desk.state.reviewed"
           : state == staff::RowState::Exported ? "desk.state.exported"
                                                : "desk.state.submitted";
}

/// "10:42   Ana G.   Intake form   URGENT   New" (the day first when the list spans days): what
/// the row says, for the registry (tests) as much as for the eye.
std::string rowLabel(const Frame& f, const staff::DeskRow& r, bool unlocked, bool showDay, bool selecting) {
    std::string label = selecting ? (r.selected ? "[x] " : "[ ] ") : "";
    label += showDay && !r.day.empty() ? r.day + "  " + r.time : r.time;
    if (unlocked) label += "   " + (r.damaged ? f.tr("desk.damaged") : r.name.empty() ? f.tr("desk.no_name") : r.name);
    label += "   " + r.form;
    if (r.urgent) label += "   " + f.tr("desk.badge.urgent");
    if (r.caution) label += "   " + f.tr("desk.badge.caution");
    return label + "   " + f.tr(stateKey(r.state));
}

/// @p s in @p role at (@p x, @p y), cut at @p right (a long form title never runs into the badges).
void cell(Frame& f, FontRole role, std::string_view s, float x, float y, float right, Rgb colour) {
    ImFont* font = f.fonts.get(role) ? f.fonts.get(role) : ImGui::GetFont();
    const float size = role == FontRole::Question ? f.px(f.theme.questionEm) : f.em;
    const ImVec4 clip(x, y - f.em, right, y + 2 * f.em);
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(x, y), col(colour), s.data(), s.data() + s.size(), 0.0f, &clip);
}

/// A small label ending at @p right: "URGENT" white on the error colour, "Caution" outlined in it.
/// Returns its width.
float badge(Frame& f, std::string_view s, float right, float y, float h, bool urgent) {
    const float w = textWidth(f, FontRole::BodyBold, s) + f.em, x = right - w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = f.px(f.theme.roundingEm);
    if (urgent) dl->AddRectFilled(ImVec2(x, y), ImVec2(right, y + h), col(f.pal.error), rounding);
    else dl->AddRect(ImVec2(x, y), ImVec2(right, y + h), col(f.pal.error), rounding, 0, std::max(2.0f, f.px(f.theme.borderEm)));
    cell(f, FontRole::BodyBold, s, x + f.em * 0.5f, y + (h - f.em * 1.3f) * 0.5f, right, urgent ? f.pal.primaryText : f.pal.error);
    return w;
}

/// One intake: a big tappable row, its parts in columns, left-aligned like a table.
bool row(Ctx& c, const staff::DeskRow& r, float y, float h, bool showDay) {
    Frame& f = c.f;
    const std::string key = "desk/row/" + r.id;
    ImGui::SetCursorScreenPos(ImVec2(c.x, y));
    const bool tapped = ImGui::InvisibleButton(("##" + key).c_str(), ImVec2(c.width, h));
    const bool held = ImGui::IsItemActive() && !f.state.scroll.dragging;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = f.px(f.theme.roundingEm);
    dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + c.width, y + h), col(f.pal.button), rounding);
    if (held) dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + c.width, y + h), col(f.pal.buttonText, 0.18f), rounding);
    dl->AddRect(ImVec2(c.x, y), ImVec2(c.x + c.width, y + h), col(f.pal.buttonBorder), rounding, 0,
                std::max(2.0f, f.px(f.theme.borderEm)));
    if (r.urgent || r.caution)  // a stripe as well as the badge's word: colour is never the only signal
        dl->AddRectFilled(ImVec2(c.x, y), ImVec2(c.x + f.em * 0.45f, y + h), col(f.pal.error, r.urgent ? 1.0f : 0.45f),
                          rounding);
    registerLastItem(f, key, WidgetKind::Button, rowLabel(f, r, c.v.unlocked, showDay, c.v.selecting), true);

    const float pad = f.px(f.theme.padEm) + f.em * 0.45f, textY = y + (h - f.em * 1.3f) * 0.5f;
    float x = c.x + pad;
    if (c.v.selecting) {  // a big check box: the whole row is its target
        const float side = h * 0.62f, bx = x, by = y + (h - side) * 0.5f;
        const float line = std::max(2.0f, f.px(f.theme.borderEm));
        if (r.selected) dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + side, by + side), col(f.pal.primary), rounding);
        else dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + side, by + side), col(f.pal.pad), rounding);
        dl->AddRect(ImVec2(bx, by), ImVec2(bx + side, by + side), col(r.selected ? f.pal.primary : f.pal.buttonText), rounding,
                    0, line);
        if (r.selected) {
            const ImVec2 tick[3] = {ImVec2(bx + side * 0.22f, by + side * 0.52f), ImVec2(bx + side * 0.42f, by + side * 0.72f),
                                    ImVec2(bx + side * 0.78f, by + side * 0.28f)};
            dl->AddPolyline(tick, 3, col(f.pal.primaryText), 0, line * 1.6f);
        }
        x += side + f.em;
    }
    const std::string when = showDay && !r.day.empty() ? r.day + "  " + r.time : r.time;
    const float whenW = textWidth(f, FontRole::BodyBold, showDay ? "0000-00-00  00:00" : "00:00") + f.em;
    cell(f, FontRole::BodyBold, when, x, textY, x + whenW, f.pal.buttonText);
    x += whenW;
    // From the right: the state, then the badges; the name and the form share what is left.
    float right = c.x + c.width - pad;
    const std::string& state = f.tr(stateKey(r.state));
    right -= textWidth(f, FontRole::Body, state);
    cell(f, FontRole::Body, state, right, textY, c.x + c.width, f.pal.buttonText);
    right -= f.em;
    const float badgeH = f.em * 1.5f, badgeY = y + (h - badgeH) * 0.5f;
    if (r.caution) right -= badge(f, f.tr("desk.badge.caution"), right, badgeY, badgeH, false) + f.em * 0.5f;
    if (r.urgent) right -= badge(f, f.tr("desk.badge.urgent"), right, badgeY, badgeH, true) + f.em * 0.5f;
    if (c.v.unlocked) {
        const std::string& name = r.damaged ? f.tr("desk.damaged") : r.name.empty() ? f.tr("desk.no_name") : r.name;
        const float nameW = std::min(f.px(12.0f), (right - x) * 0.45f);  // one column for every row
        cell(f, FontRole::BodyBold, name, x, textY, x + nameW - f.em, r.damaged ? f.pal.error : f.pal.buttonText);
        x += nameW;
    }
    cell(f, FontRole::Body, r.form, x, textY, right - f.em, f.pal.buttonText);
    if (!tapped || f.state.scroll.suppressClick || f.state.scroll.dragging) return false;
    // The widgets' rules too (widgets.h): the second half of a double tap on Done is not a tap on
    // the row that then lies under the finger.
    return meantTap(f, ButtonSpec{key, r.form, WidgetKind::Button, Look::Plain, c.v.selecting ? Mark::Check : Mark::None});
}

void rows(Ctx& c, float y) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const staff::DeskListView& l = c.v.list;
    // The room above the bottom bar: with the name keyboard open at 1280x800 it is less than a
    // row, and a row forced in ran under the bar; under half a row the list waits for the keys to close.
    const float room = c.bottom - y - gap;
    if (room < target * 0.5f) return;
    ImGui::SetCursorScreenPos(ImVec2(0, y));
    beginScrollArea(f, "##desk_list", "desk/list/" + l.from + l.to + std::to_string(static_cast<int>(l.kind)),
                    ImVec2(f.displayW, room));
    float ry = ImGui::GetCursorScreenPos().y;
    if (l.rows.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, ry));
        text(f, FontRole::Question, f.tr("desk.no_intakes"), f.pal.mutedText, c.width);
        registerLastText(f, "desk/empty", f.tr("desk.no_intakes"), FontRole::Question);
    }
    for (const staff::DeskRow& r : l.rows) {
        if (row(c, r, ry, target, l.kind != staff::ListKind::Today))
            c.emit(c.v.selecting ? staff::DeskAction(staff::ToggleSelect{r.id}) : staff::OpenIntake{r.id});
        ry += target + gap;
    }
    if (l.more) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, ry));
        text(f, FontRole::Body, f.fmt("desk.more", {std::to_string(l.rows.size())}), f.pal.mutedText, c.width);
    }
    endScrollArea(f);
}

}  // namespace

// [SECTION] drawList
void drawList(Ctx& c) {
    Frame& f = c.f;
    const float gap = f.px(f.theme.gapEm);
    float y = c.top + gap * 0.5f;
    float x = c.x;
    auto left = [&](std::string_view key, const std::string& label, bool selected) {
        const bool tapped = fitButton(c, key, label, x, y, selected ? Look::Selected : Look::Plain);
        x += fitWidth(c, label) + gap;
        return tapped;
    };
    const staff::ListKind kind = c.v.list.kind;
    if (left("desk/today", f.tr("desk.today"), kind == staff::ListKind::Today && c.s.panel == Panel::None)) {
        c.s.panel = Panel::None;
        c.emit(staff::ShowToday{});
    }
    if (left("desk/find_days", f.tr("desk.find_days"), c.s.panel == Panel::Days || kind == staff::ListKind::Days)) {
        c.s.panel = c.s.panel == Panel::Days ? Panel::None : Panel::Days;
        c.s.from = c.s.to = "";
    }
    if (left("desk/find_name", f.tr("desk.find_name"), c.s.panel == Panel::Name || kind == staff::ListKind::Name)) {
        c.s.panel = c.s.panel == Panel::Name ? Panel::None : Panel::Name;
        c.s.name = KeyboardState{};
        c.s.name.layout = KeyboardLayout::Name;
        c.s.name.shift = true;  // names start with a capital, as on the patients' keyboard
    }
    // On the right: unlock while locked, else export the list shown.
    if (!c.v.unlocked) {
        const std::string& unlock = f.tr("desk.unlock");
        if (fitButton(c, "desk/unlock", unlock, c.x + c.width - fitWidth(c, unlock), y, Look::Primary))
            c.emit(staff::OpenUnlock{});
    } else {
        exportButtons(c, c.x + c.width, y, "", c.v.selecting, x);
    }
    y += f.px(f.theme.targetEm) + gap;
    if (c.v.unlocked && c.s.panel != Panel::Name) y = selectBar(c, y);  // the name keyboard needs the room
    if (c.s.panel == Panel::Days) y = daysPanel(c, y);
    if (c.s.panel == Panel::Name) y = namePanel(c, y);
    if (!c.v.unlocked) {
        ImGui::SetCursorScreenPos(ImVec2(c.x, y));
        text(f, FontRole::Body, f.tr("desk.locked_hint"), f.pal.mutedText, c.width);
        y = ImGui::GetCursorScreenPos().y + gap * 0.5f;
    }
    rows(c, y);
}

}  // namespace kiosk::ui::desk
