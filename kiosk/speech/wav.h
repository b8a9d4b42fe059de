#pragma once
// A RIFF/WAVE file of mono 16-bit PCM: what `intake-kiosk say -o FILE.wav` writes.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::speech {

/// The bytes of a WAVE file holding @p samples at @p sampleRate Hz (little-endian, 44-byte header).
std::string wavBytes(const std::vector<std::int16_t>& samples, int sampleRate);
/// Writes wavBytes() to @p path; an Error names the path when it cannot.
core::Result<void> writeWav(const std::string& path, const std::vector<std::int16_t>& samples, int sampleRate);

}  // namespace kiosk::speech
