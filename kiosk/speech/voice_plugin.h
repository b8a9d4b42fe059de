#pragma once
// speech::VoicePlugin: read-aloud's synthesiser and sound output, loaded at run time from a shared
// object built from kiosk/voice (libespeak-ng, espeak-ng-data and ALSA: about 18 MB installed). The
// Debian package ships it apart, as intake-kiosk-voice (/usr/lib/intake-kiosk/intake-kiosk-voice.so),
// so a kiosk without speakers installs none of that. Without the plugin the kiosk runs exactly as
// on a machine without a sound device: the Read aloud button stays hidden, one warning is logged.
#include <cstddef>
#include <functional>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/speech/audio_out.h"
#include "kiosk/speech/engine.h"
#include "kiosk/speech/speech_settings.h"

namespace kiosk::speech {

/// The plugin's file name and the package that ships it (for messages).
inline constexpr const char* kVoicePluginFile = "intake-kiosk-voice.so";
inline constexpr const char* kVoicePackage = "intake-kiosk-voice";
/// The plugin's one exported symbol, a VoicePluginEntry.
inline constexpr const char* kVoicePluginEntry = "intake_kiosk_voice_plugin";
/// Goes up whenever VoicePlugin, Engine, AudioOut or SpeechSettings change shape: a plugin built
/// from other sources is refused rather than called (the package also depends on the same version).
inline constexpr int kVoicePluginAbi = 1;

/// @brief What the plugin gives the kiosk.
struct VoicePlugin {
    EngineOpener engine;                              ///< espeak-ng
    std::function<AudioOpener(std::string)> audio;    ///< ALSA playback on a device name ("default")
};

/// Fills @p out and returns 1 when @p abi and the sizes match the plugin's own; else 0 and @p out untouched.
using VoicePluginEntry = int (*)(int abi, std::size_t pluginSize, std::size_t settingsSize, VoicePlugin* out);

/// dlopen()s @p path (kept loaded for the life of the process) and takes its entry point. An Error
/// names the package when the file is missing, and says what is wrong with a file that is there.
core::Result<VoicePlugin> loadVoicePlugin(const std::string& path);

}  // namespace kiosk::speech
