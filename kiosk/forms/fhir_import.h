#pragma once
// `intake-kiosk import-fhir`: a FHIR R4 Questionnaire (JSON) as a form file (YAML). The mapping,
// in short (README "FHIR" has the table):
//   top-level groups -> pages (top-level questions between them -> a page each run); nested
//   groups -> an info item with their text, their items flattened into the page, their
//   enableWhen added to each item's; string -> text, text -> text (multiline), integer / decimal
//   -> number (a slider of at most 21 whole values -> scale), boolean -> yes_no, date -> date,
//   repeats: choice -> multi, string / text -> one answer a line, integer / decimal / date -> a
//   list of values (maxOccurs -> max_answers); a repeating group of simple questions -> a list,
//   its entry_label the group's SDC shortText, else its text when that reads as a name
//   ("Medication": cards "Medication 1", the button "Add Medication 2"); enableWhen on the
//   group's questions that says "the list has an entry" (exists on a required one, or on each
//   of them with any) -> answered on the list; a group without text is asked by the text of
//   its first display item;
//   choice / open-choice -> single, or multi when it repeats (answerOption: codings and plain
//   values; answerValueSet when the ValueSet is contained), display -> info; required,
//   maxLength, prefix (put before the text), minValue / maxValue, enableWhen + enableBehavior
//   (exists, =, !=, <, <=, >, >=) -> show_if; translations (the standard extension) -> languages.
//   Ids: the linkId when it is a valid id, else idFromLinkId() (fhir_link.h) made unique with
//   _2, _3...; the original linkId is kept as link_id. Option values likewise from codes, the
//   code (and system) kept as code / system, so exports answer in the EHR's own codes.
//   readOnly -> an info item (no answer is recorded), its text followed by its initial value
//   when it has one the kiosk can show ("Clinic: Northside"; not a boolean, which reads
//   differently in every language).
// Whatever cannot be mapped is a warning naming the item (JSON path and linkId) and what was
// dropped: calculatedExpression, enableWhenExpression, initial values of questions (the form
// model has no default answers), repeats on a boolean, slider or other type, repeating groups
// without a question an entry can hold (asked once), other enableWhen on a list's questions, attachment and reference items, external answerValueSets,
// unknown extensions. A file that is not an R4
// Questionnaire is an error at the JSON path that shows it. Pure: no files are read or written.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/core/text_file.h"

namespace kiosk::forms {

/// A Questionnaire is rarely over 1 MB (LOINC panels with every translation: a few hundred kB).
inline constexpr core::TextFileKind kFhirQuestionnaireFile{
    "FHIR Questionnaire", 10 * 1024 * 1024, "A FHIR Questionnaire is normally under 1 MB: is this the right file?"};

/// @brief The outcome of an import: the form file's text when there are no errors.
struct FhirImport {
    std::string yaml;                   ///< the form file ("" on errors)
    std::string formId;                 ///< its id
    core::Errors errors;                ///< located at the file, message starting with the JSON path
    std::vector<std::string> warnings;  ///< "<file>: warning: <path> (linkId 'x'): ..."
    bool ok() const { return errors.empty() && !yaml.empty(); }
};

/// @brief Converts the Questionnaire in @p json (the text of @p displayPath) to a form file.
FhirImport importFhirQuestionnaire(std::string_view json, const std::string& displayPath);

}  // namespace kiosk::forms
