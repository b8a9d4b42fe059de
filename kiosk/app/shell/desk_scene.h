#pragma once
// The kiosk's two faces for the loop: the patient intake, and after the staff gesture and the gate
// the staff desk (staff/desk.h drawn by ui/desk_screens.h). Leaving the desk (or 2 minutes without
// a touch) returns to the intake where it was; "Close the kiosk" on the desk ends the program.
#include "kiosk/app/shell/intake_scene.h"
#include "kiosk/staff/desk.h"

#include <functional>

namespace kiosk::app {

class KioskScenes final : public Scene {
  public:
    /// @p deskClosed: called when a staff visit ends (Leave, or the desk's idle close); the kiosk
    /// wakes its pusher there, so marks made at the desk reach the clinic server now rather than
    /// at the pusher's next idle poll.
    KioskScenes(IntakeScene& intake, ui::KioskView& view, staff::Desk& desk, std::function<void()> deskClosed = {});

    bool draw(SteadyTime now) override;
    void onInput(SteadyTime now) override;
    bool onTick(SteadyTime now) override;
    std::optional<SteadyTime> nextWake(SteadyTime now) const override;
    bool wantsExit() const override { return m_exit; }
    /// Read aloud started or stopped (the intake's; the desk has none).
    bool pollChanges() override { return !m_inDesk && m_intake.pollChanges(); }

    bool inDesk() const { return m_inDesk; }

  private:
    /// After the desk acted: back to the patients when it was left, the end when asked.
    void afterDesk();

    IntakeScene& m_intake;
    ui::KioskView& m_view;
    staff::Desk& m_desk;
    std::function<void()> m_deskClosed;
    bool m_inDesk = false, m_exit = false;
};

}  // namespace kiosk::app
