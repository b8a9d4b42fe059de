#pragma once
// What Next checks on a page: every shown question that is required has an answer, and every
// answer given fits its item. Shared by Intake (which phrases problems for the patient) and
// simulate (which phrases them for the form author).
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/conditions.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/entry_rules.h"

namespace kiosk::session {

struct ItemProblem {
    const forms::Item* item = nullptr;
    forms::AnswerProblem problem;
};

/// The day `past_only` dates are checked against: the UTC day of @p clock's system time.
forms::Date utcToday(const core::Clock& clock);

/// Problems of the shown items of page @p page, in item order (at most one per item): required
/// answers, answers that do not fit their item, and what a patient entered that makes no sense
/// under @p rules (entry_rules.h).
std::vector<ItemProblem> validatePage(const forms::Form& form, int page,
                                      const forms::Answers& answers,
                                      const forms::Visibility& visibility,
                                      const std::optional<forms::Date>& today,
                                      const EntryRules& rules = {});

}  // namespace kiosk::session
