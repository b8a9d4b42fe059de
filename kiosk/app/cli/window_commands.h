#pragma once
// The two commands that open a window, `run` (also what `intake-kiosk` with no command does) and
// `screenshot`: their flags are parsed here, with no GL in sight; what they run is handed in by
// main.cpp from app/shell, so the cli target never links a window or GL.
#include <functional>
#include <string>
#include <vector>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace kiosk::app {

/// The staff desk screens `screenshot` draws over a demo database (app/shell/desk_demo.h), besides
/// the patient's screens (kDemoScreens in demo_drive.h).
inline constexpr const char* kDeskScreens = "desk, desk:detail, desk:unlock, desk:health";
bool isDeskScreen(const std::string& name);

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

/// @brief The flags of `screenshot`.
struct ScreenshotOptions {
    std::string screen;  ///< a patient screen (kDemoScreens) or a desk screen (kDeskScreens)
    std::string lang;  ///< --lang xx ("" = the config's language)
    std::string form;  ///< --form ID|FILE
    std::string formsDir;            ///< --forms-dir DIR
    std::string config;              ///< --config FILE
    std::string size = "1920x1080";  ///< --size WxH
    bool largerText = false;         ///< --larger-text: taps the UI's "Larger text" toggle
    bool highContrast = false;       ///< --high-contrast
    std::vector<std::string> taps;   ///< --tap KEY, repeatable: widgets tapped in order, like a finger
    std::string scrollTo;            ///< --scroll-to KEY: after the taps, scroll the page until KEY shows whole
    std::string output;              ///< -o FILE.png
};

/// Registers `run`, and makes it the default when no command is given; @p runKiosk runs the kiosk
/// and returns the exit code.
void addRunCommand(CLI::App& app, int& exitCode, std::function<int(const RunOptions&)> runKiosk);

/// Registers `screenshot`; @p takeScreenshot renders and writes the PNG and returns the exit code.
void addScreenshotCommand(CLI::App& app, int& exitCode,
                          std::function<int(const ScreenshotOptions&)> takeScreenshot);

}  // namespace kiosk::app
