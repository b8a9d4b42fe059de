#include "kiosk/export/export_job.h"

#include <filesystem>
#include <memory>

#include "kiosk/export/id_list.h"
#include "kiosk/export/json_export.h"
#include "kiosk/export/private_file.h"
#include "kiosk/core/clock.h"

namespace kiosk::exports {
namespace fs = std::filesystem;
namespace {

/// True when @p a and @p b name one file: the same inode when both exist, else the same path.
bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ea, eb;
    if (fs::exists(a, ea) && fs::exists(b, eb)) {
        std::error_code ec;
        return fs::equivalent(a, b, ec);
    }
    return fs::weakly_canonical(fs::absolute(a, ea), ea) == fs::weakly_canonical(fs::absolute(b, eb), eb);
}

ExportMeta metaOf(const store::RecordSummary& r) {
    return ExportMeta{r.meta.id,          r.meta.formId,      r.meta.formVersion,
                      r.meta.contentHash, r.meta.lang,        r.meta.startedAt,
                      r.meta.submittedAt, r.meta.kioskId,     store::toString(r.status)};
}

/// What the stream wrote: ids to mark, ids of damaged records, and whether it was cancelled.
struct Written {
    IdList ids;
    std::vector<std::string> damaged;
    bool cancelled = false;
};

/// Streams the document into @p file, one record in memory at a time. On error the caller lets
/// @p file go, and its destructor removes the temp file.
core::Result<Written> writeDocument(store::Store& s, const store::ClinicKey& key, const store::ListFilter& filter,
                                    const ExportOptions& options, const ExportProgressFn& progress,
                                    PrivateOutput& file) {
    ExportProgress at;
    auto total = s.count(filter);
    if (!total) return total.error();
    at.total = *total;
    Written w;
    w.ids.reserve(static_cast<std::size_t>(at.total));
    std::ostream& out = file.stream();
    const std::string exportedAt = options.exportedAt.empty() ? core::utcNowIso() : options.exportedAt;
    std::unique_ptr<RecordWriter> writer = options.writer
                                               ? options.writer(out, exportedAt, s.kioskId())
                                               : std::make_unique<JsonExportWriter>(out, exportedAt, s.kioskId());
    auto read = s.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        if (auto record = parseRecord(payload)) {
            writer->addParsed(metaOf(r), std::move(*record));
            w.ids.push(r.meta.id);
        } else {
            writer->addDamaged(r.meta.id);
            w.damaged.push_back(r.meta.id);
        }
        ++at.done;
        if (progress && !progress(at)) w.cancelled = true;
        return static_cast<bool>(out) && !w.cancelled;
    });
    if (!read) return read.error();
    if (w.cancelled) return core::makeError(core::ErrorCode::Invalid, "export cancelled", core::SourceLoc{file.target()});
    const auto finished = writer->finish();
    if (!finished) {
        if (auto why = file.writeFailure()) return *why;  // the disk full, ...: said, not only "not written"
        return core::makeError(finished.error().code, finished.error().message, core::SourceLoc{file.target()});
    }
    return w;
}

}  // namespace

core::Result<void> checkNotDatabase(const std::string& output, const std::string& dbPath) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (sameFile(output, dbPath + suffix))
            return core::makeError(core::ErrorCode::Invalid,
                                   std::string(*suffix ? "the output is the database's " + std::string(suffix) + " file"
                                                       : "the output is the database file") +
                                       ", and writing there would destroy the records: give another file");
    return {};
}

core::Result<void> checkOutputFile(const std::string& output, bool force) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(output, ec);
    if (!fs::exists(st)) return {};
    if (!force)
        return core::makeError(core::ErrorCode::Invalid, "will not overwrite an existing file (give --force)",
                               core::SourceLoc{output});
    if (!fs::is_regular_file(st))
        return core::makeError(core::ErrorCode::Invalid, "is not a regular file; an export will not replace it",
                               core::SourceLoc{output});
    return {};
}

core::Result<ExportSummary> exportRecords(store::Store& store, const store::ClinicKey& key,
                                          const store::ListFilter& filter, const std::string& output,
                                          const ExportOptions& options, const ExportProgressFn& progress) {
    if (auto ok = checkNotDatabase(output, store.path()); !ok) return ok.error();
    if (auto ok = checkOutputFile(output, options.force); !ok) return ok.error();
    auto file = PrivateOutput::create(output);
    if (!file) return file.error();
    auto written = writeDocument(store, key, filter, options, progress, **file);
    if (!written) return written.error();
    if (auto committed = (*file)->commit(); !committed) return committed.error();

    ExportSummary summary;
    summary.output = output;
    summary.exported = static_cast<std::int64_t>(written->ids.size());
    summary.damaged = std::move(written->damaged);
    // Marked only once the file is in place: a failed export marks nothing. An unmarked export is
    // still audited, since patient data left the kiosk. The audit row says what was asked for
    // (form, dates, status), never what the records hold.
    if (options.noMark) {
        const std::string filters = store::describe(filter);
        if (auto audited = store.audit(store::AuditAction::Export, "count=" + std::to_string(summary.exported) +
                                                                        " not_marked" +
                                                                        (filters.empty() ? "" : " " + filters));
            !audited)
            return audited.error();
    } else {
        if (auto marked = store.markExportedEach([&](std::string& id) { return written->ids.next(id); }, key, filter);
            !marked)
            return marked.error();
        summary.marked = true;
    }
    return summary;
}

}  // namespace kiosk::exports
