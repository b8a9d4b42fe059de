#include "kiosk/store/epoch_box.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace kiosk::store {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr unsigned char kMagic[4] = {'K', 'E', 'B', '1'};
constexpr std::size_t kPk = crypto_scalarmult_BYTES;                      // 32
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;  // 24
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;       // 16
constexpr std::size_t kHeader = 4 + kPk + 4 + kNonce;                          // 64
constexpr std::size_t kKey = 32;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "kioskrec";
constexpr std::uint64_t kRecordKeyId = 1, kNextChainId = 2;
constexpr std::size_t kEpochsKept = 16;  // a walk in submitted order meets a few epochs at a time
static_assert(kHeader + kTag == kEpochBoxOverhead);
static_assert(crypto_kdf_KEYBYTES == kKey && crypto_aead_xchacha20poly1305_ietf_KEYBYTES == kKey);

/// The epoch's root chain key: BLAKE2b-256 keyed by the X25519 shared secret, over a label and
/// both public keys (as crypto_kx and sealed boxes bind them). False for a low-order point.
bool rootKey(unsigned char* out, const unsigned char* secret, const unsigned char* theirPublic,
             const unsigned char* epochPublic, const unsigned char* clinicPublic) {
    unsigned char shared[kPk];
    if (crypto_scalarmult(shared, secret, theirPublic) != 0) return false;
    static constexpr char kLabel[] = "intake-kiosk epoch box v1";
    crypto_generichash_state st;
    crypto_generichash_init(&st, shared, sizeof shared, kKey);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kLabel), sizeof kLabel - 1);
    crypto_generichash_update(&st, epochPublic, kPk);
    crypto_generichash_update(&st, clinicPublic, kPk);
    crypto_generichash_final(&st, out, kKey);
    sodium_memzero(shared, sizeof shared);
    sodium_memzero(&st, sizeof st);
    return true;
}

/// One ratchet step: the record key of @p chain into @p recordKey, and @p chain replaced by the next.
void step(unsigned char* chain, unsigned char* recordKey) {
    unsigned char next[kKey];
    crypto_kdf_derive_from_key(recordKey, kKey, kRecordKeyId, kKdfContext, chain);
    crypto_kdf_derive_from_key(next, kKey, kNextChainId, kKdfContext, chain);
    std::memcpy(chain, next, kKey);
    sodium_memzero(next, sizeof next);
}

std::uint32_t readIndex(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

bool growInto(SecretBytes& buffer, std::size_t n) {
    if (buffer.data() != nullptr && buffer.size() >= n) return true;
    buffer = SecretBytes(std::max<std::size_t>({n, 2 * buffer.size(), 64}));
    return buffer.data() != nullptr;
}

core::Error damaged() { return makeError(ErrorCode::Integrity, "sealed payload failed its integrity check"); }

}  // namespace

// [SECTION] Sealing (the kiosk)

core::Result<void> EpochSealer::startEpoch(const Bytes& clinicPublicKey) {
    Bytes epochPublic;
    auto epochSecret = newKeyPair(epochPublic);
    if (!epochSecret) return epochSecret.error();
    SecretBytes chain(kKey);
    if (chain.empty()) return makeError(ErrorCode::Internal, "out of secure memory");
    if (!rootKey(chain.data(), epochSecret->data(), clinicPublicKey.data(), epochPublic.data(), clinicPublicKey.data()))
        return makeError(ErrorCode::Crypto, "the clinic public key is damaged");
    // The ephemeral secret goes here (SecretBytes wipes it): from now on only the chain key remains.
    m_clinicPublic = clinicPublicKey;
    m_epochPublic = std::move(epochPublic);
    m_chain = std::move(chain);
    m_next = 0;
    return {};
}

core::Result<Bytes> EpochSealer::seal(const Bytes& clinicPublicKey, const unsigned char* plain, std::size_t size) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (clinicPublicKey.size() != kPk)
        return makeError(ErrorCode::Crypto, "the clinic public key is missing or damaged");
    if (m_next >= kEpochRecords || m_clinicPublic != clinicPublicKey)
        if (auto started = startEpoch(clinicPublicKey); !started) return started.error();
    Bytes box(kHeader + size + kTag);
    unsigned char* p = box.data();
    std::memcpy(p, kMagic, 4);
    std::memcpy(p + 4, m_epochPublic.data(), kPk);
    for (int i = 0; i < 4; ++i) p[4 + kPk + i] = static_cast<unsigned char>((m_next >> (8 * i)) & 0xff);
    randombytes_buf(p + 4 + kPk + 4, kNonce);  // the key is single-use; a random nonce survives a fork() too
    unsigned char key[kKey];
    step(m_chain.data(), key);  // chain key m_next is gone once the record key is made
    ++m_next;
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + kHeader, &len, plain, size, p, kHeader, nullptr,
                                               p + 4 + kPk + 4, key);
    sodium_memzero(key, sizeof key);
    return box;
}

// [SECTION] Opening (staff, the clinic server)

struct RecordOpener::Epoch {
    Bytes epochPublic, clinicPublic;
    SecretBytes keys;           ///< record keys 0..derived-1
    SecretBytes chain;          ///< chain key of record `derived`
    std::uint32_t derived = 0;
};

RecordOpener::RecordOpener() = default;
RecordOpener::~RecordOpener() = default;

RecordOpener::Epoch* RecordOpener::epochOf(const Bytes& publicKey, const SecretBytes& secretKey,
                                           const unsigned char* epochPublic) {
    for (std::size_t i = m_epochs.size(); i-- > 0;) {
        Epoch& e = m_epochs[i];
        if (std::memcmp(e.epochPublic.data(), epochPublic, kPk) == 0 && e.clinicPublic == publicKey) {
            if (i + 1 != m_epochs.size()) std::rotate(m_epochs.begin() + static_cast<std::ptrdiff_t>(i),
                                                      m_epochs.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                      m_epochs.end());
            return &m_epochs.back();
        }
    }
    Epoch e;
    e.epochPublic.assign(epochPublic, epochPublic + kPk);
    e.clinicPublic = publicKey;
    e.chain = SecretBytes(kKey);
    if (e.chain.empty()) return nullptr;
    ++m_agreements;
    if (!rootKey(e.chain.data(), secretKey.data(), epochPublic, epochPublic, publicKey.data())) return nullptr;
    if (m_epochs.size() >= kEpochsKept) m_epochs.erase(m_epochs.begin());
    m_epochs.push_back(std::move(e));
    return &m_epochs.back();
}

core::Result<std::size_t> RecordOpener::openEpochBox(const Bytes& publicKey, const SecretBytes& secretKey,
                                                     const unsigned char* box, std::size_t size) {
    const std::uint32_t index = readIndex(box + 4 + kPk);
    if (index >= kEpochRecords) return damaged();
    Epoch* e = epochOf(publicKey, secretKey, box + 4);
    if (e == nullptr) return damaged();
    if (index >= e->derived) {
        if (e->keys.empty()) e->keys = SecretBytes(kEpochRecords * kKey);
        if (e->keys.empty()) return makeError(ErrorCode::Internal, "out of secure memory");
        while (e->derived <= index) {
            step(e->chain.data(), e->keys.data() + std::size_t{e->derived} * kKey);
            ++e->derived;
        }
    }
    const std::size_t n = size - kEpochBoxOverhead;
    if (!growInto(m_plain, n)) return makeError(ErrorCode::Internal, "out of secure memory");
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(m_plain.data(), &len, nullptr, box + kHeader, size - kHeader, box,
                                                   kHeader, box + 4 + kPk + 4,
                                                   e->keys.data() + std::size_t{index} * kKey) != 0)
        return damaged();
    return static_cast<std::size_t>(len);
}

core::Result<std::size_t> RecordOpener::open(const Bytes& publicKey, const SecretBytes& secretKey,
                                             const unsigned char* box, std::size_t size) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (publicKey.size() != kPk || secretKey.size() != crypto_box_SECRETKEYBYTES)
        return makeError(ErrorCode::Crypto, "the clinic key is missing or damaged");
    if (size >= kEpochBoxOverhead && std::memcmp(box, kMagic, sizeof kMagic) == 0) {
        auto opened = openEpochBox(publicKey, secretKey, box, size);
        if (opened || opened.error().code != ErrorCode::Integrity) return opened;
        // 1 in 2^32 sealed boxes starts with the magic by chance: tried as one below.
    }
    return openSealedInto(m_plain, publicKey, secretKey, box, size);
}

}  // namespace kiosk::store
