#pragma once
// What the export job (export_job.h) streams records into: one writer per format (JSON, CSV, ...).
// The job owns the file and the store; a writer only turns one decrypted record at a time into
// bytes on the stream it was made with, so nothing holds more than one record in memory.
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"

namespace kiosk::exports {

/// @brief The plain columns of one exported record (the store's RecordMeta and status, as text).
struct ExportMeta {
    std::string id;
    std::string formId;
    int formVersion = 0;
    std::string contentHash;
    std::string lang;
    std::string startedAt;
    std::string submittedAt;
    std::string kioskId;
    std::string status;
};

/// @brief A format's streaming writer. Never throws; a failed stream shows in finish().
class RecordWriter {
public:
    virtual ~RecordWriter() = default;
    /// Writes one record that parseRecord() (json_export.h) has read.
    virtual void addParsed(const ExportMeta& meta, nlohmann::json record) = 0;
    /// Writes one record from its opened payload (JSON text); false, writing nothing, when it is not
    /// JSON (the job reports the record damaged). By default parseRecord() then addParsed(); a
    /// format that needs a few parts of a record reads the text itself (CSV: csv_record_reader.h).
    virtual bool addPayload(const ExportMeta& meta, const std::string& payload);
    /// A record that could not be opened: named where the format can name it (JSON), else skipped.
    virtual void addDamaged(const std::string& id) = 0;
    /// Closes the document; Io if anything failed to write.
    virtual core::Result<void> finish() = 0;
};

/// @brief Makes the writer for one export on @p out; @p exportedAt and @p kioskId are for formats
///        that carry them.
using WriterMaker = std::function<std::unique_ptr<RecordWriter>(std::ostream& out, const std::string& exportedAt,
                                                                const std::string& kioskId)>;

}  // namespace kiosk::exports
