#pragma once
// Internal to the session layer: helpers shared by intake.cpp (transitions), intake_view.cpp
// (view model) and intake_record.cpp (record, snapshot). Not for other layers.
#include <chrono>
#include <string>

#include "kiosk/forms/conditions.h"
#include "kiosk/session/answer_text.h"
#include "kiosk/session/intake.h"

namespace kiosk::session {

struct IntakeOps {
    /// The form's own language: the fallback of its texts, and the language staff read records in.
    static std::string formLang(const Intake& s) { return core::pickLanguage(s.m_form->languages); }
    static bool knownLang(const Intake& s, const std::string& lang);
    static forms::Visibility visibility(const Intake& s) {
        return forms::computeVisibility(*s.m_form, s.m_answers);
    }
    static std::string utcNow(const Intake& s) { return core::utcNowIso(*s.m_clock); }
    static forms::Date today(const Intake& s);
    static Wording wording(const Intake& s) { return Wording{s.m_catalog, s.m_lang, formLang(s)}; }

    /// Whether the idle timer runs on the current screen (the thank-you screen has its own).
    static bool idleApplies(const Intake& s);
    /// The silence before the idle warning on the current screen: longer on consent pages and the
    /// review (IntakeConfig::idleAfterConsent).
    static std::chrono::seconds idleAfter(const Intake& s);
    /// What a whole-second countdown shows with @p left to go: 29.2 s -> 30, exactly 29 s -> 29.
    static int secondsShown(SteadyClock::duration left) {
        return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
    }

    /// First shown page after @p from (from = -1: the first), or -1.
    static int nextShownPage(const Intake& s, const forms::Visibility& v, int from);
    /// Last shown page before @p from, or -1.
    static int prevShownPage(const Intake& s, const forms::Visibility& v, int from);

    /// Drops answers (and errors) of items that are no longer shown.
    static void pruneHidden(Intake& s);
    /// Fills in the `initial` answer of each shown item of the current page not filled in before.
    static void fillInitial(Intake& s);
    /// True when some answer is the patient's own: not a starting answer left as it was.
    static bool hasOwnAnswers(const Intake& s);
    /// Forgets the patient: answers, errors, position, times; the language goes back to the
    /// clinic's (Intake::welcomeLang). Pending saves survive.
    static void wipePatient(Intake& s);

    struct Transitions;  // intake.cpp: one operator() per action
};

}  // namespace kiosk::session
