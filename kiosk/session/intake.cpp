// The intake's transitions: one function per action (ARCHITECTURE.md "Session", UX.md "Flow").
//
// [SECTION] Helpers        language, time, pages, wiping
// [SECTION] Navigation     Start, SetLanguage, answers, Next, Back, GoTo
// [SECTION] Saving         Submit, SaveSucceeded, SaveFailed, retries
// [SECTION] Time           Touch, Tick (idle, thank-you, retry), StillHere, Reset
//                          (when the next Tick is due: intake_deadline.cpp)
// [SECTION] Resume         ResumeContinue (a restored draft; Reset is its "Start over");
//                          KeepAnswers ("Start over?" after Back on the first page)
// GCC 12 reports false "may be used uninitialized" inside std::variant moves once they are
// inlined (GCC bug 107919 and relatives); silenced for this file only, other warnings stay errors.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "kiosk/session/intake.h"

#include <algorithm>

#include "kiosk/forms/answer_access.h"
#include "kiosk/session/intake_ops.h"
#include "kiosk/session/list_entries.h"
#include "kiosk/session/repeat_values.h"
#include "kiosk/session/validation.h"

namespace kiosk::session {

// [SECTION] Helpers
bool IntakeOps::knownLang(const Intake& s, const std::string& lang) {
    const auto& langs = s.m_form->languages;
    if (lang.empty()) return false;
    return langs.empty() || std::find(langs.begin(), langs.end(), lang) != langs.end();
}

forms::Date IntakeOps::today(const Intake& s) { return utcToday(*s.m_clock); }

bool IntakeOps::idleApplies(const Intake& s) {
    switch (s.m_screen) {
        case Screen::Page:
        case Screen::Review:
        case Screen::Resume:  // holds a restored draft: unattended, it is wiped like a page
        case Screen::Saving:
        case Screen::SaveFailed: return true;
        case Screen::Welcome: return false;  // never holds answers: nothing to wipe
        case Screen::ThankYou: return false;       // has its own timer
    }
    return false;
}

std::chrono::seconds IntakeOps::idleAfter(const Intake& s) {
    const auto longer = std::max(s.m_config.idleAfter, s.m_config.idleAfterConsent);
    if (s.m_screen == Screen::Review) return longer;
    if (s.m_screen != Screen::Page || s.m_page < 0 || s.m_confirmStartOver) return s.m_config.idleAfter;
    const forms::Visibility v = visibility(s);
    for (const forms::Item& item : s.m_form->pages[static_cast<size_t>(s.m_page)].items)
        if ((item.type == forms::ItemType::Consent || item.type == forms::ItemType::Signature) && v.itemShown(item.id))
            return longer;
    return s.m_config.idleAfter;
}

int IntakeOps::nextShownPage(const Intake& s, const forms::Visibility& v, int from) {
    const int n = static_cast<int>(s.m_form->pages.size());
    for (int p = std::max(from + 1, 0); p < n; ++p)
        if (v.pageShown(p)) return p;
    return -1;
}

int IntakeOps::prevShownPage(const Intake&, const forms::Visibility& v, int from) {
    for (int p = from - 1; p >= 0; --p)
        if (v.pageShown(p)) return p;
    return -1;
}

void IntakeOps::pruneHidden(Intake& s) {
    const forms::Visibility v = visibility(s);
    for (auto it = s.m_answers.begin(); it != s.m_answers.end();)
        it = v.itemShown(it->first) ? std::next(it) : s.m_answers.erase(it);
    for (auto it = s.m_errors.begin(); it != s.m_errors.end();)
        it = v.itemShown(it->first) ? std::next(it) : s.m_errors.erase(it);
    for (auto it = s.m_seeded.begin(); it != s.m_seeded.end();)
        it = v.itemShown(*it) ? std::next(it) : s.m_seeded.erase(it);
}

void IntakeOps::fillInitial(Intake& s) {
    if (s.m_screen != Screen::Page || s.m_page < 0) return;
    // Filling one in may reveal another (show_if on it), so until nothing changes; each item once.
    for (bool changed = true; changed;) {
        changed = false;
        const forms::Visibility v = visibility(s);
        for (const forms::Item& item : s.m_form->pages[static_cast<size_t>(s.m_page)].items) {
            if (!item.initial || !v.itemShown(item.id) || !s.m_seeded.insert(item.id).second) continue;
            if (s.m_answers.emplace(item.id, *item.initial).second) changed = true;
        }
    }
}

bool IntakeOps::hasOwnAnswers(const Intake& s) {
    for (const auto& [id, value] : s.m_answers) {
        const forms::Item* item = s.m_form->findItem(id);
        if (item == nullptr || !item->initial || !(*item->initial == value)) return true;
    }
    return false;
}

void IntakeOps::wipePatient(Intake& s) {
    s.m_answers.clear();
    s.m_seeded.clear();
    s.m_errors.clear();
    s.m_lang = s.welcomeLang();  // the intake ended: greet the next patient in the clinic's language
    s.m_page = -1;
    s.m_fromReview = false;
    s.m_startedAt.clear();
    s.m_started = false;
    s.m_idleWarning = false;
    s.m_idleSecondsLeft = 0;
    s.m_lastTouch.reset();
    s.m_thankYouUntil.reset();
    s.m_thankYouDesk = false;
    s.m_screenSeq = 0;  // a late SaveSucceeded must not thank the next patient
    s.m_resumeTo = Screen::Page;
    s.m_confirmStartOver = false;
    s.m_screen = Screen::Welcome;
    ++s.m_patientSerial;
}

using Effects = std::vector<Effect>;

struct IntakeOps::Transitions {
    Intake& s;
    using Ops = IntakeOps;

    std::string snapshotJson() const { return s.snapshot(); }

    void showPage(int page) {
        s.m_page = page;
        s.m_screen = Screen::Page;
        Ops::fillInitial(s);
    }
    void showReview() {
        s.m_screen = Screen::Review;
        s.m_fromReview = false;
    }
    bool onCurrentShownPage(const std::string& itemId) const {
        return s.m_screen == Screen::Page && !s.m_confirmStartOver && s.m_form->pageOf(itemId) == s.m_page &&
               Ops::visibility(s).itemShown(itemId);
    }
    void setErrors(const std::vector<ItemProblem>& problems) {
        s.m_errors.clear();
        for (const auto& p : problems) s.m_errors[p.item->id] = p.problem;
    }

    /// Back from the first shown page. With answers the patient is asked "Start over?" first:
    /// whoever taps Start next may be someone else, so the welcome screen never keeps answers.
    /// Without any, it is the welcome screen at once, in the language chosen (the patient may have
    /// come back to change it); a draft saved by an earlier Next goes too.
    Effects leaveToWelcome() {
        if (Ops::hasOwnAnswers(s)) {
            s.m_confirmStartOver = true;
            return {};
        }
        s.m_answers.clear();  // starting answers only: the welcome screen keeps none
        s.m_seeded.clear();
        s.m_errors.clear();
        s.m_page = -1;
        s.m_fromReview = false;
        s.m_startedAt.clear();
        s.m_started = false;
        s.m_idleWarning = false;
        s.m_lastTouch.reset();
        s.m_screen = Screen::Welcome;
        return {DiscardDraft{}};
    }

    // [SECTION] Navigation
    Effects operator()(const Start& a) {
        if (s.m_screen != Screen::Welcome) return {};
        if (Ops::knownLang(s, a.lang)) s.m_lang = a.lang;
        s.m_started = true;  // a new intake: the welcome screen holds no answers to go on from
        s.m_startedAt = Ops::utcNow(s);
        s.m_answers.clear();
        s.m_seeded.clear();
        s.m_errors.clear();
        s.m_fromReview = false;
        const int first = Ops::nextShownPage(s, Ops::visibility(s), -1);
        if (first < 0) {
            showReview();
        } else {
            showPage(first);
        }
        return {};
    }
    Effects operator()(const SetLanguage& a) {
        if (Ops::knownLang(s, a.lang)) s.m_lang = a.lang;
        return {};
    }
    /// One value of a repeating number or date item set (or, without @p value, removed).
    /// A list item: field @p field of entry @p slot set (or cleared); no field: the entry removed.
    Effects setValueAt(const std::string& id, int slot, const std::optional<forms::Answer>& value,
                       const std::string& field = {}) {
        const forms::Item* item = s.m_form->findItem(id);
        if (item == nullptr || slot < 0) return {};
        auto it = s.m_answers.find(id);
        const forms::Answer* given = it == s.m_answers.end() ? nullptr : &it->second;
        const auto at = static_cast<std::size_t>(slot);
        std::optional<forms::Answer> list;
        if (item->type == forms::ItemType::List) {
            if (!field.empty()) list = withFieldAt(*item, given, at, field, value);
            else if (!value) list = withoutEntry(given, at);
            else return {};
        } else if (takesValueList(*item)) {
            list = withValueAt(*item, given, at, value);
        } else {
            return {};
        }
        if (list) return (*this)(SetAnswer{id, *list});
        return (*this)(ClearAnswer{id});
    }
    Effects operator()(const SetAnswer& a) {
        if (!onCurrentShownPage(a.item)) return {};  // stale tap from a previous frame
        if (a.slot >= 0) return setValueAt(a.item, a.slot, a.value, a.field);
        if (forms::hasValue(a.value)) {
            s.m_answers[a.item] = a.value;
        } else {
            s.m_answers.erase(a.item);
        }
        s.m_errors.erase(a.item);
        Ops::pruneHidden(s);
        Ops::fillInitial(s);  // an answer may reveal an item with a starting answer
        return {};
    }
    Effects operator()(const ClearAnswer& a) {
        if (!onCurrentShownPage(a.item)) return {};
        if (a.slot >= 0) return setValueAt(a.item, a.slot, std::nullopt, a.field);
        s.m_answers.erase(a.item);
        s.m_errors.erase(a.item);
        Ops::pruneHidden(s);
        Ops::fillInitial(s);
        return {};
    }
    Effects operator()(const Next&) {
        if (s.m_screen != Screen::Page || s.m_confirmStartOver) return {};
        const forms::Visibility v = Ops::visibility(s);
        auto problems = validatePage(*s.m_form, s.m_page, s.m_answers, v, Ops::today(s), s.m_config.entry);
        if (!problems.empty()) {
            setErrors(problems);
            return {};
        }
        s.m_errors.clear();
        const int next = s.m_fromReview ? -1 : Ops::nextShownPage(s, v, s.m_page);
        if (next < 0) {
            showReview();
        } else {
            showPage(next);
        }
        return {SaveDraft{snapshotJson()}};
    }
    Effects operator()(const Back&) {
        const forms::Visibility v = Ops::visibility(s);
        if (s.m_confirmStartOver) return {};  // the question is on screen: Reset or KeepAnswers
        if (s.m_screen == Screen::Page) {
            s.m_errors.clear();
            if (s.m_fromReview) {  // Edit from the review: Back returns to where the patient came from
                showReview();
                return {};
            }
            const int prev = Ops::prevShownPage(s, v, s.m_page);
            if (prev < 0) return leaveToWelcome();
            showPage(prev);
        } else if (s.m_screen == Screen::Review) {
            const int last = Ops::prevShownPage(s, v, static_cast<int>(s.m_form->pages.size()));
            if (last < 0) {
                return leaveToWelcome();
            } else {
                showPage(last);
            }
        }
        return {};
    }
    Effects operator()(const GoTo& a) {
        if (s.m_screen != Screen::Review || !Ops::visibility(s).pageShown(a.page)) return {};
        s.m_errors.clear();
        showPage(a.page);
        s.m_fromReview = true;
        return {};
    }

    // [SECTION] Saving
    Effects sendFront() {
        s.m_saving = true;
        s.m_retryAt.reset();
        return {SaveRequest{s.m_pending.front().record}};
    }
    Effects operator()(const Submit&) {
        if (s.m_screen != Screen::Review || s.m_confirmStartOver) return {};
        // Every shown page again: an edit from the review may have revealed unanswered questions.
        const forms::Visibility v = Ops::visibility(s);
        for (int p = Ops::nextShownPage(s, v, -1); p >= 0; p = Ops::nextShownPage(s, v, p)) {
            auto problems = validatePage(*s.m_form, p, s.m_answers, v, Ops::today(s), s.m_config.entry);
            if (problems.empty()) continue;
            setErrors(problems);
            showPage(p);
            s.m_fromReview = true;
            return {};
        }
        Record record = s.buildRecord();
        record.submittedAt = Ops::utcNow(s);
        s.m_screenSeq = s.m_nextSeq++;
        const bool urgent = std::any_of(record.flags.begin(), record.flags.end(),
                                        [](const RaisedFlag& f) { return f.severity == forms::Severity::Urgent; });
        s.m_pending.push_back({s.m_screenSeq, std::move(record), urgent});
        s.m_screen = Screen::Saving;
        s.m_idleWarning = false;
        if (s.m_saving) return {};  // an earlier record is being saved; ours follows it
        return sendFront();
    }
    Effects operator()(const SaveSucceeded&) {
        if (!s.m_saving || s.m_pending.empty()) return {};  // nothing was asked: ignore
        const std::uint64_t saved = s.m_pending.front().seq;
        const bool urgent = s.m_pending.front().urgent;
        s.m_pending.pop_front();
        s.m_saving = false;
        s.m_retryAt.reset();
        Effects out;
        if (saved == s.m_screenSeq &&
            (s.m_screen == Screen::Saving || s.m_screen == Screen::SaveFailed)) {
            // Thank the patient in their language, but hold none of their answers any more.
            const std::string lang = s.m_lang;
            Ops::wipePatient(s);
            s.m_lang = lang;
            s.m_screen = Screen::ThankYou;
            s.m_thankYouDesk = urgent;
            if (s.m_now) s.m_thankYouUntil = *s.m_now + s.m_config.thankYouFor;
            out.push_back(DiscardDraft{});
        }
        if (!s.m_pending.empty()) {
            auto more = sendFront();
            out.insert(out.end(), more.begin(), more.end());
        }
        return out;
    }
    Effects operator()(const SaveFailed&) {
        if (!s.m_saving) return {};
        s.m_saving = false;
        // Without a time yet, the first Tick schedules the retry.
        if (s.m_now) s.m_retryAt = *s.m_now + s.m_config.retryEvery;
        if (s.m_screen == Screen::Saving && s.m_screenSeq != 0) s.m_screen = Screen::SaveFailed;
        return {};
    }

    // [SECTION] Time
    Effects operator()(const Touch& a) {
        s.m_now = a.now;
        // Under the full-screen warning only "I'm still here" counts, so a stray tap on the overlay
        // neither dismisses it nor resets the countdown.
        if (!s.m_idleWarning) s.m_lastTouch = a.now;
        return {};
    }
    Effects operator()(const StillHere& a) {
        s.m_now = a.now;
        s.m_lastTouch = a.now;
        s.m_idleWarning = false;
        s.m_idleSecondsLeft = 0;
        return {};
    }
    Effects operator()(const Tick& a) {
        s.m_now = a.now;
        Effects out;
        if (!s.m_pending.empty() && !s.m_saving) {
            if (!s.m_retryAt) {
                s.m_retryAt = a.now + s.m_config.retryEvery;
            } else if (a.now >= *s.m_retryAt) {
                out = sendFront();
            }
        }
        if (s.m_screen == Screen::ThankYou) {
            if (!s.m_thankYouUntil) {
                s.m_thankYouUntil = a.now + s.m_config.thankYouFor;
            } else if (a.now >= *s.m_thankYouUntil) {
                Ops::wipePatient(s);
            }
            return out;
        }
        if (!Ops::idleApplies(s)) return out;
        if (!s.m_lastTouch) s.m_lastTouch = a.now;  // first tick of this intake starts the clock
        const auto silent = a.now - *s.m_lastTouch;
        const auto idleAfter = Ops::idleAfter(s);
        const auto wipeAt = idleAfter + s.m_config.idleCountdown;
        if (silent >= wipeAt) {
            Ops::wipePatient(s);
            out.push_back(DiscardDraft{});
        } else if (silent >= idleAfter) {
            s.m_idleWarning = true;
            s.m_idleSecondsLeft = Ops::secondsShown(wipeAt - silent);
        } else {
            s.m_idleWarning = false;
            s.m_idleSecondsLeft = 0;
        }
        return out;
    }
    Effects operator()(const Reset&) {
        const bool hadPatient = s.m_started;
        Ops::wipePatient(s);  // pending saves survive: they are retried, never shown
        if (hadPatient) return {DiscardDraft{}};
        return {};
    }

    Effects operator()(const KeepAnswers&) {
        s.m_confirmStartOver = false;
        return {};
    }

    // [SECTION] Resume
    Effects operator()(const ResumeContinue&) {
        if (s.m_screen != Screen::Resume) return {};
        s.m_screen = s.m_resumeTo;  // the page (or review) and its answers, as the draft left them
        return {};
    }
};

Intake::Intake(std::shared_ptr<const forms::Form> form, const core::Catalog& catalog,
               IntakeConfig config, const core::Clock& clock)
    : m_form(std::move(form)), m_catalog(catalog), m_config(std::move(config)), m_clock(&clock) {
    m_lang = welcomeLang();
}

std::string Intake::welcomeLang() const {
    const std::string& clinic = m_config.welcomeLang;
    return IntakeOps::knownLang(*this, clinic) ? clinic : IntakeOps::formLang(*this);
}

bool Intake::takeForm(std::shared_ptr<const forms::Form> form) {
    if (!form || form->id != m_form->id) return false;
    // Between patients only: a started intake, a restored draft (Resume) or answers on screen keep
    // the version they began on; their record names it.
    if (m_screen != Screen::Welcome || m_started || !m_answers.empty() || m_confirmStartOver) return false;
    m_form = std::move(form);
    m_seeded.clear();  // starting answers are the new version's
    m_errors.clear();
    m_page = -1;
    if (!IntakeOps::knownLang(*this, m_lang)) m_lang = welcomeLang();
    return true;
}

std::vector<Effect> Intake::apply(const Action& action) {
    IntakeOps::Transitions t{*this};
    return std::visit(t, action);
}

}  // namespace kiosk::session
