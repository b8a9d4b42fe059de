#pragma once
// The values of a repeating number or date item (`repeats: true`), changed one at a time: the
// kiosk enters each with the usual stepper or date picker, "Add another" starts the next, and a
// value can be removed from the list. Pure functions: Intake applies them for SetAnswer /
// ClearAnswer with a slot, tests call them alone.
#include <cstddef>
#include <optional>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief True for an item whose answer is a list of values entered one at a time.
bool takesValueList(const forms::Item& item);

/// @brief The number of values in @p answer (0 for none or another type).
std::size_t valueCount(const forms::Answer* answer);

/// @brief The value at @p slot of @p list as the item's single answer (a double or a Date), if any.
std::optional<forms::Answer> valueAt(const forms::Answer* list, std::size_t slot);

/// @brief @p list with the value at @p slot set to @p value: replaced when the slot holds one,
///        appended when @p slot is the end and the item takes more (max_answers); else unchanged.
///        @p value must be the item's single answer type (a double for number, a Date for date).
///        With @p value empty the value at @p slot is removed. nullopt: no value is left.
std::optional<forms::Answer> withValueAt(const forms::Item& item, const forms::Answer* list, std::size_t slot,
                                         const std::optional<forms::Answer>& value);

}  // namespace kiosk::session
