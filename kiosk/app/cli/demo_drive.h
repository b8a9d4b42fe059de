#pragma once
// Drives a real Intake to a named screen ("page:12", "review", "idle", ...) by applying the actions a
// patient would, with fictional demo answers. `screenshot` uses it to draw any screen, and `run
// --screen` (hidden, for development and measurements) to start the kiosk on one. Effects are not
// run: nothing is saved.
#include <CLI/CLI.hpp>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/session/intake.h"

namespace kiosk::app {

/// The screens driveToScreen() knows, for help texts and messages.
inline constexpr const char* kDemoScreens =
    "welcome, page:N, page:ITEM_ID, review, saving, save_failed, thank_you, thank_you_urgent, idle, resume";

/// Accepts the names in kDemoScreens (page:N is checked against the form later).
CLI::Validator demoScreenValidator();

/// Walks @p intake from the welcome screen to @p screen in @p lang; an error says why it cannot.
core::Result<void> driveToScreen(session::Intake& intake, const std::string& screen, const std::string& lang,
                                 const session::IntakeConfig& timing, session::TimePoint now);

}  // namespace kiosk::app
