// `export` (see cli_export.h): unlock, stream matching records through the JSON writer into a
// fresh private temp file beside PATH (private_file.h), fsync, rename over PATH, then mark what was
// exported so retention (purge) can work. A crash, signal or error before the rename leaves PATH as
// it was, no temp file, and no record marked. PATH may never be the database or its -wal/-shm.
#include "kiosk/app/cli_export.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "kiosk/app/cli_target.h"
#include "kiosk/app/private_file.h"
#include "kiosk/export/json_export.h"
#include "kiosk/store/store.h"
#include "kiosk/core/clock.h"

namespace kiosk::app {
namespace fs = std::filesystem;

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
    std::string format, output, form, since, until, status;
    bool noMark = false, force = false;
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

/// True when @p a and @p b name one file: the same inode when both exist, else the same path.
bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ea, eb;
    if (fs::exists(a, ea) && fs::exists(b, eb)) {
        std::error_code ec;
        return fs::equivalent(a, b, ec);
    }
    return fs::weakly_canonical(fs::absolute(a, ea), ea) == fs::weakly_canonical(fs::absolute(b, eb), eb);
}

/// Refuses an output that would replace the database or one of SQLite's files beside it, and an
/// existing output that is not a plain file (a folder, a device, a symlink).
void checkOutput(const std::string& output, const std::string& dbPath, bool force) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (sameFile(output, dbPath + suffix))
            fail(usage(std::string(*suffix ? "the output is the database's " + std::string(suffix) + " file"
                                           : "the output is the database file") +
                       ", and writing there would destroy the records: give another file"),
                 2);
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(output, ec);
    if (!fs::exists(st)) return;
    if (!force)
        fail(core::makeError(core::ErrorCode::Invalid, "will not overwrite an existing file (give --force)",
                             core::SourceLoc{output}));
    if (!fs::is_regular_file(st))
        fail(core::makeError(core::ErrorCode::Invalid, "is not a regular file; an export will not replace it",
                             core::SourceLoc{output}));
}

struct Written {
    std::vector<std::string> ids;      ///< exported, to be marked
    std::vector<std::string> damaged;  ///< listed in the file, not marked
};

/// Streams the export into @p file; on error it fails the command and @p file's destructor
/// removes the temp file.
Written writeExport(store::Store& s, const store::ClinicKey& key, const store::ListFilter& filter,
                    PrivateOutput& file) {
    Written w;
    std::ostream& out = file.stream();
    exports::JsonExportWriter writer(out, core::utcNowIso(), s.kioskId());
    auto read = s.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        exports::ExportMeta m{r.meta.id,        r.meta.formId,      r.meta.formVersion,
                              r.meta.contentHash, r.meta.lang,      r.meta.startedAt,
                              r.meta.submittedAt, r.meta.kioskId,   store::toString(r.status)};
        auto record = exports::parseRecord(payload);
        if (!record) {
            writer.addDamaged(r.meta.id);
        } else {
            writer.addParsed(m, std::move(*record));
            w.ids.push_back(r.meta.id);
        }
        return static_cast<bool>(out);
    });
    orFail(read);
    const auto finished = writer.finish();
    if (!finished) fail(core::makeError(finished.error().code, finished.error().message, core::SourceLoc{file.tempPath()}));
    w.damaged = writer.damaged();
    return w;
}

void runExport(const StoreTarget& t, const ExportArgs& a) {
    const store::ListFilter filter = filterOf(a);
    checkOutput(a.output, t.path(), a.force);
    store::Store s = t.open();
    const store::ClinicKey key = t.unlock(s);
    const auto file = orFail(PrivateOutput::create(a.output));
    const Written w = writeExport(s, key, filter, *file);
    orFail(file->commit());
    // Marked only once the file is in place: a failed export marks nothing. An unmarked export is
    // still audited, since patient data left the kiosk.
    // The audit row says what was asked for (form, dates, status), never what the records hold.
    if (a.noMark) {
        const std::string filters = store::describe(filter);
        orFail(s.audit(store::AuditAction::Export, "count=" + std::to_string(w.ids.size()) + " not_marked" +
                                                       (filters.empty() ? "" : " " + filters)));
    } else {
        orFail(s.markExported(w.ids, key, filter));
    }
    std::cout << "exported " << w.ids.size() << " record" << (w.ids.size() == 1 ? "" : "s") << " to " << a.output
              << '\n';
    if (!w.damaged.empty())
        std::cerr << a.output << ": warning: " << w.damaged.size()
                  << " damaged record(s) not exported, listed under \"damaged\" (see `intake-kiosk records verify`)\n";
}

}  // namespace

void addExportCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "write decrypted records to a file (JSON; CSV, FHIR and PDF are not available yet)");
    auto t = addStoreTarget(cmd, true);
    auto a = std::make_shared<ExportArgs>();
    cmd->add_option("--format", a->format, "json (csv, fhir and pdf are planned, not available yet)")
        ->required()
        ->check(CLI::Validator(
            [](std::string& v) -> std::string {
                return v == "json" ? std::string()
                                   : "only json is available for now (csv, fhir and pdf come later), not '" + v + "'";
            },
            ""))
        ->type_name("json");
    cmd->add_option("-o,--output", a->output, "the file to write (0600; written whole or not at all)")
        ->required()
        ->type_name("PATH");
    cmd->add_option("--form", a->form, "only this form id")->type_name("ID");
    cmd->add_option("--since", a->since, "submitted on or after DATE (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--until", a->until, "submitted up to and including DATE (YYYY-MM-DD: that whole day; or YYYY-MM-DDTHH:MM:SSZ, UTC)")->type_name("DATE");
    cmd->add_option("--status", a->status, "only records with this status (default: all but deleted)")
        ->check(CLI::IsMember({"submitted", "reviewed", "exported"}));
    cmd->add_flag("--no-mark", a->noMark, "do not mark the records exported (purge only removes exported ones)");
    cmd->add_flag("--force", a->force, "overwrite PATH if it exists");
    cmd->callback([t, a] { runExport(*t, *a); });
}

}  // namespace kiosk::app
