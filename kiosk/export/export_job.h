#pragma once
// The export job: matching records streamed from the unlocked store through a format's writer
// (record_writer.h: JSON unless told otherwise, CSV from csv_export.h) into a private temp file
// beside the output (private_file.h), fsynced and renamed into place (over a file there only with
// force, under a numbered name beside it with numbered: free_name.h), and only then marked exported
// so retention (purge) can work. A failure or a cancel before the rename leaves the output as it
// was, no temp file, and no record marked. The command line (`intake-kiosk export`) and the staff
// screens both call it; it prints nothing and throws nothing: the caller reports.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/export/record_source.h"
#include "kiosk/export/record_writer.h"
#include "kiosk/store/store.h"

namespace kiosk::exports {

/// @brief How the job treats the output and the records.
struct ExportOptions {
    bool force = false;      ///< replace an existing output file (never a folder, device or symlink)
    bool noMark = false;     ///< leave records unmarked (still audited: patient data left the kiosk)
    /// Never replace: when the output (file or folder) is there, or appears while the job runs,
    /// write NAME-2.ext, NAME-3.ext, ... instead (ExportSummary::output says which). The desk's
    /// names go by the second, so two exports in one second share one. Wins over force.
    bool numbered = false;
    std::string exportedAt;  ///< the document's "exported_at" (UTC ISO); "" = now
    WriterMaker writer;      ///< the format; empty = JSON (json_export.h)
};

/// @brief Where the job is, after each record: what a progress bar needs and nothing a record holds.
struct ExportProgress {
    std::int64_t done = 0;     ///< records handled so far (written or listed as damaged)
    std::int64_t total = 0;    ///< records that matched the filter when the job began
};

/// Called after each record; returning false cancels the job (Invalid "export cancelled": the
/// output stays as it was and nothing is marked).
using ExportProgressFn = std::function<bool(const ExportProgress&)>;

/// @brief What a finished export wrote. Ids only, never content.
struct ExportSummary {
    std::string output;                ///< the file (or folder) written: a numbered name when it took one
    std::int64_t exported = 0;         ///< records written (and marked, unless noMark)
    std::vector<std::string> damaged;  ///< ids of records that failed their check: listed, not marked
    bool marked = false;               ///< the written records were marked exported
};

/// @brief Refuses an @p output that names the database at @p dbPath or one of SQLite's files beside
///        it (-wal, -shm, -journal), by path, symlink or hard link: Invalid, saying which file.
///        Callers may check this before asking for a passphrase; exportRecords() checks it again.
core::Result<void> checkNotDatabase(const std::string& output, const std::string& dbPath);

/// @brief Refuses an existing @p output unless @p force, and an existing one that is not a plain
///        file even with it (Invalid, located at @p output).
core::Result<void> checkOutputFile(const std::string& output, bool force);

/// @brief Runs the export of the records matching @p filter into @p output (see the file comment).
///        Errors: the checks above, Io when the file cannot be made, written or moved into place,
///        the store's errors, Invalid "export cancelled" when @p progress returns false.
core::Result<ExportSummary> exportRecords(store::Store& store, const store::ClinicKey& key,
                                          const store::ListFilter& filter, const std::string& output,
                                          const ExportOptions& options = {},
                                          const ExportProgressFn& progress = {});
/// @brief The same from any RecordSource (the clinic server: `export --pg`). An output is checked
///        against the source's database file, if it has one.
core::Result<ExportSummary> exportRecords(RecordSource& source, const store::ClinicKey& key,
                                          const store::ListFilter& filter, const std::string& output,
                                          const ExportOptions& options = {},
                                          const ExportProgressFn& progress = {});

/// @brief A file name (no folder) for one record in a one-file-per-record export.
using FileNameFn = std::function<std::string(const ExportMeta& meta)>;

/// @brief The export job writing one file per record (the therapist's PDFs) into the folder
///        @p outputDir, which must not exist: the files go into a private temp folder beside it,
///        each written whole (private_file.h), and the folder is renamed into place only when
///        every record is done; then the records are marked as exportRecords() marks them. A
///        failure or cancel leaves no folder, no file and nothing marked. @p fileName names each
///        file (never a patient's name: ids and times).
core::Result<ExportSummary> exportRecordsEach(store::Store& store, const store::ClinicKey& key,
                                              const store::ListFilter& filter, const std::string& outputDir,
                                              const FileNameFn& fileName, const ExportOptions& options = {},
                                              const ExportProgressFn& progress = {});
core::Result<ExportSummary> exportRecordsEach(RecordSource& source, const store::ClinicKey& key,
                                              const store::ListFilter& filter, const std::string& outputDir,
                                              const FileNameFn& fileName, const ExportOptions& options = {},
                                              const ExportProgressFn& progress = {});

}  // namespace kiosk::exports
