#pragma once
// Evaluating show_if / flag conditions and deciding which pages and items a patient sees.
//
// Semantics follow FHIR enableWhen: a comparison (==, !=, <, <=, >, >=, includes, excludes) on an
// item without an answer is FALSE -- including != and excludes. To say "not yes, or not answered"
// write {any: [{item: x, op: "!=", value: true}, {item: x, op: not_answered}]}.
// Per answer type:
//   yes_no / consent   == != against true/false
//   number / scale     all six comparisons against a number
//   text / single      == != against a string (single: the option value)
//   multi              includes / excludes an option value; == means includes, != means excludes
//   date               all six comparisons against "YYYY-MM-DD" (a malformed literal is false)
//   matrix             "matrix.row" compares the row's chosen option value like a single;
//                      the bare matrix id supports only answered / not_answered
//   body_map           includes / excludes a region id; == means includes, != means excludes
//   signature          answered / not_answered only
// A type/operator pair not listed, or an unknown item, is false.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief True when @p condition holds over @p answers (see the table above).
bool evaluate(const Condition& condition, const Form& form, const Answers& answers);

/// @brief Which pages and items are shown for a set of answers.
///        An item is shown iff its page is shown and its show_if holds over the answers of items
///        already known to be shown. Computed in form order, so a hidden item's answer never
///        counts and a condition sees a later item as unanswered (the loader rejects such
///        forward references; this keeps the result well defined regardless).
struct Visibility {
    std::vector<bool> pages;                    ///< by page index
    std::set<std::string, std::less<>> items;   ///< ids of shown items

    bool pageShown(int page) const;
    bool itemShown(std::string_view id) const { return items.count(id) != 0; }
};
Visibility computeVisibility(const Form& form, const Answers& answers);

/// The answers of shown items only (what a record keeps and what scores and flags see).
Answers shownAnswers(const Answers& answers, const Visibility& visibility);

}  // namespace kiosk::forms
