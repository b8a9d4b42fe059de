#include "kiosk/export/fhir_bundle.h"

#include <utility>

#include "kiosk/export/fhir_stream.h"

namespace kiosk::exports {
using nlohmann::json;

FhirBundleWriter::FhirBundleWriter(std::ostream& out, const std::string& exportedAt,
                                   std::shared_ptr<const FormShelf> forms,
                                   fhir::FhirOptions options)
    : m_out(out),
      m_exportedAt(exportedAt),
      m_forms(std::move(forms)),
      m_options(std::move(options)),
      m_cache(std::make_unique<fhir::StreamCache>()) {
    // Written by hand: the Bundle stays open while records stream in. "entry" opens with the first
    // one, since FHIR JSON has no empty arrays.
    const json head = {{"resourceType", "Bundle"}, {"type", "collection"}, {"timestamp", exportedAt}};
    std::string text = head.dump();
    text.pop_back();  // the closing brace
    m_out << text;
}

void FhirBundleWriter::entry(const json& e) {
    flushText();
    // One entry per line, as in the JSON export.
    m_out << (m_entries == 0 ? ",\"entry\":[\n" : ",\n") << e.dump(-1, ' ', false, json::error_handler_t::replace);
    ++m_entries;
}

const forms::Form* FhirBundleWriter::formOf(const ExportMeta& meta) {
    if (!m_forms) return nullptr;
    if (m_records == 0 || meta.formId != m_lastMeta.formId || meta.formVersion != m_lastMeta.formVersion ||
        meta.contentHash != m_lastMeta.contentHash) {
        m_lastForm = m_forms->find(meta.formId, meta.formVersion, meta.contentHash);
        m_lastMeta.formId = meta.formId;
        m_lastMeta.formVersion = meta.formVersion;
        m_lastMeta.contentHash = meta.contentHash;
    }
    return m_lastForm;
}

void FhirBundleWriter::write(const ExportMeta& meta) {
    // Written as text into one buffer reused record by record (fhir_stream.h): no tree per record.
    m_entries += fhir::writeRecordEntries(m_text, meta, m_doc.root(), formOf(meta), m_options,
                                          m_entries == 0 ? ",\"entry\":[\n" : ",\n", ",\n", *m_cache);
    ++m_records;
    // A record is about 36 kB: several gathered make one write of the file's buffer size or more,
    // which goes to the file without being copied into that buffer first (private_file.h).
    constexpr std::size_t kFlushAt = 256 * 1024;
    if (m_text.text().size() >= kFlushAt) flushText();
}

void FhirBundleWriter::flushText() {
    if (m_text.text().empty()) return;
    m_out.write(m_text.text().data(), static_cast<std::streamsize>(m_text.text().size()));
    m_text.clear();
}

void FhirBundleWriter::addParsed(const ExportMeta& meta, json record) {
    m_doc.assign(record);
    write(meta);
}

bool FhirBundleWriter::addPayload(const ExportMeta& meta, const std::string& payload) {
    if (!m_doc.parse(payload)) return false;
    write(meta);
    return true;
}

void FhirBundleWriter::addDamaged(const std::string& id) { m_damaged.push_back(id); }

core::Result<void> FhirBundleWriter::finish() {
    if (!m_finished) {
        m_finished = true;
        flushText();
        if (!m_damaged.empty()) {
            json issues = json::array();
            for (const std::string& id : m_damaged)
                issues.push_back({{"severity", "error"},
                                  {"code", "processing"},
                                  {"diagnostics", "record " + id + " could not be opened and is not in this Bundle "
                                                                   "(see `intake-kiosk records verify`)"}});
            entry(json{{"fullUrl", fhir::uuidFrom("damaged/" + m_exportedAt)},
                       {"resource", {{"resourceType", "OperationOutcome"}, {"issue", std::move(issues)}}}});
        }
        m_out << (m_entries == 0 ? "" : "\n]") << "}\n";
        m_out.flush();
    }
    if (!m_out) return core::makeError(core::ErrorCode::Io, "the export could not be written");
    return {};
}

WriterMaker fhirWriter(std::shared_ptr<const FormShelf> forms, fhir::FhirOptions options) {
    return [forms = std::move(forms), options = std::move(options)](std::ostream& out, const std::string& exportedAt,
                                                                     const std::string&) {
        return std::make_unique<FhirBundleWriter>(out, exportedAt, forms, options);
    };
}

}  // namespace kiosk::exports
