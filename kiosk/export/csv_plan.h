#pragma once
// Deciding the CSV columns before streaming (the header comes first): the form versions of the
// matching records are read from their plain columns (Store::formVersions, nothing unlocked), and
// each one found on the shelf gives its items in form order. Only when some version is not on the
// shelf (an older form file no longer in the folder) are the records read once more beforehand,
// to take the answered ids from the records of those versions: one record in memory at a time.
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/export/csv_layout.h"
#include "kiosk/export/form_shelf.h"
#include "kiosk/export/record_source.h"
#include "kiosk/store/store.h"

namespace kiosk::exports {

/// @brief The columns and what staff should know about how they were found.
struct CsvPlan {
    CsvLayout layout;
    /// e.g. "3 records on form intake version 2, which is not in the forms folder: their columns
    /// come from their answers". No patient data.
    std::vector<std::string> notes;
};

/// @brief Plans the columns for the records matching @p filter (see the file comment).
core::Result<CsvPlan> planCsv(store::Store& store, const store::ClinicKey& key, const store::ListFilter& filter,
                              const FormShelf& shelf);
/// @brief The same from any RecordSource (the clinic server: `export --pg`).
core::Result<CsvPlan> planCsv(RecordSource& source, const store::ClinicKey& key, const store::ListFilter& filter,
                              const FormShelf& shelf);

}  // namespace kiosk::exports
