#include "kiosk/app/cli/cli_form_publish.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "kiosk/app/cli/cli_server.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/core/text_file.h"
#include "kiosk/forms/loader.h"
#include "kiosk/sync/server_forms.h"

namespace kiosk::app {

void addFormPublish(CLI::App& app) {
    CLI::App* form = app.get_subcommand("form");
    form->alias("forms");
    form->description("questionnaire files: export-fhir, publish");
    auto* cmd = form->add_subcommand(
        "publish", "validate a form file and make it the clinic's active version on the clinic server (audited); "
                   "kiosks take it with their next push (within 30 s) and run it from their next patient");
    auto file = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "the form file (YAML)")->type_name("FILE");
    auto t = addStoreTarget(cmd, false);
    auto pg = addServerTarget(cmd);
    cmd->callback([file, t, pg] {
        pg->giveBack(*file);
        if (file->empty()) failUsage("give the form file");
        if (!pg->wanted()) failUsage("give the clinic server: --pg URL (or --pg alone for server.url)");
        // Validated first, exactly as a kiosk will load it: nothing that fails here reaches a kiosk.
        const core::TextFileKind kind{"form file", sync::kMaxPublishedFormBytes, "A form file is a few kB of YAML."};
        const std::string text = orFail(core::readTextFile(*file, kind));
        const forms::LoadResult loaded = forms::loadFormFromString(text, *file);
        if (!loaded.ok()) {
            for (const core::Error& e : loaded.errors) std::cerr << e.format() << '\n';
            fail(core::makeError(core::ErrorCode::Invalid, *file + ": not published: the form has errors"));
        }
        sync::Server server = connectServer(serverUrl(*pg, *t));
        const forms::Form& f = *loaded.form;
        orFail(sync::publishForm(server, {f.id, f.version, f.contentHash,
                                          std::filesystem::path(*file).filename().string(), text}));
        std::cout << "published form " << f.id << " version " << f.version << " (" << f.contentHash << ") on "
                  << server.describe() << "\n"
                  << "kiosks take it with their next push (within 30 s) and run it from their next patient\n";
    });
}

}  // namespace kiosk::app
