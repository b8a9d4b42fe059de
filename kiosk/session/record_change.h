#pragma once
// Change since the last visit: the scores of a new record against those of an earlier record of
// the same patient (its JSON, as `simulate` prints it and the store seals it), matched by score id
// (the intake and the follow-up share the instruments' score ids), read by each score's `change`
// rule (forms/score_change.h). Used by `simulate --previous` and, later, the staff desk.
#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/record.h"

namespace kiosk::session {

/// [{id, previous, now, difference, better, minimal_important_change, important, text}] for every
/// score of @p form with a value in both records; text in @p lang (staff language). An earlier
/// record that is not a record's JSON is an error; scores it lacks are left out.
core::Result<nlohmann::json> changeSincePrevious(const forms::Form& form, const Record& now,
                                                 const nlohmann::json& previous, const std::string& lang);

}  // namespace kiosk::session
