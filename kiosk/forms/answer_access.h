#pragma once
// Small read-only helpers over answers that conditions, scoring and validation share: whether an
// answer holds anything, what an item reference ("item" or "matrix.row") points at, and ISO dates.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief False for values that mean "nothing given": "", an empty selection, no marked region,
///        an empty matrix or a signature without strokes. Booleans and numbers always hold a value.
bool hasValue(const Answer& answer);

/// @brief What a reference in a condition or score points at: an item, and for "matrix.row" the row.
struct ItemRef {
    const Item* item = nullptr;
    const MatrixRow* row = nullptr;  ///< set only for "matrix.row" references
    explicit operator bool() const { return item != nullptr; }
};
/// Resolves "item_id" or "matrix_id.row_id"; an unknown id (or a row of a non-matrix) gives {}.
ItemRef resolveRef(const Form& form, std::string_view ref);

/// @brief The value a reference has in @p answers: the item's answer, or for a matrix row the
///        chosen option value as a string. Empty when nothing (or nothing usable) was given.
std::optional<Answer> refValue(const ItemRef& ref, const Answers& answers);

/// @brief The answers of a `repeats` text item: its non-empty lines, each trimmed of spaces.
std::vector<std::string> answerLines(std::string_view text);

/// "YYYY-MM-DD" (exactly that shape, a real calendar day) -> Date.
std::optional<Date> parseIsoDate(std::string_view text);
std::string toIsoString(const Date& date);

}  // namespace kiosk::forms
