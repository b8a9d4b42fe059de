// The record's JSON shape (printed by `simulate`, sealed by the store):
// {form: {id, version, content_hash}, lang, started_at, submitted_at, answers: {id: value},
//  hidden: [id], scores: [{id, value, answered, total, band[, region]}], flags: [{id, severity, label, explain}]
//  [, signature_pictures: {id: PNG in base64}]}
// The pictures (forms::Signature::picture, drawn as the intake is sealed) sit beside the answers,
// not in them: a signature answer stays {strokes}, which every earlier version reads (a kiosk
// or desk not yet upgraded, a package rolled back), and a record without pictures keeps its shape.
// A score without a value (too few answers) and a score without a band carry null; a worst_region
// score also names its body region.
#include <nlohmann/json.hpp>

#include "kiosk/session/answer_json.h"
#include "kiosk/session/record.h"

namespace kiosk::session {

nlohmann::json toJson(const Record& record) {
    using nlohmann::json;
    json answers = json::object();
    json pictures = json::object();
    for (const auto& [id, value] : record.answers) {
        answers[id] = answerToJson(value);
        if (const auto* signature = std::get_if<forms::Signature>(&value); signature && !signature->picture.empty())
            pictures[id] = signature->picture;
    }
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
    json out{{"form", {{"id", record.formId}, {"version", record.formVersion},
                          {"content_hash", record.contentHash}}},
                {"lang", record.lang},
                {"started_at", record.startedAt},
                {"submitted_at", record.submittedAt},
                {"answers", std::move(answers)},
                {"hidden", record.hidden},
                {"scores", std::move(scores)},
                {"flags", std::move(flags)}};
    if (!pictures.empty()) out["signature_pictures"] = std::move(pictures);
    return out;
}

}  // namespace kiosk::session
