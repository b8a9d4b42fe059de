#pragma once
// A signature's strokes drawn as a PNG (cairo), for QuestionnaireResponse answers of type
// attachment: an EHR shows a picture; the strokes themselves stay in the kiosk's JSON export.
#include <string>

#include "kiosk/forms/answer.h"

namespace kiosk::exports::fhir {

/// Pixel size of the drawn signature: the pad's shape (about 3:1) at a printable size.
inline constexpr int kSignatureWidth = 600;
inline constexpr int kSignatureHeight = 200;

/// @brief The PNG bytes of @p signature, black strokes on white; "" if cairo fails.
std::string signaturePng(const forms::Signature& signature);

}  // namespace kiosk::exports::fhir
