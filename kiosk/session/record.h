#pragma once
// The result of one finished intake: what simulate prints and what the store seals and saves.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief A computed score; value is empty when too few items were answered (Score::minAnswered).
struct ScoreResult {
    std::string id;
    std::optional<double> value;
    int answered = 0;        ///< how many of its items had answers
    int total = 0;           ///< how many items it has
    std::string band;        ///< band label in the form's first language, "" if none matched
    std::string region;      ///< worst_region scores: the body region it names; "" otherwise
};

/// @brief A raised flag (red flag or contraindication), for staff.
struct RaisedFlag {
    std::string id;
    forms::Severity severity = forms::Severity::Caution;
    std::string label;       ///< in the form's first language (staff-facing)
    std::string explain;
};

/// @brief Everything one intake produced. Holds patient data: never log it.
struct Record {
    std::string formId;
    int formVersion = 0;
    std::string contentHash;
    std::string lang;
    std::string startedAt;    ///< UTC, ISO 8601 ("2026-11-25T10:03:00Z")
    std::string submittedAt;  ///< UTC, ISO 8601; empty until submitted
    forms::Answers answers;   ///< answers of shown items only
    std::vector<std::string> hidden;  ///< items not shown (their answers were dropped)
    std::vector<ScoreResult> scores;
    std::vector<RaisedFlag> flags;
};

/// The JSON shape printed by `simulate` and sealed by the store.
nlohmann::json toJson(const Record& record);

}  // namespace kiosk::session
