#pragma once
// voice::Synthesizer: libespeak-ng in this process (Debian's libespeak-ng1 and espeak-ng-data),
// synthesising to samples handed to a callback as they come: no subprocess, no sound card needed.
// espeak-ng keeps one global state, so every Synthesizer shares it under one lock; the kiosk has one
// (the Speaker's worker) and `say` one. The kiosk reaches it through the voice plugin
// (speech/voice_plugin.h); tests and the bench link it directly.
#include <memory>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/speech/engine.h"
#include "kiosk/speech/speech_settings.h"
#include "kiosk/speech/utterance.h"

namespace kiosk::voice {

class Synthesizer final : public speech::Engine {
public:
    /// Initialises espeak-ng (once per process) with its installed data; an Error when the data is
    /// missing. @p settings give the voices per language, rate and volume.
    static core::Result<std::unique_ptr<Synthesizer>> open(speech::SpeechSettings settings);

    int sampleRate() const override { return m_rate; }
    core::Result<void> loadVoice(const std::string& lang) override;
    core::Result<void> synthesize(const speech::Utterance& what, const speech::SampleSink& sink) override;

private:
    Synthesizer(speech::SpeechSettings settings, int rate) : m_settings(std::move(settings)), m_rate(rate) {}
    speech::SpeechSettings m_settings;
    int m_rate = 0;
};

/// Synthesizer::open as a speech::EngineOpener (what the plugin hands the kiosk).
speech::EngineOpener espeakOpener();

}  // namespace kiosk::voice
