#include "kiosk/app/cli/record_change_json.h"

#include "kiosk/core/i18n.h"
#include "kiosk/export/intake_reading.h"

namespace kiosk::app {
using nlohmann::json;

json changeSinceLastVisit(const staff::EarlierRecords& records, const std::string& id, const json& record,
                          const exports::FormShelf& shelf) {
    json out{{"previous_visit", nullptr}, {"change_since_previous", json::array()}};
    store::ListFilter f;
    f.ids = {id};
    auto found = records.list(f);
    if (!found || found->empty()) return out;
    const store::RecordMeta& meta = found->front().meta;
    const forms::Form* form = shelf.find(meta.formId, meta.formVersion, meta.contentHash);
    const std::string lang = form && !form->languages.empty() ? form->languages.front() : "en";
    const core::Catalog words;  // the scores' labels come from the form
    const exports::IntakeReading reading = exports::readIntake(record, form, words, {lang, lang});
    const auto visit = staff::previousVisitOf(records, meta, reading, &shelf, lang);
    if (!visit) return out;
    if (auto audited = records.auditShown(visit->recordId); !audited) return out;  // shown only when audited
    out["previous_visit"] = json{{"id", visit->recordId}, {"submitted_at", visit->submittedAt}};
    for (const exports::ReadChange& c : visit->changes) {
        const forms::Score* score = form ? form->findScore(c.id) : nullptr;
        json row{{"id", c.id}, {"previous", c.previous}, {"now", c.now}, {"difference", c.difference}};
        row["better"] = c.way == exports::ReadChange::Way::Better  ? json("improved")
                        : c.way == exports::ReadChange::Way::Worse ? json("worse")
                        : c.way == exports::ReadChange::Way::Same  ? json("same")
                                                                   : json(nullptr);
        row["minimal_important_change"] =
            score && score->change && score->change->mic ? json(*score->change->mic) : json(nullptr);
        row["important"] = c.important ? json(*c.important) : json(nullptr);
        row["text"] = c.text;
        out["change_since_previous"].push_back(std::move(row));
    }
    return out;
}

}  // namespace kiosk::app
