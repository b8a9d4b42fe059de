// Store: the clinic key pair in the meta table, and the audit log entry points.
// The public key is plain (the kiosk seals with it); the secret key is stored only as
// secretbox(argon2id(passphrase, salt)), with the salt and the argon2id limits beside it.
// Whether the key in meta is the clinic's is key_check.cpp; the wrong-passphrase back-off is
// passphrase_backoff.cpp.
//
// [SECTION] index: status · init · unlock and passphrase · audit
#include <SQLiteCpp/Transaction.h>
#include <sodium.h>

#include "kiosk/core/log.h"
#include "kiosk/store/store.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {
using core::ErrorCode;
using core::makeError;
using core::Result;

namespace {

std::string text(const std::optional<Bytes>& b) { return b ? std::string(b->begin(), b->end()) : std::string(); }

std::string fingerprint(const Bytes& pk) { return fingerprintOf(hash256(pk.data(), pk.size())); }

bool isDefault(const std::string& passphrase) { return passphrase == kDefaultPassphrase; }

}  // namespace

Result<void> checkNewPassphrase(const std::string& passphrase) {
    if (passphrase.size() < 8) return makeError(ErrorCode::Invalid, "the passphrase must have at least 8 characters");
    return {};
}

NewPassphraseProblem replacementProblem(const std::string& passphrase) {
    if (!checkNewPassphrase(passphrase)) return NewPassphraseProblem::TooShort;
    if (isDefault(passphrase)) return NewPassphraseProblem::IsDefault;
    return NewPassphraseProblem::None;
}

Result<void> checkReplacementPassphrase(const std::string& passphrase) {
    if (auto ok = checkNewPassphrase(passphrase); !ok) return ok.error();
    if (isDefault(passphrase)) return makeError(ErrorCode::Invalid, "the new passphrase must not be the default one");
    return {};
}

// [SECTION] status
Result<KeyStatus> Store::keyStatus() {
    return m->run("reading the clinic key", [&]() -> Result<KeyStatus> {
        KeyStatus s;
        s.pinPath = m->keyPinPath();
        s.problem = m->examineKey();
        if (!s.problem && m->keyProblem) s.problem = m->keyProblem;  // found at a save: stays until restart
        const auto pk = m->metaGet("clinic_public_key");
        s.present = pk.has_value();
        const Impl::Failures failures = m->recentFailures();
        s.wrongPassphrases = failures.count;
        s.nextWait = m->waitNow(failures);
        if (!s.present) return s;
        s.defaultPassphrase = text(m->metaGet("passphrase_is_default")) == "1";
        s.fingerprint = fingerprint(*pk);
        try {
            s.limits.opslimit = std::stoull(text(m->metaGet("kdf_opslimit")));
            s.limits.memlimit = static_cast<std::size_t>(std::stoull(text(m->metaGet("kdf_memlimit"))));
        } catch (const std::exception&) {
            if (!s.problem) s.problem = makeError(ErrorCode::Integrity, "the stored key settings are damaged");
        }
        return s;
    });
}

// [SECTION] init
namespace {
// Writes the wrapped key; call inside the write transaction.
void storeWrapped(Store::Impl& impl, const WrappedKey& w, bool defaultPassphrase) {
    impl.metaSet("clinic_secret_box", w.box);
    impl.metaSet("clinic_secret_nonce", w.nonce);
    impl.metaSet("kdf_salt", w.salt);
    impl.metaSet("kdf_alg", std::string("argon2id13"));
    impl.metaSet("kdf_opslimit", std::to_string(w.limits.opslimit));
    impl.metaSet("kdf_memlimit", std::to_string(w.limits.memlimit));
    impl.metaSet("passphrase_is_default", std::string(defaultPassphrase ? "1" : "0"));
}
}  // namespace

Result<void> Store::initKeys(const std::string& passphrase, KdfLimits limits) {
    auto material = makeClinicKeyMaterial(passphrase, limits);  // slow (argon2id): before the lock
    if (!material) return material.error();
    return installKey(*material, false);
}

Result<void> Store::importKeys(const ClinicKeyMaterial& material) {
    if (material.publicKey.size() != 32 || material.wrapped.box.empty())
        return makeError(ErrorCode::Integrity, "the clinic key to join is incomplete");
    return installKey(material, true);
}

Result<void> Store::installKey(const ClinicKeyMaterial& material, bool joining) {
    const Bytes& pk = material.publicKey;
    auto made = m->run("creating the clinic key", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        if (auto have = m->metaGet("clinic_public_key")) {
            if (joining && *have == pk) return {};  // joined before: nothing to do
            if (joining)
                return makeError(ErrorCode::Invalid,
                                 "this kiosk already seals to its own clinic key (fingerprint " + fingerprint(*have) +
                                     "), not the clinic's (" + fingerprint(pk) + "); a kiosk joins a clinic before "
                                     "its first key: use a fresh data folder",
                                 core::SourceLoc{m->options.dbPath});
            return makeError(ErrorCode::Invalid,
                             "the clinic key already exists; creating another would make every saved "
                             "record unreadable. Use `intake-kiosk staff passwd` to change the passphrase",
                             core::SourceLoc{m->options.dbPath});
        }
        // A key that was here and is gone is not replaced: that is the silent re-key.
        if (const std::string trace = m->traceOfOldKey(); !trace.empty()) return m->missingKey(trace);
        m->metaSet("clinic_public_key", pk);
        storeWrapped(*m, material.wrapped, material.defaultPassphrase);
        appendAudit(m->db, m->kioskId, AuditAction::KeyInit,
                    "fingerprint=" + fingerprint(pk) + (material.defaultPassphrase ? " default_passphrase" : "") +
                        (joining ? " joined_clinic" : ""),
                    m->nowIso());
        tx.commit();
        m->publicKey = pk;
        m->pinned = hash256(pk.data(), pk.size());
        m->keyProblem.reset();
        core::logger()->info("clinic key {} fingerprint={}", joining ? "joined" : "created", fingerprint(pk));
        return {};
    });
    if (!made) return made;
    // After the commit: a crash in between leaves a key without a pin, which the next open pins
    // (the audit log's key_init vouches for it).
    if (auto pinned = writeKeyPin(m->keyPinPath(), m->pinned); !pinned)
        core::logger()->warn("the clinic key's pin was not written: {}", pinned.error().format());
    return {};
}

Result<ClinicKeyMaterial> makeClinicKeyMaterial(const std::string& passphrase, KdfLimits limits) {
    if (auto ok = checkNewPassphrase(passphrase); !ok) return ok.error();
    ClinicKeyMaterial out;
    auto sk = newKeyPair(out.publicKey);
    if (!sk) return sk.error();
    auto wrapped = wrapSecretKey(*sk, passphrase, limits);
    if (!wrapped) return wrapped.error();
    out.wrapped = std::move(*wrapped);
    out.defaultPassphrase = isDefault(passphrase);
    return out;
}

std::string ClinicKeyMaterial::fingerprint() const { return store::fingerprint(publicKey); }

Result<bool> Store::ensureKeys(KdfLimits limits) {
    auto status = keyStatus();
    if (!status) return status.error();
    if (status->problem) return *status->problem;
    if (status->present) return false;
    auto made = initKeys(kDefaultPassphrase, limits);
    if (!made) {
        // Two kiosks starting at once: the other one made it first, which is fine.
        auto again = keyStatus();
        if (again && again->present && !again->problem) return false;
        return made.error();
    }
    core::logger()->warn("clinic key created with the default passphrase: staff must change it "
                         "(intake-kiosk staff passwd)");
    return true;
}

// [SECTION] unlock and passphrase
namespace {
Result<WrappedKey> readWrapped(Store::Impl& impl) {
    auto box = impl.metaGet("clinic_secret_box");
    if (!box) return makeError(ErrorCode::Crypto, "no clinic key yet: run `intake-kiosk keys init`");
    WrappedKey w;
    w.box = *box;
    w.nonce = impl.metaGet("clinic_secret_nonce").value_or(Bytes{});
    w.salt = impl.metaGet("kdf_salt").value_or(Bytes{});
    try {
        w.limits.opslimit = std::stoull(text(impl.metaGet("kdf_opslimit")));
        w.limits.memlimit = static_cast<std::size_t>(std::stoull(text(impl.metaGet("kdf_memlimit"))));
    } catch (const std::exception&) {
        return makeError(ErrorCode::Integrity, "the stored key settings are damaged");
    }
    return w;
}
}  // namespace

Result<ClinicKeyMaterial> Store::keyMaterial() {
    return m->run("reading the clinic key", [&]() -> Result<ClinicKeyMaterial> {
        if (auto problem = m->examineKey()) return *problem;
        auto w = readWrapped(*m);
        if (!w) return w.error();
        ClinicKeyMaterial out;
        out.publicKey = m->publicKey;
        out.wrapped = std::move(*w);
        out.defaultPassphrase = text(m->metaGet("passphrase_is_default")) == "1";
        return out;
    });
}

Result<ClinicKey> unlockMaterial(const ClinicKeyMaterial& material, const std::string& passphrase) {
    auto sk = unwrapSecretKey(material.wrapped, passphrase);
    if (!sk) return sk.error();
    if (publicKeyOf(*sk) != material.publicKey)
        return makeError(ErrorCode::Integrity, "the clinic's public key does not belong to its secret key");
    return ClinicKey(material.publicKey, std::move(*sk));
}

Result<ClinicKey> Store::unlock(const std::string& passphrase) {
    auto wrapped = m->run("reading the clinic key", [&]() -> Result<WrappedKey> {
        // A missing or foreign key is said as such, not as "wrong passphrase" or "run keys init".
        if (auto problem = m->examineKey()) return *problem;
        if (auto waited = m->backOff(AuditAction::Unlock); !waited) return waited.error();
        return readWrapped(*m);
    });
    if (!wrapped) return wrapped.error();
    auto sk = unwrapSecretKey(*wrapped, passphrase);
    if (!sk) {
        core::logger()->warn("unlock refused: {}", sk.error().message);
        // Someone tried; the log says so (never with what they typed). The refusal stands even
        // if the row cannot be written.
        (void)audit(AuditAction::Unlock, "failed");
        return sk.error();
    }
    // A swapped public key would make the kiosk seal new records to someone else: catch it here.
    if (publicKeyOf(*sk) != m->publicKey)
        return makeError(ErrorCode::Integrity, "the stored public key does not belong to the clinic key",
                         core::SourceLoc{m->options.dbPath});
    auto logged = audit(AuditAction::Unlock, "ok");
    if (!logged) return logged.error();
    return ClinicKey(m->publicKey, std::move(*sk));
}

Result<void> Store::changePassphrase(const std::string& oldPassphrase, const std::string& newPassphrase,
                                     KdfLimits limits) {
    if (auto ok = checkNewPassphrase(newPassphrase); !ok) return ok.error();
    auto wrapped = m->run("reading the clinic key", [&]() -> Result<WrappedKey> {
        if (auto waited = m->backOff(AuditAction::PassphraseChange); !waited) return waited.error();
        return readWrapped(*m);
    });
    if (!wrapped) return wrapped.error();
    auto sk = unwrapSecretKey(*wrapped, oldPassphrase);
    if (!sk) {
        (void)audit(AuditAction::PassphraseChange, "failed");
        return sk.error();
    }
    auto rewrapped = wrapSecretKey(*sk, newPassphrase, limits);
    if (!rewrapped) return rewrapped.error();
    return m->run("changing the passphrase", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        // Someone else may have changed it while argon2id ran: re-wrap only what we unwrapped.
        if (m->metaGet("clinic_secret_box") != wrapped->box)
            return makeError(ErrorCode::Busy, "the passphrase was changed meanwhile; try again");
        storeWrapped(*m, *rewrapped, isDefault(newPassphrase));
        appendAudit(m->db, m->kioskId, AuditAction::PassphraseChange,
                    isDefault(newPassphrase) ? "default_passphrase" : "ok", m->nowIso());
        tx.commit();
        core::logger()->info("staff passphrase changed");
        return {};
    });
}

// [SECTION] audit
Result<void> Store::audit(AuditAction action, const std::string& detail) {
    return m->run("writing the audit log", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        appendAudit(m->db, m->kioskId, action, detail, m->nowIso());
        tx.commit();
        return {};
    });
}

Result<bool> Store::noteSettings(const std::string& source, const std::string& contentHash) {
    return m->run("recording the settings", [&]() -> Result<bool> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        if (text(m->metaGet("settings_hash")) == contentHash) return false;
        m->metaSet("settings_hash", contentHash);
        appendAudit(m->db, m->kioskId, AuditAction::SettingsChange,
                    "file=" + source + " hash=" + contentHash.substr(0, 16), core::utcNowIso());
        tx.commit();
        core::logger()->info("settings changed since the last start: {}", source);
        return true;
    });
}

Result<std::optional<AuditEntry>> Store::lastAudit(AuditAction action) {
    return m->run("reading the audit log", [&]() -> Result<std::optional<AuditEntry>> {
        SQLite::Statement q(m->db, "SELECT detail, at FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1");
        q.bind(1, toString(action));
        if (!q.executeStep()) return std::optional<AuditEntry>();
        const auto at = core::parseUtcIso(q.getColumn(1).getString());
        if (!at) return std::optional<AuditEntry>();  // not a time we wrote: as if there were none
        return std::optional<AuditEntry>(AuditEntry{q.getColumn(0).getString(), *at});
    });
}

Result<AuditReport> Store::verifyAudit() {
    return m->run("verifying the audit log", [&]() -> Result<AuditReport> { return store::verifyAudit(m->db); });
}

Result<std::string> Store::auditHash(std::int64_t seq) {
    return m->run("reading the audit log", [&]() -> Result<std::string> {
        SQLite::Statement q(m->db, "SELECT hash FROM audit WHERE seq = ?");
        q.bind(1, seq);
        if (!q.executeStep()) return makeError(ErrorCode::NotFound, "the audit log has no entry " + std::to_string(seq));
        const auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob());
        return toHex(p, static_cast<std::size_t>(q.getColumn(0).getBytes()));
    });
}

}  // namespace kiosk::store
