#pragma once
// The patient intake on screen: each frame the KioskView draws the session's view model and returns
// actions; this scene applies them to the Intake, runs the resulting effects against the RecordSink
// and feeds the outcomes back. Time passes for the session only when it says so: the loop sleeps
// until Intake::nextDeadline() (or an animation of the UI's own), so nothing else wakes it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/cli/effects.h"
#include "kiosk/app/shell/kiosk_loop.h"
#include "kiosk/session/form_updates.h"
#include "kiosk/session/intake.h"
#include "kiosk/speech/read_aloud.h"
#include "kiosk/speech/speaker.h"
#include "kiosk/ui/kiosk_view.h"

namespace kiosk::app {

/// @brief The intake scene; see the file comment. Holds no timers and no patient data of its own:
///        deadlines and the clinic's welcome language belong to the session.
class IntakeScene final : public Scene {
  public:
    IntakeScene(session::Intake& intake, ui::KioskView& view, RecordSink& sink);

    /// Read aloud through @p out (the Speaker, or a fake): the buttons show while it is available
    /// for the patient's language, and every screen change goes through speech::ReadAloud. Without
    /// this call the kiosk has no read-aloud buttons. @p out must outlive the scene.
    void attachSpeech(speech::SpeechOutput& out, const core::Catalog& catalog);
    /// New versions of the form from the clinic server (the sync thread offers them and wakes the
    /// loop): delivered to the intake before each frame, after each action and on each wake-up, so
    /// the welcome screen shows one as soon as no intake is in progress. @p updates must outlive
    /// the scene.
    void attachFormUpdates(session::FormUpdates& updates) { m_formUpdates = &updates; }
    /// Tells the view what read-aloud can do now (before each frame).
    void syncReadAloud();
    /// Handles the view's requests of the last frame: leaving the kiosk, a tap on Read aloud.
    void handleRequests();

    /// Applies one action and every effect (and feedback action) that follows from it; true when
    /// the view model changed in a way that needs a frame.
    bool apply(const session::Action& action);

    bool draw(SteadyTime now) override;
    void onInput(SteadyTime now) override;
    bool onTick(SteadyTime now) override;
    /// The session's next deadline, or sooner for a UI animation; never before @p now.
    std::optional<SteadyTime> nextWake(SteadyTime now) const override;
    bool wantsExit() const override { return m_exit; }
    bool pollChanges() override;
    /// Staff were let through the gate and another scene took over (app/shell/desk_scene.h): run on.
    void clearExit() { m_exit = false; }

  private:
    void afterAction();
    /// Delivers a waiting form version (FormUpdates::deliver); true when the intake's form changed.
    bool takeNewForm();
    void run(const std::vector<speech::Request>& requests);

    session::Intake& m_intake;
    ui::KioskView& m_view;
    RecordSink& m_sink;
    std::uint64_t m_patientSerial = 0;  ///< Intake::patientSerial() when the view was last wiped
    bool m_exit = false;
    speech::SpeechOutput* m_speech = nullptr;
    std::unique_ptr<speech::ReadAloud> m_reader;
    std::uint64_t m_speechSeen = 0;  // m_speech->changes() at the last frame
    session::FormUpdates* m_formUpdates = nullptr;
};

/// The parts of a view model that change the picture without input (compared after a Tick).
struct ViewKey {
    session::Screen screen = session::Screen::Welcome;
    int page = -1;
    bool idleWarning = false;
    bool confirmStartOver = false;
    int idleSecondsLeft = 0;
    int retryInSeconds = 0;
    std::string lang;
    bool operator==(const ViewKey& o) const {
        return screen == o.screen && page == o.page && idleWarning == o.idleWarning &&
               confirmStartOver == o.confirmStartOver &&
               idleSecondsLeft == o.idleSecondsLeft && retryInSeconds == o.retryInSeconds && lang == o.lang;
    }
    bool operator!=(const ViewKey& o) const { return !(*this == o); }
};
ViewKey viewKey(const session::ViewModel& vm);

}  // namespace kiosk::app
