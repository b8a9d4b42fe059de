// A list item (`type: list`, FHIR's repeating group): each entry a numbered card ("Medicine 1")
// holding the list's fields, drawn by the usual widgets (keyboard, stepper, date picker, yes/no,
// choices), with Remove in its corner; "Add another ..." below the cards starts the next one once
// the last holds something. The widgets answer under a field key, "<list>.<entry>.<field>"
// (listFieldKey), and the page turns those answers into the list's (routeListAnswers), so the
// keyboard, which answers after the page is drawn, needs no list logic of its own. How many cards
// show is UiState::listCards (one more than the entries while a new card is empty); the entries
// themselves live in the session.
#include <algorithm>
#include <string>

#include "kiosk/session/answer_text.h"
#include "kiosk/session/list_entries.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

/// The widgets of one field kind, as the page draws them for a question of that type.
void drawField(Frame& f, const session::ItemView& iv, float width) {
    switch (iv.item->type) {
        case forms::ItemType::Text: drawTextField(f, iv, width); break;
        case forms::ItemType::Number: drawNumber(f, iv, width); break;
        case forms::ItemType::Date: drawDate(f, iv, width); break;
        case forms::ItemType::YesNo: drawYesNo(f, iv, width); break;
        case forms::ItemType::Single: drawSingle(f, iv, width); break;
        default: break;  // the loader allows no other field type
    }
}

/// Forgets what the widgets of @p list's cards hold (keyboard, picked dates): after a Remove the
/// cards below move up, and a half-picked date must not follow its card number.
void forgetCardInput(Frame& f, const forms::Item& list) {
    const std::string prefix = list.id + ".";
    if (f.state.keyboard.open && f.state.keyboard.item.rfind(prefix, 0) == 0) f.state.keyboard = KeyboardState{};
    for (auto it = f.state.dates.begin(); it != f.state.dates.end();)
        it = it->first.rfind(prefix, 0) == 0 ? f.state.dates.erase(it) : std::next(it);
}

/// One card: its number and Remove on one line, then each field with its label. True: Remove tapped.
bool drawCard(Frame& f, const forms::Item& list, const forms::Answer* answer, int entry, float width) {
    const float pad = f.px(f.theme.padEm), target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    const session::Wording w{f.catalog, f.lang, core::pickLanguage(f.form.languages)};
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float inner = width - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    ImGui::BeginGroup();
    const std::string base = "item/" + list.id + "/entry/" + std::to_string(entry);
    // Remove at the card's far corner, away from the fields; a toggle's debounce keeps a double tap
    // from also removing the card that moves up into its place.
    const std::string removeLabel = "\xC3\x97  " + f.tr("ui.repeat.remove");  // U+00D7, in every font we ship
    const float removeW = std::min(inner * 0.45f, textWidth(f, FontRole::BodyBold, removeLabel) + 4 * pad);
    const std::string title = session::entryTitle(list, static_cast<std::size_t>(entry), w);
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + (target - f.em * 1.2f) * 0.5f));
    text(f, FontRole::BodyBold, title, f.pal.text, inner - removeW - gap);
    registerLastText(f, base + "/title", title, FontRole::BodyBold);
    const float titleBottom = ImGui::GetItemRectMax().y;  // a long entry name wraps below Remove
    ImGui::SetCursorScreenPos(ImVec2(row.x + inner - removeW, row.y));
    const std::string removeKey = base + "/remove";
    ButtonSpec remove{removeKey, removeLabel, WidgetKind::Toggle};
    const bool removed = button(f, remove, ImVec2(removeW, target));
    if (ImGui::GetCursorScreenPos().y < titleBottom) ImGui::SetCursorScreenPos(ImVec2(row.x, titleBottom));
    for (const forms::Item& field : list.fields) {
        ImGui::Dummy(ImVec2(inner, gap * 0.5f));
        const std::string key = listFieldKey(list, entry, field);
        forms::Item& shown = f.state.listFields[key];  // the field under its card's key, for the keyboard too
        if (shown.id != key) {
            shown = field;
            shown.id = key;
            // Over the keyboard, which hides the card, the field names its card: "Medicine 2: Name".
            for (auto& [lang, label] : shown.label.byLang)
                label = session::entryTitle(list, static_cast<std::size_t>(entry), {f.catalog, lang, w.formLang}) + ": " + label;
        }
        text(f, FontRole::Body, f.text(field.label), f.pal.text, inner);
        registerLastText(f, "question/" + key, f.text(field.label), FontRole::Body);
        const session::ItemView one{&shown, session::fieldAt(answer, static_cast<std::size_t>(entry), field.id), std::string()};
        drawField(f, one, inner);
    }
    ImGui::EndGroup();
    const ImVec2 bottom(top.x + width, ImGui::GetItemRectMax().y + pad);
    ImGui::GetWindowDrawList()->AddRect(top, bottom, col(f.pal.buttonBorder), f.px(f.theme.roundingEm), 0,
                                        std::max(2.0f, f.px(f.theme.borderEm)));
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(width, bottom.y - top.y));
    return removed;
}

}  // namespace

std::string listFieldKey(const forms::Item& list, int entry, const forms::Item& field) {
    return list.id + "." + std::to_string(entry) + "." + field.id;
}

void drawList(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const int count = static_cast<int>(session::entryCount(iv.answer));
    int& cards = f.state.listCards[item.id];
    cards = std::clamp(std::max(cards, count), 1, std::max(1, item.maxEntries));
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    int removed = -1;
    for (int i = 0; i < cards; ++i) {
        if (i > 0) ImGui::Dummy(ImVec2(width, gap));
        if (drawCard(f, item, iv.answer, i, width)) removed = i;
    }
    if (removed >= 0) {
        if (removed < count) f.emit(session::ClearAnswer{item.id, removed});
        cards = std::max(1, cards - 1);
        forgetCardInput(f, item);
    }
    ImGui::Dummy(ImVec2(width, gap * 0.5f));
    // Add another: once the last card holds something, while the list takes more.
    const bool full = count >= item.maxEntries;
    if (full) {
        const std::string most = f.fmt("ui.repeat.full", {std::to_string(item.maxEntries)});
        text(f, FontRole::Body, most, f.pal.mutedText, width);
        registerLastText(f, "hint/" + item.id, most, FontRole::Body);
        return;
    }
    const bool canAdd = cards <= count;
    const std::string addKey = "item/" + item.id + "/add";
    const session::Wording w{f.catalog, f.lang, core::pickLanguage(f.form.languages)};
    const std::string addLabel = "+  " + session::addEntryLabel(item, static_cast<std::size_t>(cards), w);
    ButtonSpec add{addKey, addLabel, WidgetKind::Button};
    add.look = canAdd ? Look::Primary : Look::Dimmed;
    add.enabled = canAdd;
    const float addW = std::min(width, std::max(f.px(12.0f), textWidth(f, FontRole::BodyBold, addLabel) + 4 * f.px(f.theme.padEm)));
    if (button(f, add, ImVec2(addW, target))) ++cards;
}

void routeListAnswers(ActionSink& out, std::size_t from) {
    // "<list>.<entry>.<field>": item ids never hold a '.', so the key splits one way only.
    auto split = [](const std::string& key, std::string& list, int& entry, std::string& field) {
        const auto a = key.find('.');
        const auto b = a == std::string::npos ? a : key.find('.', a + 1);
        if (b == std::string::npos) return false;
        list = key.substr(0, a);
        entry = std::atoi(key.substr(a + 1, b - a - 1).c_str());
        field = key.substr(b + 1);
        return true;
    };
    for (std::size_t i = from; i < out.size(); ++i) {
        std::string list, field;
        int entry = -1;
        if (auto* set = std::get_if<session::SetAnswer>(&out[i]); set && split(set->item, list, entry, field))
            out[i] = session::SetAnswer{list, std::move(set->value), entry, field};
        else if (auto* clear = std::get_if<session::ClearAnswer>(&out[i]); clear && split(clear->item, list, entry, field))
            out[i] = session::ClearAnswer{list, entry, field};
    }
}

}  // namespace kiosk::ui
