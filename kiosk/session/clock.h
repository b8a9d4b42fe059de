#pragma once
// The wall clock, kept out of Intake: Intake gets "now" through an injected UtcNow (intake.h) so
// tests decide the times written into records. These are the defaults app/ uses.
#include <optional>
#include <string>

#include "kiosk/forms/answer.h"

namespace kiosk::session {

/// Current UTC time as ISO 8601 with seconds: "2026-11-25T10:03:00Z".
std::string systemUtcNow();

/// The calendar day of an ISO 8601 timestamp ("2026-11-25T..." -> 2026-11-25); empty if malformed.
std::optional<forms::Date> dateOfIso(const std::string& iso);

}  // namespace kiosk::session
