#include "kiosk/export/csv_record_reader.h"

#include <algorithm>

#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace kiosk::exports {
namespace {

/// RapidJSON's SAX events, handed to the reader's nlohmann-style ones. RapidJSON lexes a record
/// several times faster than nlohmann's SAX parser, which was a third of the CSV export's time.
struct RapidEvents : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, RapidEvents> {
    explicit RapidEvents(CsvRecordReader& r) : reader(r) {}
    CsvRecordReader& reader;
    std::string text;  ///< a string or key, reused

    bool Null() { return reader.null(); }
    bool Bool(bool b) { return reader.boolean(b); }
    bool Int(int i) { return reader.number_integer(i); }
    bool Uint(unsigned u) { return reader.number_unsigned(u); }
    bool Int64(std::int64_t i) { return reader.number_integer(i); }
    bool Uint64(std::uint64_t u) { return reader.number_unsigned(u); }
    bool Double(double d) { return reader.number_float(d, {}); }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        text.assign(s, n);
        return reader.string(text);
    }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        text.assign(s, n);
        return reader.key(text);
    }
    bool StartObject() { return reader.start_object(0); }
    bool EndObject(rapidjson::SizeType) { return reader.end_object(); }
    bool StartArray() { return reader.start_array(0); }
    bool EndArray(rapidjson::SizeType) { return reader.end_array(); }
};

}  // namespace

// [SECTION] Reading

bool CsvRecordReader::read(const std::string& payload, CsvCellSink& sink) {
    m_sink = &sink;
    m_depth = 0;
    // The whole text (a NUL inside is an error, not an end); UTF-8 checked as nlohmann checks it;
    // doubles exact (their cell text is what nlohmann would write again); no recursion, so a deeply
    // nested payload cannot run the stack out.
    rapidjson::MemoryStream bytes(payload.data(), payload.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    RapidEvents events(*this);
    rapidjson::Reader parser;
    constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag |
                                rapidjson::kParseIterativeFlag;
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

void CsvRecordReader::appendToList(Frame& list, const std::string& text) {
    if (!list.text.empty()) list.text += ';';
    list.text += text;
}

namespace {

/// A matrix row of an answer object: kept in @p rows[0, @p used), the vector reused.
void addRow(std::vector<std::pair<std::string, std::string>>& rows, std::size_t& used, const std::string& row,
            std::string text) {
    if (used == rows.size()) rows.emplace_back();
    rows[used].first = row;
    rows[used].second = std::move(text);
    ++used;
}

}  // namespace

// [SECTION] Values (the cell texts of csv_export.h: yes/no, numbers as JSON writes them, text as it is)

bool CsvRecordReader::null() { return scalar({}, Value::Null); }
bool CsvRecordReader::boolean(bool value) { return scalar(value ? "yes" : "no", Value::Bool); }
bool CsvRecordReader::number_integer(json::number_integer_t value) { return scalar(std::to_string(value), Value::Number); }
bool CsvRecordReader::number_unsigned(json::number_unsigned_t value) {
    return scalar(std::to_string(value), Value::Number);
}
bool CsvRecordReader::number_float(json::number_float_t value, const std::string&) {
    return scalar(json(value).dump(), Value::Number);  // as a parsed tree would write it again
}
bool CsvRecordReader::string(std::string& value) { return scalar(std::move(value), Value::String); }

bool CsvRecordReader::scalar(std::string text, Value kind) {
    if (m_depth == 0) return true;
    Frame& f = m_stack[m_depth - 1];
    switch (f.in) {
        case In::Answers: m_sink->put(CsvCellKind::Answer, f.key, std::move(text)); break;
        case In::AnswerList: appendToList(f, text); break;
        case In::Mark:
            if (f.key == "region") f.text = std::move(text);
            else if (f.key == "intensity" && kind == Value::Number) f.extra = std::move(text), f.hasExtra = true;
            break;
        case In::AnswerMap:
            if (f.key == "strokes") f.strokes = true, f.signedStrokes = false;  // not a list of strokes
            else addRow(f.rows, f.rowCount, f.key, std::move(text));
            break;
        case In::Strokes: f.hasText = true; break;
        case In::Score:
            if (f.key == "id" && kind == Value::String) f.id = std::move(text), f.hasId = true;
            else if (f.key == "value" && kind != Value::Null) f.text = std::move(text), f.hasText = true;
            else if (f.key == "band" && kind == Value::String) f.extra = std::move(text), f.hasExtra = true;
            break;
        case In::Flag:
            if (f.key == "id" && kind == Value::String) f.id = std::move(text), f.hasId = true;
            else if (f.key == "severity") f.text = std::move(text), f.hasText = true;
            break;
        case In::Record:
        case In::Scores:
        case In::Flags:
        case In::Skip: break;
    }
    return true;
}

// [SECTION] Containers

bool CsvRecordReader::start_object(std::size_t) { return open(true); }
bool CsvRecordReader::start_array(std::size_t) { return open(false); }
bool CsvRecordReader::end_object() { return close(); }
bool CsvRecordReader::end_array() { return close(); }

bool CsvRecordReader::key(std::string& name) {
    if (m_depth > 0) m_stack[m_depth - 1].key = std::move(name);
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
                if (f.key == "region") f.text.clear();
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
            if (parent) appendToList(*parent, f.hasExtra ? f.text + ":" + f.extra : f.text);
            break;
        case In::AnswerMap:
            if (f.strokes) {
                m_sink->put(CsvCellKind::Answer, f.id, f.signedStrokes ? "signed" : "");
            } else if (!m_sink->hasAnswerColumn(f.id)) {
                for (std::size_t i = 0; i < f.rowCount; ++i)
                    m_sink->put(CsvCellKind::Answer, f.id + "." + f.rows[i].first, std::move(f.rows[i].second));
            } else {  // a matrix in a column of its own (only when a version changed its type)
                std::sort(f.rows.begin(), f.rows.begin() + static_cast<std::ptrdiff_t>(f.rowCount),
                          [](const auto& a, const auto& b) { return a.first < b.first; });  // as a parsed object
                std::string joined;
                for (std::size_t i = 0; i < f.rowCount; ++i)
                    joined += (joined.empty() ? "" : ";") + f.rows[i].first + "=" + f.rows[i].second;
                m_sink->put(CsvCellKind::Answer, f.id, std::move(joined));
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
            if (f.hasId) m_sink->put(CsvCellKind::Flag, f.id, f.hasText ? f.text : std::string("raised"));
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
