#pragma once
// The forms a kiosk took from its clinic server (`form publish`), kept in <data_dir>/clinic-forms
// as <form id>.yaml: written only once the text loads as a form (validated on the pusher's thread),
// whole (temp file, fsync, rename), so a kiosk offline or restarted keeps the last good one. The
// kiosk runs the clinic's version of its form in place of the local file's (loadContent), taken
// when it starts: never in the middle of an intake.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/forms/model.h"
#include "kiosk/sync/server_forms.h"

namespace kiosk::app {

/// <@p dataDir>/clinic-forms
std::string clinicFormsDir(const std::string& dataDir);

/// @brief Keeps each of @p forms that loads and whose text differs from the kept one; a form that
///        does not load is left out with a warning (the last good one stays). Returns how many
///        files changed. Makes @p dir (0700) when missing.
int keepClinicForms(const std::string& dir, const std::vector<sync::PublishedForm>& forms);

/// @brief The clinic's version of form @p formId kept in @p dir, if there is one and it loads.
std::shared_ptr<const forms::Form> clinicForm(const std::string& dir, const std::string& formId);

}  // namespace kiosk::app
