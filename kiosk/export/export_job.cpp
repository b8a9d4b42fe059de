#include "kiosk/export/export_job.h"

#include "kiosk/core/durable.h"
#include "kiosk/core/file_error.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "kiosk/export/free_name.h"
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

std::string exportedAtOf(const ExportOptions& options) {
    return options.exportedAt.empty() ? core::utcNowIso() : options.exportedAt;
}

/// The format's writer on @p out (JSON unless the options name another).
std::unique_ptr<RecordWriter> makeWriter(const ExportOptions& options, std::ostream& out, const std::string& exportedAt,
                                         const std::string& kioskId) {
    return options.writer ? options.writer(out, exportedAt, kioskId)
                          : std::make_unique<JsonExportWriter>(out, exportedAt, kioskId);
}

/// What the stream wrote: ids to mark, ids of damaged records, and whether it was cancelled.
struct Written {
    IdList ids;
    std::vector<std::string> damaged;
    bool cancelled = false;
};

/// The progress to report against (how many records match), and room in @p w for all their ids.
core::Result<ExportProgress> countMatching(RecordSource& s, const store::ListFilter& filter, Written& w) {
    auto total = s.count(filter);
    if (!total) return total.error();
    w.ids.reserve(static_cast<std::size_t>(*total));
    ExportProgress at;
    at.total = *total;
    return at;
}

/// Streams the document into @p file, one record in memory at a time. On error the caller lets
/// @p file go, and its destructor removes the temp file.
core::Result<Written> writeDocument(RecordSource& s, const store::ClinicKey& key, const store::ListFilter& filter,
                                    const ExportOptions& options, const ExportProgressFn& progress,
                                    PrivateOutput& file) {
    Written w;
    auto counted = countMatching(s, filter, w);
    if (!counted) return counted.error();
    ExportProgress at = *counted;
    std::ostream& out = file.stream();
    std::unique_ptr<RecordWriter> writer = makeWriter(options, out, exportedAtOf(options), s.kioskId());
    auto read = s.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        if (payload && writer->addPayload(metaOf(r), *payload)) {
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

/// A folder removed with everything in it unless its path was cleared (moved into place).
struct TempFolder {
    std::string path;
    ~TempFolder() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

/// After the output is in place: marks what was written exported (audited as one export), or with
/// noMark only audits it, since patient data left the kiosk either way. The audit row says what
/// was asked for (form, dates, status), never what the records hold.
core::Result<ExportSummary> markWritten(RecordSource& store, const store::ClinicKey& key, const store::ListFilter& filter,
                                        const ExportOptions& options, const std::string& output, Written& written) {
    ExportSummary summary;
    summary.output = output;
    summary.exported = static_cast<std::int64_t>(written.ids.size());
    summary.damaged = std::move(written.damaged);
    if (options.noMark) {
        const std::string filters = store::describe(filter);
        if (auto audited = store.auditUnmarked("count=" + std::to_string(summary.exported) + " not_marked" +
                                               (filters.empty() ? "" : " " + filters));
            !audited)
            return audited.error();
    } else {
        if (auto marked = store.markExported([&](std::string& id) { return written.ids.next(id); }, key, filter);
            !marked)
            return marked.error();
        summary.marked = true;
    }
    return summary;
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

namespace {

core::Error refusedOverwrite(const std::string& output) {
    return core::makeError(core::ErrorCode::Invalid, "will not overwrite an existing file (give --force)",
                           core::SourceLoc{output});
}

/// What the job's commit does with a file at the output: the options say.
OnExisting onExisting(const ExportOptions& options) {
    return options.numbered ? OnExisting::Number : options.force ? OnExisting::Replace : OnExisting::Refuse;
}

}  // namespace

core::Result<void> checkOutputFile(const std::string& output, bool force) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(output, ec);
    if (!fs::exists(st)) return {};
    if (!force) return refusedOverwrite(output);
    if (!fs::is_regular_file(st))
        return core::makeError(core::ErrorCode::Invalid, "is not a regular file; an export will not replace it",
                               core::SourceLoc{output});
    return {};
}

core::Result<ExportSummary> exportRecords(store::Store& store, const store::ClinicKey& key,
                                          const store::ListFilter& filter, const std::string& output,
                                          const ExportOptions& options, const ExportProgressFn& progress) {
    StoreSource source(store);
    return exportRecords(source, key, filter, output, options, progress);
}

core::Result<ExportSummary> exportRecords(RecordSource& store, const store::ClinicKey& key,
                                          const store::ListFilter& filter, const std::string& output,
                                          const ExportOptions& options, const ExportProgressFn& progress) {
    if (!store.databasePath().empty())
        if (auto ok = checkNotDatabase(output, store.databasePath()); !ok) return ok.error();
    if (!options.numbered)  // numbered: what is there stays, the export takes another name
        if (auto ok = checkOutputFile(output, options.force); !ok) return ok.error();
    auto file = PrivateOutput::create(output);
    if (!file) return file.error();
    auto written = writeDocument(store, key, filter, options, progress, **file);
    if (!written) return written.error();
    // Checked again as the file takes its name: another export may have made it meanwhile.
    if (auto committed = (*file)->commit(onExisting(options)); !committed) {
        const core::Error& e = committed.error();
        return e.code == core::ErrorCode::Invalid && !options.numbered ? refusedOverwrite(output) : e;
    }
    return markWritten(store, key, filter, options, (*file)->target(), *written);
}

core::Result<ExportSummary> exportRecordsEach(store::Store& store, const store::ClinicKey& key,
                                              const store::ListFilter& filter, const std::string& outputDir,
                                              const FileNameFn& fileName, const ExportOptions& options,
                                              const ExportProgressFn& progress) {
    StoreSource source(store);
    return exportRecordsEach(source, key, filter, outputDir, fileName, options, progress);
}

core::Result<ExportSummary> exportRecordsEach(RecordSource& store, const store::ClinicKey& key,
                                              const store::ListFilter& filter, const std::string& outputDir,
                                              const FileNameFn& fileName, const ExportOptions& options,
                                              const ExportProgressFn& progress) {
    if (!store.databasePath().empty())
        if (auto ok = checkNotDatabase(outputDir, store.databasePath()); !ok) return ok.error();
    const auto folderExists = [&outputDir] {
        return core::makeError(core::ErrorCode::Invalid, "already exists: give a new folder for the files",
                               core::SourceLoc{outputDir});
    };
    std::error_code ec;
    if (!options.numbered && fs::exists(fs::symlink_status(outputDir, ec))) return folderExists();
    // Everything goes into a private folder beside the output, renamed into place once whole.
    // Errors name the folder asked for (the temp folder is gone by then) and say why.
    std::string parent = fs::path(outputDir).parent_path().string();
    if (parent.empty()) parent = ".";
    const auto atOutput = [&outputDir](core::Error e) {
        e.where = core::SourceLoc{outputDir};
        return e;
    };
    std::string tmpl = outputDir + ".tmp-XXXXXX";  // mkdtemp wants the X last
    if (!::mkdtemp(tmpl.data())) {
        const int err = errno;
        return core::makeError(core::ErrorCode::Io, "cannot create the export folder: " + core::fileErrorReason(err, parent),
                               core::SourceLoc{outputDir});
    }
    TempFolder folder{tmpl};
    Written w;
    auto counted = countMatching(store, filter, w);
    if (!counted) return counted.error();
    ExportProgress at = *counted;
    const std::string exportedAt = exportedAtOf(options);
    core::Result<void> failed;
    auto read = store.forEachRecord(filter, key, [&](const store::RecordSummary& r, const core::Result<std::string>& payload) {
        if (auto record = parseRecord(payload)) {
            const std::string target = (fs::path(folder.path) / fileName(metaOf(r))).string();
            auto file = PrivateOutput::create(target);
            if (!file) {
                failed = atOutput(file.error());
                return false;
            }
            auto writer = makeWriter(options, (*file)->stream(), exportedAt, store.kioskId());
            writer->addParsed(metaOf(r), std::move(*record));
            if (auto done = writer->finish(); !done) {
                auto why = (*file)->writeFailure();  // the disk full, ...: said, not only "not written"
                failed = atOutput(why ? *why : done.error());
                return false;
            }
            writer.reset();
            if (auto committed = (*file)->commit(); !committed) {
                failed = atOutput(committed.error());
                return false;
            }
            w.ids.push(r.meta.id);
        } else {
            w.damaged.push_back(r.meta.id);
        }
        ++at.done;
        if (progress && !progress(at)) w.cancelled = true;
        return !w.cancelled;
    });
    if (!read) return read.error();
    if (!failed) return failed.error();
    if (w.cancelled) return core::makeError(core::ErrorCode::Invalid, "export cancelled", core::SourceLoc{outputDir});
    // Never over a folder made meanwhile, even an empty one (which rename() would replace).
    auto placed = renameToFreeName(folder.path, outputDir, true, options.numbered ? kMostNumberedNames : 1);
    if (!placed) return placed.error().code == core::ErrorCode::Invalid && !options.numbered ? folderExists() : placed.error();
    folder.path.clear();  // in place now: kept
    core::syncParentDir(*placed);
    return markWritten(store, key, filter, options, *placed, w);
}

}  // namespace kiosk::exports
