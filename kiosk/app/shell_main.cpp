// intake-kiosk-shell: the same command line as intake-kiosk, with the kiosk window behind `run` and
// `screenshot`. intake-kiosk execs it for those two (app/cli/window_program.h); every other command
// works here too, so the shell is a complete program on its own (tests, development).
#include <CLI/CLI.hpp>

#include "kiosk/app/cli/commands.h"
#include "kiosk/app/shell/run_command.h"
#include "kiosk/app/shell/screenshot_command.h"

int main(int argc, char** argv) {
    return kiosk::app::runCommandLine(argc, argv, kiosk::app::runKiosk, kiosk::app::takeScreenshot);
}
