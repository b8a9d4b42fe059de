#pragma once
// The text read-aloud speaks for a screen, built by pure functions of the form, the view model and
// the catalogue (no audio, no ImGui): tested alone for every language. Reads the page title, each
// shown question (its `say:` where the form gives one, else its label), its help, and how to answer
// it (options, the scale's ends with their labels, "Choose all that apply."). Never an answer: what
// the patient typed or chose is not in any of it.
#include <string>
#include <vector>

#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/view_model.h"
#include "kiosk/speech/utterance.h"

namespace kiosk::speech {

/// @brief What the Read aloud button says for @p page with the items @p shown (those on screen, in
///        order) in @p lang (the form's first language where a text lacks it).
Utterance pageText(const forms::Form& form, const forms::Page& page, const std::vector<const forms::Item*>& shown,
                   const std::string& lang, const core::Catalog& catalog);

/// @brief Page @p pageIndex as a new patient meets it (items whose show_if holds with no answers):
///        what `intake-kiosk say --page` writes.
Utterance freshPageText(const forms::Form& form, int pageIndex, const std::string& lang,
                        const core::Catalog& catalog);

/// @brief What the screen @p vm shows says aloud: the idle warning over anything, else the welcome
///        screen, a page, and the calm texts of review, saving and thank-you (never the answers the
///        review lists). Empty when there is nothing to read.
Utterance screenText(const session::ViewModel& vm, const forms::Form& form, const core::Catalog& catalog);

/// @brief One sentence as the synthesiser should get it: trimmed, ending in a pause mark (. ? ! : ;).
std::string sentence(std::string text);

}  // namespace kiosk::speech
