#pragma once
// `records show --change` (issue 19): the change since the same patient's last visit on this
// kiosk, or on the clinic server with --pg (staff/previous_visit.h) as JSON beside the record, in the shape `simulate --previous`
// prints: previous_visit {id, submitted_at} (null when none) and change_since_previous
// [{id, previous, now, difference, better, minimal_important_change, important, text}].
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/export/form_shelf.h"
#include "kiosk/staff/previous_visit.h"

namespace kiosk::app {

/// @brief The two keys above for the record @p id (its JSON @p record) among @p records; text in
///        the language of the record's form (its first). The earlier record shown is audited.
nlohmann::json changeSinceLastVisit(const staff::EarlierRecords& records, const std::string& id,
                                    const nlohmann::json& record, const exports::FormShelf& shelf);

}  // namespace kiosk::app
