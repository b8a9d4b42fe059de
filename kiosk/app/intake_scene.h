#pragma once
// The patient intake on screen: each frame the KioskView draws the session's view model and returns
// actions; this scene applies them to the Intake, runs the resulting effects against the RecordSink
// and feeds the outcomes back. It also tells the loop when time must pass without input (idle
// warning, its countdown seconds, the thank-you screen, a save retry) so that nothing else wakes it.
#include <optional>
#include <string>

#include "kiosk/app/effects.h"
#include "kiosk/app/kiosk_loop.h"
#include "kiosk/session/intake.h"
#include "kiosk/ui/kiosk_view.h"

namespace kiosk::app {

/// @brief What the app knows about the session's clocks, to wake it exactly when one runs out.
struct SessionTimers {
    std::optional<SteadyTime> lastInput;     ///< the last Touch sent (restarts the idle clock)
    std::optional<SteadyTime> firstTick;     ///< the first Tick on the current screen (starts its timers)
    std::optional<SteadyTime> saveFailedAt;  ///< a finished intake waits for a retry since then
    bool patientData = false;                ///< answers are held (idle must wipe them, even on welcome)
};

/// When the session next needs a Tick; nullopt = only input can change anything (an empty welcome).
/// A new screen gets a Tick at once, so the session starts its timers (thank-you, retry) from then.
std::optional<SteadyTime> sessionDeadline(const session::ViewModel& vm, const session::IntakeConfig& timing,
                                          const SessionTimers& timers, SteadyTime now);

/// @brief The intake scene; see the file comment. Never holds patient data itself.
class IntakeScene final : public Scene {
  public:
    /// @p welcomeLang: the language the welcome screen returns to after each patient ("" = the
    /// session's own choice).
    IntakeScene(session::Intake& intake, ui::KioskView& view, RecordSink& sink, session::IntakeConfig timing,
                std::string welcomeLang = "");

    /// Applies one action and every effect (and feedback action) that follows from it; true when
    /// the view model changed in a way that needs a frame.
    bool apply(const session::Action& action, SteadyTime now);

    bool draw(SteadyTime now) override;
    void onInput(SteadyTime now) override;
    bool onTick(SteadyTime now) override;
    std::optional<SteadyTime> nextWake(SteadyTime now) const override;
    bool wantsExit() const override { return m_exit; }
    /// Staff were let through the gate and another scene took over (app/desk_scene.h): run on.
    void clearExit() { m_exit = false; }

    const SessionTimers& timers() const { return m_timers; }

  private:
    void afterAction(const session::Action& action, SteadyTime now);

    session::Intake& m_intake;
    ui::KioskView& m_view;
    RecordSink& m_sink;
    session::IntakeConfig m_timing;
    SessionTimers m_timers;
    session::Screen m_screen = session::Screen::Welcome;
    std::string m_welcomeLang;
    bool m_exit = false;
    bool m_greetNextPatient = false;  ///< an intake just ended: back to the clinic's language
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
