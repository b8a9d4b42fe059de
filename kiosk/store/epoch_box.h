#pragma once
// Records sealed to the clinic public key with one X25519 per "epoch" instead of one per record
// (docs/record-sealing.md has the reasoning). The kiosk process makes an ephemeral key pair, does
// one X25519 with the clinic public key, wipes the ephemeral secret and keeps a hash-ratcheted
// chain key in guarded memory (never on disk): record i of the epoch is XChaCha20-Poly1305 under
// a key derived from chain key i, and chain key i+1 replaces chain key i as soon as the record is
// sealed, so the kiosk can no more open a record once it is saved than with a sealed box. A box:
//
//     "KEB1" | epoch public key (32) | index (4, little-endian) | nonce (24) | ciphertext | tag (16)
//
// the header being the AEAD's associated data. Opening costs one X25519 per epoch (cached in
// the RecordOpener) plus a symmetric open per record. Boxes without the magic are the older
// crypto_box_seal boxes, which still open.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/store/crypto.h"

namespace kiosk::store {

/// Records in one epoch at most; the sealer starts a new one after that.
constexpr std::uint32_t kEpochRecords = 1024;
/// The bytes an epoch box adds to the plain text (header 64 + tag 16).
constexpr std::size_t kEpochBoxOverhead = 80;

/// @brief Seals records to one clinic public key; one per kiosk process (Store keeps one).
class EpochSealer {
public:
    /// A box only @p clinicPublicKey's secret key opens. A new epoch starts on the first call,
    /// after kEpochRecords records, and when the clinic public key changes.
    core::Result<Bytes> seal(const Bytes& clinicPublicKey, const unsigned char* plain, std::size_t size);

private:
    core::Result<void> startEpoch(const Bytes& clinicPublicKey);
    Bytes m_clinicPublic;   ///< the key the current epoch seals to
    Bytes m_epochPublic;    ///< written into every box of the epoch
    SecretBytes m_chain;    ///< chain key of record m_next; the earlier ones are gone
    std::uint32_t m_next = kEpochRecords;
};

/// @brief Opens record boxes of either kind into one reused guarded buffer, remembering the
///        epochs it has met (their chain keys, in guarded memory) so each costs one X25519.
///        One per walk over records; wiped when destroyed.
class RecordOpener {
public:
    RecordOpener();
    ~RecordOpener();
    RecordOpener(const RecordOpener&) = delete;
    RecordOpener& operator=(const RecordOpener&) = delete;
    /// Opens @p box into data(); returns the plain text's length. Integrity error when the box was
    /// altered, truncated or sealed to another key.
    core::Result<std::size_t> open(const Bytes& publicKey, const SecretBytes& secretKey, const unsigned char* box,
                                   std::size_t size);
    const unsigned char* data() const { return m_plain.data(); }
    /// X25519 operations done so far (a test and the bench read it).
    std::size_t agreements() const { return m_agreements; }

private:
    struct Epoch;
    core::Result<std::size_t> openEpochBox(const Bytes& publicKey, const SecretBytes& secretKey,
                                           const unsigned char* box, std::size_t size);
    Epoch* epochOf(const Bytes& publicKey, const SecretBytes& secretKey, const unsigned char* epochPublic);
    SecretBytes m_plain;
    std::vector<Epoch> m_epochs;  ///< most recently used last; a few at most
    std::size_t m_agreements = 0;
};

}  // namespace kiosk::store
