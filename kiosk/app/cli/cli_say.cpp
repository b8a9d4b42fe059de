#include "kiosk/app/cli/cli_say.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/app/cli/voice.h"
#include "kiosk/core/suggest.h"
#include "kiosk/forms/loader.h"
#include "kiosk/speech/page_text.h"
#include "kiosk/speech/wav.h"

namespace kiosk::app {
namespace {

struct SayOptions {
    std::string formPath;
    std::string page;    ///< 1-based number, an item id or a page id
    std::string lang;
    std::string output;
    std::string config;  ///< --config FILE: its speech voices, rate and volume
    bool print = false;  ///< also print the text on stdout
};

/// The page index @p which names: "3" (1-based), an item id (its page) or a page id; -1 with a message.
int pageIndex(const forms::Form& form, const std::string& which, std::string& problem) {
    if (!which.empty() && std::all_of(which.begin(), which.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const long n = which.size() > 6 ? -1 : std::stol(which);
        if (n >= 1 && n <= static_cast<long>(form.pages.size())) return static_cast<int>(n - 1);
        problem = "--page " + which + ": the form has pages 1 to " + std::to_string(form.pages.size());
        return -1;
    }
    if (const int p = form.pageOf(which); p >= 0) return p;
    for (size_t p = 0; p < form.pages.size(); ++p)
        if (form.pages[p].id == which) return static_cast<int>(p);
    problem = "--page " + which + ": no page or item has that id";
    return -1;
}

int runSay(const SayOptions& o) {
    const forms::LoadResult loaded = forms::loadForm(o.formPath);
    if (!loaded.ok()) {
        for (const core::Error& e : loaded.errors) std::cerr << e.format() << '\n';
        if (loaded.errors.empty()) std::cerr << o.formPath << ": error: the form could not be loaded\n";
        return kExitFailure;
    }
    const forms::Form& form = *loaded.form;
    std::string problem;
    const int page = pageIndex(form, o.page, problem);
    if (page < 0) {
        std::cerr << "intake-kiosk say: " << problem << '\n';
        return kExitFailure;
    }
    const std::string lang = core::pickLanguage(form.languages, o.lang);
    if (std::find(form.languages.begin(), form.languages.end(), lang) == form.languages.end()) {
        std::cerr << "intake-kiosk say: --lang " << lang << ": the form is in " << core::joinList(form.languages) << '\n';
        return kExitFailure;
    }
    SettingsFile settings = loadSettings(o.config);
    if (!settings.load.ok()) {
        for (const core::Error& e : settings.load.errors) std::cerr << e.format() << '\n';
        return kExitFailure;
    }
    KioskConfig config = *settings.load.config;
    resolveFolders(config, defaultBundlePaths());
    auto catalog = core::Catalog::loadDir(config.assetsDir + "/i18n");
    if (!catalog) {
        std::cerr << catalog.error().format() << '\n';
        return kExitFailure;
    }
    const speech::Utterance text = speech::freshPageText(form, page, lang, *catalog);
    auto engine = pluginEngine()(config.speech);
    if (!engine) {
        std::cerr << "intake-kiosk say: " << engine.error().message << '\n';
        return kExitFailure;
    }
    std::vector<std::int16_t> samples;
    auto spoken = (*engine)->synthesize(text, [&](const std::int16_t* s, std::size_t n) {
        samples.insert(samples.end(), s, s + n);
        return true;
    });
    if (!spoken) {
        std::cerr << "intake-kiosk say: " << spoken.error().message << '\n';
        return kExitFailure;
    }
    if (auto written = speech::writeWav(o.output, samples, (*engine)->sampleRate()); !written) {
        std::cerr << written.error().format() << '\n';
        return kExitFailure;
    }
    if (o.print)
        for (const std::string& s : text.sentences) std::cout << s << '\n';
    std::cerr << o.output << ": page " << page + 1 << " (" << form.pages[static_cast<size_t>(page)].id << "), "
              << text.sentences.size() << " sentences, "
              << static_cast<double>(samples.size()) / (*engine)->sampleRate() << " s, voice "
              << config.speech.voiceFor(lang) << '\n';
    return kExitOk;
}

}  // namespace

void addSayCommand(CLI::App& app) {
    auto opts = std::make_shared<SayOptions>();
    CLI::App* cmd = app.add_subcommand("say", "Write what the Read aloud button says for one page as a WAVE file");
    cmd->add_option("--form", opts->formPath, "questionnaire file (forms/*.yaml)")->type_name("FILE")->check(pathValidator());
    cmd->add_option("--page", opts->page, "the page: its number (1 = first), its id, or the id of an item on it")
        ->type_name("N|ITEM_ID");
    cmd->add_option("--lang", opts->lang, "language (default: the form's first)")->type_name("xx")->check(languageValidator());
    cmd->add_option("-o,--output", opts->output, "the WAVE file to write")->type_name("FILE.wav")->check(pathValidator());
    cmd->add_option("--config", opts->config, "settings file whose speech voices, rate and volume to use")
        ->type_name("FILE")
        ->check(pathValidator());
    cmd->add_flag("--print", opts->print, "also print the text, one sentence a line");
    cmd->callback([opts] {
        const char* problem = opts->formPath.empty()   ? "give --form FILE"
                              : opts->page.empty()     ? "give --page N or --page ITEM_ID"
                              : opts->output.empty()   ? "give -o FILE.wav"
                                                       : nullptr;
        if (problem != nullptr) failUsage(problem);
        if (const int rc = runSay(*opts); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace kiosk::app
