#include "kiosk/export/csv_plan.h"

#include <algorithm>

#include "kiosk/export/json_export.h"

namespace kiosk::exports {

core::Result<CsvPlan> planCsv(store::Store& store, const store::ClinicKey& key, const store::ListFilter& filter,
                              const FormShelf& shelf) {
    StoreSource source(store);
    return planCsv(source, key, filter, shelf);
}

core::Result<CsvPlan> planCsv(RecordSource& store, const store::ClinicKey& key, const store::ListFilter& filter,
                              const FormShelf& shelf) {
    auto versions = store.formVersions(filter);
    if (!versions) return versions.error();
    CsvPlan plan;
    std::vector<store::FormVersionCount> missing;
    for (const auto& v : *versions) {  // newest version of each form first
        if (const forms::Form* form = shelf.find(v.formId, v.formVersion, v.contentHash)) plan.layout.addForm(*form);
        else missing.push_back(v);
    }
    if (missing.empty()) return plan;

    auto isMissing = [&](const store::RecordMeta& m) {
        return std::any_of(missing.begin(), missing.end(), [&](const store::FormVersionCount& v) {
            return v.formId == m.formId && v.formVersion == m.formVersion && v.contentHash == m.contentHash;
        });
    };
    auto read = store.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        if (!isMissing(r.meta)) return true;
        if (auto record = parseRecord(payload)) plan.layout.addRecordShape(*record);
        return true;  // a damaged record is reported by the export itself
    });
    if (!read) return read.error();
    for (const auto& v : missing)
        plan.notes.push_back(std::to_string(v.records) + " record" + (v.records == 1 ? "" : "s") + " on form " +
                             v.formId + " version " + std::to_string(v.formVersion) +
                             ", which is not in the forms folder: their columns come from their answers");
    return plan;
}

}  // namespace kiosk::exports
