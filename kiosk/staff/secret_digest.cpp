#include "kiosk/staff/secret_digest.h"

#include <sodium.h>

#include <cstdlib>

namespace kiosk::staff {
namespace {

void ensureSodium() {
    // Idempotent and thread-safe; libsodium asks for it before any other call. Without it the key
    // would not be random, and a gate must never run on a guessable key.
    static const int kSodium = sodium_init();
    if (kSodium < 0) std::abort();
}

}  // namespace

SecretHasher::SecretHasher() {
    ensureSodium();
    randombytes_buf(m_key.data(), m_key.size());
}

SecretHasher::~SecretHasher() { sodium_memzero(m_key.data(), m_key.size()); }

Digest SecretHasher::digest(std::string_view secret) const {
    Digest out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                       m_key.data(), m_key.size());
    return out;
}

bool digestsEqual(const Digest& a, const Digest& b) { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

}  // namespace kiosk::staff
