#pragma once
// `intake-kiosk run` (also what `intake-kiosk` with no command does): the kiosk itself. Its flags
// are parsed in app/cli/window_commands; main.cpp hands this function to them.
#include "kiosk/app/cli/window_commands.h"

namespace kiosk::app {

/// Runs the kiosk until staff leave it; returns the process exit code.
int runKiosk(const RunOptions& options);

}  // namespace kiosk::app
