// `export` (see cli_export.h): unlock, stream matching records through the JSON writer into
// PATH.tmp (0600), fsync, rename over PATH, then mark what was exported so retention (purge) can
// work. A crash or error before the rename leaves PATH as it was and no record marked.
#include "kiosk/app/cli_export.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "kiosk/app/cli_target.h"
#include "kiosk/export/json_export.h"
#include "kiosk/store/store.h"
#include "kiosk/store/utc.h"

namespace kiosk::app {
namespace fs = std::filesystem;

std::optional<std::string> parseExportDate(const std::string& text, bool endOfDay) {
    if (store::parseUtcIso(text)) return text;
    const auto midnight = store::parseUtcIso(text + "T00:00:00Z");
    if (!midnight) return std::nullopt;
    return endOfDay ? store::toUtcIso(*midnight + std::chrono::hours(24)) : text + "T00:00:00Z";
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

/// Makes @p path empty and owner-only before any patient data goes in (no symlink followed).
core::Result<void> createPrivate(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 || ::fchmod(fd, 0600) != 0) {
        if (fd >= 0) ::close(fd);
        return core::makeError(core::ErrorCode::Io, "cannot create the export file", core::SourceLoc{path});
    }
    ::close(fd);
    return {};
}

/// fsync of a file or folder, so the rename below publishes data that is on the disk.
bool syncPath(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

struct Written {
    std::vector<std::string> ids;      ///< exported, to be marked
    std::vector<std::string> damaged;  ///< listed in the file, not marked
};

Written writeExport(store::Store& s, const store::ClinicKey& key, const store::ListFilter& filter,
                    const std::string& tmp) {
    orFail(createPrivate(tmp));
    Written w;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    exports::JsonExportWriter writer(out, store::utcNowIso(), s.kioskId());
    auto read = s.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        exports::ExportMeta m{r.meta.id,        r.meta.formId,      r.meta.formVersion,
                              r.meta.contentHash, r.meta.lang,      r.meta.startedAt,
                              r.meta.submittedAt, r.meta.kioskId,   store::toString(r.status)};
        if (!payload) {
            writer.addDamaged(r.meta.id);
        } else if (writer.add(m, *payload)) {
            w.ids.push_back(r.meta.id);
        }
        return static_cast<bool>(out);
    });
    auto finished = writer.finish();
    out.close();
    if (read && finished && (!out || !syncPath(tmp)))
        finished = core::makeError(core::ErrorCode::Io, "the export could not be written");
    if (!read || !finished) {
        std::error_code ec;
        fs::remove(tmp, ec);
        fail(!read ? read.error() : core::makeError(finished.error().code, finished.error().message, core::SourceLoc{tmp}));
    }
    w.damaged = writer.damaged();
    return w;
}

void runExport(const StoreTarget& t, const ExportArgs& a) {
    const store::ListFilter filter = filterOf(a);
    std::error_code ec;
    if (fs::exists(a.output, ec) && !a.force)
        fail(core::makeError(core::ErrorCode::Invalid, "will not overwrite an existing file (give --force)",
                             core::SourceLoc{a.output}));
    store::Store s = t.open();
    const store::ClinicKey key = t.unlock(s);
    const std::string tmp = a.output + ".tmp";
    const Written w = writeExport(s, key, filter, tmp);
    fs::rename(tmp, a.output, ec);
    if (ec) {
        fs::remove(tmp, ec);
        fail(core::makeError(core::ErrorCode::Io, "cannot move the export into place", core::SourceLoc{a.output}));
    }
    const fs::path parent = fs::path(a.output).parent_path();
    (void)syncPath(parent.empty() ? "." : parent.string());
    // Marked only once the file is in place: a failed export marks nothing. An unmarked export is
    // still audited, since patient data left the kiosk.
    if (a.noMark)
        orFail(s.audit(store::AuditAction::Export, "count=" + std::to_string(w.ids.size()) + " not_marked"));
    else
        orFail(s.markExported(w.ids, key));
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
    cmd->add_option("--since", a->since, "submitted on or after DATE (YYYY-MM-DD, UTC)")->type_name("DATE");
    cmd->add_option("--until", a->until, "submitted up to and including DATE (YYYY-MM-DD, UTC)")->type_name("DATE");
    cmd->add_option("--status", a->status, "only records with this status (default: all but deleted)")
        ->check(CLI::IsMember({"submitted", "reviewed", "exported"}));
    cmd->add_flag("--no-mark", a->noMark, "do not mark the records exported (purge only removes exported ones)");
    cmd->add_flag("--force", a->force, "overwrite PATH if it exists");
    cmd->callback([t, a] { runExport(*t, *a); });
}

}  // namespace kiosk::app
