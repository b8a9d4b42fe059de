#pragma once
// speech::Engine: what read-aloud needs of a synthesiser. The real one (voice::Synthesizer,
// libespeak-ng) lives in the voice layer, which the package ships apart as intake-kiosk-voice (a
// plugin the kiosk loads at start, voice_plugin.h): the kiosk itself links no espeak-ng or ALSA.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/speech/speech_settings.h"
#include "kiosk/speech/utterance.h"

namespace kiosk::speech {

/// Receives each chunk of mono 16-bit samples (about 50 ms); return false to stop at once.
using SampleSink = std::function<bool(const std::int16_t* samples, std::size_t count)>;

/// @brief A text-to-speech engine with one sample rate and a voice per form language.
class Engine {
public:
    virtual ~Engine() = default;
    virtual int sampleRate() const = 0;
    /// Loads the voice of @p lang (settings.voices): an Error naming it when there is none.
    virtual core::Result<void> loadVoice(const std::string& lang) = 0;
    /// Speaks @p what in its language into @p sink; stops early (no error) when the sink says so.
    virtual core::Result<void> synthesize(const Utterance& what, const SampleSink& sink) = 0;
};

/// Starts an engine with @p settings (voices, rate, volume), or says why there is none.
using EngineOpener = std::function<core::Result<std::unique_ptr<Engine>>(const SpeechSettings& settings)>;

}  // namespace kiosk::speech
