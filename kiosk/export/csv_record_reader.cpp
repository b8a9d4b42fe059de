#include "kiosk/export/csv_record_reader.h"

#include "kiosk/export/csv_cell.h"
#include "kiosk/export/record_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2  // whitespace and plain string runs 16 bytes at a time (x86-64 always has SSE2)
#endif
#include <rapidjson/reader.h>

#include <nlohmann/json.hpp>

namespace kiosk::exports {
namespace {

/// RapidJSON's SAX events, handed to the reader's. RapidJSON lexes a record several times faster
/// than nlohmann's SAX parser, which was a third of the CSV export's time. Strings and keys reach
/// the reader as views of RapidJSON's buffer: nothing is copied unless it is kept.
struct RapidEvents : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidEvents> {
    explicit RapidEvents(CsvRecordReader& r) : reader(r) {}
    CsvRecordReader& reader;

    bool Null() { return reader.null(); }
    bool Bool(bool b) { return reader.boolean(b); }
    bool Int(int i) { return reader.integer(i); }
    bool Uint(unsigned u) { return reader.unsignedInteger(u); }
    bool Int64(std::int64_t i) { return reader.integer(i); }
    bool Uint64(std::uint64_t u) { return reader.unsignedInteger(u); }
    bool Double(double d) { return reader.number(d); }
    bool String(const char* s, rapidjson::SizeType n, bool) { return reader.string(std::string_view(s, n)); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { return reader.key(std::string_view(s, n)); }
    bool StartObject() { return reader.startObject(); }
    bool EndObject(rapidjson::SizeType) { return reader.endObject(); }
    bool StartArray() { return reader.startArray(); }
    bool EndArray(rapidjson::SizeType) { return reader.endArray(); }
};

}  // namespace

// [SECTION] Reading

bool CsvRecordReader::read(const std::string& payload, CsvCellSink& sink) {
    m_sink = &sink;
    m_depth = 0;
    // UTF-8 checked first, as RapidJSON's validating parse checks it (and nlohmann's); doubles
    // exact (their cell text is what nlohmann would write again); no recursion, so a deeply nested
    // payload cannot run the stack out. Parsed in place in a copy ending in a NUL, which is where
    // the parse ends: as when it read the text through a MemoryStream, a NUL inside the value is an
    // error and one after it ends the text; a leading byte order mark is skipped, as
    // EncodedInputStream skipped it (byte by byte).
    if (!validUtf8(payload)) return false;
    std::size_t from = 0;
    for (const int bom : {0xEF, 0xBB, 0xBF})
        if (from < payload.size() && static_cast<unsigned char>(payload[from]) == bom) ++from;
    m_buffer.assign(payload, from, std::string::npos);  // capacity kept; data() ends in a NUL
    rapidjson::InsituStringStream in(m_buffer.data());
    RapidEvents events(*this);
    constexpr unsigned kFlags =
        rapidjson::kParseInsituFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag;
    rapidjson::Reader parser;
    return !parser.Parse<kFlags>(in, events).IsError();
}

CsvRecordReader::Frame& CsvRecordReader::push(In in) {
    if (m_depth == m_stack.size()) m_stack.emplace_back();
    Frame& f = m_stack[m_depth++];
    f.in = in;
    f.key.clear();
    f.id.clear();
    f.text.clear();
    f.extra.clear();
    f.hasId = f.hasText = f.hasExtra = f.strokes = f.signedStrokes = false;
    f.rowCount = 0;
    return f;
}

void CsvRecordReader::appendToList(Frame& list, std::string_view text) {
    if (!list.text.empty()) list.text += ';';
    list.text += text;
}

namespace {

/// A matrix row of an answer object: kept in @p rows[0, @p used), the vector reused.
void addRow(std::vector<std::pair<std::string, std::string>>& rows, std::size_t& used, const std::string& row,
            std::string_view text) {
    if (used == rows.size()) rows.emplace_back();
    rows[used].first = row;
    rows[used].second.assign(text);
    ++used;
}

}  // namespace

// [SECTION] Values (the cell texts of csv_export.h: yes/no, numbers as JSON writes them, text as it is)

bool CsvRecordReader::null() { return scalar({}, Value::Null); }
bool CsvRecordReader::boolean(bool value) { return scalar(value ? "yes" : "no", Value::Bool); }
bool CsvRecordReader::integer(std::int64_t value) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    return scalar(std::string_view(buf, static_cast<std::size_t>(end - buf)), Value::Number);
}
bool CsvRecordReader::unsignedInteger(std::uint64_t value) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    return scalar(std::string_view(buf, static_cast<std::size_t>(end - buf)), Value::Number);
}
bool CsvRecordReader::number(double value) {
    // As a parsed tree would write it again (nlohmann's serializer: its shortest round trip, or null).
    if (!std::isfinite(value)) return scalar("null", Value::Number);
    char buf[64];
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, value);
    return scalar(std::string_view(buf, static_cast<std::size_t>(end - buf)), Value::Number);
}
bool CsvRecordReader::string(std::string_view value) { return scalar(value, Value::String); }

bool CsvRecordReader::scalar(std::string_view text, Value kind) {
    if (m_depth == 0) return true;
    Frame& f = m_stack[m_depth - 1];
    switch (f.in) {
        case In::Answers: m_sink->put(CsvCellKind::Answer, f.key, text); break;
        case In::AnswerList: appendToList(f, text); break;
        case In::Mark:
            if (f.key == "region") f.text.assign(text), f.hasId = true;
            else if (f.key == "intensity" && kind == Value::Number) f.extra.assign(text), f.hasExtra = true;
            addRow(f.rows, f.rowCount, f.key, text);  // a list entry's field, should "region" never come
            break;
        case In::AnswerMap:
            if (f.key == "strokes") f.strokes = true, f.signedStrokes = false;  // not a list of strokes
            else addRow(f.rows, f.rowCount, f.key, text);
            break;
        case In::Strokes: f.hasText = true; break;
        case In::Score:
            if (f.key == "id" && kind == Value::String) f.id.assign(text), f.hasId = true;
            else if (f.key == "value" && kind != Value::Null) f.text.assign(text), f.hasText = true;
            else if (f.key == "band" && kind == Value::String) f.extra.assign(text), f.hasExtra = true;
            break;
        case In::Flag:
            if (f.key == "id" && kind == Value::String) f.id.assign(text), f.hasId = true;
            else if (f.key == "severity") f.text.assign(text), f.hasText = true;
            break;
        case In::Record:
        case In::Scores:
        case In::Flags:
        case In::Skip: break;
    }
    return true;
}

// [SECTION] Containers

bool CsvRecordReader::startObject() { return open(true); }
bool CsvRecordReader::startArray() { return open(false); }
bool CsvRecordReader::endObject() { return close(); }
bool CsvRecordReader::endArray() { return close(); }

bool CsvRecordReader::key(std::string_view name) {
    if (m_depth > 0) m_stack[m_depth - 1].key.assign(name);
    return true;
}

bool CsvRecordReader::open(bool isObject) {
    if (m_depth == 0) {
        push(isObject ? In::Record : In::Skip);
        return true;
    }
    const std::size_t parent = m_depth - 1;
    In next = In::Skip;
    {
        Frame& f = m_stack[parent];  // not used after push(): the stack may grow
        switch (f.in) {
            case In::Record:
                if (f.key == "answers" && isObject) next = In::Answers;
                else if (f.key == "scores" && !isObject) next = In::Scores;
                else if (f.key == "flags" && !isObject) next = In::Flags;
                break;
            case In::Answers: next = isObject ? In::AnswerMap : In::AnswerList; break;
            case In::AnswerList:
                if (isObject) next = In::Mark;
                else appendToList(f, "");  // a list in a list: an empty cell part, as csvAnswerText
                break;
            case In::Mark:
                if (f.key == "region") f.text.clear(), f.hasId = true;
                break;
            case In::AnswerMap:
                if (f.key == "strokes") {
                    f.strokes = true;
                    if (!isObject) next = In::Strokes;
                } else {
                    addRow(f.rows, f.rowCount, f.key, {});
                }
                break;
            case In::Strokes: f.hasText = true; break;
            case In::Scores: next = isObject ? In::Score : In::Skip; break;
            case In::Flags: next = isObject ? In::Flag : In::Skip; break;
            case In::Score:
                if (f.key == "value") f.text.clear(), f.hasText = true;  // not null: a cell, empty
                break;
            case In::Flag:
                if (f.key == "severity") f.text.clear(), f.hasText = true;
                break;
            case In::Skip: break;
        }
    }
    Frame& child = push(next);
    if (next == In::AnswerList || next == In::AnswerMap) child.id = m_stack[parent].key;
    return true;
}

bool CsvRecordReader::close() {
    if (m_depth == 0) return true;
    Frame& f = m_stack[m_depth - 1];
    Frame* parent = m_depth >= 2 ? &m_stack[m_depth - 2] : nullptr;
    switch (f.in) {
        case In::AnswerList: m_sink->put(CsvCellKind::Answer, f.id, f.text); break;
        case In::Mark:
            if (parent && !f.hasId && f.rowCount > 0) {  // a list entry: "field=value,..." (csv_export.h)
                m_scratch.clear();
                for (std::size_t i = 0; i < f.rowCount; ++i) {
                    m_scratch.append(i == 0 ? "" : ",").append(f.rows[i].first).append(1, '=');
                    appendCsvEntryValue(m_scratch, f.rows[i].second);
                }
                appendToList(*parent, m_scratch);
            } else if (parent) {
                appendToList(*parent, f.text);
                if (f.hasExtra) parent->text.append(1, ':').append(f.extra);
            }
            break;
        case In::AnswerMap:
            if (f.strokes) {
                m_sink->put(CsvCellKind::Answer, f.id, f.signedStrokes ? "signed" : "");
            } else if (!m_sink->hasAnswerColumn(f.id)) {
                for (std::size_t i = 0; i < f.rowCount; ++i) {
                    m_scratch.assign(f.id).append(1, '.').append(f.rows[i].first);
                    m_sink->put(CsvCellKind::Answer, m_scratch, f.rows[i].second);
                }
            } else {  // a matrix in a column of its own (only when a version changed its type)
                std::sort(f.rows.begin(), f.rows.begin() + static_cast<std::ptrdiff_t>(f.rowCount),
                          [](const auto& a, const auto& b) { return a.first < b.first; });  // as a parsed object
                std::string joined;
                for (std::size_t i = 0; i < f.rowCount; ++i)
                    joined += (joined.empty() ? "" : ";") + f.rows[i].first + "=" + f.rows[i].second;
                m_sink->put(CsvCellKind::Answer, f.id, joined);
            }
            break;
        case In::Strokes:
            if (parent) parent->signedStrokes = f.hasText;
            break;
        case In::Score:
            if (!f.hasId) break;
            if (f.hasText) m_sink->put(CsvCellKind::Score, f.id, f.text);
            if (f.hasExtra) m_sink->put(CsvCellKind::Band, f.id, f.extra);
            break;
        case In::Flag:
            if (f.hasId) m_sink->put(CsvCellKind::Flag, f.id, f.hasText ? std::string_view(f.text) : "raised");
            break;
        case In::Record:
        case In::Answers:
        case In::Scores:
        case In::Flags:
        case In::Skip: break;
    }
    --m_depth;
    return true;
}

}  // namespace kiosk::exports
