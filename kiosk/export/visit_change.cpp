#include "kiosk/export/visit_change.h"

#include <map>

#include "kiosk/forms/score_change.h"

namespace kiosk::exports {
using nlohmann::json;

namespace {

std::map<std::string, double> scoreValues(const json& record) {
    std::map<std::string, double> out;
    const auto it = record.find("scores");
    if (it == record.end() || !it->is_array()) return out;
    for (const json& s : *it) {
        if (!s.is_object()) continue;
        const auto id = s.find("id");
        const auto value = s.find("value");
        if (id != s.end() && id->is_string() && value != s.end() && value->is_number())
            out[id->get<std::string>()] = value->get<double>();
    }
    return out;
}

/// "7 → 4" as "7 -> 4": the kiosk's font (Noto Sans, on the desk and in the PDF) has no U+2192
/// and would draw "?" or an empty box.
std::string withFontArrow(std::string s) {
    static const std::string arrow = "\u2192";
    for (std::size_t at = s.find(arrow); at != std::string::npos; at = s.find(arrow, at + 2)) s.replace(at, arrow.size(), "->");
    return s;
}

ReadChange::Way wayOf(const forms::ScoreChange& c) {
    if (!c.way) return ReadChange::Way::Unknown;
    switch (*c.way) {
        case forms::ScoreChange::Way::Better: return ReadChange::Way::Better;
        case forms::ScoreChange::Way::Worse: return ReadChange::Way::Worse;
        case forms::ScoreChange::Way::Same: return ReadChange::Way::Same;
    }
    return ReadChange::Way::Unknown;
}

}  // namespace

ReadPreviousVisit readPreviousVisit(const IntakeReading& now, const forms::Form* form, const json& previous,
                                    const forms::Form* previousForm, const std::string& staffLang) {
    ReadPreviousVisit visit;
    if (!previous.is_object()) return visit;
    if (const auto at = previous.find("submitted_at"); at != previous.end() && at->is_string())
        visit.submittedAt = at->get<std::string>();
    if (previousForm) {
        visit.formTitle = previousForm->title.get(staffLang, previousForm->languages.empty() ? "en" : previousForm->languages.front());
    } else if (const auto f = previous.find("form"); f != previous.end() && f->is_object() && f->contains("id") &&
                                                      (*f)["id"].is_string()) {
        visit.formTitle = (*f)["id"].get<std::string>();
    }
    const std::map<std::string, double> before = scoreValues(previous);
    for (const ReadScore& s : now.scores) {
        const auto it = before.find(s.id);
        if (it == before.end() || !s.value) continue;
        // Without the form: a bare score (no bands, no change rule) labelled as the reading labels it.
        forms::Score bare;
        bare.id = s.id;
        bare.label.byLang[staffLang] = s.label;
        const forms::Score* def = form ? form->findScore(s.id) : nullptr;
        const auto c = forms::scoreChange(def ? *def : bare, it->second, s.value);
        if (!c) continue;
        ReadChange change;
        change.id = s.id;
        change.label = s.label;
        change.previous = c->previous;
        change.now = c->now;
        change.difference = c->difference;
        change.way = wayOf(*c);
        change.important = c->important;
        change.text = withFontArrow(forms::describeChange(*c, staffLang));
        visit.changes.push_back(std::move(change));
    }
    return visit;
}

}  // namespace kiosk::exports
