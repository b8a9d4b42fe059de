// Store: the in-progress intake (draft), saved after every page so a crash or power cut resumes it.
//
// Threat model. Finished records are sealed to the clinic public key: the kiosk cannot read them,
// so a stolen disk gives none of them away. A draft is different: after a power cut the kiosk must
// read its own draft back with nobody at the desk, so the key that opens it has to live on the
// kiosk. It is a random 32-byte key in a file beside the database (`<db>.<kiosk>.draft-key`, 0600)
// and the draft row is XChaCha20-Poly1305 under it, with the kiosk id and times as associated data.
// What that costs: someone who takes the disk while a draft exists can read that one partial
// intake. What limits it: there is at most one draft per kiosk; it is deleted on submit, reset,
// idle wipe and when older than draftMaxAge (30 minutes by default); every intake gets a fresh key
// and the key file is unlinked when its draft ends, so old draft ciphertext still lying in WAL
// frames or free pages cannot be opened afterwards (short of forensic recovery of the unlinked
// file's blocks). Rejected: sealing drafts to the clinic key (resume would need staff at every
// restart), drafts in RAM only (a power cut loses them), a TPM-bound key (not on our hardware).
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include <SQLiteCpp/Transaction.h>

#include "kiosk/core/log.h"
#include "kiosk/store/file_io.h"
#include "kiosk/store/store.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {
using core::ErrorCode;
using core::makeError;
using core::Result;

namespace {

std::string associatedData(const std::string& kioskId, const std::string& startedAt, const std::string& savedAt) {
    std::string ad = "intake-kiosk draft v1";
    ad += '\0' + kioskId + '\0' + startedAt + '\0' + savedAt;
    return ad;
}

Bytes keyId(const SecretBytes& key) {
    Bytes h = hash256(key.data(), key.size());
    h.resize(16);
    return h;
}

std::optional<SecretBytes> readKeyFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    SecretBytes key(kAeadKeyBytes);
    const ssize_t n = ::read(fd, key.data(), key.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(kAeadKeyBytes)) return std::nullopt;
    return key;
}

}  // namespace

void Store::forgetDraftKey() { m->forgetDraftKey(); }

void Store::Impl::forgetDraftKey() {
    draftKey.reset();
    // No directory fsync: if a crash undoes the unlink, loadDraft() finds a key without a draft
    // row and removes it again.
    ::unlink(draftKeyPath().c_str());
}

Result<void> Store::saveDraft(const std::string& snapshot, const std::string& startedAt) {
    if (!core::parseUtcIso(startedAt)) return makeError(ErrorCode::Invalid, "draft start time is not UTC YYYY-MM-DDTHH:MM:SSZ");
    if (!m->draftKey) {
        SecretBytes key(kAeadKeyBytes);
        if (key.data() == nullptr) return makeError(ErrorCode::Internal, "out of secure memory");
        const Bytes random = randomBytes(kAeadKeyBytes);
        std::memcpy(key.data(), random.data(), kAeadKeyBytes);
        if (auto written = writePrivateFile(m->draftKeyPath(), key.data(), key.size(), "the draft key"); !written) return written.error();
        m->draftKey = std::move(key);
    }
    const std::string savedAt = core::utcNowIso();
    Bytes nonce;
    auto box = aeadEncrypt(*m->draftKey, snapshot, associatedData(m->kioskId, startedAt, savedAt), nonce);
    if (!box) return box.error();
    const Bytes kid = keyId(*m->draftKey);
    return m->run("saving the draft", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(m->db,
            "INSERT INTO drafts (kiosk_id, started_at, saved_at, key_id, nonce, sealed) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT (kiosk_id) DO UPDATE SET started_at = excluded.started_at, saved_at = excluded.saved_at, "
            "key_id = excluded.key_id, nonce = excluded.nonce, sealed = excluded.sealed");
        q.bind(1, m->kioskId);
        q.bind(2, startedAt);
        q.bind(3, savedAt);
        q.bind(4, kid.data(), static_cast<int>(kid.size()));
        q.bind(5, nonce.data(), static_cast<int>(nonce.size()));
        q.bind(6, box->data(), static_cast<int>(box->size()));
        q.exec();
        tx.commit();
        return {};
    });
}

Result<std::optional<Draft>> Store::loadDraft(core::SystemTime now) {
    struct Row { std::string startedAt, savedAt; Bytes keyId, nonce, sealed; };
    auto row = m->run("reading the draft", [&]() -> Result<std::optional<Row>> {
        SQLite::Statement q(m->db, "SELECT started_at, saved_at, key_id, nonce, sealed FROM drafts WHERE kiosk_id = ?");
        q.bind(1, m->kioskId);
        if (!q.executeStep()) return std::optional<Row>{};
        auto blob = [&](int i) {
            const auto* p = static_cast<const unsigned char*>(q.getColumn(i).getBlob());
            return Bytes(p, p + q.getColumn(i).getBytes());
        };
        return std::optional<Row>(Row{q.getColumn(0).getString(), q.getColumn(1).getString(), blob(2), blob(3), blob(4)});
    });
    if (!row) return row.error();
    if (!*row) {
        m->forgetDraftKey();  // a key left by a crash between COMMIT and unlink
        return std::optional<Draft>{};
    }
    const Row& r = **row;
    auto discard = [&](const char* why) -> Result<std::optional<Draft>> {
        core::logger()->info("draft discarded: {}", why);
        if (auto gone = discardDraft(); !gone) return gone.error();
        return std::optional<Draft>{};
    };
    const auto saved = core::parseUtcIso(r.savedAt);
    if (!saved) return discard("damaged save time");
    const auto age = now > *saved ? now - *saved : *saved - now;  // a clock set back counts too
    if (age > m->options.draftMaxAge) return discard("expired");
    auto key = readKeyFile(m->draftKeyPath());
    if (!key) return discard("its key is missing");
    if (keyId(*key) != r.keyId) return discard("it was sealed with another key");
    auto plain = aeadDecrypt(*key, r.sealed, associatedData(m->kioskId, r.startedAt, r.savedAt), r.nonce);
    if (!plain) return discard("it failed its integrity check");
    m->draftKey = std::move(*key);
    core::logger()->info("draft resumed age_s={}", std::chrono::duration_cast<std::chrono::seconds>(age).count());
    return std::optional<Draft>(
        Draft{std::string(reinterpret_cast<const char*>(plain->data()), plain->size()), r.startedAt, r.savedAt});
}

Result<void> Store::discardDraft() {
    auto done = m->run("discarding the draft", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(m->db, "DELETE FROM drafts WHERE kiosk_id = ?");
        q.bind(1, m->kioskId);
        q.exec();
        tx.commit();
        return {};
    });
    if (done) m->forgetDraftKey();
    return done;
}

}  // namespace kiosk::store
