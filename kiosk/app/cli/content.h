#pragma once
// What the kiosk shows, loaded at start: the translations and the questionnaire. Failures do not
// stop the kiosk: they become lines for the staff message screen.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/bodymap/figure.h"
#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"

namespace kiosk::app {

/// @brief The loaded content, or what went wrong (for staff: file names and errors, no patient data).
struct Content {
    core::Catalog catalog;
    std::shared_ptr<const forms::Form> form;  ///< null when the form did not load
    std::string formPath;                     ///< the file tried ("" when none was found)
    std::string lang;                         ///< the start language: the config's, if the form has it
    /// <assetsDir>/body_map/choir_male.json, measured; null when it did not load (logged; body
    /// maps then show as lists: a missing drawing never stops an intake).
    std::shared_ptr<const bodymap::Figure> figure;
    std::string problemTitle;                 ///< "" when everything loaded
    std::vector<std::string> problems;        ///< one line each, located ("file:line:col: error: ...")

    bool ok() const { return form != nullptr && problems.empty(); }
};

/// Loads <assetsDir>/i18n and the form named by @p config (formsDir and assetsDir already resolved).
/// At most @p maxErrors form errors are kept (the screen shows the first ones; validate shows all).
Content loadContent(const KioskConfig& config, size_t maxErrors = 8);
/// The body-map figure of <assets_dir>/body_map (the kiosk's, the PDF's); null, with a warning in
/// the log, when it cannot be read: body maps are then shown as lists.
std::shared_ptr<const bodymap::Figure> loadFigure(const KioskConfig& config);

}  // namespace kiosk::app
