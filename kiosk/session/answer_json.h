#pragma once
// Answers <-> JSON, the shape used by `simulate --answers`, drafts and saved records:
//   yes_no, consent  true / false          number, scale  4 or 4.5
//   text, single     "string"              multi          ["a", "b"]
//   date             "1950-03-14"          matrix         {"row_id": "option", ...}
//   body_map         ["neck_l", {"region": "lower_back_r", "intensity": 6, "kinds": ["aching"]}]
//   signature        {"strokes": [[[0.1, 0.2], [0.15, 0.22]], ...]}  (points on a 0..1 pad)
//   list             [{"med_name": "Ibuprofen", "med_dose": 400}, ...]  (one object per entry,
//                    field id -> the field's answer as above; a field left out is unanswered)
// Body-map region ids of the earlier list (sacrum, trapezius_l, ...) read as the regions they
// became (forms/body_marks.h), so old answer files and drafts still load.
// Parsing validates fully against the item (answer_check.h). Error messages name the item and the
// rule, never the value given: answers are patient data and errors end up in logs.
#include <optional>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief Parses and checks one answer for @p item. `past_only` dates are checked against
///        @p today (session::utcToday of the intake's clock).
core::Result<forms::Answer> answerFromJson(const forms::Item& item, const nlohmann::json& value,
                                           const std::optional<forms::Date>& today);

/// @brief The JSON form of an answer (whole numbers print without ".0"; body marks always print as
///        objects).
nlohmann::json answerToJson(const forms::Answer& answer);

}  // namespace kiosk::session
