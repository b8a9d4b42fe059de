#include "kiosk/export/json_export.h"

#include <nlohmann/json.hpp>

namespace kiosk::exports {
using nlohmann::json;

JsonExportWriter::JsonExportWriter(std::ostream& out, const std::string& exportedAt, const std::string& kioskId)
    : m_out(out) {
    // The opening object is written by hand: "records" stays open while records stream in.
    const json head = {{"exported_at", exportedAt}, {"kiosk", kioskId}};
    std::string text = head.dump();
    text.pop_back();  // drop the closing brace
    m_out << text << ",\"records\":[";
}

core::Result<void> JsonExportWriter::add(const ExportMeta& meta, const std::string& payloadJson) {
    json record = json::parse(payloadJson, nullptr, false);
    if (record.is_discarded()) {
        addDamaged(meta.id);
        return core::makeError(core::ErrorCode::Integrity, "record " + meta.id + " is not JSON");
    }
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
    return {};
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
