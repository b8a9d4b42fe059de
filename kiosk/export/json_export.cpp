#include "kiosk/export/json_export.h"

#include "kiosk/export/record_text.h"

namespace kiosk::exports {
using nlohmann::json;

core::Result<json> parseRecord(const core::Result<std::string>& opened) {
    if (!opened) return opened.error();
    thread_local std::string buffer;  // parseRecordText's working copy, kept from record to record
    json record;
    if (!parseRecordText(*opened, record, buffer)) return core::makeError(core::ErrorCode::Integrity, "its payload is not JSON");
    return record;
}

JsonExportWriter::JsonExportWriter(std::ostream& out, const std::string& exportedAt, const std::string& kioskId)
    : m_out(out) {
    // The opening object is written by hand: "records" stays open while records stream in.
    const json head = {{"exported_at", exportedAt}, {"kiosk", kioskId}};
    std::string text = head.dump();
    text.pop_back();  // drop the closing brace
    m_out << text << ",\"records\":[";
}

core::Result<void> JsonExportWriter::add(const ExportMeta& meta, const std::string& payloadJson) {
    auto record = parseRecord(payloadJson);
    if (!record) {
        addDamaged(meta.id);
        return core::makeError(record.error().code, "record " + meta.id + ": " + record.error().message);
    }
    addParsed(meta, std::move(*record));
    return {};
}

void JsonExportWriter::addParsed(const ExportMeta& meta, json record) {
    const json entry = {{"id", meta.id},
                        {"form", meta.formId},
                        {"version", meta.formVersion},
                        {"content_hash", meta.contentHash},
                        {"lang", meta.lang},
                        {"started_at", meta.startedAt},
                        {"submitted_at", meta.submittedAt},
                        {"kiosk", meta.kioskId},
                        {"status", meta.status},
                        {"record", std::move(record)}};
    // One record per line: valid JSON that a person can still page through.
    m_out << (m_records == 0 ? "\n" : ",\n") << entry.dump(-1, ' ', false, json::error_handler_t::replace);
    ++m_records;
}

void JsonExportWriter::addDamaged(const std::string& id) { m_damaged.push_back(id); }

core::Result<void> JsonExportWriter::finish() {
    if (!m_finished) {
        m_finished = true;
        m_out << (m_records == 0 ? "" : "\n") << "],\"damaged\":" << json(m_damaged).dump() << "}\n";
        m_out.flush();
    }
    if (!m_out) return core::makeError(core::ErrorCode::Io, "the export could not be written");
    return {};
}

}  // namespace kiosk::exports
