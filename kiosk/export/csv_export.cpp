#include "kiosk/export/csv_export.h"

#include "kiosk/export/csv_cell.h"

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
std::string markText(const json& mark) {
    if (!mark.is_object()) return scalarText(mark);
    std::string out = scalarText(mark.value("region", json()));
    if (const auto i = mark.find("intensity"); i != mark.end() && i->is_number()) out += ":" + i->dump();
    return out;
}

std::string metaField(const ExportMeta& m, const std::string& field) {
    if (field == "id") return m.id;
    if (field == "form") return m.formId;
    if (field == "version") return std::to_string(m.formVersion);
    if (field == "lang") return m.lang;
    if (field == "started_at") return m.startedAt;
    if (field == "submitted_at") return m.submittedAt;
    if (field == "kiosk") return m.kioskId;
    if (field == "status") return m.status;
    return "";
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
    if (options.excel) m_out << "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (i) m_line += ',';
        appendCsvCell(m_line, m_columns[i].name);
    }
    m_line += "\r\n";
    m_out << m_line;
}

void CsvExportWriter::put(CsvCellKind kind, const std::string& key, std::string text) {
    const auto& index = kind == CsvCellKind::Answer  ? m_answerAt
                        : kind == CsvCellKind::Score ? m_scoreAt
                        : kind == CsvCellKind::Band  ? m_bandAt
                                                     : m_flagAt;
    if (const auto at = index.find(key); at != index.end()) m_cells[at->second] = std::move(text);
    else ++m_unplaced;
}

bool CsvExportWriter::addPayload(const ExportMeta& meta, const std::string& payload) {
    for (auto& cell : m_cells) cell.clear();
    const std::int64_t unplacedBefore = m_unplaced;
    for (std::size_t i = 0; i < m_columns.size() && m_columns[i].kind == Kind::Meta; ++i)
        m_cells[i] = metaField(meta, m_columns[i].key);
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
