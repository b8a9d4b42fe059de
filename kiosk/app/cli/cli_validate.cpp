#include "kiosk/app/cli/cli_validate.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/forms/loader.h"

namespace kiosk::app {

void addValidateCommand(CLI::App& app) {
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand("validate", "Check questionnaire files (forms/*.yaml) and print every error");
    cmd->add_option("files", *files, "Form files to check")->type_name("FILE...")->check(pathValidator());
    cmd->callback([files] {
        if (files->empty()) failUsage("give at least one form file");
        int bad = 0;
        for (const auto& path : *files) {
            const forms::LoadResult r = forms::loadForm(path);
            for (const auto& e : r.errors) std::fprintf(stderr, "%s\n", e.format().c_str());
            if (!r.ok()) {
                ++bad;
                continue;
            }
            size_t items = 0;
            for (const auto& p : r.form->pages) items += p.items.size();
            std::printf("%s: ok (form %s v%d, %zu pages, %zu items)\n", path.c_str(), r.form->id.c_str(),
                        r.form->version, r.form->pages.size(), items);
            // A licensed instrument the clinic has not supplied: the form works without it.
            for (const std::string& missing : r.form->missingOptional)
                std::printf("%s: note: optional include '%s' is not there; the form is used without it\n",
                            path.c_str(), missing.c_str());
        }
        std::fflush(stdout);
        if (bad > 0) {
            std::fprintf(stderr, "%d of %zu files have errors\n", bad, files->size());
            throw CLI::RuntimeError(1);
        }
    });
}

}  // namespace kiosk::app
