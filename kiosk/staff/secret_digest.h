#pragma once
// Comparing a typed secret with the staff PIN without leaking, through timing, how many leading
// digits were right or how long the PIN is: both are hashed to a fixed-length keyed BLAKE2b digest
// and the digests compared with sodium_memcmp (constant time). The key is random per hasher, so
// a digest kept in memory says nothing about the PIN without it.
#include <array>
#include <string_view>

namespace kiosk::staff {

/// @brief A BLAKE2b-256 digest of a secret.
using Digest = std::array<unsigned char, 32>;

/// @brief Hashes secrets under one random key (made at construction, wiped at destruction).
class SecretHasher {
public:
    SecretHasher();
    ~SecretHasher();
    SecretHasher(const SecretHasher&) = delete;
    SecretHasher& operator=(const SecretHasher&) = delete;

    /// The keyed digest of @p secret; the same secret gives the same digest under this hasher.
    Digest digest(std::string_view secret) const;

private:
    std::array<unsigned char, 32> m_key{};
};

/// @brief Constant-time equality of two digests (sodium_memcmp).
bool digestsEqual(const Digest& a, const Digest& b);

}  // namespace kiosk::staff
