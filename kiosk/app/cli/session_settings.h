#pragma once
// The session's timing and greeting, from the settings file: one place for `run` and `screenshot`
// (and any later command that drives an intake), so both run the intake the clinic configured.
#include <string>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/session/intake.h"

namespace kiosk::app {

/// @brief The intake's timeouts from @p config; @p welcomeLang greets each new patient.
session::IntakeConfig intakeConfigOf(const KioskConfig& config, std::string welcomeLang);

}  // namespace kiosk::app
