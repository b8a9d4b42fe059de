#pragma once
// The text the store seals for a finished intake: its JSON (session::toJson), with each
// signature's picture drawn now and kept in it (fhir_signature.h keepSignaturePictures), so every
// later export copies the picture the patient signed with. Every submit goes through here: the
// kiosk's, `simulate --save`'s and the desk demo's.
#include <string>

#include "kiosk/session/record.h"

namespace kiosk::exports {

/// @brief @p record as the store seals it (JSON text; holds patient data: never log it).
std::string recordPayload(session::Record record);

}  // namespace kiosk::exports
