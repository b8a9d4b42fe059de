#pragma once
// Internal to the session layer: helpers shared by intake.cpp (transitions), intake_view.cpp
// (view model) and intake_record.cpp (record, snapshot). Not for other layers.
#include <string>

#include "kiosk/forms/conditions.h"
#include "kiosk/session/answer_text.h"
#include "kiosk/session/intake.h"

namespace kiosk::session {

struct IntakeOps {
    static std::string defaultLang(const Intake& s) { return core::pickLanguage(s.m_form->languages); }
    static bool knownLang(const Intake& s, const std::string& lang);
    static forms::Visibility visibility(const Intake& s) {
        return forms::computeVisibility(*s.m_form, s.m_answers);
    }
    static std::string utcNow(const Intake& s) { return core::utcNowIso(*s.m_clock); }
    static forms::Date today(const Intake& s);
    static Wording wording(const Intake& s) { return Wording{s.m_catalog, s.m_lang, defaultLang(s)}; }

    /// First shown page after @p from (from = -1: the first), or -1.
    static int nextShownPage(const Intake& s, const forms::Visibility& v, int from);
    /// Last shown page before @p from, or -1.
    static int prevShownPage(const Intake& s, const forms::Visibility& v, int from);

    /// Drops answers (and errors) of items that are no longer shown.
    static void pruneHidden(Intake& s);
    /// Forgets the patient: answers, errors, language, position, times. Pending saves survive.
    static void wipePatient(Intake& s);

    struct Transitions;  // intake.cpp: one operator() per action
};

}  // namespace kiosk::session
