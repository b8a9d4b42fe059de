#pragma once
// The patient intake on screen: each frame the KioskView draws the session's view model and returns
// actions; this scene applies them to the Intake, runs the resulting effects against the RecordSink
// and feeds the outcomes back. Time passes for the session only when it says so: the loop sleeps
// until Intake::nextDeadline() (or an animation of the UI's own), so nothing else wakes it.
#include <optional>
#include <string>

#include "kiosk/app/cli/effects.h"
#include "kiosk/app/shell/kiosk_loop.h"
#include "kiosk/session/intake.h"
#include "kiosk/ui/kiosk_view.h"

namespace kiosk::app {

/// @brief The intake scene; see the file comment. Holds no timers and no patient data of its own:
///        deadlines and the clinic's welcome language belong to the session.
class IntakeScene final : public Scene {
  public:
    IntakeScene(session::Intake& intake, ui::KioskView& view, RecordSink& sink);

    /// Applies one action and every effect (and feedback action) that follows from it; true when
    /// the view model changed in a way that needs a frame.
    bool apply(const session::Action& action);

    bool draw(SteadyTime now) override;
    void onInput(SteadyTime now) override;
    bool onTick(SteadyTime now) override;
    /// The session's next deadline, or sooner for a UI animation; never before @p now.
    std::optional<SteadyTime> nextWake(SteadyTime now) const override;
    bool wantsExit() const override { return m_exit; }
    /// Staff were let through the gate and another scene took over (app/shell/desk_scene.h): run on.
    void clearExit() { m_exit = false; }

  private:
    void afterAction();

    session::Intake& m_intake;
    ui::KioskView& m_view;
    RecordSink& m_sink;
    session::Screen m_screen = session::Screen::Welcome;
    bool m_exit = false;
};

/// The parts of a view model that change the picture without input (compared after a Tick).
struct ViewKey {
    session::Screen screen = session::Screen::Welcome;
    int page = -1;
    bool idleWarning = false;
    int idleSecondsLeft = 0;
    int retryInSeconds = 0;
    std::string lang;
    bool operator==(const ViewKey& o) const {
        return screen == o.screen && page == o.page && idleWarning == o.idleWarning &&
               idleSecondsLeft == o.idleSecondsLeft && retryInSeconds == o.retryInSeconds && lang == o.lang;
    }
    bool operator!=(const ViewKey& o) const { return !(*this == o); }
};
ViewKey viewKey(const session::ViewModel& vm);

}  // namespace kiosk::app
