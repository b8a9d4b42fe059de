// intake-kiosk: the command line (app/cli, CLI11). It links no ImGui, GLFW or GL: `run` (also what
// `intake-kiosk` with no command does) and `screenshot` are parsed here, then the same command line
// goes to intake-kiosk-shell (app/shell_main.cpp), which replaces this process.
#include "kiosk/app/cli/commands.h"
#include "kiosk/app/cli/window_program.h"

int main(int argc, char** argv) {
    const auto toShell = [argv](const auto&) { return kiosk::app::execWindowProgram(argv); };
    return kiosk::app::runCommandLine(argc, argv, toShell, toShell);
}
