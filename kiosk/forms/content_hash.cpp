#include "kiosk/forms/content_hash.h"

#include <sodium.h>

namespace kiosk::forms {

std::string contentHash(std::string_view bytes) {
    // sodium_init() is idempotent and thread-safe; libsodium asks for it before any other call.
    static const int kSodium = sodium_init();
    (void)kSodium;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string("sha256:") + hex;
}

}  // namespace kiosk::forms
