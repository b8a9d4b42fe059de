#pragma once
// `form publish FILE --pg [URL]` (also spelled `forms publish`): a questionnaire version made the
// clinic's, for every kiosk to run from its next start.
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Adds `publish` to the `form` command (registered before, by addFhirCommands) and the `forms`
/// spelling of that command.
void addFormPublish(CLI::App& app);

}  // namespace kiosk::app
