#pragma once
// Published instruments (forms/instruments/*.yaml): the fingerprint that keeps their verbatim text
// as published, and how a form's pages `include` them. See model.h Instrument.
#include <string>

#include "kiosk/forms/model.h"

namespace kiosk::forms {

/// @brief "sha256:<hex>" of the text of every `verbatim: true` item of @p form in @p lang, in form
///        order: id, label, help, end labels, each option (value, label, score) and row (id, label).
///        An edit of any of these (or of an option's score) changes it; the instrument block
///        declares it per official translation, so the loader refuses an edited verbatim text.
std::string verbatimFingerprint(const Form& form, const std::string& lang);

}  // namespace kiosk::forms
