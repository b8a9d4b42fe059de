#include "kiosk/app/shell/run_command.h"
#include "kiosk/app/cli/cli_store.h"

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <imgui.h>
#include <optional>

#include "kiosk/app/cli/alert_hook.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/app/cli/content.h"
#include "kiosk/app/cli/effects.h"
#include "kiosk/app/shell/gl_texture_sink.h"
#include "kiosk/app/shell/desk_scene.h"
#include "kiosk/app/shell/intake_scene.h"
#include "kiosk/app/shell/logo_texture.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/app/cli/session_settings.h"
#include "kiosk/app/cli/voice.h"
#include "kiosk/app/shell/staff_scene.h"
#include "kiosk/app/cli/store_sink.h"
#include "kiosk/app/cli/demo_drive.h"
#include "kiosk/app/shell/window.h"
#include "kiosk/core/log.h"
#include "kiosk/export/pdf_body_map.h"
#include "kiosk/speech/speaker.h"

namespace kiosk::app {


namespace {

/// The config file and the flags, merged; an Error only for what the person at the terminal typed.
/// @p settingsPath gets the file that was read ("" = none).
core::Result<KioskConfig> settingsFor(const RunOptions& options, std::vector<std::string>& problems,
                                      std::string& settingsPath) {
    const bool explicitConfig = !options.config.empty();
    SettingsFile settings = loadSettings(options.config);
    ConfigLoad& load = settings.load;
    settingsPath = settings.path;
    KioskConfig config;
    if (load.ok()) {
        config = *load.config;
    } else if (explicitConfig) {
        // Whoever typed --config is at a terminal: tell them there, do not take over the screen.
        std::string all;
        for (const auto& e : load.errors)
            all += (all.empty() ? "" : "\n") + e.format();
        return core::makeError(load.errors.front().code, all);
    } else {
        // The installed config is broken: the kiosk says so on screen (a kiosk has no terminal).
        for (const auto& e : load.errors)
            problems.push_back(e.format());
    }
    if (!options.form.empty()) config.form = options.form;
    if (!options.lang.empty()) config.defaultLanguage = options.lang;
    if (!options.dataDir.empty()) config.dataDir = options.dataDir;
    if (!options.formsDir.empty()) config.formsDir = options.formsDir;
    if (!options.windowed.empty()) config.window = *WindowMode::parse(options.windowed);
    resolveFolders(config, defaultBundlePaths());
    return config;
}

ui::UiOptions uiOptionsOf(const KioskConfig& config) {
    ui::UiOptions ui;
    ui.clinicName = config.clinicName;
    ui.logoPath = config.logoPath;
    ui.highContrast = config.theme == ThemeChoice::HighContrast;
    ui.staffPin = config.staffPin;
    return ui;
}

/// The staff desk's settings: the clinic's language, the forms folder (and the running form) to
/// read records against, loaded at the first staff visit, exports to a USB drive under /media or
/// else <data_dir>/exports, the PDF's paper and clinic name.
staff::DeskOptions deskOptionsOf(const KioskConfig& config, const Content& content, const session::Intake& running) {
    staff::DeskOptions o;
    o.staffLang = content.lang;
    o.loadShelf = [formsDir = config.formsDir, form = content.form, &running] {
        auto shelf = std::make_shared<exports::FormShelf>(exports::FormShelf::loadFolder(formsDir));
        if (!shelf->find(form->id, form->version, form->contentHash)) shelf->add(form);
        // The clinic's version the patients have now (taken from the server since the start).
        const auto& now = running.sharedForm();
        if (!shelf->find(now->id, now->version, now->contentHash)) shelf->add(now);
        return std::shared_ptr<const exports::FormShelf>(std::move(shelf));
    };
    o.places.fallbackDir = config.dataDir + "/exports";
    o.clinicName = config.clinicName;
    o.logoPath = config.logoPath;  // the PDF header's, read at each export (a bad one: a warning)
    o.bodyMapFigure = exports::bodyMapFigureOf(content.figure);
    o.paper = config.letterPaper ? exports::PaperSize::Letter : exports::PaperSize::A4;
    return o;
}

/// KIOSK_EXIT_AFTER_FRAMES=N stops the kiosk after N frames, or sooner once it has nothing left to draw
/// (it would otherwise sleep until a touch): for tests and start-up measurements only
/// (a kiosk otherwise runs until staff leave it).
long exitAfterFrames() {
    const char* env = std::getenv("KIOSK_EXIT_AFTER_FRAMES");
    return env ? std::strtol(env, nullptr, 10) : 0;
}

int showStaffMessage(Window& window, std::string title, std::vector<std::string> lines) {
    ImGuiIO& io = ImGui::GetIO();  // the kiosk's fonts may be in the atlas already: start afresh
    io.Fonts->Clear();
    io.FontDefault = nullptr;
    const ui::FontSizeSet fonts = StaffMessageScene::addFonts(static_cast<float>(window.framebufferHeight()));
    window.uploadFonts();
    core::logger()->warn("showing the staff message: {}", title);
    StaffMessageScene scene(std::move(title), std::move(lines), fonts);
    runLoop(window, scene, exitAfterFrames());
    return 0;
}

/// Milliseconds since @p start, for the start-up line in the log.
long msSince(std::chrono::steady_clock::time_point start) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count());
}

/// @brief What the start-up worker prepares while the window opens. Lives on the heap: the view
///        keeps a reference to the catalogue, so nothing here may move once the worker starts.
struct Startup {
    std::chrono::steady_clock::time_point began = std::chrono::steady_clock::now();
    Content content;
    std::unique_ptr<ui::KioskView> view;
    std::optional<core::Result<void>> fonts;
    /// The clinic's newly published form versions, from the pusher to the patient flow (outlives it).
    session::FormUpdates formUpdates;
    std::optional<core::Result<std::unique_ptr<StoreRecordSink>>> sink;
    std::optional<core::Result<LogoPixels>> logo;  ///< decoded here, uploaded on the GL thread
    long contentMs = 0, fontsMs = 0, storeMs = 0;
};

/// The staff gate's hooks on the store (StoreRecordSink::staffGateHooks). The view, and with it
/// the gate, is made before the worker opens the store: until then there is no store to ask, so
/// no passphrase is right and nothing can be audited (the pad cannot open before the first frame).
staff::GateHooks staffHooksOf(const Startup& s) {
    auto hooks = [&s]() -> std::optional<staff::GateHooks> {
        if (s.sink && *s.sink) return (**s.sink)->staffGateHooks();
        return std::nullopt;
    };
    staff::GateHooks forward;
    forward.audit = [hooks](const staff::AttemptEvent& e) {
        if (auto h = hooks()) h->audit(e);
    };
    forward.verifyPassphrase = [hooks](const std::string& passphrase) {
        auto h = hooks();
        return h && h->verifyPassphrase(passphrase);
    };
    forward.history = [hooks]() -> std::optional<staff::PriorAttempts> {
        auto h = hooks();
        return h ? h->history() : std::nullopt;  // not open yet: the gate asks again next time
    };
    return forward;
}

/// The worker: form + translations, then the view and its font atlas (built, not uploaded), then the
/// database. Touches the ImGui context's font atlas only; the main thread meanwhile only talks to
/// GLFW/X and the GL driver (Window::open's whileOpening contract).
void prepare(Startup& s, const KioskConfig& config, const std::string& settingsPath, float displayHeight) {
    s.content = loadContent(config);
    s.contentMs = msSince(s.began);
    if (!s.content.ok()) return;
    ui::UiOptions ui = uiOptionsOf(config);
    ui.staffHooks = staffHooksOf(s);
    ui.bodyFigure = s.content.figure;
    s.view = std::make_unique<ui::KioskView>(s.content.catalog, std::move(ui));
    s.fonts = s.view->loadFonts(displayHeight);
    if (*s.fonts) {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // rasterise now, upload later
    }
    s.fontsMs = msSince(s.began);
    s.sink = StoreRecordSink::open(resolveDbPath("", config.dataDir), config.kioskId, config.draftResume);
    if (*s.sink) (**s.sink)->saveDraftsInBackground();  // a page turn never waits on the disk
    // A changed settings file is a staff action the audit log should show.
    if (*s.sink && !settingsPath.empty()) {
        if (auto noted = (**s.sink)->noteSettingsFile(settingsPath); !noted)
            core::logger()->warn("settings change not audited: {}", noted.error().format());
    }
    // Several kiosks, one clinic: records go to the clinic server from a thread of their own.
    // The clinic's forms come along: a new version wakes the loop, and the welcome screen takes it.
    if (*s.sink && !config.serverUrl.empty())
        (**s.sink)->startSync(config.serverUrl, config.formsDir, &s.formUpdates, [] { glfwPostEmptyEvent(); });
    s.storeMs = msSince(s.began);
    if (!config.logoPath.empty()) s.logo = readLogoPng(config.logoPath);
}

/// Uploads the logo the worker decoded and gives it to the view. A bad logo is a warning only: the
/// kiosk runs without it. The texture must go before the window (and its GL context) does.
std::unique_ptr<LogoTexture> attachLogo(std::optional<core::Result<LogoPixels>>& decoded,
                                        ui::KioskView& view) {
    if (!decoded) return nullptr;
    core::Result<std::unique_ptr<LogoTexture>> texture =
        *decoded ? LogoTexture::upload(**decoded) : core::Result<std::unique_ptr<LogoTexture>>(decoded->error());
    decoded.reset();  // the pixels are on the GPU (or useless): free the CPU copy
    if (!texture) {
        core::logger()->warn("{} (the welcome screen shows no logo)", texture.error().format());
        return nullptr;
    }
    view.setLogo((*texture)->imguiId(), (*texture)->width(), (*texture)->height());
    return std::move(*texture);
}

}  // namespace

int runKiosk(const RunOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> configProblems;
    std::string settingsPath;
    auto settings = settingsFor(options, configProblems, settingsPath);
    if (!settings) {
        // A --config that names no file is the command line's mistake: said as every usage error is.
        if (settings.error().code == core::ErrorCode::NotFound)
            failUsage("--config " + options.config + ": cannot read the config file");
        std::fprintf(stderr, "intake-kiosk run: %s\n", settings.error().message.c_str());
        return kExitFailure;
    }
    KioskConfig& config = *settings;
    // The data folder will hold patient records: make it owner-only before anything creates it.
    // One that cannot be made is said when the store opens (on the staff screen, the kiosk keeps running).
    (void)makePrivateParentDir(resolveDbPath("", config.dataDir));
    core::LogOptions logOptions;
    logOptions.dir = config.dataDir + "/logs";
    if (auto logged = core::initLogging(logOptions); !logged) {
        core::logger()->warn("log file: {} (logging to stderr only)", logged.error().format());
    }
    core::logger()->info("kiosk starting data={} forms={}", config.dataDir, config.formsDir);
    if (config.staffPin.empty())
        core::logger()->info("no staff PIN set: the staff gesture asks for the staff passphrase");
    for (const auto& p : configProblems)
        core::logger()->error("config: {}", p);

    // The form, translations, fonts and database are prepared on a worker while this thread
    // connects to X and makes the GL context (the slowest step), so the first frame comes sooner.
    auto startup = std::make_unique<Startup>();
    std::future<void> preparing;
    WindowOptions windowOptions;
    windowOptions.mode = config.window;
    auto window = Window::open(windowOptions, [&](float displayHeight) {
        if (!configProblems.empty()) return;
        preparing = std::async(std::launch::async, [&s = *startup, &config, &settingsPath, displayHeight] {
            prepare(s, config, settingsPath, displayHeight);
        });
    });
    const long windowMs = msSince(start);
    if (preparing.valid()) preparing.get();
    if (!window) {
        core::logger()->error("{}", window.error().message);
        return kExitFailure;
    }
    (*window)->attachImGui();

    if (!configProblems.empty()) {
        configProblems.emplace_back("Fix the settings file and restart the kiosk.");
        return showStaffMessage(**window, "The kiosk settings have errors", std::move(configProblems));
    }
    Content& content = startup->content;
    if (!content.ok()) {
        std::vector<std::string> lines = std::move(content.problems);
        if (!content.formPath.empty()) {
            lines.push_back("Check it with: intake-kiosk validate " + content.formPath);
        }
        lines.emplace_back(
            "Fix the questionnaire and restart the kiosk. No patient can start an intake until then.");
        return showStaffMessage(**window, content.problemTitle, std::move(lines));
    }
    if (!*startup->fonts) {
        core::logger()->error("fonts: {}", startup->fonts->error().format());
        return showStaffMessage(**window, "The kiosk's fonts could not be loaded",
                                {startup->fonts->error().format()});
    }
    auto& sink = *startup->sink;
    if (!sink) {
        core::logger()->error("store: {}", sink.error().format());
        return showStaffMessage(
            **window, "The kiosk cannot open its database",
            {sink.error().format(), "Data folder: " + config.dataDir,
             "No intake can be saved until this is fixed. Answers are never kept elsewhere."});
    }
    ui::KioskView& view = *startup->view;
    (*window)->uploadFonts();
    const std::unique_ptr<LogoTexture> logo = attachLogo(startup->logo, view);
    GlTextureSink textures;  // the body-map figure's; deleted here, while the GL context lives
    view.setTextureSink(&textures);
    core::logger()->info(
        "start-up: window {} ms; worker: form {} ms, fonts {} ms, store {} ms; ready at {} ms", windowMs,
        startup->contentMs, startup->fontsMs - startup->contentMs, startup->storeMs - startup->fontsMs,
        msSince(start));

    // Each new patient is greeted in the clinic's language.
    session::IntakeConfig intakeConfig = intakeConfigOf(config, content.lang);
    const std::optional<std::string> draft = (*sink)->takeDraft();
    std::shared_ptr<const forms::Form> startForm = content.form;
    if (const auto named = draft ? session::draftFormOf(*draft) : std::nullopt;
        named && named->version != content.form->version) {
        // The clinic published another version while that intake ran: it resumes on its own one,
        // and the welcome screen takes the clinic's once it is done.
        const auto local = resolveFormFile(config.form, config.formsDir);
        if (auto own = formForDraft(named->id, named->version, content.form, clinicFormsDir(config.dataDir),
                                    config.formsDir, local ? *local : std::string())) {
            startForm = std::move(own);
            startup->formUpdates.offer(content.form);
            core::logger()->info("unfinished intake resumes on form v{} (v{} after it)", startForm->version,
                                 content.form->version);
        }
    }
    session::Intake intake(startForm, content.catalog, intakeConfig);
    if (draft) {
        // A crash or power cut mid-intake: the patient is probably still at the kiosk.
        core::logger()->info("unfinished intake {}",
                             intake.restore(*draft) ? "resumed" : "could not be resumed");
    }
    if (!options.screen.empty()) {
        if (auto r = driveToScreen(intake, options.screen, content.lang, intakeConfig,
                                   core::systemClock().steadyNow());
            !r) {
            core::logger()->error("--screen {}: {}", options.screen, r.error().message);
            return kExitFailure;
        }
    }
    // An urgent intake, once saved, runs the clinic's desk alert with its record id (alert_hook.h).
    AlertHook alertHook(config.urgentCommand);
    AlertingSink alerting(**sink, alertHook);
    IntakeScene scene(intake, view, alerting);
    // Read aloud: voices load and the sound device is probed on the speaker's own thread; the
    // buttons appear once both answered (its wake-up redraws), or never (one warning in the log).
    speech::Speaker::Options speechOptions;
    speechOptions.settings = config.speech;
    speechOptions.languages = content.form->languages;
    const auto welcome = std::find(speechOptions.languages.begin(), speechOptions.languages.end(), content.lang);
    if (welcome != speechOptions.languages.end()) std::rotate(speechOptions.languages.begin(), welcome, welcome + 1);
    // espeak-ng and ALSA come from the voice plugin (the intake-kiosk-voice package), loaded by that
    // thread too; without it the buttons never appear, as without a sound device.
    speechOptions.engine = pluginEngine();
    speechOptions.audio = pluginAudio(config.speech.device);
    speechOptions.wake = [] { glfwPostEmptyEvent(); };
    speech::Speaker speaker(std::move(speechOptions));
    scene.attachSpeech(speaker, content.catalog);
    staff::DeskOptions deskOptions = deskOptionsOf(config, content, intake);
    deskOptions.takeGateKey = [owner = sink->get()] { return owner->takeGateKey(); };  // no PIN: one passphrase a visit
    staff::Desk desk((*sink)->store(), content.catalog, std::move(deskOptions));
    KioskScenes scenes(scene, view, desk, [owner = sink->get()] { owner->wakeSync(); });
    scene.attachFormUpdates(startup->formUpdates);
    const LoopStats stats = runLoop(**window, scenes, exitAfterFrames());
    (*sink)->stopSync();  // its wake-ups go to the window, which closes next
    core::logger()->info("kiosk stopped after {} frames", stats.frames);
    return 0;
}

}  // namespace kiosk::app
