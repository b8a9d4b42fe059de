#pragma once
// libsodium, wrapped for the store: clinic key pair, passphrase wrapping (argon2id + secretbox),
// sealed boxes for records, XChaCha20-Poly1305 for drafts, BLAKE2b for the audit chain.
// Nothing here touches SQLite; every function returns a Result and never throws.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::store {

using Bytes = std::vector<unsigned char>;

/// @brief Secret bytes in sodium_malloc'd memory (guard pages, locked, wiped on free). Move-only.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes();

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

/// @brief argon2id cost. Real keys use moderate(); tests pass minimum() to stay fast. The limits
///        are stored next to the wrapped key, so unlocking always uses the ones it was made with.
struct KdfLimits {
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;
    static KdfLimits moderate();
    static KdfLimits interactive();
    static KdfLimits minimum();
};

/// @brief The clinic secret key wrapped by a passphrase; all of it may be stored in plain.
struct WrappedKey {
    Bytes salt;
    Bytes nonce;
    Bytes box;  ///< secretbox(secret key)
    KdfLimits limits;
};

/// libsodium must be initialised once; every function below calls this itself.
core::Result<void> ensureSodium();

Bytes randomBytes(std::size_t n);
/// @brief UUID version 4 (RFC 4122) from libsodium's CSPRNG, lowercase with dashes.
std::string newUuid();

/// @brief A fresh X25519 key pair for crypto_box_seal; @p publicKey gets 32 bytes.
core::Result<SecretBytes> newKeyPair(Bytes& publicKey);
/// @brief The public key that belongs to @p secretKey (to check a stored pair matches).
Bytes publicKeyOf(const SecretBytes& secretKey);

core::Result<WrappedKey> wrapSecretKey(const SecretBytes& secretKey, std::string_view passphrase,
                                       KdfLimits limits);
/// Crypto error "wrong passphrase" when the box does not open.
core::Result<SecretBytes> unwrapSecretKey(const WrappedKey& wrapped, std::string_view passphrase);

/// @brief crypto_box_seal: anyone with the public key can seal, only the secret key opens.
core::Result<Bytes> seal(const Bytes& publicKey, const unsigned char* plain, std::size_t size);
/// Integrity error when the box was altered or was sealed to another key.
core::Result<SecretBytes> openSealed(const Bytes& publicKey, const SecretBytes& secretKey,
                                     const unsigned char* box, std::size_t size);
/// @brief openSealed() into @p scratch, replaced by a larger one only when the plain text does not
///        fit: a loop over many records pays for guarded memory (mmap, mprotect, mlock) once, not
///        per record. Returns the plain text's length (the first bytes of @p scratch).
core::Result<std::size_t> openSealedInto(SecretBytes& scratch, const Bytes& publicKey, const SecretBytes& secretKey,
                                         const unsigned char* box, std::size_t size);

/// @brief XChaCha20-Poly1305 with associated data; the nonce is random and returned.
core::Result<Bytes> aeadEncrypt(const SecretBytes& key, std::string_view plain, std::string_view ad,
                                Bytes& nonce);
core::Result<SecretBytes> aeadDecrypt(const SecretBytes& key, const Bytes& box, std::string_view ad,
                                      const Bytes& nonce);
constexpr std::size_t kAeadKeyBytes = 32;

/// @brief BLAKE2b-256 of @p data.
Bytes hash256(const unsigned char* data, std::size_t size);
/// @brief BLAKE2b-256 of @p fields, each preceded by its length (8 bytes, little-endian), so
///        ("ab","c") and ("a","bc") differ. The audit log and the record chain hash their rows so.
Bytes hashFields(std::initializer_list<std::string_view> fields);

/// Hex of bytes, for fingerprints and ids (never for secrets).
std::string toHex(const unsigned char* data, std::size_t size);

}  // namespace kiosk::store
