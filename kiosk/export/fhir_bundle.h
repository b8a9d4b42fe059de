#pragma once
// FHIR export: decrypted records written as one FHIR R4 Bundle (type collection), record by
// record, like the JSON export (json_export.h): one QuestionnaireResponse per record followed by
// its Patient (fhir_patient.h) and the Observations of its scores and flags (fhir_response.h),
// written as text with no tree per
// record (fhir_stream.h). Records that could not be opened
// are named, by id only, in one OperationOutcome at the end. Pure: it writes to a stream.
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/export/fhir_common.h"
#include "kiosk/export/fhir_stream.h"
#include "kiosk/export/form_shelf.h"
#include "kiosk/export/json_out.h"
#include "kiosk/export/record_doc.h"
#include "kiosk/export/record_writer.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports {

/// @brief Streams the Bundle to @p out: the opening on construction, one record per addParsed(),
///        the closing on finish(). Never throws; a failed stream shows in finish().
///        Each record is typed by the form it was answered on (id, version and content hash) when
///        @p forms has it, else from its own JSON.
class FhirBundleWriter final : public RecordWriter {
public:
    FhirBundleWriter(std::ostream& out, const std::string& exportedAt, std::shared_ptr<const FormShelf> forms,
                     fhir::FhirOptions options = {});

    /// Writes the entries of one record that parseRecord() has read.
    void addParsed(const ExportMeta& meta, nlohmann::json record) override;
    /// Reads the record's JSON text (record_doc.h: no tree) and writes its entries.
    bool addPayload(const ExportMeta& meta, const std::string& payload) override;
    /// Names a record that could not be opened.
    void addDamaged(const std::string& id) override;
    /// Closes the Bundle; Io if anything failed to write.
    core::Result<void> finish() override;

    std::int64_t recordCount() const { return m_records; }
    const std::vector<std::string>& damaged() const { return m_damaged; }

private:
    void entry(const nlohmann::json& e);
    void write(const ExportMeta& meta);  ///< the entries of the record in m_doc
    void flushText();  ///< m_text to m_out, then emptied
    const forms::Form* formOf(const ExportMeta& meta);

    std::ostream& m_out;
    std::string m_exportedAt;
    std::shared_ptr<const FormShelf> m_forms;
    const forms::Form* m_lastForm = nullptr;  ///< the last lookup, kept: records come form by form
    ExportMeta m_lastMeta;
    fhir::FhirOptions m_options;
    RecordDoc m_doc;  ///< the record being written, read in place (record_doc.h); its memory reused
    /// The entries of the last records, handed on in pieces of kFlushAt or more (straight to the
    /// file: no copy through the stream's buffer); the buffer kept from record to record.
    JsonOut m_text;
    /// Text that depends on a form and a language only, kept from record to record (fhir_stream.h).
    std::unique_ptr<fhir::StreamCache> m_cache;
    std::int64_t m_records = 0;
    std::int64_t m_entries = 0;
    std::vector<std::string> m_damaged;  ///< ids only
    bool m_finished = false;
};

/// @brief The WriterMaker (record_writer.h) for a FHIR Bundle typed by @p forms (may be empty).
WriterMaker fhirWriter(std::shared_ptr<const FormShelf> forms, fhir::FhirOptions options = {});

}  // namespace kiosk::exports
