#pragma once
// Internal to kiosk_store: the state behind Store, shared by store*.cpp and drafts.cpp.
#include <cctype>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/crypto.h"
#include "kiosk/store/epoch_box.h"
#include "kiosk/store/sqlite_error.h"
#include "kiosk/store/store.h"

namespace kiosk::store {

/// Queues a mark made here for the clinic server (mark_outbox, schema 10), in the mark's own
/// transaction: bind record id, status, status_at. The newest mark of a record replaces an older
/// one not yet sent (marks only move forward). Marks applied from the server are never queued.
inline constexpr const char* kQueueMark =
    "INSERT INTO mark_outbox (record_id, status, status_at) VALUES (?, ?, ?) "
    "ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at";

struct Store::Impl {
    Impl(StoreOptions opts, SQLite::Database database)
        : options(std::move(opts)), db(std::move(database)) {}

    StoreOptions options;
    SQLite::Database db;                      // declared before the statements: they die first
    std::string kioskId;
    Bytes publicKey;                          // empty until keys exist
    EpochSealer sealer;                       // this process's epoch (epoch_box.h); never on disk
    Bytes pinned;                             // hash of the public key checked against its pin; empty until then
    std::optional<core::Error> keyProblem;    // a missing or foreign key: nothing is saved (sticky)
    std::optional<SecretBytes> draftKey;      // the current intake's draft key, once saved/loaded
    std::unique_ptr<SQLite::Statement> insertRecord;
    std::unique_ptr<SQLite::Statement> deleteDraft;

    /// `<db>.<kiosk id>.draft-key`: one key file per kiosk sharing a database file.
    std::string draftKeyPath() const {
        std::string safe;
        for (char c : kioskId) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
        return options.dbPath + "." + safe + ".draft-key";
    }

    /// Runs @p f inside guarded(): SQLite exceptions become errors about @p doing.
    template <class F>
    auto run(const std::string& doing, F&& f) -> decltype(f()) {
        return guarded(doing, options.dbPath, std::forward<F>(f));
    }

    // meta table (throw SQLite::Exception: call inside run()).
    std::optional<Bytes> metaGet(const std::string& key);
    void metaSet(const std::string& key, const Bytes& value);
    void metaSet(const std::string& key, const std::string& value);

    /// Reads the public key from meta into publicKey (empty if none).
    void loadPublicKey();
    /// @brief Checks the key in meta against the traces of an old key (store_keys.cpp): its pin
    ///        file and the audit log's key_init; a missing pin is written for a key the log confirms.
    ///        Sets publicKey and pinned when the key is sound; returns the problem otherwise.
    std::optional<core::Error> examineKey();
    /// Before each save: the key in meta is still the pinned one (throws SQLite::Exception).
    core::Result<void> checkKeyBeforeSave();
    /// Why a key is expected in a database that has none ("" = it never had one).
    std::string traceOfOldKey();
    /// The error for a key that is gone although @p trace says there was one.
    core::Error missingKey(const std::string& trace) const;
    std::string keyPinPath() const;

    /// The injectable clock and sleep of the passphrase back-off (StoreOptions::now, ::sleep).
    core::SystemTime now() const { return options.now ? options.now() : core::SystemClock::now(); }
    std::string nowIso() const { return core::toUtcIso(now()); }
    void sleep(std::chrono::seconds s) const;

    /// Wrong passphrases in a row since the last success, and when the last one was (audit log).
    struct Failures {
        int count = 0;
        std::optional<core::SystemTime> last;
    };
    Failures recentFailures();
    /// How long an attempt made now must wait after @p f (passphraseBackoff from the last failure).
    std::chrono::seconds waitNow(const Failures& f) const;
    /// Waits as passphraseBackoff() says before an attempt, auditing the wait as @p action
    /// "backoff failures=N wait_s=W" (passphrase_backoff.cpp).
    core::Result<void> backOff(AuditAction action);
    /// Queues @p status of record @p id for the clinic server (kQueueMark; throws SQLite::Exception).
    void queueMark(const std::string& id, const char* status, const std::string& at) {
        SQLite::Statement q(db, kQueueMark);
        q.bind(1, id);
        q.bind(2, status);
        q.bind(3, at);
        q.exec();
    }
    /// Unlinks the draft key file and forgets the key.
    void forgetDraftKey();
};

}  // namespace kiosk::store
