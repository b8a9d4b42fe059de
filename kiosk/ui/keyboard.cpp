#include "kiosk/ui/keyboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

using Type = KeyDef::Type;

std::vector<KeyDef> chars(std::initializer_list<const char*> keys) {
    std::vector<KeyDef> row;
    for (const char* k : keys) row.push_back(KeyDef{k, k, Type::Char, 1.0f});
    return row;
}

KeyDef special(const char* id, Type type, float units) { return KeyDef{id, "", type, units}; }

bool endsWithSeparator(const std::string& s) {
    return s.empty() || s.back() == ' ' || s.back() == '-' || s.back() == '\'';
}

std::string keyLabel(const Frame& f, const KeyDef& k, bool shift) {
    switch (k.type) {
        case Type::Char: return shift ? upperLetter(k.text) : k.text;
        case Type::Shift: return f.tr("ui.keyboard.shift");
        case Type::Backspace: return f.tr("ui.keyboard.backspace");
        case Type::Space: return f.tr("ui.keyboard.space");
        case Type::NewLine: return f.tr("ui.keyboard.new_line");
        case Type::Done: return f.tr("ui.keyboard.done");
    }
    return k.id;
}

/// Shift's mark, an upward arrow like a phone keyboard's: filled while on, outlined while off, so
/// its state never rests on colour alone (Noto Sans has no U+21E7, so it is drawn).
struct ShiftArrow {
    float w, inset;
    explicit ShiftArrow(const Frame& f) : w(f.em * 0.7f), inset(f.em * 0.35f) {}
    /// Room the centred label leaves at the key's left for the arrow (>= 0: it fits).
    float room(const Frame& f, std::string_view label, float keyW) const {
        return (keyW - textWidth(f, FontRole::BodyBold, label)) * 0.5f - inset - w - f.em * 0.2f;
    }
    void draw(ImDrawList* dl, ImVec2 keyMin, float keyH, bool on, ImU32 c) const {
        const float h = w * 1.15f, x = keyMin.x + inset, top = keyMin.y + (keyH - h) * 0.5f;
        const float mid = top + h * 0.5f, bottom = top + h, s0 = x + w * 0.28f, s1 = x + w * 0.72f;
        if (on) {
            dl->AddTriangleFilled(ImVec2(x + w * 0.5f, top), ImVec2(x + w, mid), ImVec2(x, mid), c);
            dl->AddRectFilled(ImVec2(s0, mid - 1), ImVec2(s1, bottom), c);
            return;
        }
        const ImVec2 outline[] = {ImVec2(x + w * 0.5f, top), ImVec2(x + w, mid), ImVec2(s1, mid), ImVec2(s1, bottom),
                                  ImVec2(s0, bottom), ImVec2(s0, mid), ImVec2(x, mid)};
        dl->AddPolyline(outline, 7, c, ImDrawFlags_Closed, std::max(2.0f, w * 0.1f));
    }
};

void sendAnswer(Frame& f, const forms::Item& item, const KeyboardState& kb) {
    if (kb.slot >= 0) {  // one value of a repeating number: set, never cleared (that would shift the list)
        char* end = nullptr;
        const double v = std::strtod(kb.buffer.c_str(), &end);
        if (!kb.buffer.empty() && end != kb.buffer.c_str() && std::isfinite(v))
            f.emit(session::SetAnswer{item.id, forms::Answer{v}, kb.slot});
        return;
    }
    if (kb.buffer.empty()) {
        f.emit(session::ClearAnswer{item.id});
        return;
    }
    if (kb.layout == KeyboardLayout::Number) {
        char* end = nullptr;
        const double v = std::strtod(kb.buffer.c_str(), &end);
        if (end == kb.buffer.c_str() || !std::isfinite(v)) {  // "-" or "." alone: nothing yet
            f.emit(session::ClearAnswer{item.id});
            return;
        }
        f.emit(session::SetAnswer{item.id, forms::Answer{v}});
        return;
    }
    f.emit(session::SetAnswer{item.id, forms::Answer{kb.buffer}});
}

}  // namespace

int keyboardColumns(KeyboardLayout layout) {
    return layout == KeyboardLayout::Phone || layout == KeyboardLayout::Number ? 3 : 10;
}

std::vector<std::vector<KeyDef>> keyboardRows(KeyboardLayout layout, bool multiline, int decimals,
                                              bool allowNegative) {
    std::vector<std::vector<KeyDef>> rows;
    auto digits = chars({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"});
    switch (layout) {
        case KeyboardLayout::Number:
        case KeyboardLayout::Phone: {
            rows.push_back(chars({"1", "2", "3"}));
            rows.push_back(chars({"4", "5", "6"}));
            rows.push_back(chars({"7", "8", "9"}));
            std::vector<KeyDef> last;
            if (layout == KeyboardLayout::Phone) {
                last = chars({"(", "0", ")"});
                rows.push_back(last);
                rows.push_back(chars({"+", "-"}));
                rows.back().push_back(special("backspace", Type::Backspace, 1));
            } else {
                if (allowNegative) last.push_back(KeyDef{"-", "-", Type::Char, 1});
                if (decimals > 0) last.push_back(KeyDef{".", ".", Type::Char, 1});
                last.push_back(KeyDef{"0", "0", Type::Char, 1});
                last.push_back(special("backspace", Type::Backspace, 1));
                if (last.size() > 3) {  // both - and .: move backspace to its own row
                    last.pop_back();
                    rows.push_back(last);
                    last = {special("backspace", Type::Backspace, 1)};
                }
                rows.push_back(last);
            }
            rows.push_back({special("done", Type::Done, 3)});
            return rows;
        }
        case KeyboardLayout::Email:
            rows.push_back(digits);
            rows.push_back(chars({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}));
            rows.push_back(chars({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ñ"}));
            rows.push_back(chars({"z", "x", "c", "v", "b", "n", "m"}));
            rows.back().push_back(special("backspace", Type::Backspace, 3));
            rows.push_back(chars({"@", ".", "-", "_"}));
            rows.back().push_back(KeyDef{".com", ".com", Type::Char, 2});
            rows.back().push_back(special("done", Type::Done, 4));
            return rows;
        case KeyboardLayout::Text:
        case KeyboardLayout::Name:
            if (layout == KeyboardLayout::Text) rows.push_back(digits);
            rows.push_back(chars({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}));
            rows.push_back(chars({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ñ"}));
            rows.push_back({special("shift", Type::Shift, 1.5f)});
            for (auto& k : chars({"z", "x", "c", "v", "b", "n", "m"})) rows.back().push_back(k);
            rows.back().push_back(special("backspace", Type::Backspace, 1.5f));
            if (layout == KeyboardLayout::Name) {
                rows.push_back(chars({"á", "é", "í", "ó", "ú", "ü", "'", "-", "."}));
                rows.push_back({special("space", Type::Space, 6.0f), special("done", Type::Done, 4.0f)});
                return rows;
            }
            // Free text: what patients write ("can't", "3/15", "¿dónde?") without hunting for it.
            rows.push_back(chars({"á", "é", "í", "ó", "ú", "ü", "'", "-", "?", "!"}));
            rows.push_back(chars({",", ".", "/", "¿", "¡"}));
            rows.back().push_back(special("space", Type::Space, multiline ? 2.0f : 3.0f));
            if (multiline) rows.back().push_back(special("newline", Type::NewLine, 1.5f));
            rows.back().push_back(special("done", Type::Done, multiline ? 1.5f : 2.0f));
            return rows;
    }
    return rows;
}

std::vector<KeySlot> placeKeys(const Frame& f, const std::vector<std::vector<KeyDef>>& rows, float left, float top,
                               float gridW, float unit, float rowH) {
    const float gap = f.px(f.theme.gapEm);
    std::vector<KeySlot> slots;
    float y = top;
    for (const auto& row : rows) {
        float units = 0;
        for (const auto& k : row) units += k.units;
        float x = left + (gridW - (unit * units + gap * (units - 1))) * 0.5f;
        for (const auto& k : row) {
            const float w = unit * k.units + gap * (k.units - 1);
            slots.push_back(KeySlot{&k, x, y, w});
            x += w + gap;
        }
        y += rowH + gap;
    }
    return slots;
}

std::string upperLetter(std::string_view letter) {
    std::string s(letter);
    if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') {
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    } else if (s.size() == 2 && static_cast<unsigned char>(s[0]) == 0xC3) {
        const auto b = static_cast<unsigned char>(s[1]);
        if (b >= 0xA0 && b <= 0xBE && b != 0xB7) s[1] = static_cast<char>(b - 0x20);  // Latin-1 lower -> upper
    }
    return s;
}

int codePoints(std::string_view s) {
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void popCodePoint(std::string& s) {
    while (!s.empty()) {
        const auto c = static_cast<unsigned char>(s.back());
        s.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

bool applyKey(KeyboardState& kb, const KeyDef& key, int maxLength, int decimals) {
    const std::string before = kb.buffer;
    const bool wasShift = kb.shift;
    switch (key.type) {
        case Type::Shift: kb.shift = !kb.shift; return true;
        case Type::Done: kb.open = false; return true;
        case Type::Backspace: popCodePoint(kb.buffer); break;
        case Type::Space:
            if (!kb.buffer.empty() && kb.buffer.back() != ' ') kb.buffer += ' ';
            break;
        case Type::NewLine: kb.buffer += '\n'; break;
        case Type::Char: {
            std::string add = kb.shift ? upperLetter(key.text) : key.text;
            if (kb.layout == KeyboardLayout::Number) {
                const auto dot = kb.buffer.find('.');
                if (add == "." && (dot != std::string::npos || decimals <= 0)) return false;
                if (add == "-" && !kb.buffer.empty()) return false;
                if (dot != std::string::npos && static_cast<int>(kb.buffer.size() - dot - 1) >= decimals)
                    return false;
                if (kb.buffer == "0" && add != ".") kb.buffer.clear();  // no leading zeros
            }
            if (codePoints(kb.buffer) + codePoints(add) > maxLength) return false;
            kb.buffer += add;
            break;
        }
    }
    // Shift is one-shot; names start each word with a capital by themselves.
    kb.shift = kb.layout == KeyboardLayout::Name ? endsWithSeparator(kb.buffer) : false;
    if (key.type == Type::Backspace && kb.layout != KeyboardLayout::Name) kb.shift = wasShift;
    return kb.buffer != before;
}

KeyboardLayout layoutFor(const forms::Item& item) {
    if (item.type == forms::ItemType::Number) return KeyboardLayout::Number;
    switch (item.textKind) {
        case forms::TextKind::Name: return KeyboardLayout::Name;
        case forms::TextKind::Phone: return KeyboardLayout::Phone;
        case forms::TextKind::Email: return KeyboardLayout::Email;
        case forms::TextKind::Text:
        case forms::TextKind::Multiline: break;
    }
    return KeyboardLayout::Text;
}

std::string formatNumber(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 6), v);
    return buf;
}

std::string localNumber(const Frame& f, std::string number) {
    const std::string& sep = f.tr("number.decimal_separator");
    if (const auto dot = number.find('.'); dot != std::string::npos && sep != ".") number.replace(dot, 1, sep);
    return number;
}

void openKeyboard(UiState& state, const forms::Item& item, const forms::Answer* answer) {
    KeyboardState kb;
    kb.open = true;
    kb.item = item.id;
    kb.layout = layoutFor(item);
    kb.multiline = item.textKind == forms::TextKind::Multiline;
    if (answer) {
        if (const auto* s = std::get_if<std::string>(answer)) kb.buffer = *s;
        if (const auto* d = std::get_if<double>(answer)) kb.buffer = formatNumber(*d, item.decimals);
    }
    kb.shift = kb.layout == KeyboardLayout::Name ? endsWithSeparator(kb.buffer)
                                                 : (kb.layout == KeyboardLayout::Text && kb.buffer.empty());
    state.keyboard = kb;
}

float keyboardPanelHeight(const Frame& f, const forms::Item& item) {
    const KeyboardState& kb = f.state.keyboard;
    const auto rows = keyboardRows(kb.layout, kb.multiline, item.decimals, item.min && *item.min < 0);
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const float header = f.em * 1.4f + target + gap;  // question line + what was typed
    return f.px(f.theme.padEm) * 2 + header + static_cast<float>(rows.size()) * (target + gap);
}

void drawKeyboardPanel(Frame& f, const forms::Item& item, float width) {
    KeyboardState& kb = f.state.keyboard;
    const bool negative = item.min && *item.min < 0;
    const auto rows = keyboardRows(kb.layout, kb.multiline, item.decimals, negative);
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float pad = f.px(f.theme.padEm);
    const float innerW = width - 2 * pad;
    const float height = keyboardPanelHeight(f, item);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), col(f.pal.bar));
    dl->AddLine(origin, ImVec2(origin.x + width, origin.y), col(f.pal.buttonBorder), 2.0f);

    // Pads are narrower and centred; letter keyboards use the full width.
    const int columns = keyboardColumns(kb.layout);
    const float unit = columns == 3 ? std::min(f.px(6.0f), columnWidth(f, innerW, 3))
                                    : columnWidth(f, innerW, columns);
    const float gridW = unit * static_cast<float>(columns) + gap * static_cast<float>(columns - 1);
    const float left = origin.x + pad + (innerW - gridW) * 0.5f;

    // What was typed, in a field-like box, so the patient sees it next to the keys.
    ImGui::SetCursorScreenPos(ImVec2(left, origin.y + pad));
    text(f, FontRole::BodyBold, f.text(item.label), f.pal.text, gridW);
    const ImVec2 boxMin(left, origin.y + pad + f.em * 1.4f);
    const ImVec2 boxMax(left + gridW, boxMin.y + target);
    dl->AddRectFilled(boxMin, boxMax, col(f.pal.button), f.px(f.theme.roundingEm));
    dl->AddRect(boxMin, boxMax, col(f.pal.buttonBorder), f.px(f.theme.roundingEm), 0, 2.0f);
    std::string typed = kb.layout == KeyboardLayout::Number ? localNumber(f, kb.buffer) : kb.buffer;
    std::replace(typed.begin(), typed.end(), '\n', ' ');
    std::string shown = typed;
    if (kb.layout == KeyboardLayout::Number && !item.unit.empty()) shown += " " + f.text(item.unit);
    ImFont* font = f.fonts.body ? f.fonts.body : ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(f.em, FLT_MAX, 0, shown.c_str());
    const float textX = std::min(boxMin.x + pad, boxMax.x - pad - ts.x - f.em * 0.3f);  // keep the end visible
    dl->PushClipRect(boxMin, boxMax, true);
    dl->AddText(font, f.em, ImVec2(textX, boxMin.y + (target - ts.y) * 0.5f), col(f.pal.buttonText),
                shown.c_str());
    const float caretX = textX + font->CalcTextSizeA(f.em, FLT_MAX, 0, typed.c_str()).x + 2;
    dl->AddLine(ImVec2(caretX, boxMin.y + target * 0.2f), ImVec2(caretX, boxMax.y - target * 0.2f),
                col(f.pal.text), 2.0f);
    dl->PopClipRect();

    const KeyDef* pressed = nullptr;
    const ShiftArrow arrow(f);
    for (const KeySlot& slot : placeKeys(f, rows, left, boxMax.y + gap, gridW, unit, target)) {
        const KeyDef& k = *slot.key;
        ImGui::SetCursorScreenPos(ImVec2(slot.x, slot.y));
        const std::string key = "keyboard/" + k.id;
        std::string label = keyLabel(f, k, kb.shift);
        if (kb.layout == KeyboardLayout::Number && k.id == ".") label = localNumber(f, ".");  // "," in Spanish
        if (k.type == Type::Shift && arrow.room(f, label, slot.w) < 0) label = f.tr("ui.keyboard.shift_short");
        if (k.type == Type::Shift && arrow.room(f, label, slot.w) < 0) label.clear();  // the arrow alone, as on phones
        ButtonSpec spec{key, label, WidgetKind::Key};
        spec.look = k.type == Type::Done ? Look::Primary
                    : (k.type == Type::Shift && kb.shift) ? Look::Selected : Look::Plain;
        spec.font = k.type == Type::Char ? FontRole::Question : FontRole::BodyBold;
        if (button(f, spec, ImVec2(slot.w, target))) pressed = &k;
        if (k.type == Type::Shift)
            arrow.draw(dl, ImVec2(slot.x, slot.y), target, kb.shift,
                       col(kb.shift ? f.pal.selectedText : f.pal.buttonText));
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    if (pressed) {
        const bool changed = applyKey(kb, *pressed, item.type == forms::ItemType::Number ? 24 : item.maxLength,
                                      item.decimals);
        if (changed && pressed->type != Type::Shift && pressed->type != Type::Done) sendAnswer(f, item, kb);
    }
}

}  // namespace kiosk::ui
