#pragma once
// CSV export for the office: one row per intake under a header row (columns: csv_layout.h), RFC 4180
// (comma, CRLF, quotes doubled), every cell neutralised against spreadsheet formulas (csv_cell.h).
// Cells: yes_no and consent "yes" / "no"; numbers as given; dates YYYY-MM-DD; single the option's
// code; multi the codes joined by ';'; body map "region:intensity" pairs joined by ';' (the region
// alone without an intensity); matrix one code per row column; a signature "signed"; a list its
// entries joined by ';', each "field=value" pairs joined by ',' (fields in id order, values as their
// cells; '\', ';', ',' and '=' in a value escaped with '\': "med_name=Ibuprofen,med_dose=400;
// med_name=Vitamin D" reads back one way only, csvEntryValue). Streams: one
// record in memory at a time. Pure: writes to a stream, knows nothing of SQLite, keys or files.
#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/export/csv_layout.h"
#include "kiosk/export/csv_record_reader.h"
#include "kiosk/export/record_writer.h"

namespace kiosk::exports {

/// @brief How the CSV is written.
struct CsvOptions {
    bool excel = false;  ///< `--excel`: a UTF-8 byte order mark first, so Excel reads accents right
};

/// @brief The text of one answer cell from its record JSON (see the file comment).
std::string csvAnswerText(const nlohmann::json& value);

/// @brief Streams the CSV: the header on construction, one row per record added.
class CsvExportWriter final : public RecordWriter, private CsvCellSink {
public:
    CsvExportWriter(std::ostream& out, const CsvLayout& layout, CsvOptions options = {});

    /// The row from the record's text, read once with no JSON tree built (csv_record_reader.h).
    bool addPayload(const ExportMeta& meta, const std::string& payload) override;
    /// The same row from a parsed record (written out and read as above: one reading of a record).
    void addParsed(const ExportMeta& meta, nlohmann::json record) override;
    void addDamaged(const std::string&) override {}  ///< a CSV has no place to name it: the job reports it
    core::Result<void> finish() override;

    std::int64_t rowCount() const { return m_rows; }
    /// Answers that had no column (a record not matching the layout it was planned with): counted,
    /// never written elsewhere. 0 when the layout was planned from the records' own versions.
    std::int64_t unplaced() const { return m_unplaced; }

private:
    void put(CsvCellKind kind, const std::string& key, std::string_view text) override;
    bool hasAnswerColumn(const std::string& item) const override { return m_answerAt.count(item) > 0; }

    std::ostream& m_out;
    std::vector<CsvColumn> m_columns;
    std::unordered_map<std::string, std::size_t> m_answerAt;  ///< item id, or "matrix.row"
    std::unordered_map<std::string, std::size_t> m_scoreAt, m_bandAt, m_flagAt;
    /// @brief Where the n-th cell put while reading a record went last time: records of one form
    ///        put the same keys in the same order, so a key compare usually replaces a hash lookup.
    struct Placed {
        CsvCellKind kind = CsvCellKind::Answer;
        std::string key;
        std::size_t at = 0;  ///< the column, or kNowhere
    };
    static constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);
    std::size_t columnOf(CsvCellKind kind, const std::string& key) const;

    std::vector<Placed> m_placed;      ///< by order of put() within a record
    std::size_t m_putCount = 0;        ///< put() calls in the record being read
    std::vector<int> m_metaField;      ///< the Meta columns' fields (metaField's order), first columns
    CsvRecordReader m_reader;          ///< reused from record to record
    std::vector<std::string> m_cells;  ///< the row being built, reused
    std::string m_line;                ///< reused
    std::int64_t m_rows = 0, m_unplaced = 0;
};

/// @brief The WriterMaker (record_writer.h) for a CSV with @p layout.
WriterMaker csvWriter(CsvLayout layout, CsvOptions options = {});

}  // namespace kiosk::exports
