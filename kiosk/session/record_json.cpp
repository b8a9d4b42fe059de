// The record's JSON shape (printed by `simulate`, sealed by the store):
// {form: {id, version, content_hash}, lang, started_at, submitted_at, answers: {id: value},
//  hidden: [id], scores: [{id, value, answered, total, band[, region]}], flags: [{id, severity, label, explain}]}
// A score without a value (too few answers) and a score without a band carry null; a worst_region
// score also names its body region.
#include <nlohmann/json.hpp>

#include "kiosk/session/answer_json.h"
#include "kiosk/session/record.h"

namespace kiosk::session {

nlohmann::json toJson(const Record& record) {
    using nlohmann::json;
    json answers = json::object();
    for (const auto& [id, value] : record.answers) answers[id] = answerToJson(value);
    json scores = json::array();
    for (const ScoreResult& s : record.scores) {
        scores.push_back({{"id", s.id},
                          {"value", s.value ? answerToJson(forms::Answer{*s.value}) : json(nullptr)},
                          {"answered", s.answered},
                          {"total", s.total},
                          {"band", s.band.empty() ? json(nullptr) : json(s.band)}});
        if (!s.region.empty()) scores.back()["region"] = s.region;  // worst_region only
    }
    json flags = json::array();
    for (const RaisedFlag& f : record.flags) {
        flags.push_back({{"id", f.id},
                         {"severity", f.severity == forms::Severity::Urgent ? "urgent" : "caution"},
                         {"label", f.label},
                         {"explain", f.explain}});
    }
    return json{{"form", {{"id", record.formId}, {"version", record.formVersion},
                          {"content_hash", record.contentHash}}},
                {"lang", record.lang},
                {"started_at", record.startedAt},
                {"submitted_at", record.submittedAt},
                {"answers", std::move(answers)},
                {"hidden", record.hidden},
                {"scores", std::move(scores)},
                {"flags", std::move(flags)}};
}

}  // namespace kiosk::session
