#include "kiosk/app/shell/desk_scene.h"

#include "kiosk/core/log.h"

namespace kiosk::app {

KioskScenes::KioskScenes(IntakeScene& intake, ui::KioskView& view, staff::Desk& desk,
                         std::function<void()> deskClosed)
    : m_intake(intake), m_view(view), m_desk(desk), m_deskClosed(std::move(deskClosed)) {}

void KioskScenes::afterDesk() {
    if (m_desk.closeRequested()) {
        core::logger()->info("staff closed the kiosk");
        m_exit = true;
    } else if (m_desk.left()) {
        core::logger()->info("staff desk closed");
        m_view.wipeDesk();
        m_inDesk = false;
        if (m_deskClosed) m_deskClosed();
    }
}

bool KioskScenes::draw(SteadyTime now) {
    if (!m_inDesk) {
        const bool changed = m_intake.draw(now);
        if (!m_intake.wantsExit()) return changed;
        m_intake.clearExit();  // the gate opened: the desk, not the end of the program
        core::logger()->info("staff desk opened");
        m_desk.enter(now);
        m_inDesk = true;
        return true;
    }
    const std::vector<staff::DeskAction> actions = m_view.drawDesk(m_desk.view(), now);
    for (const auto& a : actions) m_desk.apply(a);
    afterDesk();
    return !actions.empty();
}

void KioskScenes::onInput(SteadyTime now) {
    if (m_inDesk) m_desk.apply(staff::Touch{now});
    else m_intake.onInput(now);
}

bool KioskScenes::onTick(SteadyTime now) {
    // The intake's clocks run on behind the desk: a patient who walked off is still wiped.
    const bool intakeChanged = m_intake.onTick(now);
    if (!m_inDesk) return intakeChanged;
    m_desk.apply(staff::Tick{now});
    afterDesk();
    return true;  // the countdown, the progress bar, or the way back to the patients
}

std::optional<SteadyTime> KioskScenes::nextWake(SteadyTime now) const {
    std::optional<SteadyTime> wake = m_intake.nextWake(now);
    if (!m_inDesk) return wake;
    auto consider = [&](std::optional<SteadyTime> t) {
        if (t && (!wake || *t < *wake)) wake = t;
    };
    consider(m_desk.nextDeadline(now));
    const double ui = m_view.wakeAfterSeconds();
    if (ui >= 0)
        consider(now + std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(ui)));
    return wake;
}

}  // namespace kiosk::app
