#include "kiosk/export/csv_export.h"

#include "kiosk/export/csv_cell.h"

#include <charconv>
#include <iterator>

namespace kiosk::exports {
using nlohmann::json;
namespace {

using Kind = CsvColumn::Kind;

std::string scalarText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
    if (v.is_number()) return v.dump();
    return "";
}

/// A body mark: {"region", "intensity"} -> "region:intensity"; a bare "region" string as it is.
/// A list entry (an object without "region"): "field=value" pairs joined by ','.
std::string markText(const json& mark) {
    if (!mark.is_object()) return scalarText(mark);
    if (!mark.contains("region")) {
        std::string out;
        for (const auto& [field, value] : mark.items()) {
            if (value.is_object() || value.is_array()) continue;  // an entry holds plain values
            out += (out.empty() ? "" : ",") + field + "=";
            appendCsvEntryValue(out, scalarText(value));
        }
        return out;
    }
    std::string out = scalarText(mark.value("region", json()));
    if (const auto i = mark.find("intensity"); i != mark.end() && i->is_number()) out += ":" + i->dump();
    return out;
}

/// The plain fields a Meta column can name, in the order metaText() takes them.
constexpr const char* kMetaFields[] = {"id", "form", "version", "lang", "started_at", "submitted_at", "kiosk", "status"};

int metaFieldOf(const std::string& field) {
    for (int i = 0; i < static_cast<int>(std::size(kMetaFields)); ++i)
        if (field == kMetaFields[i]) return i;
    return -1;
}

/// A plain column's cell into @p cell (its capacity kept); -1 is a field no record has.
void metaText(const ExportMeta& m, int field, std::string& cell) {
    switch (field) {
        case 0: cell.assign(m.id); break;
        case 1: cell.assign(m.formId); break;
        case 2: {
            char buf[16];
            const auto end = std::to_chars(buf, buf + sizeof buf, m.formVersion).ptr;
            cell.assign(buf, static_cast<std::size_t>(end - buf));
            break;
        }
        case 3: cell.assign(m.lang); break;
        case 4: cell.assign(m.startedAt); break;
        case 5: cell.assign(m.submittedAt); break;
        case 6: cell.assign(m.kioskId); break;
        case 7: cell.assign(m.status); break;
        default: cell.clear(); break;
    }
}

}  // namespace

std::string csvAnswerText(const json& value) {
    if (value.is_array()) {
        std::string out;
        for (const auto& e : value) {
            if (!out.empty()) out += ';';
            out += markText(e);
        }
        return out;
    }
    if (value.is_object()) {
        if (const auto strokes = value.find("strokes"); strokes != value.end())
            return strokes->is_array() && !strokes->empty() ? "signed" : "";
        std::string out;  // a matrix in a column of its own (only when a version changed its type)
        for (const auto& [row, option] : value.items()) out += (out.empty() ? "" : ";") + row + "=" + scalarText(option);
        return out;
    }
    return scalarText(value);
}

CsvExportWriter::CsvExportWriter(std::ostream& out, const CsvLayout& layout, CsvOptions options)
    : m_out(out), m_columns(layout.columns()) {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const CsvColumn& c = m_columns[i];
        switch (c.kind) {
            case Kind::Meta: break;
            case Kind::Answer:
            case Kind::MatrixRow: m_answerAt.emplace(c.name, i); break;
            case Kind::Score: m_scoreAt.emplace(c.key, i); break;
            case Kind::Band: m_bandAt.emplace(c.key, i); break;
            case Kind::Flag: m_flagAt.emplace(c.key, i); break;
        }
    }
    m_cells.resize(m_columns.size());
    for (std::size_t i = 0; i < m_columns.size() && m_columns[i].kind == Kind::Meta; ++i)
        m_metaField.push_back(metaFieldOf(m_columns[i].key));
    if (options.excel) m_out << "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (i) m_line += ',';
        appendCsvCell(m_line, m_columns[i].name);
    }
    m_line += "\r\n";
    m_out << m_line;
}

std::size_t CsvExportWriter::columnOf(CsvCellKind kind, const std::string& key) const {
    const auto& index = kind == CsvCellKind::Answer  ? m_answerAt
                        : kind == CsvCellKind::Score ? m_scoreAt
                        : kind == CsvCellKind::Band  ? m_bandAt
                                                     : m_flagAt;
    const auto at = index.find(key);
    return at == index.end() ? kNowhere : at->second;
}

void CsvExportWriter::put(CsvCellKind kind, const std::string& key, std::string_view text) {
    if (m_putCount == m_placed.size()) m_placed.emplace_back();
    Placed& placed = m_placed[m_putCount++];
    if (placed.kind != kind || placed.key != key || placed.key.empty()) {
        placed.kind = kind;
        placed.key = key;
        placed.at = columnOf(kind, key);
    }
    if (placed.at != kNowhere) m_cells[placed.at].assign(text);
    else ++m_unplaced;
}

bool CsvExportWriter::addPayload(const ExportMeta& meta, const std::string& payload) {
    for (auto& cell : m_cells) cell.clear();
    const std::int64_t unplacedBefore = m_unplaced;
    for (std::size_t i = 0; i < m_metaField.size(); ++i) metaText(meta, m_metaField[i], m_cells[i]);
    m_putCount = 0;
    if (!m_reader.read(payload, *this)) {
        m_unplaced = unplacedBefore;  // no row: nothing of it counts
        return false;
    }
    m_line.clear();
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (i) m_line += ',';
        appendCsvCell(m_line, m_cells[i]);
    }
    m_line += "\r\n";
    m_out << m_line;
    ++m_rows;
    return true;
}

void CsvExportWriter::addParsed(const ExportMeta& meta, json record) { (void)addPayload(meta, record.dump()); }

core::Result<void> CsvExportWriter::finish() {
    m_out.flush();
    if (!m_out) return core::makeError(core::ErrorCode::Io, "the export could not be written");
    return {};
}

WriterMaker csvWriter(CsvLayout layout, CsvOptions options) {
    return [layout = std::move(layout), options](std::ostream& out, const std::string&, const std::string&) {
        return std::make_unique<CsvExportWriter>(out, layout, options);
    };
}

}  // namespace kiosk::exports
