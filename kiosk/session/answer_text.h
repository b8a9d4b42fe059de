#pragma once
// Answers and validation problems as a patient reads them, in their language: the review screen's
// answer column ("14 March 1950", "Yes", "Lower back, left (pain 6 out of 10)") and the message
// next to a question when Next is refused. Strings come from assets/i18n/session.<lang>.yaml,
// region names from regions.<lang>.yaml ("region.<id>", "pain_kind.<id>").
#include <string>

#include "kiosk/core/i18n.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief Where translated text comes from: the catalogue, the patient's language, and the form's
///        default language for form texts missing in that language.
struct Wording {
    const core::Catalog& catalog;
    std::string lang;
    std::string formLang;

    const std::string& tr(std::string_view key) const { return catalog.tr(lang, key); }
    const std::string& text(const forms::Text& t) const { return t.get(lang, formLang); }
};

/// Human-readable answer for the review screen.
std::string answerText(const forms::Item& item, const forms::Answer& answer, const Wording& w);

/// A number with the language's decimal separator and @p decimals digits (-1: as short as possible).
std::string patientNumber(double value, int decimals, const Wording& w);

/// "Medication 2": entry @p index (from 0) of a list item, by its entry_label (default "Entry").
std::string entryTitle(const forms::Item& list, std::size_t index, const Wording& w);

/// The button that starts entry @p next (from 0) of a list: its add_label; else, when the list
/// names its entries, the card it starts ("Add Medication 2": no article or gender to agree in
/// any language); else "Add another".
std::string addEntryLabel(const forms::Item& list, std::size_t next, const Wording& w);

/// The catalogue key for a problem: "validation.required", "validation.out_of_range", ...
std::string problemKey(forms::Problem problem);
/// The translated message for a problem, its limits filled in.
std::string problemMessage(const forms::AnswerProblem& problem, const Wording& w);
/// The same for a problem of @p item's answer: in a list, prefixed by the entry (and field) at fault.
std::string problemMessage(const forms::Item& item, const forms::AnswerProblem& problem, const Wording& w);

}  // namespace kiosk::session
