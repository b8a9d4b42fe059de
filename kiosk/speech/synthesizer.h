#pragma once
// speech::Synthesizer: libespeak-ng in this process (Debian's libespeak-ng1 and espeak-ng-data),
// synthesising to samples handed to a callback as they come: no subprocess, no sound card needed.
// espeak-ng keeps one global state, so every Synthesizer shares it under one lock; the kiosk has one
// (the Speaker's worker) and `say` one.
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

class Synthesizer {
public:
    /// Initialises espeak-ng (once per process) with its installed data; an Error when the data is
    /// missing. @p settings give the voices per language, rate and volume.
    static core::Result<std::unique_ptr<Synthesizer>> open(SpeechSettings settings);

    int sampleRate() const { return m_rate; }
    /// Loads the voice of @p lang (settings.voices): an Error naming it when there is none.
    core::Result<void> loadVoice(const std::string& lang);
    /// Speaks @p what in its language into @p sink; stops early (no error) when the sink says so.
    core::Result<void> synthesize(const Utterance& what, const SampleSink& sink);

private:
    Synthesizer(SpeechSettings settings, int rate) : m_settings(std::move(settings)), m_rate(rate) {}
    SpeechSettings m_settings;
    int m_rate = 0;
};

}  // namespace kiosk::speech
