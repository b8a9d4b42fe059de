// `export` (see cli_export.h): reads the options, unlocks the store and runs the export job
// (export/export_job.h: whole file or none, marked only once in place), then says what it did.
// Errors map to exit codes here: 2 for what was typed wrong, 1 for the rest.
#include "kiosk/app/cli/cli_export.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "kiosk/app/cli/cli_fhir.h"
#include "kiosk/app/cli/cli_server.h"
#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/content.h"
#include "kiosk/app/cli/form_shelf_for.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/app/cli/server_source.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/core/local_day.h"
#include "kiosk/export/pdf_body_map.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/staff/previous_visit.h"
#include "kiosk/store/store.h"
#include "kiosk/core/clock.h"

namespace kiosk::app {

std::optional<std::string> parseExportDate(const std::string& text, bool endOfDay) {
    // Times are stored to the second, so "< the next second" is "up to and including this one".
    if (const auto moment = core::parseUtcIso(text))
        return endOfDay ? core::toUtcIso(*moment + std::chrono::seconds(1)) : text;
    const auto midnight = core::parseUtcIso(text + "T00:00:00Z");
    if (!midnight) return std::nullopt;
    return endOfDay ? core::toUtcIso(*midnight + std::chrono::hours(24)) : text + "T00:00:00Z";
}

namespace {

struct ExportArgs {
    std::string format, output, form, since, until, status, formsDir, paper, lang;
    bool noMark = false, force = false, excel = false, onePerIntake = false, combined = false;
    std::string fhirBase = exports::fhir::kDefaultBase;
};

store::ListFilter filterOf(const ExportArgs& a) {
    store::ListFilter f;
    f.formId = a.form;
    if (!a.status.empty()) f.status = store::parseRecordStatus(a.status);
    if (!a.since.empty()) {
        auto since = parseExportDate(a.since, false);
        if (!since) failUsage("--since: expected a date such as 2026-11-01, got '" + a.since + "'");
        f.since = *since;
    }
    if (!a.until.empty()) {
        auto until = parseExportDate(a.until, true);
        if (!until) failUsage("--until: expected a date such as 2026-11-30, got '" + a.until + "'");
        f.until = *until;
    }
    if (!f.since.empty() && !f.until.empty() && f.since >= f.until)  // UTC ISO strings sort as times
        failUsage("--since " + a.since + " is after --until " + a.until + ": no record can match");
    return f;
}

/// The settings an export reads (forms_dir, assets_dir, the clinic's name and language): the
/// settings file's when it loads, else the defaults; folders resolved as `run` resolves them.
KioskConfig exportSettings(const StoreTarget& t) {
    KioskConfig config;
    if (const SettingsFile settings = loadSettings(t.config); settings.load.ok()) config = *settings.load.config;
    resolveFolders(config, defaultBundlePaths());
    return config;
}

/// The forms records are read against (CSV columns, PDF questions): --forms-dir, else the
/// settings' forms_dir, else the bundled forms. Files that do not load are skipped, said so.
std::shared_ptr<exports::FormShelf> shelfFor(const KioskConfig& config, const ExportArgs& a) {
    return std::make_shared<exports::FormShelf>(loadFormShelf(a.formsDir.empty() ? config.formsDir : a.formsDir));
}

void runExport(const StoreTarget& t, ServerTarget& pg, const ExportArgs& a) {
    if (a.excel && a.format != "csv") failUsage("--excel is for --format csv");
    if (a.onePerIntake && a.format != "pdf") failUsage("--one-per-intake is for --format pdf");
    if (a.combined && a.format != "pdf") failUsage("--combined is for --format pdf");
    if (!a.paper.empty() && a.format != "pdf") failUsage("--paper is for --format pdf");
    if (!a.lang.empty() && a.format != "pdf") failUsage("--lang is for --format pdf");
    if (a.fhirBase != exports::fhir::kDefaultBase && a.format != "fhir") failUsage("--fhir-base is for --format fhir");
    if (!a.formsDir.empty() && a.format == "json") failUsage("--forms-dir is for --format csv, fhir or pdf");
    const store::ListFilter filter = filterOf(a);
    const KioskConfig config = exportSettings(t);
    core::Catalog catalog;  // the PDF's labels; outlives the writers below
    if (a.format == "pdf") {
        auto loaded = core::Catalog::loadDir(config.assetsDir + "/i18n");
        if (!loaded) fail(loaded.error());
        catalog = std::move(*loaded);
        const auto langs = catalog.languages();
        if (!a.lang.empty() && std::find(langs.begin(), langs.end(), a.lang) == langs.end()) {
            std::string known;
            for (const auto& l : langs) known += (known.empty() ? "" : ", ") + l;
            failUsage("--lang: no staff labels in '" + a.lang + "' (" + known + ")");
        }
    }
    // Told before typing a passphrase: writing over the database is a usage error (exit 2), an
    // existing output a failure (exit 1). The job checks both again.
    if (!pg.wanted())
        if (auto ok = exports::checkNotDatabase(a.output, t.path()); !ok) failUsage(ok.error().message);
    if (!a.onePerIntake) {
        std::error_code ec;
        if (std::filesystem::is_directory(a.output, ec)) {  // (an existing file is refused by checkOutputFile)
            const std::string ext = a.format == "fhir" ? "json" : a.format;
            fail(core::makeError(core::ErrorCode::Invalid,
                                 "is a folder: give the file to write, such as " +
                                     (std::filesystem::path(a.output) / ("intakes." + ext)).string(),
                                 core::SourceLoc{a.output}));
        }
        orFail(exports::checkOutputFile(a.output, a.force));
    }
    // The records: this kiosk's store, or every kiosk's on the clinic server (--pg).
    std::optional<store::Store> local;
    std::optional<sync::Server> server;
    std::unique_ptr<exports::RecordSource> source;
    std::optional<store::ClinicKey> unlocked;
    if (pg.wanted()) {
        server.emplace(connectServer(serverUrl(pg, t)));
        unlocked.emplace(unlockServerKey(*server, t));
        source = std::make_unique<ServerSource>(*server, pg.kiosk);
    } else {
        local.emplace(t.open());
        unlocked.emplace(t.unlock(*local));
        source = std::make_unique<exports::StoreSource>(*local);
    }
    const store::ClinicKey& key = *unlocked;
    exports::RecordSource& s = *source;
    exports::ExportOptions options;
    options.force = a.force;
    options.noMark = a.noMark;
    if (a.format == "csv") {
        exports::CsvPlan plan = orFail(exports::planCsv(s, key, filter, *shelfFor(config, a)));
        for (const auto& note : plan.notes) std::cerr << a.output << ": note: " << note << '\n';
        exports::CsvOptions csv;
        csv.excel = a.excel;
        options.writer = exports::csvWriter(std::move(plan.layout), csv);
    } else if (a.format == "fhir") {
        exports::fhir::FhirOptions fhir;
        fhir.base = a.fhirBase;
        options.writer = exports::fhirWriter(shelfFor(config, a), fhir);
    }
    if (a.format == "pdf") {
        exports::PdfOptions pdf;
        const bool letter = a.paper.empty() ? config.letterPaper : a.paper == "letter";
        pdf.paper = letter ? exports::PaperSize::Letter : exports::PaperSize::A4;
        pdf.clinicName = config.clinicName;
        pdf.logoPath = config.logoPath;  // a bad logo is a warning: the PDF is made without it
        pdf.staffLang = a.lang.empty() ? config.defaultLanguage : a.lang;
        pdf.catalog = &catalog;
        pdf.shelf = shelfFor(config, a);
        pdf.bodyMapFigure = exports::bodyMapFigureOf(loadFigure(config));
        // The change since each patient's last visit (issue 19): from this kiosk's own records, or
        // from every kiosk's on the clinic server. A connection of its own either way: the export
        // streams through the first.
        if (local) {
            pdf.previousVisit = staff::previousVisitHook(std::make_shared<store::Store>(t.open()), key, pdf.shelf,
                                                         pdf.staffLang);
        } else {
            auto lookup = std::make_shared<sync::Server>(connectServer(serverUrl(pg, t)));
            auto both = std::make_shared<std::pair<std::shared_ptr<sync::Server>, staff::EarlierRecords>>(
                lookup, earlierRecordsOnServer(*lookup, key));
            pdf.previousVisit = staff::previousVisitHook(
                std::shared_ptr<const staff::EarlierRecords>(both, &both->second), pdf.shelf, pdf.staffLang);
        }
        options.writer = exports::pdfWriter(std::move(pdf));
    }
    const exports::ExportSummary done =
        orFail(a.onePerIntake ? exports::exportRecordsEach(s, key, filter, a.output, exports::pdfFileName, options)
                              : exports::exportRecords(s, key, filter, a.output, options));
    std::cout << "exported " << done.exported << " record" << (done.exported == 1 ? "" : "s") << " to " << a.output
              << '\n';
    if (done.exported == 0 && done.damaged.empty()) {  // an empty file is still written, for scripts
        const std::string asked = store::describe(filter);
        std::cerr << a.output << ": note: no record matched" << (asked.empty() ? "" : " (" + asked + ")") << '\n';
    }
    if (!done.damaged.empty())
        std::cerr << a.output << ": warning: " << done.damaged.size()
                  << " damaged record(s) not exported" << (a.format == "json" ? ", listed under \"damaged\"" : "")
                  << " (see `intake-kiosk records verify`)\n";
}

}  // namespace

void addExportCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "write decrypted records to a file (JSON, CSV, a FHIR R4 Bundle, or the therapist's PDF)");
    auto t = addStoreTarget(cmd, true);
    auto a = std::make_shared<ExportArgs>();
    cmd->add_option("--format", a->format, "json, csv, fhir (a FHIR R4 Bundle) or pdf (the therapist's record)")
        ->required()
        ->check(oneOfValidator({"json", "csv", "fhir", "pdf"}))
        ->type_name("json|csv|fhir|pdf");
    cmd->add_option("-o,--output", a->output, "the file to write (0600; written whole or not at all)")
        ->required()
        ->type_name("PATH")
        ->check(pathValidator());
    cmd->add_option("--form", a->form, "only this form id")->type_name("ID");
    cmd->add_option("--since", a->since, "submitted on or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--until", a->until, "submitted up to and including DATE (YYYY-MM-DD: that whole day; or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--status", a->status, "only records with this status (default: all but deleted)")
        ->type_name("submitted|reviewed|exported")
        ->check(oneOfValidator({"submitted", "reviewed", "exported"}));
    cmd->add_flag("--no-mark", a->noMark, "do not mark the records exported (purge only removes exported ones)");
    cmd->add_flag("--force", a->force, "overwrite PATH if it exists");
    cmd->add_flag("--excel", a->excel, "csv: start with a UTF-8 byte order mark, so Excel shows accents right");
    cmd->add_option("--forms-dir", a->formsDir,
                    "csv, fhir, pdf: the questionnaires the records were answered on (CSV columns, FHIR answer "
                    "types, the PDF's questions; default: forms_dir in the settings file, else the bundled forms)")
        ->type_name("DIR");
    addFhirBase(cmd, a->fhirBase);
    cmd->add_option("--paper", a->paper, "pdf: a4 or letter (default: paper in the settings file, else a4)")
        ->type_name("a4|letter")
        ->check(oneOfValidator({"a4", "letter"}));
    cmd->add_option("--lang", a->lang, "pdf: the staff's language for its labels (default: the settings' language)")
        ->type_name("xx");
    auto* each = cmd->add_flag("--one-per-intake", a->onePerIntake,
                               "pdf: one file per intake into the new folder PATH (default: --combined)");
    cmd->add_flag("--combined", a->combined, "pdf: one PDF holding every intake, a page break between them (the default)")
        ->excludes(each);
    auto pg = addServerTarget(cmd, true);
    cmd->callback([t, a, pg] { runExport(*t, *pg, *a); });
}

}  // namespace kiosk::app
