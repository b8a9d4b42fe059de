#pragma once
// Change of a score between two visits, read the way its `change` rule says (model.h ChangeRule):
// which way is better, and whether the change reaches the minimal important change (MIC).
// Pure; the session layer matches the scores of two records and the CLI prints the result.
#include <optional>
#include <string>

#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief One score at two visits. `way` is empty when the score has no `change` rule (the
///        direction of "better" is unknown); `important` is empty when no MIC is given.
struct ScoreChange {
    enum class Way { Better, Worse, Same };
    const Score* score = nullptr;
    double previous = 0, now = 0;
    double difference = 0;  ///< now - previous, rounded to the score's decimals
    std::optional<Way> way;
    std::optional<bool> important;  ///< |difference| >= mic
};

/// The change of @p score from @p previous to @p now; empty when either value is missing.
std::optional<ScoreChange> scoreChange(const Score& score, std::optional<double> previous, std::optional<double> now);

/// For staff, in @p lang (en or es; other languages read English):
/// "Pain, average past week: 7 → 4: improved by 3, at least the 2-point minimal important change".
std::string describeChange(const ScoreChange& change, const std::string& lang);

}  // namespace kiosk::forms
