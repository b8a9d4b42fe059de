#pragma once
// Every command of intake-kiosk, registered once for both executables: intake-kiosk (the window
// commands exec the shell) and intake-kiosk-shell (they open the window).
#include <functional>

#include "kiosk/app/cli/window_commands.h"

namespace kiosk::app {

/// Registers every command, parses @p argv and runs it; returns the process exit code.
int runCommandLine(int argc, char** argv, std::function<int(const RunOptions&)> run,
                   std::function<int(const ScreenshotOptions&)> screenshot);

}  // namespace kiosk::app
