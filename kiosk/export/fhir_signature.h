#pragma once
// A signature's strokes drawn as a PNG, for QuestionnaireResponse answers of type attachment: an
// EHR shows a picture; the strokes themselves stay in the kiosk's JSON export.
//
// Cost: an export draws one per intake, so the picture is made cheap: cairo draws the strokes
// unsmoothed into a 1-bit surface (black ink on white, as a signature on paper or a fax), and
// libpng writes those bits as they are (1-bit grey, no row filter), so nothing is converted or
// filtered pixel by pixel. A 600x200 signature is about 1 kB of PNG. The canvas and the memory
// libpng and zlib work in are kept per thread from one picture to the next (signaturePng is
// safe to call from several threads, each with its own).
#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/forms/answer.h"

namespace kiosk::exports::fhir {

/// Pixel size of the drawn signature: the pad's shape (about 3:1) at a printable size.
inline constexpr int kSignatureWidth = 600;
inline constexpr int kSignatureHeight = 200;

/// @brief The PNG bytes of @p signature, black strokes on white; "" if cairo or libpng fails.
std::string signaturePng(const forms::Signature& signature);
/// The same into @p png (its capacity kept from one picture to the next); false, @p png empty, on failure.
bool signaturePng(const forms::Signature& signature, std::string& png);

/// @brief Draws every signature in @p answers and keeps its picture (Signature::picture, the PNG
///        in base64), as an intake is submitted: exports then copy the picture the patient signed
///        with (a real signature takes about 0.1 ms to draw, once, instead of once per export).
///        A signature that cannot be drawn keeps no picture; exports draw it then.
void keepSignaturePictures(forms::Answers& answers);

/// Longest kept picture (base64): a 600x200 1-bit PNG that does not compress at all is about 21 kB.
inline constexpr std::size_t kMaxSignaturePicture = 64 * 1024;

/// @brief Whether @p text can be a kept picture: base64 (RFC 4648, padded) of bytes that start as
///        a PNG does, at most kMaxSignaturePicture long. The exports copy only such a picture and
///        draw the strokes instead of any other.
bool isKeptPicture(std::string_view text);

}  // namespace kiosk::exports::fhir
