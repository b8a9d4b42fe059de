#include "kiosk/ui/staff_gate.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kiosk/ui/screens.h"

namespace kiosk::ui {
namespace {

double secondsBetween(session::TimePoint from, session::TimePoint to) {
    return std::chrono::duration<double>(to - from).count();
}

}  // namespace

int StaffGate::lockoutSeconds(int wrong) {
    if (wrong < 3) return 0;
    return std::min(600, 10 << std::min(wrong - 3, 6));
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
        m_pinOpen = true;
        m_entered.clear();
        m_showWrong = false;
        m_lastInput = f.now;
    }
}

double StaffGate::wakeAfter(session::TimePoint now) const {
    double wake = -1;
    auto consider = [&](double s) { wake = wake < 0 ? s : std::min(wake, s); };
    if (m_holdStart) consider(std::max(0.05, m_holdSeconds - secondsBetween(*m_holdStart, now)));
    if (m_pinOpen) {
        consider(std::max(0.05, m_idleSeconds - secondsBetween(m_lastInput, now)));
        if (m_lockedUntil && *m_lockedUntil > now) consider(1.0);  // the lockout countdown ticks
    }
    return wake;
}

bool StaffGate::drawPinPad(Frame& f) {
    if (ImGui::GetIO().MouseClicked[0]) m_lastInput = f.now;
    if (secondsBetween(m_lastInput, f.now) >= m_idleSeconds) {  // left alone: back to the patient screen
        m_pinOpen = false;
        m_entered.clear();
        return false;
    }
    const bool locked = m_lockedUntil && *m_lockedUntil > f.now;
    const float target = f.px(f.theme.targetEm) * 1.15f, gap = f.px(f.theme.gapEm);
    const float keyW = f.px(6.0f);
    const float gridW = 3 * keyW + 2 * gap;
    const float x = (f.displayW - gridW) * 0.5f;
    float y = f.px(1.5f);
    ImGui::SetCursorScreenPos(ImVec2(x - f.px(6.0f), y));
    centredText(f, FontRole::Title, f.tr("ui.staff.title"), f.pal.text, gridW + f.px(12.0f));
    y = ImGui::GetCursorScreenPos().y + f.em * 0.3f;
    std::string line;
    if (locked) {
        const auto left = static_cast<int>(std::ceil(secondsBetween(f.now, *m_lockedUntil)));
        line = f.fmt("ui.staff.locked", {std::to_string(left)});
    } else if (m_showWrong) {
        line = f.tr("ui.staff.wrong");
    } else {
        line = f.tr("ui.staff.enter_pin");
    }
    ImGui::SetCursorScreenPos(ImVec2(x - f.px(6.0f), y));
    centredText(f, FontRole::Body, line, m_showWrong || locked ? f.pal.error : f.pal.text, gridW + f.px(12.0f));
    y = ImGui::GetCursorScreenPos().y + f.em * 0.3f;
    // One dot per digit typed; the digits themselves are never shown.
    const std::string dots(m_entered.size(), '*');
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    centredText(f, FontRole::Title, dots.empty() ? " " : dots, f.pal.text, gridW);
    y = ImGui::GetCursorScreenPos().y + gap;

    static const char* kKeys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "cancel", "0", "backspace"};
    bool entered = false;
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(i % 3) * (keyW + gap),
                                         y + static_cast<float>(i / 3) * (target + gap)));
        const std::string id = kKeys[i];
        const std::string key = "staff/pin/" + id;
        const std::string label = id == "cancel" ? f.tr("ui.staff.cancel")
                                  : id == "backspace" ? f.tr("ui.keyboard.backspace") : id;
        ButtonSpec spec{key, label, WidgetKind::Key};
        spec.enabled = !locked || id == "cancel";
        spec.font = id.size() == 1 ? FontRole::Title : FontRole::BodyBold;
        if (!button(f, spec, ImVec2(keyW, target))) continue;
        if (id == "cancel") {
            m_pinOpen = false;
            m_entered.clear();
            return false;
        }
        if (id == "backspace") {
            if (!m_entered.empty()) m_entered.pop_back();
        } else if (m_entered.size() < 12) {
            m_entered += id;
            m_showWrong = false;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y + 4 * (target + gap)));
    ButtonSpec ok{"staff/pin/ok", f.tr("ui.staff.ok"), WidgetKind::Key};
    ok.look = Look::Primary;
    ok.enabled = !locked && !m_entered.empty();
    if (button(f, ok, ImVec2(gridW, target))) {
        if (m_entered == m_pin) {
            m_wrong = 0;
            m_lockedUntil.reset();
            m_pinOpen = false;
            entered = true;
        } else {
            ++m_wrong;
            m_showWrong = true;
            const int lock = lockoutSeconds(m_wrong);
            if (lock > 0) m_lockedUntil = f.now + std::chrono::seconds(lock);
        }
        m_entered.clear();
    }
    return entered;
}

}  // namespace kiosk::ui
