#include "kiosk/app/cli/window_commands.h"

#include <CLI/CLI.hpp>
#include <memory>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/demo_drive.h"

namespace kiosk::app {

bool isDeskScreen(const std::string& name) {
    return name == "desk" || name == "desk:detail" || name == "desk:unlock" || name == "desk:health";
}

namespace {

/// `screenshot --screen`: a patient screen or a desk screen (`run --screen` knows the patient's only).
CLI::Validator screenshotScreenValidator() {
    return CLI::Validator(
        [](std::string& name) -> std::string {
            if (isDeskScreen(name)) return {};
            if (demoScreenValidator()(name).empty()) return {};
            return "unknown screen '" + name + "' (screens: " + kDemoScreens + ", " + kDeskScreens + ")";
        },
        "");
}

}  // namespace

void addRunCommand(CLI::App& app, int& exitCode, std::function<int(const RunOptions&)> runKiosk) {
    auto options = std::make_shared<RunOptions>();
    CLI::App* run = app.add_subcommand("run", "Start the kiosk (the default when no command is given)");
    run->add_option("--form", options->form, "Questionnaire: an id in the forms folder, or a .yaml file")
        ->type_name("ID|FILE")
        ->check(pathValidator());
    run->add_option("--config", options->config,
                    "Kiosk settings (default: $KIOSK_CONFIG, else /etc/intake-kiosk/kiosk.yaml)")
        ->type_name("FILE")
        ->check(pathValidator());
    run->add_option("--windowed", options->windowed, "Open a WxH window instead of fullscreen (testing)")
        ->type_name("WxH")
        ->check(windowSizeValidator());
    run->add_option("--lang", options->lang, "Language of the welcome screen, e.g. en or es")
        ->type_name("xx")
        ->check(languageValidator());
    run->add_option("--data-dir", options->dataDir, "Folder for the database and logs")
        ->type_name("DIR")
        ->check(pathValidator());
    run->add_option("--forms-dir", options->formsDir, "Folder with the questionnaires")
        ->type_name("DIR")
        ->check(pathValidator());
    // Hidden: development and measurements (memory and idle CPU on a question page, not only on
    // the welcome screen). The kiosk starts there with demo answers, as `screenshot` draws it.
    run->add_option("--screen", options->screen, std::string("Start on this screen: ") + kDemoScreens)
        ->type_name("NAME")
        ->check(demoScreenValidator())
        ->group("");
    run->callback([options, &exitCode, runKiosk] { exitCode = runKiosk(*options); });
}

void addScreenshotCommand(CLI::App& app, int& exitCode,
                          std::function<int(const ScreenshotOptions&)> takeScreenshot) {
    auto o = std::make_shared<ScreenshotOptions>();
    CLI::App* cmd = app.add_subcommand("screenshot", "Render one screen to a PNG (for docs and review)");
    cmd->add_option("--screen", o->screen, std::string("Screen: ") + kDemoScreens + ", " + kDeskScreens)
        ->required()
        ->type_name("NAME")
        ->check(screenshotScreenValidator());
    cmd->add_option("-o,--output", o->output, "PNG file to write")
        ->required()
        ->type_name("FILE.png")
        ->check(pathValidator());
    cmd->add_option("--lang", o->lang, "Language, e.g. en or es")
        ->type_name("xx")
        ->check(languageValidator());
    cmd->add_option("--form", o->form, "Questionnaire: an id in the forms folder, or a .yaml file")
        ->type_name("ID|FILE")
        ->check(pathValidator());
    cmd->add_option("--forms-dir", o->formsDir, "Folder with the questionnaires")
        ->type_name("DIR")
        ->check(pathValidator());
    cmd->add_option("--config", o->config, "Kiosk settings file (clinic name, theme)")
        ->type_name("FILE")
        ->check(pathValidator());
    cmd->add_option("--size", o->size, "Image size (default 1920x1080)")
        ->type_name("WxH")
        ->check(windowSizeValidator());
    cmd->add_flag("--larger-text", o->largerText, "Turn on the patient's \"Larger text\" toggle");
    cmd->add_flag("--high-contrast", o->highContrast, "Use the high-contrast theme");
    cmd->add_option("--tap", o->taps, "Tap the widget with this key first (repeatable, in order), "
                                      "e.g. item/pain_map/lower_back_l")
        ->type_name("KEY");
    cmd->add_option("--scroll-to", o->scrollTo, "Then scroll the page by finger drags until this widget shows whole, "
                                                "e.g. item/phq4/down/not_at_all")
        ->type_name("KEY");
    cmd->callback([o, &exitCode, takeScreenshot] { exitCode = takeScreenshot(*o); });
}

}  // namespace kiosk::app
