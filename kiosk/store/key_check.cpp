// Store: is the key in meta the clinic's? The checks behind KeyStatus::problem, run when the store
// opens, when staff ask (keyStatus) and, in short form, before each save (store.cpp). The key is
// compared with the audit log's key_init entry and with its pin file (key_pin.h); a database
// without a key is compared with the traces an old key leaves (records, key_init, pin file).
#include <filesystem>

#include <SQLiteCpp/Statement.h>

#include "kiosk/core/log.h"
#include "kiosk/store/store.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {
using core::ErrorCode;
using core::makeError;

namespace {

struct KeyInitEntry {
    std::int64_t seq = 0;
    std::string fingerprint;  ///< as its detail names it ("fingerprint=0123456789abcdef ...")
};

std::optional<KeyInitEntry> firstKeyInit(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT seq, detail FROM audit WHERE action = 'key_init' ORDER BY seq LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    KeyInitEntry e;
    e.seq = q.getColumn(0).getInt64();
    const std::string detail = q.getColumn(1).getString();
    const auto at = detail.find("fingerprint=");
    if (at != std::string::npos) e.fingerprint = detail.substr(at + 12, 16);
    return e;
}

constexpr const char* kRestore = "Restore the database and its .key-pin file from a backup, or call support.";

}  // namespace

std::string Store::Impl::keyPinPath() const { return store::keyPinPath(options.dbPath); }

std::string Store::Impl::traceOfOldKey() {
    const std::int64_t n = db.execAndGet("SELECT count(*) FROM records").getInt64();
    if (n > 0) return "it holds " + std::to_string(n) + (n == 1 ? " record" : " records") + " sealed to the old one";
    if (const auto k = firstKeyInit(db))
        return "its audit log records the key's creation (entry " + std::to_string(k->seq) + ")";
    std::error_code ec;
    if (std::filesystem::exists(keyPinPath(), ec))
        return "its pin file " + keyPinPath() + " names one: the database file was replaced or reset (to start a "
               "new database on purpose, move the old database's files away, that pin file included)";
    return "";
}

core::Error Store::Impl::missingKey(const std::string& trace) const {
    return makeError(ErrorCode::Crypto,
                     "the clinic key is missing from this database, but " + trace +
                         ". No new key is made (what was sealed to the old one could never be opened) and "
                         "nothing is saved until the key is back. " + kRestore,
                     core::SourceLoc{options.dbPath});
}

std::optional<core::Error> Store::Impl::examineKey() {
    loadPublicKey();
    pinned.clear();
    if (publicKey.empty()) {
        const std::string trace = traceOfOldKey();
        if (trace.empty()) return std::nullopt;  // a new database: keys init or the kiosk makes one
        return missingKey(trace);
    }
    const Bytes hash = hash256(publicKey.data(), publicKey.size());
    const std::string here = fingerprintOf(hash);
    auto foreign = [&](const std::string& pinnedWhere) {
        publicKey.clear();  // never seal to it
        return makeError(ErrorCode::Integrity,
                         "the clinic public key in this database (fingerprint " + here + ") does not match " +
                             pinnedWhere + ": records would be sealed to a key the clinic does not hold, so "
                             "nothing is saved. " + kRestore,
                         core::SourceLoc{options.dbPath});
    };
    if (const auto k = firstKeyInit(db); k && k->fingerprint != here)
        return foreign("the one created in audit entry " + std::to_string(k->seq) + " (fingerprint " +
                       k->fingerprint + ")");
    auto pin = readKeyPin(keyPinPath());
    if (!pin) {
        publicKey.clear();
        return pin.error();
    }
    if (*pin && **pin != hash)
        return foreign("its pin in " + keyPinPath() + " (fingerprint " + fingerprintOf(**pin) + ")");
    if (!*pin) {
        // Made before pins existed, restored from a backup, or a crash right after keys init: the
        // audit log vouched for the key above (or predates it, schema v1), so pin it now.
        if (auto written = writeKeyPin(keyPinPath(), hash); !written)
            core::logger()->info("the clinic key's pin was not written: {}", written.error().format());
        else
            core::logger()->info("clinic key pinned fingerprint={}", here);
    }
    pinned = hash;
    return std::nullopt;
}

}  // namespace kiosk::store
