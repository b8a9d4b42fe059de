#pragma once
// A form as a FHIR R4 Questionnaire (`intake-kiosk form export-fhir`), so that the `questionnaire`
// of every exported response points at something real. Pages are groups; items keep their
// linkIds (link_id, else id); see README "FHIR" for the whole mapping.
#include <nlohmann/json.hpp>

#include "kiosk/export/fhir_common.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

/// @brief The Questionnaire resource for @p form: texts in its first language, the others through
///        the standard translation extension.
json questionnaire(const forms::Form& form, const FhirOptions& options = {});

}  // namespace kiosk::exports::fhir
