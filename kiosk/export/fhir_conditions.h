#pragma once
// show_if -> FHIR enableWhen. Our conditions and enableWhen share their semantics (conditions.h:
// a comparison on an unanswered item is false), so a comparison maps to one enableWhen and a flat
// `all:` / `any:` of them to enableBehavior all / any. `not:` is pushed down exactly:
// not (x op v) is "x (negated op) v, or x unanswered", not answered is "not answered". A tree that
// is still not flat after that goes out as the SDC enableWhenExpression extension (FHIRPath), so
// nothing of a condition is lost. A list (a repeating group) is no question an enableWhen may
// name: "answered" goes out as exists true on each of its fields with enableBehavior any (an
// entry holds at least one answer), "not answered" as exists false on each with all; where the
// rest of the condition combines the other way, as exists on its only or a required field (every
// entry holds it), else the condition goes out as FHIRPath.
#include <nlohmann/json.hpp>

#include "kiosk/export/fhir_common.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports::fhir {

/// Adds enableWhen + enableBehavior, or the enableWhenExpression extension, to @p questionnaireItem
/// for @p condition.
void addEnableWhen(json& questionnaireItem, const forms::Form& form, const forms::Condition& condition,
                   const FhirOptions& options);

}  // namespace kiosk::exports::fhir
