#pragma once
// JSON export: decrypted records written as one JSON document, record by record, so an export of
// thousands of intakes holds one record in memory at a time. Pure: it writes to a stream and
// knows nothing of SQLite, keys or files (app/cli_export.cpp does those).
//
// The document:
//   {"exported_at": "...", "kiosk": "...",
//    "records": [ {"id", "form", "version", "content_hash", "lang", "started_at", "submitted_at",
//                  "kiosk", "status", "record": <the record JSON as submitted>}, ... ],
//    "damaged": ["<id>", ...]}
// Damaged records (failed integrity, or not JSON) are named in "damaged", never half-written.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/export/record_writer.h"

namespace kiosk::exports {

/// @brief The one test of whether a record can be read back, shared by export and `records
///        verify`: its payload opened by the store (@p opened: decrypted and matching its plain
///        columns) and then parsed as the record JSON. The store's error as it is, or Integrity
///        "its payload is not JSON"; no message ever quotes the payload.
core::Result<nlohmann::json> parseRecord(const core::Result<std::string>& opened);

/// @brief Streams the export document to @p out: the opening on construction, one record per
///        add(), the closing on finish(). Never throws; a failed stream shows in finish().
class JsonExportWriter final : public RecordWriter {
public:
    JsonExportWriter(std::ostream& out, const std::string& exportedAt, const std::string& kioskId);

    /// Writes one record. A payload that is not JSON is listed as damaged instead (Integrity error;
    /// the message names the record, never its content).
    core::Result<void> add(const ExportMeta& meta, const std::string& payloadJson);
    /// Writes one record that parseRecord() has read.
    void addParsed(const ExportMeta& meta, nlohmann::json record) override;
    /// Names a record that could not be opened.
    void addDamaged(const std::string& id) override;
    /// Closes the document; Io if anything failed to write.
    core::Result<void> finish() override;

    std::int64_t recordCount() const { return m_records; }
    const std::vector<std::string>& damaged() const { return m_damaged; }

private:
    std::ostream& m_out;
    std::int64_t m_records = 0;
    std::vector<std::string> m_damaged;  ///< ids only
    bool m_finished = false;
};

}  // namespace kiosk::exports
