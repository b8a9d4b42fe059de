#pragma once
// Read aloud's engine and sound output come from the voice plugin (speech/voice_plugin.h), found
// beside this executable (a build tree: build/intake-kiosk-voice.so) or in KIOSK_LIBEXEC_DIR (the
// intake-kiosk-voice package). It is loaded once per process, on first use: in the kiosk that is
// the speaker's worker thread, so the first frame never waits for espeak-ng to load.
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/speech/audio_out.h"
#include "kiosk/speech/engine.h"
#include "kiosk/speech/voice_plugin.h"

namespace kiosk::app {

/// Where the plugin is looked for: beside this executable if it is there, else KIOSK_LIBEXEC_DIR.
std::string voicePluginPath();

/// The plugin, loaded on the first call (thread-safe), or why there is none.
const core::Result<speech::VoicePlugin>& voicePlugin();

/// The plugin's espeak-ng, loading the plugin when first called; its Error when there is no plugin.
speech::EngineOpener pluginEngine();
/// The plugin's ALSA output on @p device, loading the plugin when first called.
speech::AudioOpener pluginAudio(std::string device);

}  // namespace kiosk::app
