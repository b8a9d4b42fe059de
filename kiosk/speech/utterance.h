#pragma once
// What read-aloud says: sentences of form and catalogue text in one language. Built by page_text.h
// (pure), spoken by speaker.h. Never holds what a patient typed or chose: only the form's words.
#include <string>
#include <vector>

namespace kiosk::speech {

/// @brief Text to speak, in order, in one language ("en", "es": a form language, not a voice).
struct Utterance {
    std::string lang;
    std::vector<std::string> sentences;  ///< each ends in . ? ! : or ; (a pause for the listener)

    bool empty() const { return sentences.empty(); }
    /// The sentences joined by spaces: what the synthesiser reads.
    std::string text() const;
};

}  // namespace kiosk::speech
