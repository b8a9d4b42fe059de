// intake-kiosk: the command line (CLI11) and the kiosk itself. Subcommands live in cli_*.cpp; with no
// command, the kiosk runs (cli_support.cpp: runCli).
#include <CLI/CLI.hpp>

#include "kiosk/app/cli_run.h"
#include "kiosk/app/cli_screenshot.h"
#include "kiosk/app/cli_simulate.h"
#include "kiosk/app/cli_store.h"
#include "kiosk/app/cli_support.h"
#include "kiosk/app/cli_validate.h"

int main(int argc, char** argv) {
    CLI::App app{"Intake Kiosk: patient intake on a touchscreen", "intake-kiosk"};
    app.require_subcommand(0, 1);
    app.footer("With no command (or only options), the kiosk runs: `intake-kiosk` = `intake-kiosk run`.\n"
               "Run `intake-kiosk COMMAND --help` for a command's options.");
    int exitCode = 0;
    kiosk::app::addRunCommand(app, exitCode);
    kiosk::app::addScreenshotCommand(app, exitCode);
    kiosk::app::addValidateCommand(app);
    kiosk::app::addSimulateCommand(app);
    kiosk::app::addStoreCommands(app);
    return kiosk::app::runCli(app, argc, argv, exitCode);
}
