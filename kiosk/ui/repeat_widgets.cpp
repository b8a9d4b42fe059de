// A repeating number or date item (`repeats: true`, FHIR's repeats): the usual stepper or date
// picker edits one value of the list at a time; the value goes into the list as soon as it is
// given (nothing is lost if the patient taps Next), "Add another" starts the next one, and the
// values entered stand below as rows, each with Remove. The list grows downwards under the
// control, so nothing the finger is on moves when a value is added. Which value the control
// edits is UiState::repeatSlot; the values themselves live in the session (SetAnswer with a slot).
#include <algorithm>
#include <string>

#include "kiosk/session/repeat_values.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

/// A value as the patient reads it: "7,5 hours", "14 March 1950".
std::string valueText(const Frame& f, const forms::Item& item, const forms::Answer& value) {
    if (const auto* d = std::get_if<forms::Date>(&value))
        return f.fmt("answer.date", {std::to_string(d->day), f.tr("month." + std::to_string(d->month)),
                                     std::to_string(d->year)});
    const double v = std::get<double>(value);
    std::string out = localNumber(f, formatNumber(v, item.decimals));
    if (!item.unit.empty()) out += " " + f.text(item.unit);
    return out;
}

/// The date picker shows @p value (or nothing picked yet).
void pickerShows(Frame& f, const forms::Item& item, const std::optional<forms::Answer>& value) {
    PartialDate pd;
    if (value)
        if (const auto* d = std::get_if<forms::Date>(&*value)) pd = PartialDate{d->day, d->month, d->year, d->year / 10 * 10};
    f.state.dates[item.id] = pd;
}

/// Moves the control to @p slot (a value of the list, or the end: a new one).
void editSlot(Frame& f, const forms::Item& item, const forms::Answer* list, int slot) {
    f.state.repeatSlot[item.id] = slot;
    if (item.type == forms::ItemType::Date) pickerShows(f, item, session::valueAt(list, static_cast<size_t>(slot)));
    if (f.state.keyboard.open && f.state.keyboard.item == item.id) f.state.keyboard = KeyboardState{};
}

}  // namespace

void drawRepeats(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const int count = static_cast<int>(session::valueCount(iv.answer));
    const std::string base = "item/" + item.id;
    // First shown: the last value given (back from a later page, a resumed draft), else a new one.
    auto found = f.state.repeatSlot.find(item.id);
    if (found == f.state.repeatSlot.end()) found = f.state.repeatSlot.emplace(item.id, std::max(0, count - 1)).first;
    int& slot = found->second;
    slot = std::clamp(slot, 0, count);
    const bool full = count >= item.maxAnswers && slot >= count;

    // The control, on the value of this slot. Its answers are rewritten to say which value they
    // set; a "no longer whole" clear is dropped (the value stays listed until replaced).
    const std::optional<forms::Answer> current = session::valueAt(iv.answer, static_cast<size_t>(slot));
    const session::ItemView one{&item, current ? &*current : nullptr, std::string()};
    const size_t mark = f.out.size();
    if (!full) {
        if (item.type == forms::ItemType::Date) drawDate(f, one, width);
        else drawNumber(f, one, width);
    }
    for (size_t i = mark; i < f.out.size();) {
        if (auto* set = std::get_if<session::SetAnswer>(&f.out[i]); set && set->item == item.id && set->slot < 0) {
            set->slot = slot;
        } else if (auto* clear = std::get_if<session::ClearAnswer>(&f.out[i]); clear && clear->item == item.id) {
            f.out.erase(f.out.begin() + static_cast<std::ptrdiff_t>(i));
            continue;
        }
        ++i;
    }
    if (f.state.keyboard.open && f.state.keyboard.item == item.id) f.state.keyboard.slot = slot;

    // How it works, under the control (the date picker fits whole under its question at 1280x800),
    // then "Add another": a new, empty control once this one holds a value and the list takes more.
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    const float rowAir = std::max(0.0f, gap - ImGui::GetStyle().ItemSpacing.y);  // targets a full gap apart
    const std::string hint = full ? f.fmt("ui.repeat.full", {std::to_string(item.maxAnswers)})
                                  : f.fmt("ui.repeat.hint", {std::to_string(item.maxAnswers)});
    text(f, FontRole::Body, hint, f.pal.mutedText, width);
    registerLastText(f, "hint/" + item.id, hint, FontRole::Body);
    const bool canAdd = slot < count && count < item.maxAnswers;
    const std::string addKey = base + "/add", addLabel = "+  " + f.tr("ui.repeat.add_another");  // ButtonSpec holds views
    ButtonSpec add{addKey, addLabel, WidgetKind::Button};
    add.look = canAdd ? Look::Primary : Look::Dimmed;
    add.enabled = canAdd;
    const float addW = std::min(width, std::max(f.px(12.0f), textWidth(f, FontRole::BodyBold, add.label) + 4 * f.px(f.theme.padEm)));
    if (button(f, add, ImVec2(addW, target))) editSlot(f, item, iv.answer, count);

    // The values given, in order; the one the control edits is marked, a tap on another edits it.
    const std::string removeLabel = "\xC3\x97  " + f.tr("ui.repeat.remove");  // U+00D7, in every font we ship
    const float removeW = std::min(width * 0.4f, textWidth(f, FontRole::BodyBold, removeLabel) + 4 * f.px(f.theme.padEm));
    const float valueW = std::min(width - removeW - gap, f.px(24.0f));  // Remove within reach of its value
    for (int i = 0; i < count; ++i) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + rowAir);
        const std::optional<forms::Answer> v = session::valueAt(iv.answer, static_cast<size_t>(i));
        if (!v) continue;
        const std::string key = base + "/value/" + std::to_string(i);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const std::string label = valueText(f, item, *v);
        ButtonSpec value{key, label, WidgetKind::Choice};
        value.look = i == slot ? Look::Selected : Look::Plain;
        value.mark = Mark::Radio;
        if (button(f, value, ImVec2(valueW, target)) && i != slot) editSlot(f, item, iv.answer, i);
        ImGui::SetCursorScreenPos(ImVec2(row.x + valueW + gap, row.y));
        // A toggle's debounce: a double tap does not also remove the value that moves up into its place.
        const std::string removeKey = base + "/remove/" + std::to_string(i);
        ButtonSpec remove{removeKey, removeLabel, WidgetKind::Toggle};
        if (button(f, remove, ImVec2(removeW, target))) {
            f.emit(session::ClearAnswer{item.id, i});
            const int left = count - 1;
            if (i == slot) editSlot(f, item, iv.answer, left);  // the value being edited went: a new one
            else if (i < slot) f.state.repeatSlot[item.id] = slot - 1;
        }
    }
}

}  // namespace kiosk::ui
