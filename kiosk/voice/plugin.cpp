// The voice plugin's entry point (speech/voice_plugin.h): the one symbol intake-kiosk-voice.so
// exports. Built into the static layer too, where nothing calls it.
#include <type_traits>

#include "kiosk/speech/voice_plugin.h"
#include "kiosk/voice/alsa_out.h"
#include "kiosk/voice/synthesizer.h"

extern "C" __attribute__((visibility("default"))) int intake_kiosk_voice_plugin(int abi, std::size_t pluginSize,
                                                                                std::size_t settingsSize,
                                                                                kiosk::speech::VoicePlugin* out) {
    using namespace kiosk;
    if (abi != speech::kVoicePluginAbi || pluginSize != sizeof(speech::VoicePlugin) ||
        settingsSize != sizeof(speech::SpeechSettings) || !out)
        return 0;
    out->engine = voice::espeakOpener();
    out->audio = [](std::string device) { return voice::alsaOpener(std::move(device)); };
    return 1;
}

// The entry's type is the one the loader casts to.
static_assert(std::is_same_v<decltype(&intake_kiosk_voice_plugin), kiosk::speech::VoicePluginEntry>);
