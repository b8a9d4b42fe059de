#pragma once
// Loading a questionnaire file: YAML -> Form, with every error located at file:line:col.
// Never throws and never crashes on any input (fuzzed): bad bytes become Errors.
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"
#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief The outcome of loading one file: a form when there are no errors, else every error found.
struct LoadResult {
    std::shared_ptr<const Form> form;  ///< null when errors is not empty
    core::Errors errors;
    bool ok() const { return form != nullptr && errors.empty(); }
};

/// Reads, parses and validates @p path (shape and semantic checks). `include:` paths are relative
/// to @p includeDir when given (a form kept away from its instruments: the clinic server's copy),
/// else to the form's own folder.
LoadResult loadForm(const std::string& path, const std::string& includeDir = {});
/// The same for text already in memory; @p displayPath is used in error locations.
LoadResult loadFormFromString(std::string_view text, const std::string& displayPath, const std::string& includeDir = {});

}  // namespace kiosk::forms
