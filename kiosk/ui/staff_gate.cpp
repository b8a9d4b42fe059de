#include "kiosk/ui/staff_gate.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/screens.h"

namespace kiosk::ui {
namespace {

double secondsBetween(session::TimePoint from, session::TimePoint to) {
    return std::chrono::duration<double>(to - from).count();
}

/// The passphrase keyboard: letters with shift, digits and the symbols passphrases use (the
/// default one has '-'); the last row holds cancel, space and OK.
const std::vector<std::vector<KeyDef>>& passphraseRows() {
    using Type = KeyDef::Type;
    static const std::vector<std::vector<KeyDef>> kRows = [] {
        auto chars = [](std::initializer_list<const char*> keys) {
            std::vector<KeyDef> row;
            for (const char* k : keys) row.push_back(KeyDef{k, k, Type::Char, 1.0f});
            return row;
        };
        std::vector<std::vector<KeyDef>> rows;
        rows.push_back(chars({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}));
        rows.push_back(chars({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}));
        rows.push_back(chars({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ñ"}));
        rows.push_back({KeyDef{"shift", "", Type::Shift, 1.5f}});
        for (auto& k : chars({"z", "x", "c", "v", "b", "n", "m"})) rows.back().push_back(k);
        rows.back().push_back(KeyDef{"backspace", "", Type::Backspace, 1.5f});
        rows.push_back(chars({"-", "_", ".", ",", "@", "!", "?", "#", "/", "+"}));
        rows.push_back({KeyDef{"cancel", "", Type::Done, 3.0f}, KeyDef{"space", " ", Type::Space, 4.0f},
                        KeyDef{"ok", "", Type::Done, 3.0f}});
        return rows;
    }();
    return kRows;
}

/// Registry key of a PIN pad key (the passphrase keyboard's are made by passphraseKeyboard()).
std::string padKey(const std::string& id) { return "staff/pin/" + id; }

}  // namespace

std::string lockedLine(const Frame& f, int seconds) {
    if (seconds < 60) return f.count("ui.staff.locked", seconds);
    return f.count("ui.staff.locked_minutes", (seconds + 59) / 60);  // rounded up: never "0 minutes"
}

void StaffGate::watchCorner(Frame& f) {
    const float side = f.px(f.theme.staffCornerEm);
    m_holdSeconds = f.theme.staffHoldSeconds;
    WidgetInfo corner;
    corner.key = "staff/corner";
    corner.kind = WidgetKind::Hidden;
    corner.rect = corner.visible = Rect{0, 0, side, side};
    f.registry.add(std::move(corner));
    const ImGuiIO& io = ImGui::GetIO();
    const bool inCorner = io.MousePos.x >= 0 && io.MousePos.x < side && io.MousePos.y >= 0 && io.MousePos.y < side;
    if (io.MouseClicked[0] && inCorner) m_holdStart = f.now;
    if (!io.MouseDown[0] || !inCorner) m_holdStart.reset();  // lifting or sliding away cancels
    if (m_holdStart && secondsBetween(*m_holdStart, f.now) >= f.theme.staffHoldSeconds) {
        m_holdStart.reset();
        m_shift = false;
        m_gate.open(f.now);
    }
}

double StaffGate::wakeAfter(session::TimePoint now) const {
    double wake = -1;
    auto consider = [&](double s) { wake = wake < 0 ? s : std::min(wake, s); };
    if (m_holdStart) consider(std::max(0.05, m_holdSeconds - secondsBetween(*m_holdStart, now)));
    if (m_gate.isOpen())
        if (const auto next = m_gate.nextDeadline(now)) consider(std::max(0.05, secondsBetween(now, *next)));
    return wake;
}

bool StaffGate::drawPinPad(Frame& f) {
    if (ImGui::GetIO().MouseClicked[0]) m_gate.touch(f.now);
    m_gate.tick(f.now);  // left alone: back to the patient screen
    if (!m_gate.isOpen()) return false;
    const staff::GateView v = m_gate.view(f.now);
    const bool passphrase = v.mode == staff::GateMode::Passphrase;
    const float gap = f.px(f.theme.gapEm);
    // The PIN pad is three big keys wide; the passphrase keyboard takes the screen's width.
    const float gridW = passphrase ? std::min(f.displayW - 2 * f.px(f.theme.marginEm), f.px(f.theme.contentMaxEm))
                                   : 3 * f.px(6.0f) + 2 * gap;
    const float textW = passphrase ? gridW : gridW + f.px(12.0f);
    const float x = (f.displayW - gridW) * 0.5f;
    float y = f.px(passphrase ? 0.8f : 1.5f);
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - textW) * 0.5f, y));
    centredText(f, FontRole::Title, f.tr("ui.staff.title"), f.pal.text, textW);
    y = ImGui::GetCursorScreenPos().y + f.em * 0.3f;
    std::string line;
    switch (v.message) {
        case staff::GateMessage::Locked: line = lockedLine(f, v.lockedSeconds); break;
        case staff::GateMessage::Wrong: line = f.tr(passphrase ? "ui.staff.wrong_passphrase" : "ui.staff.wrong"); break;
        case staff::GateMessage::Enter: line = f.tr(passphrase ? "ui.staff.enter_passphrase" : "ui.staff.enter_pin"); break;
    }
    // The message and the dots sit in rooms of fixed height, so the keys never move between taps
    // (issue 20: the pad jumped about 60 px down after the first digit).
    float lineH = 0;
    for (const char* key : {"ui.staff.enter_pin", "ui.staff.wrong", "ui.staff.enter_passphrase",
                            "ui.staff.wrong_passphrase"})
        lineH = std::max(lineH, centredTextHeight(f, FontRole::Body, f.tr(key), textW));
    lineH = std::max(lineH, centredTextHeight(f, FontRole::Body, line, textW));
    ImGui::SetCursorScreenPos(ImVec2((f.displayW - textW) * 0.5f, y));
    centredText(f, FontRole::Body, line, v.message == staff::GateMessage::Enter ? f.pal.text : f.pal.error, textW);
    registerLastText(f, "staff/message", line, FontRole::Body);
    y += lineH + f.em * 0.3f;
    // One dot per character typed; what was typed is never shown (and ui never holds it).
    const std::string dots(static_cast<std::size_t>(v.entered), '*');
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (!dots.empty()) centredText(f, FontRole::Title, dots, f.pal.text, gridW);
    y += centredTextHeight(f, FontRole::Title, "*", gridW) + gap;
    if (passphrase) {
        drawPassphraseKeys(f, x, y, gridW, v);
    } else {
        drawPinKeys(f, x, y, v);
    }
    return m_gate.takeGranted();
}

void StaffGate::drawPinKeys(Frame& f, float x, float y, const staff::GateView& v) {
    const bool locked = v.lockedSeconds > 0;
    const float target = f.px(f.theme.targetEm) * 1.15f, gap = f.px(f.theme.gapEm);
    const float keyW = f.px(6.0f);
    const float gridW = 3 * keyW + 2 * gap;
    static const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "cancel", "0", "backspace"};
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, column = i % 3;
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(column) * (keyW + gap),
                                         y + static_cast<float>(row) * (target + gap)));
        const std::string id = kKeys[i];
        const std::string key = padKey(id);
        const std::string label = id == "cancel" ? f.tr("ui.staff.cancel")
                                  : id == "backspace" ? f.tr("ui.keyboard.backspace") : id;
        ButtonSpec spec{key, label, WidgetKind::Key};
        spec.enabled = !locked || id == "cancel";
        spec.font = id.size() == 1 ? FontRole::Title : FontRole::BodyBold;
        if (!button(f, spec, ImVec2(keyW, target))) continue;
        if (id == "cancel") {
            m_gate.cancel();
        } else if (id == "backspace") {
            m_gate.backspace(f.now);
        } else {
            m_gate.type(id, f.now);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + 4 * (target + gap)));
    ButtonSpec ok{"staff/pin/ok", f.tr("ui.staff.ok"), WidgetKind::Key};
    ok.look = Look::Primary;
    ok.enabled = v.canSubmit;
    if (button(f, ok, ImVec2(gridW, target))) (void)m_gate.submit(f.now);
}

const KeyDef* passphraseKeyboard(Frame& f, float x, float y, float width, bool shift, bool locked, bool canSubmit,
                                 std::string_view charPrefix, std::string_view controlPrefix, float bottom, bool busy) {
    using Type = KeyDef::Type;
    const auto& rows = passphraseRows();
    const float n = static_cast<float>(rows.size());
    const float fits = std::floor((bottom - y - (n - 1) * f.px(f.theme.gapEm)) / n);
    const float floorPx = std::ceil(f.theme.minTargetPxAt1080 * f.displayH / f.theme.referenceHeight);
    const float target = std::clamp(fits, floorPx, f.px(f.theme.targetEm));
    const float unit = columnWidth(f, width, 10);
    const KeyDef* pressed = nullptr;
    for (const KeySlot& slot : placeKeys(f, rows, x, y, width, unit, target)) {
        const KeyDef& k = *slot.key;
        ImGui::SetCursorScreenPos(ImVec2(slot.x, slot.y));
        std::string label;
        switch (k.type) {
            case Type::Char: label = shift ? upperLetter(k.text) : k.text; break;
            case Type::Shift: label = f.tr("ui.keyboard.shift_short"); break;
            case Type::Backspace: label = f.tr("ui.keyboard.backspace"); break;
            case Type::Space: label = f.tr("ui.keyboard.space"); break;
            default: label = f.tr(k.id == "ok" ? "ui.staff.ok" : "ui.staff.cancel"); break;
        }
        const bool control = k.id == "cancel" || k.id == "ok" || k.id == "backspace";
        const std::string key = std::string(control ? controlPrefix : charPrefix) + k.id;
        ButtonSpec spec{key, label, WidgetKind::Key};
        spec.look = k.id == "ok" ? Look::Primary : (k.type == Type::Shift && shift) ? Look::Selected : Look::Plain;
        spec.font = k.type == Type::Char ? FontRole::Question : FontRole::BodyBold;
        // Cancel stays tappable on a locked gate (staff may leave); nothing is while the owner is busy.
        spec.enabled = !busy && (k.id == "cancel" || (k.id == "ok" ? canSubmit : !locked));
        if (button(f, spec, ImVec2(slot.w, target))) pressed = &k;
    }
    return pressed;
}

void StaffGate::drawPassphraseKeys(Frame& f, float x, float y, float width, const staff::GateView& v) {
    using Type = KeyDef::Type;
    const KeyDef* pressed = passphraseKeyboard(f, x, y, width, m_shift, v.lockedSeconds > 0, v.canSubmit,
                                               "staff/pass/", "staff/pin/", f.displayH - f.px(f.theme.gapEm));
    if (!pressed) return;
    switch (pressed->type) {
        case Type::Shift: m_shift = !m_shift; return;
        case Type::Backspace: m_gate.backspace(f.now); return;
        case Type::Char: m_gate.type(m_shift ? upperLetter(pressed->text) : pressed->text, f.now); break;
        case Type::Space: m_gate.type(" ", f.now); break;
        default:
            if (pressed->id == "cancel") {
                m_gate.cancel();
            } else {
                (void)m_gate.submit(f.now);
            }
            break;
    }
    m_shift = false;  // one-shot, like the patients' keyboard
}

}  // namespace kiosk::ui
