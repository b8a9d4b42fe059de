// intake-kiosk: the command line (CLI11) and the kiosk itself. Subcommands live in cli_*.cpp.
#include <CLI/CLI.hpp>

#include "kiosk/app/cli_store.h"

#include <cstdio>

#include "kiosk/app/cli_simulate.h"
#include "kiosk/app/cli_validate.h"

int main(int argc, char** argv) {
    CLI::App app{"Intake Kiosk: patient intake on a touchscreen"};
    app.require_subcommand(0, 1);
    kiosk::app::addStoreCommands(app);
    kiosk::app::addValidateCommand(app);
    kiosk::app::addSimulateCommand(app);
    CLI11_PARSE(app, argc, argv);
    return 0;
}
