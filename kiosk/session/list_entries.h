#pragma once
// The entries of a list item (a repeating group, FHIR's group with repeats), changed one field at
// a time: the kiosk shows each entry as a card of the list's fields, "Add another" starts the
// next card, Remove drops one. Pure functions: Intake applies them for SetAnswer / ClearAnswer with
// a slot (the entry) on a list item, tests call them alone.
#include <cstddef>
#include <optional>
#include <string>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief The number of entries in @p answer (0 for none or another type).
std::size_t entryCount(const forms::Answer* answer);

/// @brief Field @p field of entry @p entry of @p list, if answered.
const forms::Answer* fieldAt(const forms::Answer* list, std::size_t entry, const std::string& field);

/// @brief @p list with field @p field of entry @p entry set to @p value (empty or nullopt: cleared).
///        @p entry at the end starts a new entry when the list takes more (max_entries); an
///        unknown field, or an entry past the end, leaves the list as it is. nullopt: no entry left.
std::optional<forms::Answer> withFieldAt(const forms::Item& item, const forms::Answer* list, std::size_t entry,
                                         const std::string& field, const std::optional<forms::Answer>& value);

/// @brief @p list without entry @p entry. nullopt: no entry left.
std::optional<forms::Answer> withoutEntry(const forms::Answer* list, std::size_t entry);

}  // namespace kiosk::session
