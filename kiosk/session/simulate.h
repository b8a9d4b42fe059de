#pragma once
// simulate: run the real Intake headlessly over an answer set (item id -> JSON value, see
// answer_json.h) and return the record it produces. Form authors use it (`intake-kiosk simulate`)
// to test a questionnaire; tests use it for end-to-end checks.
//
// It does what a patient would: Start in @p lang, on each page SetAnswer for the page's answers in
// form order, Next, ..., then Submit on the review. Before that it checks the whole answer set and
// reports EVERY problem at once rather than stopping at the first: unknown ids (with a
// did-you-mean), wrong types, values out of range, answers to items hidden by show_if (unless asked
// to drop them), required items left without an answer. Messages name item ids and rules, never
// the values.
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/error.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/record.h"

namespace kiosk::session {

/// @brief What to do with an answer to an item that show_if hides with these answers.
enum class HiddenAnswers {
    Error,  ///< report it: usually a mistake in the answer set or in the form's conditions
    Drop,   ///< drop it as the kiosk does (a patient who answered, then changed an earlier answer)
};

/// @brief A record when the answers fit the form, else every error found (like forms::LoadResult).
struct SimulateResult {
    std::optional<Record> record;
    core::Errors errors;
    std::vector<std::string> dropped;  ///< HiddenAnswers::Drop: items whose answers were dropped
    bool ok() const { return record.has_value() && errors.empty(); }
};

/// @param lang     "" means the form's default language; otherwise one of the form's languages.
/// @param clock    times written into the record, and "today" for past-only dates.
SimulateResult simulate(const std::shared_ptr<const forms::Form>& form, const nlohmann::json& answers,
                        const std::string& lang, const core::Catalog& catalog,
                        const core::Clock& clock = core::systemClock(),
                        HiddenAnswers hidden = HiddenAnswers::Error);

}  // namespace kiosk::session
