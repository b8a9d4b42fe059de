#include "kiosk/speech/synthesizer.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <mutex>

namespace kiosk::speech {
namespace {

std::mutex& espeakLock() {
    static std::mutex m;
    return m;
}

/// What the callback of one espeak_Synth call writes to (passed as its user_data).
struct Call {
    const SampleSink* sink = nullptr;
    bool stopped = false;
};

int onSamples(short* wav, int count, espeak_EVENT* events) {
    Call* call = events ? static_cast<Call*>(events->user_data) : nullptr;
    if (!call || call->stopped) return 1;
    if (wav && count > 0 && !(*call->sink)(reinterpret_cast<const std::int16_t*>(wav), static_cast<std::size_t>(count))) {
        call->stopped = true;
        return 1;  // abort synthesis
    }
    return 0;
}

/// espeak_Initialize once; its sample rate, or -1.
int initialiseOnce() {
    static int rate = [] {
        // DONT_EXIT: a missing espeak-ng-data must be an error here, not exit() of the kiosk.
        const int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 50, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (r > 0) espeak_SetSynthCallback(onSamples);
        return r;
    }();
    return rate;
}

std::string currentVoice;  // under espeakLock(): what espeak has loaded

core::Result<void> selectVoice(const std::string& voice, const std::string& lang) {
    if (voice.empty())
        return core::makeError(core::ErrorCode::NotFound, "no voice is set for language '" + lang + "' (speech.voices)");
    if (voice == currentVoice) return {};
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        currentVoice.clear();
        return core::makeError(core::ErrorCode::NotFound,
                               "espeak-ng has no voice '" + voice + "' for language '" + lang + "'");
    }
    currentVoice = voice;
    return {};
}

}  // namespace

core::Result<std::unique_ptr<Synthesizer>> Synthesizer::open(SpeechSettings settings) {
    std::lock_guard<std::mutex> lock(espeakLock());
    const int rate = initialiseOnce();
    if (rate <= 0)
        return core::makeError(core::ErrorCode::NotFound,
                               "espeak-ng could not start (is espeak-ng-data installed?)");
    return std::unique_ptr<Synthesizer>(new Synthesizer(std::move(settings), rate));
}

core::Result<void> Synthesizer::loadVoice(const std::string& lang) {
    std::lock_guard<std::mutex> lock(espeakLock());
    return selectVoice(m_settings.voiceFor(lang), lang);
}

core::Result<void> Synthesizer::synthesize(const Utterance& what, const SampleSink& sink) {
    std::lock_guard<std::mutex> lock(espeakLock());
    if (auto voice = selectVoice(m_settings.voiceFor(what.lang), what.lang); !voice) return voice;
    espeak_SetParameter(espeakRATE, std::clamp(m_settings.rate, 80, 450), 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(m_settings.volume, 0, 200), 0);
    const std::string text = what.text();
    if (text.empty()) return {};
    Call call{&sink, false};
    const espeak_ERROR r = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                        nullptr, &call);
    if (r != EE_OK && !call.stopped)
        return core::makeError(core::ErrorCode::Internal, "espeak-ng could not synthesise (error " +
                                                              std::to_string(static_cast<int>(r)) + ")");
    return {};
}

}  // namespace kiosk::speech
