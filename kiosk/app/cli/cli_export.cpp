// `export` (see cli_export.h): reads the options, unlocks the store and runs the export job
// (export/export_job.h: whole file or none, marked only once in place), then says what it did.
// Errors map to exit codes here: 2 for what was typed wrong, 1 for the rest.
#include "kiosk/app/cli/cli_export.h"

#include <iostream>
#include <memory>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/app/cli/cli_target.h"
#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/paths.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
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
    std::string format, output, form, since, until, status, formsDir;
    bool noMark = false, force = false, excel = false;
};

core::Error usage(const std::string& message) {
    return core::makeError(core::ErrorCode::Invalid, "export: " + message);
}

store::ListFilter filterOf(const ExportArgs& a) {
    store::ListFilter f;
    f.formId = a.form;
    if (!a.status.empty()) f.status = store::parseRecordStatus(a.status);
    if (!a.since.empty()) {
        auto since = parseExportDate(a.since, false);
        if (!since) fail(usage("--since: expected a date such as 2026-11-01, got '" + a.since + "'"), 2);
        f.since = *since;
    }
    if (!a.until.empty()) {
        auto until = parseExportDate(a.until, true);
        if (!until) fail(usage("--until: expected a date such as 2026-11-30, got '" + a.until + "'"), 2);
        f.until = *until;
    }
    return f;
}

/// The forms a CSV's columns come from: --forms-dir, else the settings file's forms_dir, else the
/// bundled forms (as `run` finds them).
exports::FormShelf shelfFor(const StoreTarget& t, const ExportArgs& a) {
    std::string dir = a.formsDir;
    if (dir.empty()) {
        const SettingsFile settings = loadSettings(t.config);
        if (settings.load.ok()) dir = settings.load.config->formsDir;
    }
    if (dir.empty()) dir = defaultBundlePaths().formsDir;
    std::vector<core::Error> problems;
    exports::FormShelf shelf = exports::FormShelf::loadFolder(dir, &problems);
    for (const auto& p : problems) std::cerr << p.format() << " (skipped)\n";
    return shelf;
}

void runExport(const StoreTarget& t, const ExportArgs& a) {
    if (a.excel && a.format != "csv") fail(usage("--excel is for --format csv"), 2);
    const store::ListFilter filter = filterOf(a);
    // Told before typing a passphrase: writing over the database is a usage error (exit 2), an
    // existing output a failure (exit 1). The job checks both again.
    if (auto ok = exports::checkNotDatabase(a.output, t.path()); !ok) fail(usage(ok.error().message), 2);
    orFail(exports::checkOutputFile(a.output, a.force));
    store::Store s = t.open();
    const store::ClinicKey key = t.unlock(s);
    exports::ExportOptions options;
    options.force = a.force;
    options.noMark = a.noMark;
    if (a.format == "csv") {
        exports::CsvPlan plan = orFail(exports::planCsv(s, key, filter, shelfFor(t, a)));
        for (const auto& note : plan.notes) std::cerr << a.output << ": note: " << note << '\n';
        exports::CsvOptions csv;
        csv.excel = a.excel;
        options.writer = exports::csvWriter(std::move(plan.layout), csv);
    }
    const exports::ExportSummary done = orFail(exports::exportRecords(s, key, filter, a.output, options));
    std::cout << "exported " << done.exported << " record" << (done.exported == 1 ? "" : "s") << " to " << a.output
              << '\n';
    if (!done.damaged.empty())
        std::cerr << a.output << ": warning: " << done.damaged.size()
                  << " damaged record(s) not exported" << (a.format == "json" ? ", listed under \"damaged\"" : "")
                  << " (see `intake-kiosk records verify`)\n";
}

}  // namespace

void addExportCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "write decrypted records to a file (JSON or CSV; FHIR and PDF are not available yet)");
    auto t = addStoreTarget(cmd, true);
    auto a = std::make_shared<ExportArgs>();
    cmd->add_option("--format", a->format, "json or csv (fhir and pdf are planned, not available yet)")
        ->required()
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
                return v == "json" || v == "csv"
                           ? std::string()
                           : "json and csv are available for now (fhir and pdf come later), not '" + v + "'";
            },
            ""))
        ->type_name("json|csv");
    cmd->add_option("-o,--output", a->output, "the file to write (0600; written whole or not at all)")
        ->required()
        ->type_name("PATH")
        ->check(pathValidator());
    cmd->add_option("--form", a->form, "only this form id")->type_name("ID");
    cmd->add_option("--since", a->since, "submitted on or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--until", a->until, "submitted up to and including DATE (YYYY-MM-DD: that whole day; or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--status", a->status, "only records with this status (default: all but deleted)")
        ->check(CLI::IsMember({"submitted", "reviewed", "exported"}));
    cmd->add_flag("--no-mark", a->noMark, "do not mark the records exported (purge only removes exported ones)");
    cmd->add_flag("--force", a->force, "overwrite PATH if it exists");
    cmd->add_flag("--excel", a->excel, "csv: start with a UTF-8 byte order mark, so Excel shows accents right");
    cmd->add_option("--forms-dir", a->formsDir,
                    "csv: the questionnaires whose items name the columns (default: forms_dir in the settings "
                    "file, else the bundled forms)")
        ->type_name("DIR");
    cmd->callback([t, a] { runExport(*t, *a); });
}

}  // namespace kiosk::app
