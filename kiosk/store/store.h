#pragma once
// The record store: durable, private storage of intakes in one SQLite file (WAL, synchronous=FULL).
// Patient data only ever enters as an opaque payload (the record JSON), sealed to the clinic public
// key before it touches the disk (epoch boxes, epoch_box.h; older records are crypto_box_seal boxes);
// the running kiosk cannot read it back.
// Staff unlock the clinic secret key with their passphrase to read, export, delete or purge.
// Nothing in this API throws: every failure is a core::Error (DiskFull, Busy, Io, Integrity,
// Crypto, ...) whose message holds no patient data. A Store is one connection: use it from one
// thread at a time; several Stores (threads or processes) may share a file.
//
// [SECTION] index: Options and types · Store (open, keys, records, drafts, audit, maintenance)
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/error.h"
#include "kiosk/store/audit.h"
#include "kiosk/store/crypto.h"
#include "kiosk/core/clock.h"
#include "kiosk/store/key_pin.h"
#include "kiosk/store/record_chain.h"

namespace kiosk::store {

// [SECTION] Options and types

/// The passphrase a fresh kiosk gets (`make run` on a new machine); staff are warned until changed.
inline constexpr const char* kDefaultPassphrase = "change-me-at-the-desk";

/// @brief Whether @p passphrase may protect the clinic key (at least 8 characters). initKeys and
///        changePassphrase check it too; commands call it before they create or change anything.
core::Result<void> checkNewPassphrase(const std::string& passphrase);

/// @brief What is wrong with @p passphrase as the new staff passphrase (`staff passwd`, the staff
///        desk): checkNewPassphrase's rule, and not the default one every fresh kiosk has.
enum class NewPassphraseProblem { None, TooShort, IsDefault };
NewPassphraseProblem replacementProblem(const std::string& passphrase);
/// @brief replacementProblem() as an Invalid error ("" = fine); what `staff passwd` says.
core::Result<void> checkReplacementPassphrase(const std::string& passphrase);

/// @brief How to open the store. Defaults are for the kiosk; tests lower some.
struct StoreOptions {
    std::string dbPath;                 ///< the SQLite file
    bool createIfMissing = true;        ///< false: a missing file is NotFound (staff commands)
    std::string kioskId;                ///< "" = the id kept in the database (made at first open)
    int busyTimeoutMs = 5000;           ///< wait this long for another writer before Busy
    std::int64_t maxPageCount = 0;      ///< 0 = no cap; a cap makes SQLite report a full disk
    std::chrono::seconds draftMaxAge{std::chrono::minutes(30)};  ///< older drafts are discarded
    bool quickCheck = true;             ///< PRAGMA quick_check before anything is written
    /// Open for reading only: nothing is created, migrated or written, so a listing works on a
    /// read-only data folder (or as a user who may only read). An old schema is an error here.
    bool readOnly = false;
    /// The clock and the sleep of the wrong-passphrase back-off (and the time its audit rows
    /// carry); empty = the system clock and a real sleep. Tests pass a clock that the sleep moves.
    std::function<core::SystemTime()> now;
    std::function<void(std::chrono::seconds)> sleep;
};

/// @brief How many flags of each severity a record raised (the desk's alert): counts only.
struct FlagCounts {
    int urgent = 0;
    int caution = 0;
    bool operator==(const FlagCounts& o) const { return urgent == o.urgent && caution == o.caution; }
};

/// @brief The plain columns of a record: enough to list and filter, never a name or an answer.
struct RecordMeta {
    std::string id;           ///< UUID; "" = submit() makes one. Keep it across retries (idempotent)
    std::string formId;
    int formVersion = 0;
    std::string contentHash;  ///< the form's content hash
    std::string lang;
    std::string startedAt;    ///< UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string submittedAt;  ///< UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string kioskId;      ///< "" = this store's kiosk id
    /// Flag counts (schema 7); nullopt = not known (saved before, or by a tool that does not say).
    /// Plain and advisory: not part of the sealed binding or the record chain (schema.cpp).
    std::optional<FlagCounts> flags;
};

enum class RecordStatus { Submitted, Reviewed, Exported, Deleted };
const char* toString(RecordStatus status);
std::optional<RecordStatus> parseRecordStatus(const std::string& text);

struct RecordSummary {
    RecordMeta meta;
    RecordStatus status = RecordStatus::Submitted;
    std::string statusAt;
    std::int64_t sealedBytes = 0;  ///< size of the sealed payload (0 once deleted)
};

/// @brief Which records list() returns; empty fields do not filter. Newest first.
struct ListFilter {
    std::string formId;
    std::optional<RecordStatus> status;
    bool includeDeleted = false;
    std::string since;   ///< submitted_at >= since (UTC ISO)
    std::string until;   ///< submitted_at <  until
    std::int64_t limit = 0;  ///< 0 = all
    std::vector<std::string> ids;  ///< only these records (at most a few thousand); empty = any
};

/// @brief The filter as audit text, e.g. "form=intake since=2026-11-01T00:00:00Z
///        before=2026-12-01T00:00:00Z status=submitted"; only the fields that filter. "" = all.
std::string describe(const ListFilter& filter);

/// @brief One form version among some records (Store::formVersions): what an export needs to know
///        before it streams them (the CSV header is the union of their items).
struct FormVersionCount {
    std::string formId;
    int formVersion = 0;
    std::string contentHash;
    std::int64_t records = 0;
};

/// @brief What to do with the kiosk's draft when a record is submitted.
enum class DraftAfterSubmit { Clear, Keep };

/// @brief A resumed draft: the session snapshot and when it was started and last saved.
struct Draft {
    std::string snapshot;   ///< Intake::snapshot() JSON: patient data, keep in memory only
    std::string startedAt;
    std::string savedAt;
};

/// @brief Whether the clinic key exists, is the pinned one, and still has the default passphrase.
struct KeyStatus {
    bool present = false;
    bool defaultPassphrase = false;
    std::string fingerprint;   ///< first 16 hex of BLAKE2b(public key), to compare across machines
    KdfLimits limits;
    /// Set when nothing may be saved: Crypto = the key is missing from a database that had one,
    /// Integrity = the key is not the pinned one (pin file, audit log's key_init). For staff.
    std::optional<core::Error> problem;
    std::string pinPath;       ///< the pin file (key_pin.h)
    int wrongPassphrases = 0;  ///< wrong passphrases since the last success (from the audit log)
    std::chrono::seconds nextWait{0};  ///< what the next attempt would wait now
};

/// @brief The wait before a passphrase attempt after @p failures wrong ones in a row: none for the
///        first three, then 1 s doubling with each failure, at most 15 minutes. It slows guessing
///        through this program only: a copied database is attacked offline at the argon2id cost.
std::chrono::seconds passphraseBackoff(int failures);

/// @brief The clinic key as it may travel in plain: the public key and the secret key wrapped by
///        the staff passphrase (what `clinic init` puts on the clinic server and `clinic join` copies).
struct ClinicKeyMaterial {
    Bytes publicKey;
    WrappedKey wrapped;
    bool defaultPassphrase = false;
    std::string fingerprint() const;  ///< as KeyStatus::fingerprint
};

/// @brief A fresh clinic key pair wrapped by @p passphrase (checkNewPassphrase first).
core::Result<ClinicKeyMaterial> makeClinicKeyMaterial(const std::string& passphrase, KdfLimits limits);

/// @brief One record waiting in the sync outbox, as the store holds it: plain columns, the sealed
///        payload exactly as saved, and its place in this kiosk's record chain.
struct OutboxRecord {
    RecordMeta meta;
    Bytes sealed;
    Bytes sealedHash;     ///< BLAKE2b-256 of sealed (record_chain.h)
    std::int64_t chainSeq = 0;
    Bytes chainHash;
};

/// @brief The outbox at a glance (`sync status`, the staff health screen).
struct SyncState {
    std::int64_t waiting = 0;  ///< records saved here and not yet on the clinic server
    std::int64_t marksWaiting = 0;  ///< review/export/delete marks made here, not yet on the server
    std::string lastPush;      ///< UTC ISO of the last push that reached the server, "" = never
    std::string lastError;     ///< the last push's error, "" once a push succeeds
    std::string lastErrorAt;
};

/// @brief A status mark staff made on the clinic server (`records review|delete --pg`, `export
///        --pg`, purge): the truth, which the kiosk's own records follow (Store::applyServerMarks).
struct ServerMark {
    std::string recordId;
    RecordStatus status = RecordStatus::Submitted;
    std::string statusAt;  ///< as the server has it (UTC ISO)
};

/// @brief A mark staff made at this kiosk's desk that the clinic server has not had yet (the marks
///        outbox, schema 10): the record's newest status, sent after the record itself.
struct OutboxMark {
    std::string recordId;
    std::string kioskId;  ///< the record's kiosk
    RecordStatus status = RecordStatus::Reviewed;
    std::string statusAt;
    /// The record was deleted here before it ever reached the server: its payload is gone and it
    /// will never be pushed, so a server without it has nothing to delete (Store::settleMarks).
    bool recordNeverPushed = false;
};

class ClinicKey;
/// @brief The payload of a sealed record held elsewhere (the clinic server), checked as
///        Store::readPayload checks its own: Integrity if the box or its plain columns were altered.
core::Result<std::string> openRecordPayload(const RecordMeta& meta, const unsigned char* sealed, std::size_t size,
                                            const ClinicKey& key);
/// @brief Unwraps the clinic key from @p material (the clinic server's copy) with @p passphrase.
core::Result<ClinicKey> unlockMaterial(const ClinicKeyMaterial& material, const std::string& passphrase);

/// @brief The unlocked clinic key pair; only Store::unlock() makes one. Wiped when destroyed.
class ClinicKey {
public:
    ClinicKey(ClinicKey&&) noexcept = default;
    ClinicKey& operator=(ClinicKey&&) noexcept = default;
    const Bytes& publicKey() const { return m_public; }
    const SecretBytes& secretKey() const { return m_secret; }

private:
    friend class Store;
    friend core::Result<ClinicKey> unlockMaterial(const ClinicKeyMaterial&, const std::string&);
    ClinicKey(Bytes pub, SecretBytes secret) : m_public(std::move(pub)), m_secret(std::move(secret)) {}
    Bytes m_public;
    SecretBytes m_secret;
};

// [SECTION] Store
class Store {
public:
    /// @brief Opens (or creates) the database: quick_check first (a failure is an Integrity error
    ///        and nothing is written), then WAL, synchronous=FULL, foreign keys, migrations.
    static core::Result<Store> open(const StoreOptions& options);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::string& kioskId() const;
    const std::string& path() const;

    // Keys --------------------------------------------------------------------------------
    core::Result<KeyStatus> keyStatus();
    /// Creates the clinic key pair and its pin; refuses if one exists (that would orphan every
    /// record), and (Crypto) when the database had a key and lost it: its records, the audit log's
    /// key_init or the pin file say so. There is no re-key: a database keeps its key for life.
    core::Result<void> initKeys(const std::string& passphrase, KdfLimits limits = KdfLimits::moderate());
    /// First start: creates keys with kDefaultPassphrase if there are none. True if it made them.
    /// A key problem (KeyStatus::problem) is returned as the error.
    core::Result<bool> ensureKeys(KdfLimits limits = KdfLimits::moderate());
    /// Unwraps the secret key (Crypto "wrong passphrase"); audited, failed attempts too ("failed").
    /// After three wrong passphrases in a row each attempt first waits passphraseBackoff() from
    /// the last failure, audited as "backoff failures=N wait_s=W"; a restart does not reset it.
    core::Result<ClinicKey> unlock(const std::string& passphrase);
    /// Re-wraps the secret key under a new passphrase; records are untouched. Audited, backs off
    /// as unlock() does.
    core::Result<void> changePassphrase(const std::string& oldPassphrase, const std::string& newPassphrase,
                                        KdfLimits limits = KdfLimits::moderate());

    /// @brief Makes @p material this database's clinic key (`clinic join`): records are sealed to it
    ///        from now on and staff unlock them with the clinic's passphrase. A no-op if it already
    ///        is; refused (Invalid) if this database has another key, since its records are sealed to that.
    core::Result<void> importKeys(const ClinicKeyMaterial& material);
    /// @brief The clinic key as it may travel (public key and wrapped secret key); Crypto if none.
    core::Result<ClinicKeyMaterial> keyMaterial();

    // Records -----------------------------------------------------------------------------
    /// @brief Seals @p payload to the clinic key and inserts it as the next link of the record
    ///        chain; returns the record id only after COMMIT. On error nothing was saved: keep the
    ///        record and retry with the same meta.id (a retry of a record that did get saved is a
    ///        no-op that returns its id). Before sealing, the key in meta is checked against its
    ///        pin: a missing or foreign key is refused (KeyStatus::problem), never sealed to.
    core::Result<std::string> submit(const RecordMeta& meta, const std::string& payload,
                                     DraftAfterSubmit draft = DraftAfterSubmit::Clear);
    core::Result<std::vector<RecordSummary>> list(const ListFilter& filter = {});
    core::Result<std::int64_t> count(const ListFilter& filter = {});
    /// The distinct (form, version, content hash) of the records matching @p filter (plain columns
    /// only, nothing unlocked), by form id and newest version first.
    core::Result<std::vector<FormVersionCount>> formVersions(const ListFilter& filter = {});
    /// Unfinished intakes waiting in the drafts table (one per kiosk at most): the staff desk's health.
    core::Result<std::int64_t> draftCount();
    /// The payload as submitted; Integrity if it was altered or its plain columns were changed.
    /// Not audited: a person reading a record goes through viewPayload().
    core::Result<std::string> readPayload(const std::string& id, const ClinicKey& key);
    /// readPayload() for a person to read, audited as a View naming the record id; the payload is
    /// returned only once that row is written.
    core::Result<std::string> viewPayload(const std::string& id, const ClinicKey& key);
    /// Streams matching records oldest first (export); @p fn returns false to stop. A record that
    /// fails its integrity check arrives as an error whose message is the reason alone (the
    /// summary names the record); the others still arrive.
    core::Result<void> forEachRecord(const ListFilter& filter, const ClinicKey& key,
        const std::function<bool(const RecordSummary&, const core::Result<std::string>&)>& fn);
    /// Marks records exported (audited as one export with the count and describe(@p filter)).
    core::Result<void> markExported(const std::vector<std::string>& ids, const ClinicKey& key,
                                    const ListFilter& filter = {});
    /// markExported() for an export too large to list as strings: @p nextId sets one id per call
    /// and returns false when there are no more.
    core::Result<void> markExportedEach(const std::function<bool(std::string& id)>& nextId, const ClinicKey& key,
                                        const ListFilter& filter = {});
    core::Result<void> markReviewed(const std::string& id, const ClinicKey& key);
    /// Drops the payload and keeps a 'deleted' tombstone (audited).
    core::Result<void> deleteRecord(const std::string& id, const ClinicKey& key);
    /// Deletes exported records submitted before now - @p olderThan (audited); returns how many.
    core::Result<std::int64_t> purgeExported(std::chrono::seconds olderThan, const ClinicKey& key,
                                             core::SystemTime now = core::systemClock().systemNow());

    // Drafts (see drafts.cpp for the threat model) ---------------------------------------
    /// Saves the in-progress intake after a page; the first save of an intake makes a new draft key.
    core::Result<void> saveDraft(const std::string& snapshot, const std::string& startedAt);
    /// The draft to resume, if one is younger than draftMaxAge; expired or unreadable ones are
    /// discarded (and nullopt returned).
    core::Result<std::optional<Draft>> loadDraft(core::SystemTime now = core::systemClock().systemNow());
    core::Result<void> discardDraft();
    /// Another connection to this database ended the kiosk's draft (a submit, a wipe): the draft
    /// key this one holds must not seal the next intake's draft (every intake gets a fresh key).
    void forgetDraftKey();

    // Audit -------------------------------------------------------------------------------
    /// Records a staff action that changes nothing here (e.g. a settings change). No patient data.
    core::Result<void> audit(AuditAction action, const std::string& detail);
    /// @brief Audits a SettingsChange when @p contentHash (of the settings file @p source) differs
    ///        from the one noted last (kept in meta); true if it did. The detail names the file and
    ///        a hash prefix, never a setting's value.
    core::Result<bool> noteSettings(const std::string& source, const std::string& contentHash);
    /// @brief The newest audit entry of @p action (its detail and time); nullopt when there is none.
    core::Result<std::optional<AuditEntry>> lastAudit(AuditAction action);
    /// @brief Checks the audit chain, its head and its triggers (audit.h); Ok with a report that
    ///        says whether it is intact, an error only if the database could not be read.
    core::Result<AuditReport> verifyAudit();
    /// @brief The hash (hex) of audit entry @p seq, to compare with a head kept elsewhere; NotFound
    ///        if there is no such entry.
    core::Result<std::string> auditHash(std::int64_t seq);
    /// @brief Checks the record chain (record_chain.h); needs no key. Ok with a report that lists
    ///        each problem, an error only if the database could not be read.
    core::Result<RecordChainReport> verifyRecords();

    // Sync outbox (store_outbox.cpp; kiosk/sync pushes it) ---------------------------------
    /// Up to @p limit records waiting to be pushed, oldest first (deleted ones are skipped): after
    /// chain place @p afterSeq (the previous batch's last chainSeq, so a push reads on from where
    /// it was), or from the oldest waiting when 0.
    core::Result<std::vector<OutboxRecord>> pendingOutbox(std::int64_t limit, std::int64_t afterSeq = 0);
    /// Removes @p ids from the outbox once the server has COMMITted them; notes the push time and
    /// clears the last error.
    core::Result<void> markPushed(const std::vector<std::string>& ids, const std::string& at);
    /// Notes why the last push failed (no patient data: server and network errors only).
    core::Result<void> noteSyncError(const std::string& message, const std::string& at);
    core::Result<SyncState> syncState();
    /// @brief Applies marks made on the clinic server to the records here, forward only (submitted
    ///        < reviewed < exported < deleted: a mark never undoes a later one made here). A record
    ///        deleted there loses its sealed payload here too (zeroed pages, a tombstone stays).
    ///        Each change is audited as a staff action "by=clinic-server" (reviews and deletions
    ///        per record, exports as one count); marks of records this kiosk does not hold are
    ///        skipped. Notes @p horizon (the server's position to pull from next) in the same
    ///        transaction. Returns how many records changed. Needs no key: staff proved themselves
    ///        on the server, and nothing here is opened.
    core::Result<std::int64_t> applyServerMarks(const std::vector<ServerMark>& marks, const std::string& horizon);
    /// @brief The horizon noted by the last applyServerMarks ("" = never pulled: pull everything).
    core::Result<std::string> serverMarksHorizon();
    /// @brief Up to @p limit marks made here waiting for the server, by record id after @p afterId:
    ///        only those whose record is no longer waiting in the record outbox with its payload
    ///        (a mark goes after its record; a record deleted before its push never goes).
    core::Result<std::vector<OutboxMark>> pendingMarks(std::int64_t limit, const std::string& afterId = "");
    /// @brief After the server's COMMIT: removes the marks in @p sent from the outbox (unless a newer
    ///        mark of the record was queued meanwhile), and for @p neverPushed (records deleted here
    ///        that the server does not have) the mark and the record's outbox row.
    core::Result<void> settleMarks(const std::vector<OutboxMark>& sent, const std::vector<std::string>& neverPushed);

    // Maintenance -------------------------------------------------------------------------
    /// Consistent copy to @p destination while others keep writing (SQLite online backup). Audited.
    core::Result<void> backup(const std::string& destination);
    /// When @p action was last audited (UTC ISO 8601), "" when never: the desk's "last backup".
    core::Result<std::string> lastAudited(AuditAction action);
    /// PRAGMA integrity_check; Integrity error with SQLite's first complaint if it fails.
    core::Result<void> integrityCheck();

    struct Impl;  ///< opaque outside kiosk_store (store_impl.h)

private:
    explicit Store(std::unique_ptr<Impl> impl);
    core::Result<void> installKey(const ClinicKeyMaterial& material, bool joining);
    // The pimpl, read as m->db in some 130 places: shorter than the m_camelCase rule wants.
    std::unique_ptr<Impl> m;  // NOLINT(readability-identifier-naming)
};

}  // namespace kiosk::store
