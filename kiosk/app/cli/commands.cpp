#include "kiosk/app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <utility>

#include "kiosk/app/cli/cli_fhir.h"
#include "kiosk/app/cli/cli_form_publish.h"
#include "kiosk/app/cli/cli_say.h"
#include "kiosk/app/cli/cli_simulate.h"
#include "kiosk/app/cli/cli_store.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_sync.h"
#include "kiosk/app/cli/cli_validate.h"

namespace kiosk::app {

int runCommandLine(int argc, char** argv, std::function<int(const RunOptions&)> run,
                   std::function<int(const ScreenshotOptions&)> screenshot) {
    CLI::App app{"Intake Kiosk: patient intake on a touchscreen", "intake-kiosk"};
    app.require_subcommand(0, 1);
    app.footer("With no command (or only options), the kiosk runs: `intake-kiosk` = `intake-kiosk run`.\n"
               "Run `intake-kiosk COMMAND --help` for a command's options.");
    int exitCode = 0;
    addRunCommand(app, exitCode, std::move(run));
    addScreenshotCommand(app, exitCode, std::move(screenshot));
    addValidateCommand(app);
    addSimulateCommand(app);
    addSayCommand(app);
    addStoreCommands(app);
    addSyncCommands(app);
    addFhirCommands(app);
    addFormPublish(app);
    return runCli(app, argc, argv, exitCode);
}

}  // namespace kiosk::app
