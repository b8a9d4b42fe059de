#pragma once
// Who an intake is about, as a FHIR R4 Patient: what the patient typed and nothing more (name,
// birthDate, gender from the optional "Sex" question, phone and email as telecom), read the way
// the desk reads it (intake_reading.h readPatient). A record whose form asks none of name, birth
// date, phone or email has no Patient, and its resources no subject.
//
// In the Bundle export the Patient is an entry of its own, its fullUrl a urn:uuid made from the
// record id (uuidFrom("<record id>/patient"), fhir_common.h: a name-based UUID, version 8 layout,
// as the Observations' are), so a re-export names the same Patient the same way; the response and
// each Observation point at it (subject.reference). One Patient per intake: matching intakes to a
// person already known is the EHR's job (its MPI), not the kiosk's.
//
// gender: our "female" and "male" are FHIR's; our "other" is "Another answer, or I prefer not to
// say", so it becomes "unknown" (which covers "asked, declined"), never a claim of "other".
// Holds patient data: never log it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/export/json_out.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

/// @brief What goes into a record's Patient; every member may be "" (then left out).
struct PatientFacts {
    std::string given, family;
    std::string birthDate;  ///< "YYYY-MM-DD", only when it is a real date
    std::string gender;     ///< FHIR administrative-gender code
    std::string phone, email;
};

/// @brief The Patient facts of @p record (its JSON as saved); nullopt when it names nobody.
std::optional<PatientFacts> patientFacts(const nlohmann::json& record, const forms::Form* form);

/// @brief The ids of the answers patientFacts() reads (with @p form, null when not at hand): a
///        record's answers but these make the same facts (fhir_stream.h reads only these).
std::vector<std::string> patientAnswerIds(const forms::Form* form);

/// "urn:uuid:..." of the record's Patient entry in a Bundle.
std::string patientUrl(std::string_view recordId);

/// @brief The Patient resource; with a non-empty @p id that id (a contained resource needs one).
nlohmann::json patientResource(const PatientFacts& p, const std::string& id = {});
/// The same resource written as text: exactly patientResource(p).dump() (fhir_stream.h).
void writePatient(JsonOut& out, const PatientFacts& p);

}  // namespace kiosk::exports::fhir
