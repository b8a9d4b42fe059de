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

void CsvExportWriter::put(const std::unordered_map<std::string, std::size_t>& index, const std::string& key,
                          std::string text) {
    if (const auto at = index.find(key); at != index.end()) m_cells[at->second] = std::move(text);
    else ++m_unplaced;
}

void CsvExportWriter::addParsed(const ExportMeta& meta, json record) {
    for (auto& cell : m_cells) cell.clear();
    for (std::size_t i = 0; i < m_columns.size() && m_columns[i].kind == Kind::Meta; ++i)
        m_cells[i] = metaField(meta, m_columns[i].key);
    if (const auto a = record.find("answers"); a != record.end() && a->is_object()) {
        for (const auto& [id, value] : a->items()) {
            if (value.is_object() && !value.contains("strokes") && !m_answerAt.count(id)) {
                for (const auto& [row, option] : value.items()) put(m_answerAt, id + "." + row, scalarText(option));
            } else {
                put(m_answerAt, id, csvAnswerText(value));
            }
        }
    }
    if (const auto s = record.find("scores"); s != record.end() && s->is_array()) {
        for (const auto& score : *s) {
            if (!score.is_object() || !score.value("id", json()).is_string()) continue;
            const std::string id = score["id"].get<std::string>();
            const json value = score.value("value", json());
            if (!value.is_null()) put(m_scoreAt, id, scalarText(value));
            const json band = score.value("band", json());
            if (band.is_string()) put(m_bandAt, id, band.get<std::string>());
        }
    }
    if (const auto f = record.find("flags"); f != record.end() && f->is_array()) {
        for (const auto& raised : *f)
            if (raised.is_object() && raised.value("id", json()).is_string())
                put(m_flagAt, raised["id"].get<std::string>(), scalarText(raised.value("severity", json("raised"))));
    }
    m_line.clear();
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (i) m_line += ',';
        appendCsvCell(m_line, m_cells[i]);
    }
    m_line += "\r\n";
    m_out << m_line;
    ++m_rows;
}

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
