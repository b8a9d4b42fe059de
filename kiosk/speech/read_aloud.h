#pragma once
// speech::ReadAloud: when to speak and when to stop, as a pure function of the screens the patient
// passes and the taps on Read aloud (no audio here: it returns requests that app/ hands to the
// Speaker). Once turned on it reads each new screen as it opens, until it is turned off or the
// intake ends; every change of screen, page or language stops what was being read at once.
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/view_model.h"
#include "kiosk/speech/utterance.h"

namespace kiosk::speech {

struct Speak { Utterance what; };  ///< stop anything playing, then read this
struct Stop {};                    ///< silence, at once
using Request = std::variant<Speak, Stop>;

/// @brief The read-aloud mode of one intake; see the file comment. Holds no patient data.
class ReadAloud {
public:
    explicit ReadAloud(const core::Catalog& catalog) : m_catalog(catalog) {}

    /// After anything that may have changed the screen: a new screen, page or language stops the
    /// reading, and reads the new one when the mode is on. Back from the idle warning to the same
    /// page stays quiet (the page was read already). The thank-you screen is read, then the mode ends.
    std::vector<Request> update(const session::ViewModel& vm, const forms::Form& form);
    /// The Read aloud button (top bar of a page): while @p speaking it stops and turns the mode off;
    /// otherwise it turns the mode on and reads the screen.
    std::vector<Request> tap(const session::ViewModel& vm, const forms::Form& form, bool speaking);
    /// The welcome screen's "Tap to hear the questions read aloud": on (and read) / off (and stop).
    std::vector<Request> toggle(const session::ViewModel& vm, const forms::Form& form);
    /// The intake ended (idle wipe, start over): stop, mode off.
    std::vector<Request> end();

    bool on() const { return m_on; }

private:
    struct Key {
        session::Screen screen = session::Screen::Welcome;
        int page = -1;
        std::string lang;
        bool idle = false;
        bool samePlace(const Key& o) const { return screen == o.screen && page == o.page && lang == o.lang; }
    };
    static Key keyOf(const session::ViewModel& vm);
    std::vector<Request> speakScreen(const session::ViewModel& vm, const forms::Form& form);

    const core::Catalog& m_catalog;
    bool m_on = false;
    bool m_seen = false;
    Key m_key;
};

}  // namespace kiosk::speech
