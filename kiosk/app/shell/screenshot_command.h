#pragma once
// `intake-kiosk screenshot --screen NAME -o FILE.png`: renders one screen of the real UI, driven
// through a real session::Intake with demo answers, in a hidden window (works under xvfb-run).
// Its flags are parsed in app/cli/window_commands; main.cpp hands this function to them.
#include "kiosk/app/cli/window_commands.h"

namespace kiosk::app {

/// Renders the screen and writes the PNG; returns the exit code (1 with a message on failure).
int takeScreenshot(const ScreenshotOptions& options);

}  // namespace kiosk::app
