#pragma once
// The forms a kiosk took from its clinic server (`form publish`), kept in <data_dir>/clinic-forms
// as <form id>.yaml: written only once the text loads as a form (validated on the pusher's thread),
// whole (temp file, fsync, rename), so a kiosk offline or restarted keeps the last good one (and the
// one before as <form id>.previous.yaml, for a draft a crash left on it). The
// kiosk runs the clinic's version of its form in place of the local file's (loadContent) from its
// start, and a version published while it runs from the next patient on (clinicFormsTaker, then
// session/form_updates.h): never in the middle of an intake.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/forms/model.h"
#include "kiosk/session/form_updates.h"
#include "kiosk/sync/server_forms.h"

namespace kiosk::app {

/// <@p dataDir>/clinic-forms
std::string clinicFormsDir(const std::string& dataDir);

/// @brief Keeps each of @p forms that loads and whose text differs from the kept one; a form that
///        does not load is left out with a warning (the last good one stays). Returns how many
///        files changed. Makes @p dir (0700) when missing. A form's `include:`s (the validated
///        instruments) are the kiosk's own installed files in @p includeDir (its forms folder):
///        their fingerprints make sure the wording is the one the admin published. @p valid, when
///        given, receives every form that loaded (kept now or before).
int keepClinicForms(const std::string& dir, const std::vector<sync::PublishedForm>& forms,
                    const std::string& includeDir,
                    std::vector<std::shared_ptr<const forms::Form>>* valid = nullptr);

/// @brief The pusher's onForms (sync/pusher.h) for the kiosk whose data folder is @p dataDir: keeps
///        the published forms (keepClinicForms, includes from @p includeDir) and, when @p updates
///        is given, offers each valid one to the running kiosk's patient flow, calling @p wake (on
///        the pusher's thread) when one is news. A form that does not load is neither kept nor
///        offered: the last good one stays.
std::function<void(const std::vector<sync::PublishedForm>&)> clinicFormsTaker(
    const std::string& dataDir, const std::string& includeDir, session::FormUpdates* updates = nullptr,
    std::function<void()> wake = {});

/// @brief The form a draft left by a crash was answered on (session::draftFormOf), so that it
///        resumes on its own version: @p running when that is it, else the clinic's copy kept
///        before the current one (<id>.previous.yaml in @p dir, includes from @p includeDir), else
///        the local file @p localPath; nullptr when none is that version (the draft then resumes
///        on @p running, as before). The running kiosk offers the current version afterwards.
std::shared_ptr<const forms::Form> formForDraft(const std::string& formId, int version,
                                                const std::shared_ptr<const forms::Form>& running,
                                                const std::string& dir, const std::string& includeDir,
                                                const std::string& localPath);

/// @brief The clinic's version of form @p formId kept in @p dir, if there is one and it loads
///        (its includes from @p includeDir, as above).
std::shared_ptr<const forms::Form> clinicForm(const std::string& dir, const std::string& formId,
                                              const std::string& includeDir);

}  // namespace kiosk::app
