#pragma once
// How a form's items meet FHIR linkIds, shared by import (fhir_import.h) and export (export/fhir_*):
// the linkId an item answers under, the deterministic rewrite of a linkId that is not a valid id,
// and answer sets keyed the FHIR way (`simulate --answers` on an imported form).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief The linkId a page or item answers under in FHIR: its `link_id`, else its id.
const std::string& linkIdOf(const Item& item);
const std::string& linkIdOf(const Page& page);

/// @brief An id for @p linkId: the linkId itself when it is a valid id ([a-z][a-z0-9_]{0,63}),
///        else lowercased, every run of other characters turned into one '_', '_' trimmed from
///        both ends, "q_" put before a leading digit (or used alone for nothing left), cut to 64.
///        "/44250-9" -> "q_44250_9", "Pain.Now" -> "pain_now". Not unique by itself: the importer
///        adds "_2", "_3", ... in form order when two linkIds give one id.
std::string idFromLinkId(std::string_view linkId);

/// @brief An option's id from its FHIR code (same rewrite; "LA6568-5" -> "la6568_5").
inline std::string optionIdFromCode(std::string_view code) { return idFromLinkId(code); }

/// @brief An answer set keyed the FHIR way turned into one keyed by item ids: a key that is no
///        item id but some item's linkId becomes that item's id, and for single / multi items a
///        string that is no option value but an option's `code` becomes that option's value
///        (element by element in a list). Everything else is left as it is, for simulate to judge.
nlohmann::json answersByItemId(const Form& form, const nlohmann::json& answers);

}  // namespace kiosk::forms
