#include "kiosk/store/key_pin.h"

#include <sys/stat.h>

#include <cerrno>

#include "kiosk/core/text_file.h"
#include "kiosk/store/file_io.h"

namespace kiosk::store {
namespace {

constexpr const char* kHeader =
    "# intake-kiosk: the clinic public key this database seals to (BLAKE2b-256). Do not edit.\n";
/// A pin is one short line; anything bigger is not one.
const core::TextFileKind kPinFile{"key pin file", 4096, "A pin file holds one line."};

std::optional<Bytes> fromHex(const std::string& hex) {
    if (hex.size() != 64) return std::nullopt;
    Bytes out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int v = 0;
        for (std::size_t j = i; j < i + 2; ++j) {
            const char c = hex[j];
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return std::nullopt;
            v = v * 16 + d;
        }
        out.push_back(static_cast<unsigned char>(v));
    }
    return out;
}

}  // namespace

std::string keyPinPath(const std::string& dbPath) { return dbPath + ".key-pin"; }

std::string fingerprintOf(const Bytes& publicKeyHash) { return toHex(publicKeyHash.data(), 8); }

core::Result<std::optional<Bytes>> readKeyPin(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT) return std::optional<Bytes>();
    const auto read = core::readTextFile(path, kPinFile);
    if (!read)  // a folder, a device, a file far too big: said as such, and nothing is saved
        return core::makeError(core::ErrorCode::Integrity,
                               "the clinic key's pin file cannot be read: " + read.error().message,
                               core::SourceLoc{path});
    const std::string& text = *read;
    std::optional<Bytes> pin;
    std::size_t lines = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line[0] == '#') continue;
        ++lines;
        pin = fromHex(line);
    }
    if (!pin || lines != 1)
        return core::makeError(core::ErrorCode::Integrity,
                               "the clinic key's pin file holds no pin (it was edited or damaged). If `intake-kiosk "
                               "keys status` shows the clinic's fingerprint, remove the file: it is written "
                               "again for the key the audit log names",
                               core::SourceLoc{path});
    return pin;
}

core::Result<void> writeKeyPin(const std::string& path, const Bytes& publicKeyHash) {
    const std::string text = kHeader + toHex(publicKeyHash.data(), publicKeyHash.size()) + "\n";
    return writePrivateFile(path, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                            "the clinic key's pin");
}

}  // namespace kiosk::store
