#pragma once
// `intake-kiosk run` (also what `intake-kiosk` with no command does): the kiosk itself.
#include <string>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace kiosk::app {

/// @brief The flags of `run`; each overrides the config file's key of the same meaning.
struct RunOptions {
    std::string form;      ///< --form ID|FILE
    std::string config;    ///< --config FILE ("" = $KIOSK_CONFIG or /etc/intake-kiosk/kiosk.yaml if present)
    std::string windowed;  ///< --windowed WxH
    std::string lang;      ///< --lang xx
    std::string dataDir;   ///< --data-dir DIR
    std::string formsDir;  ///< --forms-dir DIR
    std::string screen;    ///< --screen NAME (hidden): start there with demo answers (measurements)
};

/// Registers `run`, and makes it the default when no command is given.
void addRunCommand(CLI::App& app, int& exitCode);

/// Runs the kiosk until staff leave it; returns the process exit code.
int runKiosk(const RunOptions& options);

}  // namespace kiosk::app
