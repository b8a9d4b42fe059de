#include "kiosk/export/record_writer.h"

#include "kiosk/export/json_export.h"

namespace kiosk::exports {

bool RecordWriter::addPayload(const ExportMeta& meta, const std::string& payload) {
    auto record = parseRecord(payload);
    if (!record) return false;
    addParsed(meta, std::move(*record));
    return true;
}

}  // namespace kiosk::exports
