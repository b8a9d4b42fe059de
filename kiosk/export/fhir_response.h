#pragma once
// One record as a FHIR R4 QuestionnaireResponse, and its scores and flags as Observations.
//
// The response: id = the record id, questionnaire = the form's canonical "url|version"
// (fhir_common.h), status completed, authored = the submit time, language = the patient's, items
// nested as the form nests them (a group per page, a matrix as a group of rows), answers typed
// as the Questionnaire's items are. Unanswered and hidden items are left out, as FHIR asks.
//
// Scores and flags are Observations (category survey), each derivedFrom the response: that is
// where an EHR files and trends a questionnaire's results (PHQ-9's total, say), while extensions
// on a response are read by almost nothing. A score: code = its id, valueInteger (valueQuantity if fractional),
// its band as interpretation text; a score without a value (too few answers) is left out. A
// raised flag: code = its id, valueBoolean true, interpretation A (caution) or AA (urgent), what
// staff should do as a note.
//
// Without its form (a record of a form file no longer at hand), answers are typed from their JSON
// alone: booleans, whole and decimal numbers, strings, lists as repeated answers, body marks as
// codings, under linkIds that are the item ids, in one flat list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/export/fhir_common.h"
#include "kiosk/export/json_export.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

/// @brief The QuestionnaireResponse of the record @p record (its JSON as saved, record.h) with the
///        plain columns @p meta; @p form is the form it was answered on, or null if not at hand.
///        Standalone (`records show`): its Patient (fhir_patient.h), if any, contained as
///        "#patient" and its subject.
json questionnaireResponse(const ExportMeta& meta, const json& record, const forms::Form* form,
                           const FhirOptions& options = {});

/// @brief The record's Bundle entries ({fullUrl, resource}), as the Bundle export writes them
///        (fhir_stream.h writes the same text): the response (fullUrl urn:uuid:<record id>), its
///        Patient if any (fullUrl patientUrl()), then its Observations; the response and the
///        Observations have the Patient as subject.
std::vector<json> bundleEntries(const ExportMeta& meta, const json& record, const forms::Form* form,
                                const FhirOptions& options = {});

/// @brief Bundle entries ({fullUrl, resource}) of the Observations for the record's scores and
///        flags; their fullUrls are urn:uuids made from the record id and the score or flag id.
///        With a non-empty @p subject, each has it as subject.reference.
std::vector<json> resultObservations(const ExportMeta& meta, const json& record, const forms::Form* form,
                                     const FhirOptions& options = {}, const std::string& subject = {});

/// @brief A body map read without its form: a list of {region, intensity?, kinds?}; old region ids
///        become the regions they stand for, as when the form is at hand. Null if @p v is no such list.
std::optional<forms::BodyMapAnswer> untypedBodyMap(const json& v);
/// The record's "lang" ("" when it has none).
std::string recordLang(const json& record);
/// A string member of @p obj, or "" (also when it is there but is no string).
std::string_view stringOf(const json& obj, const char* key);
/// The record's "answers" object (an empty one when it has none).
const json& answersOf(const json& record);

}  // namespace kiosk::exports::fhir
