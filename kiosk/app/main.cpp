// intake-kiosk: the command line (app/cli, CLI11) and the kiosk itself (app/shell). The cli target
// parses every command and never links GL; the two commands that open a window get their work from
// the shell here. With no command, the kiosk runs (cli_support.cpp: runCli).
#include <CLI/CLI.hpp>

#include "kiosk/app/cli/cli_simulate.h"
#include "kiosk/app/cli/cli_store.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_validate.h"
#include "kiosk/app/cli/window_commands.h"
#include "kiosk/app/shell/run_command.h"
#include "kiosk/app/shell/screenshot_command.h"

int main(int argc, char** argv) {
    CLI::App app{"Intake Kiosk: patient intake on a touchscreen", "intake-kiosk"};
    app.require_subcommand(0, 1);
    app.footer("With no command (or only options), the kiosk runs: `intake-kiosk` = `intake-kiosk run`.\n"
               "Run `intake-kiosk COMMAND --help` for a command's options.");
    int exitCode = 0;
    kiosk::app::addRunCommand(app, exitCode, kiosk::app::runKiosk);
    kiosk::app::addScreenshotCommand(app, exitCode, kiosk::app::takeScreenshot);
    kiosk::app::addValidateCommand(app);
    kiosk::app::addSimulateCommand(app);
    kiosk::app::addStoreCommands(app);
    return kiosk::app::runCli(app, argc, argv, exitCode);
}
