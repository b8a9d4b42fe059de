#include "kiosk/speech/wav.h"

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "kiosk/core/file_error.h"

namespace kiosk::speech {
namespace {

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}

}  // namespace

std::string wavBytes(const std::vector<std::int16_t>& samples, int sampleRate) {
    const auto dataBytes = static_cast<std::uint32_t>(samples.size() * 2);
    const auto rate = static_cast<std::uint32_t>(sampleRate);
    std::string out;
    out.reserve(44 + dataBytes);
    out += "RIFF";
    put32(out, 36 + dataBytes);
    out += "WAVEfmt ";
    put32(out, 16);        // fmt chunk size
    put16(out, 1);         // PCM
    put16(out, 1);         // mono
    put32(out, rate);
    put32(out, rate * 2);  // bytes per second
    put16(out, 2);         // block align
    put16(out, 16);        // bits per sample
    out += "data";
    put32(out, dataBytes);
    for (std::int16_t s : samples) put16(out, static_cast<std::uint16_t>(s));
    return out;
}

core::Result<void> writeWav(const std::string& path, const std::vector<std::int16_t>& samples, int sampleRate) {
    const std::string bytes = wavBytes(samples, sampleRate);
    errno = 0;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (file) file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (file) file.flush();
    if (!file) {
        // Why, as staff can act on it: "the folder X does not exist", "the disk is full".
        const int err = errno != 0 ? errno : EIO;
        std::string folder = std::filesystem::path(path).parent_path().string();
        if (folder.empty()) folder = ".";
        return core::makeError(core::ErrorCode::Io, "cannot write the sound file: " + core::fileErrorReason(err, folder),
                               core::SourceLoc{path});
    }
    return {};
}

}  // namespace kiosk::speech
