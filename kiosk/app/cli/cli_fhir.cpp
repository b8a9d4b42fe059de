// `form export-fhir` and the FHIR options of export and records show (see cli_fhir.h).
#include "kiosk/app/cli/cli_fhir.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/form_shelf_for.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/core/durable.h"
#include "kiosk/export/fhir_questionnaire.h"
#include "kiosk/core/text_file.h"
#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/loader.h"

namespace kiosk::app {

void addFhirArgs(CLI::App* cmd, FhirArgs& args) {
    cmd->add_option("--forms-dir", args.formsDir,
                    "fhir: folder of the forms the records were answered on (default: the kiosk's)")
        ->type_name("DIR");
    addFhirBase(cmd, args.base);
}

void addFhirBase(CLI::App* cmd, std::string& base) {
    cmd->add_option("--fhir-base", base,
                    "fhir: the clinic's FHIR base URL, for Questionnaire and code system URLs (default " +
                        std::string(exports::fhir::kDefaultBase) + ")")
        ->type_name("URL")
        ->transform(CLI::Validator(
            [](std::string& v) -> std::string {
                while (!v.empty() && v.back() == '/') v.pop_back();
                const bool ok = (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0 || v.rfind("urn:", 0) == 0) &&
                                v.find_first_of(" \t\r\n|") == std::string::npos;
                return ok ? std::string() : "expected an http(s) URL such as https://clinic.example/fhir, not '" + v + "'";
            },
            ""));
}

namespace {

/// Refuses, saying why, an output that is a folder (no --force helps) or lies in a folder that is
/// not there.
core::Result<void> checkOutputPath(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return core::makeError(core::ErrorCode::Invalid,
                               "is a folder: give a file name in it, such as " +
                                   (std::filesystem::path(path) / "form.yaml").lexically_normal().string(),
                               core::SourceLoc{path});
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
        return core::makeError(core::ErrorCode::Io,
                               "cannot write the file: the folder " + parent.string() +
                                   (std::filesystem::exists(parent, ec) ? " is not a folder" : " does not exist"),
                               core::SourceLoc{path});
    return {};
}

/// checkOutputPath, and an existing file is kept unless @p force; stdout ("" or "-") always does.
core::Result<void> checkNewOutput(const std::string& path, bool force) {
    if (path.empty() || path == "-") return {};
    if (auto ok = checkOutputPath(path); !ok) return ok.error();
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !force)
        return core::makeError(core::ErrorCode::Invalid, "will not overwrite an existing file (give --force)",
                               core::SourceLoc{path});
    return {};
}

/// Writes @p text to @p path whole or not at all (temp file, fsync, rename); "" or "-" is stdout.
core::Result<void> writeWhole(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        std::cout.flush();
        return {};
    }
    if (auto ok = checkOutputPath(path); !ok) return ok.error();
    const std::string temp = path + ".tmp";
    auto failed = [&] {
        const std::string why = std::strerror(errno);
        std::remove(temp.c_str());
        return core::makeError(core::ErrorCode::Io, "cannot write the file: " + why, core::SourceLoc{path});
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) return failed();
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) return failed();
    core::syncParentDir(path);
    return {};
}

void addFormExportFhir(CLI::App& app) {
    auto* form = app.add_subcommand("form", "questionnaire files: export-fhir");
    form->require_subcommand(1);
    auto* cmd = form->add_subcommand("export-fhir", "write a form as a FHIR R4 Questionnaire (JSON)");
    struct Args {
        std::string form, output, formsDir, config;
        bool force = false;
        FhirArgs fhir;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("FORM", a->form, "form file, or form id in the forms folder (default: the kiosk's form)")
        ->type_name("ID|FILE");
    cmd->add_option("-o,--output", a->output, "the file to write (default: stdout)")->type_name("FILE");
    cmd->add_option("--config", a->config, "settings file whose forms_dir is used")->type_name("FILE");
    cmd->add_flag("--force", a->force, "overwrite the output if it exists");
    addFhirArgs(cmd, a->fhir);
    cmd->callback([a] {
        orFail(checkNewOutput(a->output, a->force));
        const std::string dir = formsDirFor(a->config, a->fhir.formsDir);
        const std::string path = orFail(resolveFormFile(a->form, dir));
        const forms::LoadResult r = forms::loadForm(path);
        if (!r.ok()) {
            for (const core::Error& e : r.errors) std::cerr << e.format() << '\n';
            throw CLI::RuntimeError(1);
        }
        exports::fhir::FhirOptions options;
        options.base = a->fhir.base;
        orFail(writeWhole(a->output, exports::fhir::questionnaire(*r.form, options).dump(2) + "\n"));
        if (!a->output.empty() && a->output != "-")
            std::cerr << "wrote Questionnaire " << exports::fhir::questionnaireCanonical(*r.form, options) << " to "
                      << a->output << '\n';
    });
}

void addImportFhir(CLI::App& app) {
    auto* cmd = app.add_subcommand("import-fhir", "convert a FHIR R4 Questionnaire (JSON) to a form file (YAML)");
    struct Args {
        std::string input, output;
        bool force = false;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("QUESTIONNAIRE", a->input, "the Questionnaire, a FHIR R4 JSON file")->required()->type_name("FILE.json");
    cmd->add_option("-o,--output", a->output, "the form file to write (default: stdout)")->type_name("FILE.yaml");
    cmd->add_flag("--force", a->force, "overwrite the output if it exists");
    cmd->callback([a] {
        const std::string text = orFail(core::readTextFile(a->input, forms::kFhirQuestionnaireFile));
        const forms::FhirImport imported = forms::importFhirQuestionnaire(text, a->input);
        for (const std::string& w : imported.warnings) std::cerr << w << '\n';
        if (!imported.ok()) {
            for (const core::Error& e : imported.errors) std::cerr << e.format() << '\n';
            std::cerr << "nothing written\n";
            throw CLI::RuntimeError(1);
        }
        // What is written must load: the same checks as `validate`, before anything is written.
        const std::string shown = a->output.empty() || a->output == "-" ? imported.formId + ".yaml" : a->output;
        const forms::LoadResult loaded = forms::loadFormFromString(imported.yaml, shown);
        if (!loaded.ok()) {
            for (const core::Error& e : loaded.errors) std::cerr << e.format() << '\n';
            std::cerr << a->input << ": error: the converted form does not pass `intake-kiosk validate`; nothing written\n";
            throw CLI::RuntimeError(1);
        }
        orFail(checkNewOutput(a->output, a->force));
        orFail(writeWhole(a->output, imported.yaml));
        size_t items = 0;
        for (const forms::Page& p : loaded.form->pages) items += p.items.size();
        std::cerr << "imported form '" << loaded.form->id << "': " << loaded.form->pages.size() << " page"
                  << (loaded.form->pages.size() == 1 ? "" : "s") << ", " << items << " item" << (items == 1 ? "" : "s")
                  << ", " << imported.warnings.size() << " warning" << (imported.warnings.size() == 1 ? "" : "s")
                  << (a->output.empty() || a->output == "-" ? "" : " -> " + a->output) << '\n';
    });
}

}  // namespace

void addFhirCommands(CLI::App& app) {
    addFormExportFhir(app);
    addImportFhir(app);
}

}  // namespace kiosk::app
