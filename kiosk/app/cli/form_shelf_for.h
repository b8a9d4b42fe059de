#pragma once
// The questionnaires a staff command reads records against (export's CSV columns, FHIR types and
// PDF questions; records show --format fhir; form export-fhir): --forms-dir, else the settings
// file's forms_dir, else the bundled forms, as `run` finds them.
#include <string>

#include "kiosk/export/form_shelf.h"

namespace kiosk::app {

/// @brief The forms folder: @p formsDir, else forms_dir of the settings file @p config, else the
///        bundled forms.
std::string formsDirFor(const std::string& config, const std::string& formsDir);

/// @brief Loads the forms of @p dir. Files that do not load are named on stderr and skipped:
///        records of them are read from their own JSON.
exports::FormShelf loadFormShelf(const std::string& dir);

/// @brief loadFormShelf(formsDirFor(@p config, @p formsDir)).
exports::FormShelf formShelfFor(const std::string& config, const std::string& formsDir);

}  // namespace kiosk::app
