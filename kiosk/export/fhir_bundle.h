#pragma once
// FHIR export: decrypted records written as one FHIR R4 Bundle (type collection), record by
// record, like the JSON export (json_export.h): one QuestionnaireResponse per record followed by
// the Observations of its scores and flags (fhir_response.h). Records that could not be opened
// are named, by id only, in one OperationOutcome at the end. Pure: it writes to a stream.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/export/fhir_common.h"
#include "kiosk/export/json_export.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports {

/// @brief The form a record was answered on (by id and version), or null when it is not at hand.
using FormLookup = std::function<const forms::Form*(const std::string& formId, int version)>;

/// @brief Streams the Bundle to @p out: the opening on construction, one record per addParsed(),
///        the closing on finish(). Never throws; a failed stream shows in finish().
class FhirBundleWriter {
public:
    FhirBundleWriter(std::ostream& out, const std::string& exportedAt, FormLookup forms,
                     fhir::FhirOptions options = {});

    /// Writes the entries of one record that parseRecord() has read.
    void addParsed(const ExportMeta& meta, const nlohmann::json& record);
    /// Names a record that could not be opened.
    void addDamaged(const std::string& id);
    /// Closes the Bundle; Io if anything failed to write.
    core::Result<void> finish();

    std::int64_t recordCount() const { return m_records; }
    const std::vector<std::string>& damaged() const { return m_damaged; }

private:
    void entry(const nlohmann::json& e);

    std::ostream& m_out;
    std::string m_exportedAt;
    FormLookup m_forms;
    fhir::FhirOptions m_options;
    std::int64_t m_records = 0;
    std::int64_t m_entries = 0;
    std::vector<std::string> m_damaged;  ///< ids only
    bool m_finished = false;
};

}  // namespace kiosk::exports
