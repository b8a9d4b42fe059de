#pragma once
// The columns of a CSV export, decided before the first row is written (the header comes first and
// the rows stream after it). Stable names, so the office's spreadsheets keep working across exports:
//   record:id, record:form, record:version, record:lang, record:started_at, record:submitted_at,
//   record:kiosk, record:status                      the plain columns
//   <item id>                                        one per question, in form order
//   <matrix id>.<row id>                             one per matrix row
//   score:<id>, score:<id>:band                      each score (the band column when it has bands)
//   flag:<id>                                        each flag: its severity when raised, else empty
// Item ids are [a-z][a-z0-9_]*, so no answer column can take a "record:", "score:" or "flag:" name.
// Records answered on several versions (or forms) share the columns that match; a column only an
// older version has goes right after the column it followed there, so related columns stay together.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/forms/model.h"

namespace kiosk::exports {

/// @brief One column: its header and what fills it.
struct CsvColumn {
    enum class Kind { Meta, Answer, MatrixRow, Score, Band, Flag };
    Kind kind = Kind::Answer;
    std::string name;  ///< the header cell
    std::string key;   ///< Meta: the field; Answer and MatrixRow: the item id; Score, Band, Flag: its id
    std::string row;   ///< MatrixRow: the row id
};

/// @brief The union of the columns of every form version an export holds. Never holds patient data:
///        addRecordShape() keeps only the ids a record answered.
class CsvLayout {
public:
    /// Adds a form version's items, scores and flags; add the newest version of a form first.
    void addForm(const forms::Form& form);
    /// Adds the columns a record needs, from its JSON alone: for a record whose form version is not
    /// on the shelf (form_shelf.h). Its answers' ids, matrix rows, scores and raised flags.
    void addRecordShape(const nlohmann::json& record);
    /// Every column in order: the plain columns, answers, scores, flags.
    std::vector<CsvColumn> columns() const;

private:
    std::vector<CsvColumn> m_answers, m_scores, m_flags;
};

}  // namespace kiosk::exports
