#pragma once
// The Bundle entries of one record written straight as JSON text (json_out.h), for the Bundle
// export of many records (fhir_bundle.h): no JSON tree is built per record, and the buffer is
// reused from one record to the next. What is written is exactly the dump of the trees that
// fhir_response.h builds (the reference, and what `records show --format fhir` prints): the same
// mapping, keys in the order a nlohmann::json object keeps them (sorted), the same escaping and
// number format. tests/export/fhir_stream_test.cpp holds the two byte for byte equal over a
// varied record set; a change to the mapping is made in both.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/export/fhir_common.h"
#include "kiosk/export/json_out.h"
#include "kiosk/export/record_doc.h"
#include "kiosk/export/record_writer.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

/// @brief JSON text that depends on a form, a language and the options but on no record: an
///        option's answer value, an item's linkId and text, a page's, a score Observation's
///        category and code. Written once, on first use, by the very functions that write a record
///        (so byte for byte what they would write) and then copied in: what a Bundle writer keeps
///        from record to record. Holds pointers into the forms: they outlive it (the writer's shelf).
class StreamCache {
public:
    StreamCache();
    ~StreamCache();
    StreamCache(const StreamCache&) = delete;
    StreamCache& operator=(const StreamCache&) = delete;
    struct Impl;
    Impl& impl() { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

/// @brief Writes the entries of one record as bundleEntries() (fhir_response.h) builds them: the
///        QuestionnaireResponse, its Patient if any (fhir_patient.h), then one entry per
///        Observation, each a JSON object on @p out at the top level,
///        @p separator written before each (the Bundle's ",\n"; the first record's prefix is the
///        caller's to write). Returns the number of entries written.
int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const nlohmann::json& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator);
/// The same with what @p cache keeps (the same options for every record written with it).
int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const nlohmann::json& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator,
                       StreamCache& cache);
/// The same from the record read as a document (record_doc.h): what the Bundle writer does.
int writeRecordEntries(JsonOut& out, const ExportMeta& meta, const RecordDoc::Value& record, const forms::Form* form,
                       const FhirOptions& options, std::string_view firstPrefix, std::string_view separator,
                       StreamCache& cache);

}  // namespace kiosk::exports::fhir
