#include "kiosk/session/record_change.h"

#include "kiosk/forms/score_change.h"

namespace kiosk::session {

core::Result<nlohmann::json> changeSincePrevious(const forms::Form& form, const Record& now,
                                                 const nlohmann::json& previous, const std::string& lang) {
    using nlohmann::json;
    const auto invalid = [](std::string what) { return core::makeError(core::ErrorCode::Invalid, std::move(what)); };
    if (!previous.is_object() || !previous.contains("scores") || !previous["scores"].is_array())
        return invalid("the previous record has no 'scores' list; give a record as simulate or 'records show' prints it");
    std::map<std::string, double> before;
    for (const json& s : previous["scores"]) {
        if (!s.is_object() || !s.contains("id") || !s["id"].is_string())
            return invalid("a score of the previous record has no id");
        if (s.contains("value") && s["value"].is_number()) before[s["id"].get<std::string>()] = s["value"].get<double>();
    }
    json out = json::array();
    for (const ScoreResult& r : now.scores) {
        const forms::Score* score = form.findScore(r.id);
        const auto it = before.find(r.id);
        if (score == nullptr || it == before.end()) continue;
        const auto c = forms::scoreChange(*score, it->second, r.value);
        if (!c) continue;
        json row{{"id", r.id}, {"previous", c->previous}, {"now", c->now}, {"difference", c->difference}};
        row["better"] = !c->way ? json(nullptr)
                        : *c->way == forms::ScoreChange::Way::Better ? json("improved")
                        : *c->way == forms::ScoreChange::Way::Worse  ? json("worse")
                                                                     : json("same");
        row["minimal_important_change"] = score->change && score->change->mic ? json(*score->change->mic) : json(nullptr);
        row["important"] = c->important ? json(*c->important) : json(nullptr);
        row["text"] = forms::describeChange(*c, lang);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace kiosk::session
