#include "kiosk/store/crypto.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include <sodium.h>

namespace kiosk::store {
using core::ErrorCode;
using core::makeError;

// [SECTION] SecretBytes
SecretBytes::SecretBytes(std::size_t size) : m_size(size) {
    m_data = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
    if (m_data == nullptr) m_size = 0;  // callers check size(); never throws
}
SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}
SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        if (m_data != nullptr) sodium_free(m_data);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}
SecretBytes::~SecretBytes() {
    if (m_data != nullptr) sodium_free(m_data);  // wipes before freeing
}

namespace {
core::Error noMemory() { return makeError(ErrorCode::Internal, "out of secure memory"); }
}  // namespace

// [SECTION] Limits and setup
KdfLimits KdfLimits::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfLimits KdfLimits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfLimits KdfLimits::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

core::Result<void> ensureSodium() {
    static const int kStatus = sodium_init();  // thread-safe static init; 1 = already done
    if (kStatus < 0) return makeError(ErrorCode::Crypto, "libsodium could not be initialised");
    return {};
}

Bytes randomBytes(std::size_t n) {
    (void)ensureSodium();
    Bytes out(n);
    randombytes_buf(out.data(), n);
    return out;
}

std::string newUuid() {
    Bytes b = randomBytes(16);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string hex = toHex(b.data(), b.size());
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
           hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

std::string toHex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

// [SECTION] Key pair and wrapping
core::Result<SecretBytes> newKeyPair(Bytes& publicKey) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    SecretBytes secret(crypto_box_SECRETKEYBYTES);
    if (secret.empty()) return noMemory();
    publicKey.assign(crypto_box_PUBLICKEYBYTES, 0);
    crypto_box_keypair(publicKey.data(), secret.data());
    return secret;
}

Bytes publicKeyOf(const SecretBytes& secretKey) {
    Bytes pk(crypto_box_PUBLICKEYBYTES, 0);
    if (secretKey.size() == crypto_box_SECRETKEYBYTES) crypto_scalarmult_base(pk.data(), secretKey.data());
    return pk;
}

namespace {
core::Result<SecretBytes> deriveKey(std::string_view passphrase, const Bytes& salt, KdfLimits limits) {
    SecretBytes key(crypto_secretbox_KEYBYTES);
    if (key.empty()) return noMemory();
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return makeError(ErrorCode::Integrity, "the stored key salt is damaged");
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(),
                      limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(ErrorCode::Crypto, "not enough memory to derive the key from the passphrase");
    return key;
}
}  // namespace

core::Result<WrappedKey> wrapSecretKey(const SecretBytes& secretKey, std::string_view passphrase,
                                       KdfLimits limits) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    WrappedKey w;
    w.limits = limits;
    w.salt = randomBytes(crypto_pwhash_SALTBYTES);
    w.nonce = randomBytes(crypto_secretbox_NONCEBYTES);
    auto key = deriveKey(passphrase, w.salt, limits);
    if (!key) return key.error();
    w.box.assign(secretKey.size() + crypto_secretbox_MACBYTES, 0);
    crypto_secretbox_easy(w.box.data(), secretKey.data(), secretKey.size(), w.nonce.data(), key->data());
    return w;
}

core::Result<SecretBytes> unwrapSecretKey(const WrappedKey& wrapped, std::string_view passphrase) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (wrapped.box.size() != crypto_box_SECRETKEYBYTES + crypto_secretbox_MACBYTES ||
        wrapped.nonce.size() != crypto_secretbox_NONCEBYTES)
        return makeError(ErrorCode::Integrity, "the stored clinic key is damaged");
    auto key = deriveKey(passphrase, wrapped.salt, wrapped.limits);
    if (!key) return key.error();
    SecretBytes secret(crypto_box_SECRETKEYBYTES);
    if (secret.empty()) return noMemory();
    if (crypto_secretbox_open_easy(secret.data(), wrapped.box.data(), wrapped.box.size(),
                                   wrapped.nonce.data(), key->data()) != 0)
        return makeError(ErrorCode::Crypto, "wrong passphrase");
    return secret;
}

// [SECTION] Sealed boxes
core::Result<Bytes> seal(const Bytes& publicKey, const unsigned char* plain, std::size_t size) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return makeError(ErrorCode::Crypto, "the clinic public key is missing or damaged");
    Bytes box(size + crypto_box_SEALBYTES);
    if (crypto_box_seal(box.data(), plain, size, publicKey.data()) != 0)
        return makeError(ErrorCode::Crypto, "sealing failed");
    return box;
}

core::Result<std::size_t> openSealedInto(SecretBytes& scratch, const Bytes& publicKey, const SecretBytes& secretKey,
                                         const unsigned char* box, std::size_t size) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (size < crypto_box_SEALBYTES) return makeError(ErrorCode::Integrity, "sealed payload is truncated");
    const std::size_t n = size - crypto_box_SEALBYTES;
    if (scratch.data() == nullptr || scratch.size() < n) {
        scratch = SecretBytes(std::max(n, 2 * scratch.size()));  // the old one is wiped as it goes
        if (scratch.data() == nullptr) return noMemory();
    }
    if (crypto_box_seal_open(scratch.data(), box, size, publicKey.data(), secretKey.data()) != 0)
        return makeError(ErrorCode::Integrity, "sealed payload failed its integrity check");
    return n;
}

core::Result<SecretBytes> openSealed(const Bytes& publicKey, const SecretBytes& secretKey,
                                     const unsigned char* box, std::size_t size) {
    SecretBytes plain;  // empty: sized to the plain text exactly
    auto opened = openSealedInto(plain, publicKey, secretKey, box, size);
    if (!opened) return opened.error();
    return plain;
}

// [SECTION] AEAD (drafts)
core::Result<Bytes> aeadEncrypt(const SecretBytes& key, std::string_view plain, std::string_view ad,
                                Bytes& nonce) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Crypto, "draft key has the wrong size");
    nonce = randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    Bytes box(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        box.data(), &len, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce.data(), key.data());
    box.resize(static_cast<std::size_t>(len));
    return box;
}

core::Result<SecretBytes> aeadDecrypt(const SecretBytes& key, const Bytes& box, std::string_view ad,
                                      const Bytes& nonce) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES ||
        nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        box.size() < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return makeError(ErrorCode::Integrity, "draft is damaged");
    SecretBytes plain(box.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES);
    if (plain.data() == nullptr) return noMemory();
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &len, nullptr, box.data(), box.size(),
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce.data(), key.data()) != 0)
        return makeError(ErrorCode::Integrity, "draft failed its integrity check");
    return plain;
}

Bytes hash256(const unsigned char* data, std::size_t size) {
    (void)ensureSodium();
    Bytes out(32);
    crypto_generichash(out.data(), out.size(), data, size, nullptr, 0);
    return out;
}

Bytes hashFields(std::initializer_list<std::string_view> fields) {
    (void)ensureSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    for (std::string_view f : fields) {
        unsigned char len[8];
        for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>((f.size() >> (8 * i)) & 0xff);
        crypto_generichash_update(&state, len, sizeof len);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(f.data()), f.size());
    }
    Bytes out(32);
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

}  // namespace kiosk::store
