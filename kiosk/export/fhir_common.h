#pragma once
// What the FHIR R4 writers share (fhir_questionnaire.h, fhir_response.h): the clinic's base URL
// and the URLs made from it, the codings of options, body regions and pain kinds, item types, and
// the standard translation extension. One place, so that a response's codes are the codes of
// the Questionnaire it points at.
//
// URLs, for a base B (FhirOptions::base, the clinic's own; a placeholder by default):
//   questionnaire         B/Questionnaire/<form id>, version "<form version>" (an imported form:
//                         the Questionnaire's own url and version, from the form's `fhir:`)
//   option codes          B/CodeSystem/<form id>/<item id>, code = the option value (an imported
//                         option: its own system and code)
//   body regions          B/CodeSystem/choir-bodymap, code = the CHOIR segment number, when the
//                         region catalogue has CHOIR numbers; else B/CodeSystem/body-region with
//                         the region id as code (the kiosk's own ids: stable, documented in
//                         assets/i18n/regions.en.yaml)
//   pain kinds            B/CodeSystem/pain-kind, code = aching, burning, ...
//   scores, flags         B/CodeSystem/<form id>/score, B/CodeSystem/<form id>/flag
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

using nlohmann::json;

/// The base URL used when a clinic sets none: a reserved example domain, so that nothing claims a
/// real address. Clinics pass their own (`--fhir-base`) so their EHR can resolve the Questionnaire.
inline constexpr const char* kDefaultBase = "https://intake-kiosk.example/fhir";

/// @brief How FHIR resources are written.
struct FhirOptions {
    std::string base = kDefaultBase;  ///< the clinic's FHIR base URL, no trailing '/'
};

/// The Questionnaire's canonical URL and version for @p form (see the file comment).
std::string questionnaireUrl(const forms::Form& form, const FhirOptions& options);
std::string questionnaireVersion(const forms::Form& form);
/// "url|version", what QuestionnaireResponse.questionnaire holds.
std::string questionnaireCanonical(const forms::Form& form, const FhirOptions& options);
/// The same for a form known only by id and version (its file is not at hand).
std::string questionnaireCanonical(const std::string& formId, int version, const FhirOptions& options);

/// @brief FHIR's item type for @p item: display, string, text, integer, decimal, date, boolean,
///        choice, attachment or group (a matrix: one choice per row).
std::string itemType(const forms::Item& item);
/// True when a number item only takes whole numbers (answers are valueInteger): a scale, or a
/// number with no decimals whose step and min are whole.
bool isIntegerItem(const forms::Item& item);

/// @brief The answer value an option gives, as a one-key object: {"valueCoding": {...}} (or
///        valueString / valueInteger / valueDate for an imported plain value). The display is
///        the label in @p lang.
json optionValue(const forms::Form& form, const forms::Item& item, const forms::Option& option,
                 const std::string& lang, const FhirOptions& options);
/// The Coding of a body region and of a pain kind.
json regionCoding(std::string_view regionId, const FhirOptions& options);
json painKindCoding(std::string_view kind, const FhirOptions& options);

/// "<linkId>.<row id>", the linkId of a matrix row (the way conditions name it).
std::string rowLinkId(const forms::Item& matrix, const forms::MatrixRow& row);

/// @brief The `_element` object carrying the standard translation extension
///        (http://hl7.org/fhir/StructureDefinition/translation) for every language of @p text
///        other than @p primary; nullopt when there is none.
std::optional<json> translations(const forms::Text& text, const std::string& primary);
/// Sets obj[key] to the text in @p primary and obj["_" + key] to its translations.
void putText(json& obj, const std::string& key, const forms::Text& text, const std::string& primary);

/// An extension {url, value<type>: value}.
json extension(const std::string& url, const std::string& valueType, json value);
/// The SDC itemControl extension with @p code (slider, help, table, lower, upper, ...).
json itemControl(const std::string& code);

/// @brief FHIR strings hold no control characters but tab, CR and LF (R4 "string": nothing below
///        U+0020 else): every other one in the strings of @p v (a patient's pasted text, an old
///        record) becomes a space (JsonOut::isControl). fhir_stream.h writes the same
///        (JsonOut::controlsAsSpaces).
void replaceControlChars(json& v);

/// Standard base64 of @p bytes (Attachment.data).
std::string base64(std::string_view bytes);
/// A urn:uuid made from @p seed (a name-based UUID, version 8 layout): the same seed gives the same
/// UUID, so a re-export of a record names its resources the same way.
std::string uuidFrom(std::string_view seed);

}  // namespace kiosk::exports::fhir
