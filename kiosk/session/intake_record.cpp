// Intake's record and draft: buildRecord() (what Submit saves) and snapshot()/restore() (what a
// crash resumes). A restored draft is checked against the form as it is now: unknown items and
// answers that no longer fit are dropped rather than trusted. It opens on Screen::Resume, which
// shows none of them until someone taps "Continue".
#include <nlohmann/json.hpp>

#include "kiosk/forms/scoring.h"
#include "kiosk/session/answer_json.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/intake_ops.h"

namespace kiosk::session {

using nlohmann::json;

Record Intake::buildRecord() const {
    const forms::Visibility v = IntakeOps::visibility(*this);
    const std::string staffLang = IntakeOps::formLang(*this);  // staff read the form's language
    Record r;
    r.formId = m_form->id;
    r.formVersion = m_form->version;
    r.contentHash = m_form->contentHash;
    r.lang = m_lang;
    r.startedAt = m_startedAt;
    r.answers = forms::shownAnswers(m_answers, v);
    for (const forms::Item* item : m_form->allItems())
        if (!v.itemShown(item->id)) r.hidden.push_back(item->id);
    for (const forms::ScoreOutcome& o : forms::computeScores(*m_form, r.answers)) {
        ScoreResult s;
        s.id = o.score->id;
        s.value = o.value;
        s.answered = o.answered;
        s.total = o.total;
        if (o.band != nullptr) s.band = o.band->label.get(staffLang, staffLang);
        s.region = o.region;
        r.scores.push_back(std::move(s));
    }
    for (const forms::Flag* f : forms::raisedFlags(*m_form, r.answers)) {
        r.flags.push_back(RaisedFlag{f->id, f->severity, f->label.get(staffLang, staffLang),
                                     f->explain.get(staffLang, staffLang)});
    }
    return r;
}

std::string Intake::snapshot() const {
    json answers = json::object();
    for (const auto& [id, value] : m_answers) answers[id] = answerToJson(value);
    const Screen at = m_screen == Screen::Resume ? m_resumeTo : m_screen;  // still the same draft
    const char* screen = at == Screen::Review ? "review" : at == Screen::Page ? "page" : "welcome";
    return json{{"version", 1},          {"form", m_form->id},
                {"form_version", m_form->version},
                {"lang", m_lang},        {"screen", screen},
                {"page", m_page},        {"from_review", m_fromReview},
                {"started_at", m_startedAt}, {"answers", std::move(answers)},
                {"seeded", m_seeded}}
        .dump();
}

bool Intake::restore(const std::string& snapshotJson) {
    const json j = json::parse(snapshotJson, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return false;
    auto field = [&](const char* key) -> const json* {
        auto it = j.find(key);
        return it == j.end() ? nullptr : &*it;
    };
    const json* lang = field("lang");
    const json* page = field("page");
    const json* started = field("started_at");
    const json* answers = field("answers");
    const json* screen = field("screen");
    const json* fromReview = field("from_review");
    const json* formId = field("form");
    if (lang == nullptr || !lang->is_string() || page == nullptr || !page->is_number_integer() ||
        started == nullptr || !started->is_string() || answers == nullptr || !answers->is_object())
        return false;
    if (formId != nullptr && (!formId->is_string() || formId->get<std::string>() != m_form->id))
        return false;  // a draft of another questionnaire

    forms::Answers restored;
    const auto today = IntakeOps::today(*this);
    for (const auto& [id, value] : answers->items()) {
        const forms::Item* item = m_form->findItem(id);
        if (item == nullptr) continue;  // the form changed since: the item is gone
        auto a = answerFromJson(*item, value, today);
        if (a.ok()) restored.emplace(id, std::move(a.value()));
    }

    IntakeOps::wipePatient(*this);
    m_answers = std::move(restored);
    // Starting answers already filled in (and perhaps cleared since); a draft without the list is
    // older than `initial` and its form had none.
    if (const json* seeded = field("seeded"); seeded != nullptr && seeded->is_array())
        for (const json& id : *seeded)
            if (id.is_string() && m_form->findItem(id.get<std::string>()) != nullptr) m_seeded.insert(id.get<std::string>());
    const std::string l = lang->get<std::string>();
    if (IntakeOps::knownLang(*this, l)) m_lang = l;
    m_startedAt = started->get<std::string>();
    m_started = true;
    IntakeOps::pruneHidden(*this);

    const forms::Visibility v = IntakeOps::visibility(*this);
    const bool review = screen != nullptr && screen->is_string() && screen->get<std::string>() == "review";
    const int p = page->get<int>();
    if (review) {
        m_resumeTo = Screen::Review;
        m_page = p;
    } else if (v.pageShown(p)) {
        m_resumeTo = Screen::Page;
        m_page = p;
        m_fromReview = fromReview != nullptr && fromReview->is_boolean() && fromReview->get<bool>();
    } else {
        const int first = IntakeOps::nextShownPage(*this, v, -1);
        m_resumeTo = first < 0 ? Screen::Review : Screen::Page;
        m_page = first;
    }
    // Whoever stands at the kiosk now may not be this patient: ask before showing any answer.
    m_screen = Screen::Resume;
    return true;
}

}  // namespace kiosk::session
