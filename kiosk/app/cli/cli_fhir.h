#pragma once
// FHIR on the command line: `form export-fhir` (a form as a Questionnaire), `import-fhir` (a
// Questionnaire as a form file), and what `export --format fhir` and `records show --format fhir`
// share: the forms the records were answered on and the clinic's FHIR base URL.
#include <map>
#include <memory>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "kiosk/export/fhir_bundle.h"
#include "kiosk/forms/model.h"

namespace kiosk::app {

/// @brief The forms of a folder by id and version: what a FHIR export types answers with.
class FormShelf {
public:
    /// Loads every form file of @p dir; files that do not load are skipped, named on stderr.
    static FormShelf load(const std::string& dir);
    const forms::Form* find(const std::string& formId, int version) const;
    /// find() as the export job wants it (the shelf must outlive the job).
    exports::FormLookup lookup() const;

private:
    std::map<std::pair<std::string, int>, std::shared_ptr<const forms::Form>> m_forms;
};

/// @brief The options FHIR output takes: --forms-dir DIR and --fhir-base URL.
struct FhirArgs {
    std::string formsDir;  ///< "" = the settings file's forms_dir, else the bundled forms
    std::string base = exports::fhir::kDefaultBase;
    /// The folder to load forms from (--config: the settings file that may name it).
    std::string resolvedFormsDir(const std::string& config) const;
};
/// Adds --forms-dir and --fhir-base to @p cmd.
void addFhirArgs(CLI::App* cmd, FhirArgs& args);

/// Registers `form export-fhir` and `import-fhir`.
void addFhirCommands(CLI::App& app);

}  // namespace kiosk::app
