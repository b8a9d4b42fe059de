#include "kiosk/app/cli/commands.h"

#include <CLI/CLI.hpp>
#include <string>
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
namespace {

/// Subcommands inherit the top level's footer, which is about neither `export` nor `keys`: a group
/// says how to get its commands' help instead, a command nothing.
void setFooters(CLI::App& command, const std::string& path) {
    for (CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        const std::string subPath = path + " " + sub->get_name();
        const bool group = !sub->get_subcommands([](const CLI::App*) { return true; }).empty();
        sub->footer(group ? "Run `" + subPath + " COMMAND --help` for a command's options." : std::string());
        setFooters(*sub, subPath);
    }
}

}  // namespace

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
    setFooters(app, app.get_name());
    return runCli(app, argc, argv, exitCode);
}

}  // namespace kiosk::app
