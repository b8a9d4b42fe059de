#pragma once
// The intake state machine (ARCHITECTURE.md "Session"): one patient's pass through a form.
// Pure logic: no ImGui, no I/O. Steady time arrives through Touch/Tick, and the session says when it
// next needs one (nextDeadline): every timer of an intake lives here. Wall-clock times for the record
// come from an injected core::Clock. Effects are returned.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/actions.h"
#include "kiosk/session/entry_rules.h"
#include "kiosk/session/view_model.h"

namespace kiosk::session {

/// @brief Timings and the clinic's language, from the kiosk config (app::KioskConfig).
struct IntakeConfig {
    std::chrono::seconds idleAfter{90};     ///< silence before "Are you still there?"
    /// The same on a page with a consent or signature item and on the review: patients read there,
    /// or go to ask the front desk as the consent text says. Never shorter than idleAfter.
    std::chrono::seconds idleAfterConsent{300};
    std::chrono::seconds idleCountdown{30}; ///< countdown before everything is wiped
    std::chrono::seconds thankYouFor{15};   ///< thank-you screen, then welcome
    std::chrono::seconds retryEvery{10};    ///< failed save: retry interval
    EntryRules entry;                       ///< phone digits, email shape, signature size
    /// The language the welcome screen greets each new patient in; "" (or one the form lacks) =
    /// the form's first language.
    std::string welcomeLang;
};

/// @brief One patient's intake. The UI sends actions to apply() and draws view().
///        Reset (or idle) wipes every answer; nothing of one patient survives into the next.
class Intake {
public:
    /// @p clock gives the record's wall-clock times and "today" for past-only dates; it must
    /// outlive the intake.
    Intake(std::shared_ptr<const forms::Form> form, const core::Catalog& catalog,
           IntakeConfig config = {}, const core::Clock& clock = core::systemClock());

    std::vector<Effect> apply(const Action& action);
    /// The picture to draw. Its Item and Answer pointers point into the form and this Intake:
    /// valid until the next apply() or restore().
    ViewModel view() const;

    /// The record as it stands (answers of shown items, scores, flags); used by Submit and simulate.
    Record buildRecord() const;
    /// Serialised in-progress state for a draft; restore() resumes it after a crash.
    std::string snapshot() const;
    /// Loads a draft and opens Screen::Resume (none of its answers shown: whoever stands at the
    /// kiosk may be the next patient). ResumeContinue goes to the page it was on; Reset or idle wipes
    /// it. False (nothing changed) when the draft is unreadable or of another form.
    bool restore(const std::string& snapshotJson);

    const forms::Form& form() const { return *m_form; }
    const forms::Answers& answers() const { return m_answers; }
    Screen screen() const { return m_screen; }
    /// Submitted records not yet confirmed saved (kept through idle wipes and Reset; retried).
    std::size_t pendingSaves() const { return m_pending.size(); }

    /// @brief When the session next needs a Tick, on the steady clock of Touch/Tick: the idle
    ///        warning, each second of its countdown, the idle wipe, the end of the thank-you screen,
    ///        a save retry and each second of "retrying in N seconds". A Tick at exactly this time
    ///        makes the change happen. nullopt: only input can change anything (an empty welcome
    ///        screen). A time at or before the latest one seen means "at once": a timer that has
    ///        not started yet starts at the next Tick.
    std::optional<TimePoint> nextDeadline() const;
    /// Changes each time one patient's intake ends (submitted, idle wipe, Reset, a restored draft):
    /// app/ forgets the UI's transient state for the next patient when it does. A patient's own
    /// Back to the welcome screen (nothing answered) does not change it.
    std::uint64_t patientSerial() const { return m_patientSerial; }
    /// The clinic's language (IntakeConfig::welcomeLang, if the form has it): what the welcome
    /// screen returns to whenever an intake ends (submitted, idle, Reset). A language the patient
    /// taps on the welcome screen before Start stays.
    std::string welcomeLang() const;

private:
    // Implementation detail; see intake.cpp (IntakeOps holds the transitions).
    friend struct IntakeOps;
    struct PendingSave {
        std::uint64_t seq = 0;  // which submission: only the one on screen shows "thank you"
        Record record;
        bool urgent = false;    // it raised an urgent flag: the thank-you asks for the front desk
    };
    std::shared_ptr<const forms::Form> m_form;
    const core::Catalog& m_catalog;
    IntakeConfig m_config;
    const core::Clock* m_clock;
    forms::Answers m_answers;
    /// Items whose `initial` answer has been filled in this intake (while shown): never again, so
    /// what the patient cleared stays cleared. An item hidden again leaves the set, as new.
    std::set<std::string> m_seeded;
    Screen m_screen = Screen::Welcome;
    Screen m_resumeTo = Screen::Page;  // Screen::Resume: where ResumeContinue goes (Page or Review)
    std::string m_lang;
    int m_page = -1;
    bool m_fromReview = false;
    std::map<std::string, forms::AnswerProblem> m_errors;  // item id -> why; phrased in view()
    bool m_started = false;      // a patient pressed Start: there is something to wipe
    bool m_confirmStartOver = false;  // Back on the first page with answers: "Start over?"
    std::uint64_t m_patientSerial = 0;
    std::optional<TimePoint> m_now;  // latest time seen (Touch/Tick/StillHere)
    bool m_idleWarning = false;
    int m_idleSecondsLeft = 0;
    std::optional<TimePoint> m_lastTouch;
    std::optional<TimePoint> m_retryAt;
    std::optional<TimePoint> m_thankYouUntil;
    bool m_thankYouDesk = false;  // the thank-you screen asks the patient to go to the front desk
    std::deque<PendingSave> m_pending;  // submitted, not yet saved: survives idle, never shown
    bool m_saving = false;              // a SaveRequest for m_pending.front() is out
    std::uint64_t m_nextSeq = 1;
    std::uint64_t m_screenSeq = 0;      // the submission the Saving/SaveFailed screen is about
    std::string m_startedAt;
};

/// The free-function spelling of Intake::apply (STYLE.md #3).
inline std::vector<Effect> apply(Intake& intake, const Action& action) { return intake.apply(action); }

}  // namespace kiosk::session
