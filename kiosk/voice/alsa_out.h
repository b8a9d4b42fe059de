#pragma once
// ALSA playback (speech/audio_out.h says why ALSA).
#include <string>

#include "kiosk/speech/audio_out.h"

namespace kiosk::voice {

/// ALSA playback on @p device ("default"). Nothing is opened until the opener is called.
speech::AudioOpener alsaOpener(std::string device);

}  // namespace kiosk::voice
