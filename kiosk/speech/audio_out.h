#pragma once
// Where synthesised samples go: a sound device (AlsaOut, alsa_out.cpp) or, in tests and `say`, a
// buffer. ALSA is the one Debian library used for sound: it is what a bare kiosk has (cage on tty1
// starts no PulseAudio or PipeWire session for the kiosk user, so the PulseAudio simple API would
// find no server), libasound2 is already on every Debian system (libespeak-ng1 pulls it in through
// libpcaudio0), and its "default" device still goes through PipeWire or PulseAudio where a desktop
// runs one. SDL2 would add a larger library only to reach ALSA or PulseAudio underneath.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::speech {

/// @brief One playback of mono 16-bit samples. write() blocks for as long as the device needs, in
///        small steps, and gives up as soon as @p cancelled says so.
class AudioOut {
public:
    virtual ~AudioOut() = default;
    /// Plays @p count samples; false when cancelled or the device failed (the caller drops then).
    virtual bool write(const std::int16_t* samples, std::size_t count, const std::atomic<bool>& cancelled) = 0;
    /// Waits until what was written has been heard (the end of an utterance).
    virtual void drain() = 0;
    /// Silence now: drops whatever is buffered.
    virtual void drop() = 0;
};

/// Opens a playback at @p sampleRate Hz; an Error says why there is no sound (no device, busy).
using AudioOpener = std::function<core::Result<std::unique_ptr<AudioOut>>(int sampleRate)>;

/// ALSA playback on @p device ("default"). Nothing is opened until the opener is called.
AudioOpener alsaOpener(std::string device);

}  // namespace kiosk::speech
