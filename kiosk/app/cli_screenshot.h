#pragma once
// `intake-kiosk screenshot --screen NAME -o FILE.png`: renders one screen of the real UI, driven
// through a real session::Intake with demo answers, in a hidden window (works under xvfb-run).
#include <string>
#include <vector>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace kiosk::app {

/// @brief The flags of `screenshot`.
struct ScreenshotOptions {
    std::string
        screen;        ///< welcome | page:N | page:ITEM_ID | review | saving | save_failed | thank_you | idle
    std::string lang;  ///< --lang xx ("" = the config's language)
    std::string form;  ///< --form ID|FILE
    std::string formsDir;            ///< --forms-dir DIR
    std::string config;              ///< --config FILE
    std::string size = "1920x1080";  ///< --size WxH
    bool largerText = false;         ///< --larger-text: taps the UI's "Larger text" toggle
    bool highContrast = false;       ///< --high-contrast
    std::vector<std::string> taps;   ///< --tap KEY, repeatable: widgets tapped in order, like a finger
    std::string output;              ///< -o FILE.png
};

void addScreenshotCommand(CLI::App& app, int& exitCode);

/// Renders the screen and writes the PNG; returns the exit code (1 with a message on failure).
int takeScreenshot(const ScreenshotOptions& options);

}  // namespace kiosk::app
