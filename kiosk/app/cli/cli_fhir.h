#pragma once
// FHIR on the command line: `form export-fhir` (a form as a Questionnaire), `import-fhir` (a
// Questionnaire as a form file), and what `export --format fhir` and `records show --format fhir`
// share: the forms the records were answered on and the clinic's FHIR base URL.
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/export/fhir_common.h"

namespace kiosk::app {

/// @brief The options FHIR output takes: --forms-dir DIR and --fhir-base URL.
struct FhirArgs {
    std::string formsDir;  ///< "" = the settings file's forms_dir, else the bundled forms (form_shelf_for.h)
    std::string base = exports::fhir::kDefaultBase;
};
/// Adds --forms-dir and --fhir-base to @p cmd.
void addFhirArgs(CLI::App* cmd, FhirArgs& args);
/// Adds --fhir-base alone (export, whose --forms-dir serves CSV too).
void addFhirBase(CLI::App* cmd, std::string& base);

/// Registers `form export-fhir` and `import-fhir`.
void addFhirCommands(CLI::App& app);

}  // namespace kiosk::app
