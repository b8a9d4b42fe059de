#pragma once
// Computing a form's declarative scores (model.h "Score") and raised flags from answers.
// Pure functions over the form and the answers of SHOWN items (conditions.h shownAnswers); the
// session layer turns the outcomes into record entries.
//
// Item values (sum / mean / max):
//   number, scale        the value
//   yes_no, consent      yes 1, no 0
//   single, matrix row   the chosen option's `score` (an option without a score: not answered)
//   multi                the sum of the selected options' scores
//   body_map             the number of marked regions
//   text, date, signature  no value (they count only for `count`)
// `count` adds per item: yes 1 / no 0 (yes_no, consent), the number of selections (multi) or of
// marked regions (body_map), else 1 for any answer.
// The body-map methods (painful_regions, wpi, generalized_pain, worst_region) are described at
// ScoreMethod in model.h and counted by body_marks.h.
// `reverse` items are scored (min + max - value): number/scale use the item's min/max (scale
// defaults 0..10), yes_no/consent 0..1, single/matrix the lowest and highest option score.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief One computed score. value is empty when fewer than `min_answered` items were answered
///        (or when mean/max has nothing to work on); band points into the form, or is null.
struct ScoreOutcome {
    const Score* score = nullptr;
    std::optional<double> value;  ///< prorated (sum with prorate) and rounded to `decimals`
    int answered = 0;
    int total = 0;
    const ScoreBand* band = nullptr;  ///< first band with min <= value <= max
    std::string region;  ///< worst_region: the region with that intensity; "" otherwise
};

ScoreOutcome computeScore(const Score& score, const Form& form, const Answers& answers);
/// Every score of the form, in form order.
std::vector<ScoreOutcome> computeScores(const Form& form, const Answers& answers);

/// The form's flags whose `when` holds over @p answers, in form order.
std::vector<const Flag*> raisedFlags(const Form& form, const Answers& answers);

/// @brief The lowest and highest value an item gives a sum / mean / max (see the table above).
struct ValueRange {
    double min = 0, max = 0;
};
/// Used to reverse-score the item (min + max - value) and to check bands against what a score
/// can reach; empty when the item has no such range (a number without min or max, a text...).
std::optional<ValueRange> valueRange(const Item& item);

/// Rounds half away from zero to @p decimals places (negative decimals are treated as 0).
double roundTo(double value, int decimals);

}  // namespace kiosk::forms
