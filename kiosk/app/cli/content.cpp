#include "kiosk/app/cli/content.h"

#include <algorithm>

#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/core/log.h"
#include "kiosk/forms/loader.h"

namespace kiosk::app {

std::shared_ptr<const bodymap::Figure> loadFigure(const KioskConfig& config) {
    auto geometry = bodymap::loadGeometry(config.assetsDir + "/body_map/choir_male.json");
    if (!geometry) {
        core::logger()->warn("body map: {} (body maps are shown as lists)", geometry.error().format());
        return nullptr;
    }
    return std::make_shared<const bodymap::Figure>(bodymap::makeFigure(std::move(*geometry)));
}

Content loadContent(const KioskConfig& config, size_t maxErrors) {
    Content out;
    auto catalog = core::Catalog::loadDir(config.assetsDir + "/i18n");
    if (!catalog) {
        out.problemTitle = "The kiosk's translations could not be loaded";
        out.problems.push_back(catalog.error().format());
        core::logger()->error("translations: {}", catalog.error().format());
        return out;
    }
    out.catalog = std::move(*catalog);
    out.figure = loadFigure(config);

    auto file = resolveFormFile(config.form, config.formsDir);
    if (!file) {
        out.problemTitle = "The questionnaire could not be found";
        out.problems.push_back(file.error().format());
        core::logger()->error("form: {}", file.error().format());
        return out;
    }
    out.formPath = *file;
    forms::LoadResult loaded = forms::loadForm(out.formPath);
    if (!loaded.ok()) {
        out.problemTitle = "The questionnaire " + out.formPath + " has errors";
        for (size_t i = 0; i < loaded.errors.size() && i < maxErrors; ++i) {
            out.problems.push_back(loaded.errors[i].format());
        }
        if (loaded.errors.size() > maxErrors) {
            out.problems.push_back("... and " + std::to_string(loaded.errors.size() - maxErrors) + " more");
        }
        if (loaded.errors.empty()) out.problems.push_back(out.formPath + ": error: the form did not load");
        core::logger()->error("form {} failed to load: {} error(s), first: {}", out.formPath,
                              loaded.errors.size(), out.problems.front());
        return out;
    }
    out.form = loaded.form;
    if (!config.serverUrl.empty()) {
        // A kiosk of a clinic runs the clinic's published version of its form, once it has one.
        if (auto clinic = clinicForm(clinicFormsDir(config.dataDir), out.form->id)) {
            out.form = std::move(clinic);
            out.formPath = clinicFormsDir(config.dataDir) + "/" + out.form->id + ".yaml";
        }
    }
    const auto& langs = out.form->languages;
    out.lang = config.defaultLanguage;
    if (!langs.empty() && std::find(langs.begin(), langs.end(), out.lang) == langs.end()) {
        core::logger()->warn("form {} has no language '{}': starting in '{}'", out.form->id, out.lang,
                             langs.front());
        out.lang = langs.front();
    }
    core::logger()->info("form loaded id={} v={} pages={} file={}", out.form->id, out.form->version,
                         out.form->pages.size(), out.formPath);
    return out;
}

}  // namespace kiosk::app
