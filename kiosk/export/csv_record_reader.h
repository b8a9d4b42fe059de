#pragma once
// Reads one record's JSON text straight into CSV cells, as a SAX consumer: no JSON tree is built,
// nothing outside "answers", "scores" and "flags" is kept, signature strokes are only counted. The
// CSV export spends most of its own time here (the rest is opening the sealed box), so this is the
// one reading of a record for the CSV; csvAnswerText (csv_export.h) says the same per answer value
// from a parsed tree, for readers that have one (tests/export/csv_reader_test.cpp holds them equal).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::exports {

/// @brief The cells of one row, by column kind and key (csv_layout.h).
enum class CsvCellKind { Answer, Score, Band, Flag };

/// @brief Where readCsvCells puts what it finds.
class CsvCellSink {
public:
    virtual ~CsvCellSink() = default;
    /// An answer ("item" or "matrix.row"), a score value or band, or a flag's severity, by id.
    /// @p text is only valid during the call.
    virtual void put(CsvCellKind kind, const std::string& key, std::string_view text) = 0;
    /// Whether @p item has an answer column of its own: a matrix answer then goes there joined
    /// ("row=code;..."), else one column per row ("item.row").
    virtual bool hasAnswerColumn(const std::string& item) const = 0;
};

/// @brief Reads records into a sink; keeps its working memory from one record to the next, so a
///        record costs no allocation once the first few are read.
class CsvRecordReader {
public:
    /// Puts @p payload's cells into @p sink as they are read; false when it is not JSON (the
    /// sink may then hold part of a row: the caller discards it).
    bool read(const std::string& payload, CsvCellSink& sink);

    // The SAX events, RapidJSON's mapped onto them in csv_record_reader.cpp; not for other callers.
    // Texts are views into the parser's buffer, valid during the call.
    bool null();
    bool boolean(bool value);
    bool integer(std::int64_t value);
    bool unsignedInteger(std::uint64_t value);
    bool number(double value);
    bool string(std::string_view value);
    bool key(std::string_view name);
    bool startObject();
    bool endObject();
    bool startArray();
    bool endArray();

private:
    /// What the container being read is to the CSV.
    enum class In { Record, Answers, AnswerList, Mark, AnswerMap, Strokes, Scores, Score, Flags, Flag, Skip };
    /// @brief One open container. Reused across records (strings keep their capacity).
    struct Frame {
        In in = In::Skip;
        std::string key;    ///< the object's current key
        std::string id;     ///< the answer's item id, or the score's / flag's id
        std::string text;   ///< joined list text; a score's value; a flag's severity; a mark's region
        std::string extra;  ///< a score's band; a mark's intensity
        bool hasId = false, hasText = false, hasExtra = false;
        bool strokes = false, signedStrokes = false;              ///< an answer object with "strokes"
        std::vector<std::pair<std::string, std::string>> rows;  ///< a matrix answer's row -> code
        std::size_t rowCount = 0;                                ///< rows in use (the vector is reused)
    };

    enum class Value { Null, Bool, Number, String };
    /// A value that is not a container, as its cell text, and what kind of JSON value it was.
    bool scalar(std::string_view text, Value kind);
    /// A container opens: what it is to the CSV, from where it stands.
    bool open(bool isObject);
    bool close();
    Frame& push(In in);
    void appendToList(Frame& list, std::string_view text);

    std::vector<Frame> m_stack;  ///< [0, m_depth) are open
    std::size_t m_depth = 0;
    CsvCellSink* m_sink = nullptr;
    std::string m_scratch;       ///< a matrix row's column key, reused
    std::string m_buffer;        ///< the record's text, parsed in place; reused
};

}  // namespace kiosk::exports
