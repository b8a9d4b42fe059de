#pragma once
// A plausible, valid answer for any item, so that screenshots (and the review screen in them) show
// real content. Fictional data only: it never comes from a patient.
#include <optional>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::app {

/// The demo answer for @p item; nullopt for info items (nothing to answer).
std::optional<forms::Answer> demoAnswer(const forms::Item& item);

}  // namespace kiosk::app
