#pragma once
// Change since the last visit, as staff read it (issue 19): the scores of the intake being read
// against those of an earlier record of the same patient (which record that is, the staff layer
// finds: staff/previous_visit.h). Scores are matched by id (the intake and the follow-up share the
// instruments' score ids) and read by the `change` rule of the score in the form of the record
// being read (forms/score_change.h): previous → now, the change, improved or worse, and whether it
// reaches the minimal important change. Pure: no store, no files. Holds patient data.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/i18n.h"
#include "kiosk/export/intake_reading.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports {

/// @brief One score at both visits.
struct ReadChange {
    enum class Way { Better, Worse, Same, Unknown };  ///< Unknown: the score has no `change` rule
    std::string id;
    std::string label;               ///< staff language
    double previous = 0, now = 0, difference = 0;
    Way way = Way::Unknown;
    std::optional<bool> important;   ///< |difference| reaches the minimal important change; empty: none given
    /// Staff language: "Pain, average past week: 7 (Severe (7-10)) -> 4 (Moderate (4-6)): improved by 3,
    /// at least the 2-point minimal important change" ("->": the kiosk's font has no arrow glyph).
    std::string text;
};

/// @brief The earlier visit and the change of every score both records have a value for.
struct ReadPreviousVisit {
    std::string recordId;            ///< the earlier record (for the audit; never shown)
    std::string submittedAt;         ///< UTC ISO
    std::string formTitle;           ///< staff language; its form id when the shelf has not got it
    std::vector<ReadChange> changes; ///< in the order of the scores of the record being read
};

/// @brief The change from @p previous (a record's JSON) to the scores of @p now, read with @p form
///        (the form @p now was answered on; null: no change rules, only higher or lower);
///        @p previousForm gives the earlier visit's title (may be null). Labels in @p staffLang.
ReadPreviousVisit readPreviousVisit(const IntakeReading& now, const forms::Form* form, const nlohmann::json& previous,
                                    const forms::Form* previousForm, const std::string& staffLang);

}  // namespace kiosk::exports
