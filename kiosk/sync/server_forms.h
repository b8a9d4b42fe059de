#pragma once
// Questionnaires the clinic publishes on its server (`form publish FILE --pg`): one active version
// per form id, which every kiosk fetches with its pushes and runs from its next patient. The
// server keeps each published text; the admin's role writes them, kiosks and staff read them.
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

struct PublishedForm {
    std::string formId;
    int version = 0;
    std::string contentHash;
    std::string fileName;  ///< the file's name when published (no folder)
    std::string source;    ///< the form file's text, as validated before publishing
};

/// Largest form text the server takes or a kiosk accepts (the bundled forms are under 100 kB).
inline constexpr std::size_t kMaxPublishedFormBytes = 1 << 20;

/// @brief Makes @p form the active version of its form id (audited as form_publish). Publishing
///        the active one again changes nothing; an earlier one becomes active again. Invalid when
///        the same id and version were published with other content (raise the version).
core::Result<void> publishForm(Server& server, const PublishedForm& form);

/// @brief The active version of every published form, by form id.
core::Result<std::vector<PublishedForm>> activeForms(Server& server);

}  // namespace kiosk::sync
