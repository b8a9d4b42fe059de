#pragma once
// speech::SpeechSettings: the clinic's read-aloud settings (YAML `speech:` in kiosk.yaml, read by
// app::KioskConfig), one documented struct (STYLE.md #12).
#include <map>
#include <string>

namespace kiosk::speech {

/// @brief Voice, rate, volume and audio device of read-aloud.
struct SpeechSettings {
    /// bool, true (`speech.enabled`): false hides the Read aloud button and loads no voice.
    bool enabled = true;
    /// form language -> espeak-ng voice (`speech.voices`), {en: en-us, es: es-419} by default: the
    /// two voices Debian's espeak-ng-data ships for American English and Latin-American Spanish.
    std::map<std::string, std::string> voices{{"en", "en-us"}, {"es", "es-419"}};
    /// words per minute, 80..300, 150 (`speech.rate`): espeak-ng's own default (175) is brisk for an
    /// elderly listener in pain.
    int rate = 150;
    /// percent, 10..200, 100 (`speech.volume`): espeak-ng's amplitude; the device's mixer does the rest.
    int volume = 100;
    /// ALSA device name, "default" (`speech.device`): the system's default output (through PipeWire or
    /// PulseAudio when one runs, straight to the sound card on a bare kiosk).
    std::string device = "default";

    /// The voice for @p lang: voices[lang], else "" (no voice: the button stays hidden).
    std::string voiceFor(const std::string& lang) const {
        auto it = voices.find(lang);
        return it == voices.end() ? std::string() : it->second;
    }
};

}  // namespace kiosk::speech
