// Store: opening the database, records, maintenance. Keys and audit are in store_keys.cpp,
// drafts in drafts.cpp.
//
// [SECTION] index: helpers · open · records · maintenance
#include "kiosk/store/store.h"

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Transaction.h>
#include <sodium.h>
#include <sqlite3.h>

#include "kiosk/core/log.h"
#include "kiosk/store/db_file.h"
#include "kiosk/store/schema.h"
#include "kiosk/store/store_impl.h"

namespace kiosk::store {
using core::ErrorCode;
using core::makeError;
using core::Result;

// [SECTION] helpers
const char* toString(RecordStatus status) {
    switch (status) {
        case RecordStatus::Submitted: return "submitted";
        case RecordStatus::Reviewed: return "reviewed";
        case RecordStatus::Exported: return "exported";
        case RecordStatus::Deleted: return "deleted";
    }
    return "submitted";
}

std::optional<RecordStatus> parseRecordStatus(const std::string& text) {
    for (auto s : {RecordStatus::Submitted, RecordStatus::Reviewed, RecordStatus::Exported, RecordStatus::Deleted})
        if (text == toString(s)) return s;
    return std::nullopt;
}

std::string describe(const ListFilter& f) {
    std::string out;
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) out += (out.empty() ? "" : " ") + std::string(name) + "=" + value;
    };
    add("form", f.formId);
    add("since", f.since);
    add("before", f.until);
    add("status", f.status ? toString(*f.status) : "");
    if (f.includeDeleted) add("deleted", "included");
    if (f.limit > 0) add("limit", std::to_string(f.limit));
    if (!f.ids.empty()) add("ids", std::to_string(f.ids.size()));
    return out;
}

namespace {

constexpr char kPayloadMagic[4] = {'i', 'k', 'r', '1'};

// The sealed plaintext starts with the record's plain columns, so that moving a sealed payload to
// another row, or editing a row's form or times, is caught when the record is opened.
std::string binding(const RecordMeta& m) {
    return m.id + '\n' + m.formId + '\n' + std::to_string(m.formVersion) + '\n' + m.contentHash + '\n' +
           m.lang + '\n' + m.startedAt + '\n' + m.submittedAt + '\n' + m.kioskId;
}

Result<void> checkMeta(const RecordMeta& m) {
    auto bad = [](const std::string& what) { return makeError(ErrorCode::Invalid, "record metadata: " + what); };
    if (m.formId.empty()) return bad("form id is empty");
    if (m.formVersion <= 0) return bad("form version must be positive");
    if (m.flags && (m.flags->urgent < 0 || m.flags->caution < 0)) return bad("a flag count is negative");
    if (!core::parseUtcIso(m.startedAt)) return bad("started time is not UTC YYYY-MM-DDTHH:MM:SSZ");
    if (!core::parseUtcIso(m.submittedAt)) return bad("submitted time is not UTC YYYY-MM-DDTHH:MM:SSZ");
    for (const std::string* s : {&m.id, &m.formId, &m.contentHash, &m.lang, &m.kioskId})
        if (s->find('\n') != std::string::npos) return bad("a field contains a line break");
    return {};
}

RecordSummary readSummary(SQLite::Statement& q) {
    // Column order of kSummaryColumns.
    RecordSummary s;
    s.meta = readRecordMeta(q, 0);
    s.status = parseRecordStatus(q.getColumn(8).getString()).value_or(RecordStatus::Submitted);
    s.statusAt = q.getColumn(9).getString();
    s.sealedBytes = q.getColumn(10).getInt64();
    if (!q.getColumn(11).isNull() && !q.getColumn(12).isNull())
        s.meta.flags = FlagCounts{q.getColumn(11).getInt(), q.getColumn(12).getInt()};
    return s;
}

constexpr const char* kSummaryColumns =
    "id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, status, "
    "status_at, coalesce(length(payload), 0), urgent_flags, caution_flags";
/// Where ", payload" after kSummaryColumns lands.
constexpr int kPayloadColumn = 13;
/// The records with their state (schema 8: status and status_at live in record_state).
constexpr const char* kRecordsWithState = " FROM records JOIN record_state ON record_id = id";
/// The same for a walk over payloads: CROSS JOIN keeps records the outer loop, so the walk follows
/// the submit-time index and never sorts payloads (a status filter would otherwise start from
/// record_state's index and sort every matching row, payload and all).
constexpr const char* kRecordsThenState = " FROM records CROSS JOIN record_state ON record_id = id";

struct Where {
    std::string sql;
    std::vector<std::string> args;
};

/// @p walk: for a walk over payloads, which must follow the submit-time index: "+form_id" keeps
/// the form index (schema 9) out of its plan, which would otherwise sort the payloads it reads.
Where whereFor(const ListFilter& f, bool walk = false) {
    Where w;
    auto add = [&](const std::string& clause, const std::string& arg) {
        w.sql += w.sql.empty() ? " WHERE " : " AND ";
        w.sql += clause;
        w.args.push_back(arg);
    };
    if (!f.formId.empty()) add(walk ? "+form_id = ?" : "form_id = ?", f.formId);
    if (f.status) add("status = ?", toString(*f.status));
    else if (!f.includeDeleted) add("status <> ?", "deleted");
    if (!f.since.empty()) add("submitted_at >= ?", f.since);
    if (!f.until.empty()) add("submitted_at < ?", f.until);
    if (!f.ids.empty()) {
        std::string in = "id IN (";
        for (std::size_t i = 0; i < f.ids.size(); ++i) in += i ? ",?" : "?";
        w.sql += (w.sql.empty() ? " WHERE " : " AND ") + in + ")";
        w.args.insert(w.args.end(), f.ids.begin(), f.ids.end());
    }
    return w;
}

void bindAll(SQLite::Statement& q, const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) q.bind(static_cast<int>(i + 1), args[i]);
}

/// PRAGMA quick_check; a check that itself hits corruption counts as failed.
bool quickCheckPasses(SQLite::Database& db) {
    try {
        return db.execAndGet("PRAGMA quick_check(1)").getString() == "ok";
    } catch (const SQLite::Exception&) {
        return false;
    }
}

/// The payload, or why not: the reason alone (the caller knows which record it asked for). The
/// plain text is opened by @p opener (guarded memory and the epochs met, reused across a loop of records).
Result<std::string> openBox(const RecordMeta& meta, const unsigned char* box, std::size_t size, const ClinicKey& key,
                            RecordOpener& opener) {
    auto opened = opener.open(key.publicKey(), key.secretKey(), box, size);
    if (!opened) return opened.error();
    const std::string expect = binding(meta);
    const unsigned char* p = opener.data();
    const std::size_t n = *opened;
    std::uint32_t len = 0;
    if (n >= 8 && std::memcmp(p, kPayloadMagic, 4) == 0) std::memcpy(&len, p + 4, 4);
    if (n < 8 || std::memcmp(p, kPayloadMagic, 4) != 0 || 8 + std::size_t{len} > n ||
        std::string_view(reinterpret_cast<const char*>(p + 8), len) != expect)
        return makeError(ErrorCode::Integrity, "its plain columns do not match its sealed payload");
    return std::string(reinterpret_cast<const char*>(p + 8 + len), n - 8 - len);
}

Result<std::string> openPayload(const RecordSummary& s, const SQLite::Column& payload, const ClinicKey& key,
                                RecordOpener& opener) {
    if (payload.isNull()) return makeError(ErrorCode::NotFound, "it was deleted");
    return openBox(s.meta, static_cast<const unsigned char*>(payload.getBlob()),
                   static_cast<std::size_t>(payload.getBytes()), key, opener);
}

}  // namespace

Result<std::string> openRecordPayload(const RecordMeta& meta, const unsigned char* sealed, std::size_t size,
                                      const ClinicKey& key) {
    RecordOpener opener;
    return openBox(meta, sealed, size, key, opener);
}

// [SECTION] open
Store::Store(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::kioskId() const { return m->kioskId; }
const std::string& Store::path() const { return m->options.dbPath; }

std::optional<Bytes> Store::Impl::metaGet(const std::string& key) {
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    const auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob());
    return Bytes(p, p + q.getColumn(0).getBytes());
}

void Store::Impl::metaSet(const std::string& key, const Bytes& value) {
    SQLite::Statement q(db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value.data(), static_cast<int>(value.size()));
    q.exec();
}

void Store::Impl::metaSet(const std::string& key, const std::string& value) {
    metaSet(key, Bytes(value.begin(), value.end()));
}

void Store::Impl::loadPublicKey() {
    auto pk = metaGet("clinic_public_key");
    publicKey = pk ? *pk : Bytes{};
}

Result<void> Store::Impl::checkKeyBeforeSave() {
    if (keyProblem) return *keyProblem;
    const auto pk = metaGet("clinic_public_key");
    // The usual case, one read and one hash: the key is still the one checked against its pin.
    if (pk && !pinned.empty() && hash256(pk->data(), pk->size()) == pinned) return {};
    if (!pinned.empty()) {
        // It was sound when checked and has changed since: swapped or removed under the kiosk.
        keyProblem = examineKey();
        if (!keyProblem)  // back to a sound key, but not the one checked: still not ours to trust
            keyProblem = makeError(ErrorCode::Integrity, "the clinic key changed while the kiosk ran; nothing is "
                                   "saved until it is restarted", core::SourceLoc{options.dbPath});
        return *keyProblem;
    }
    // Not checked yet (no key when the store opened; keys init may have run since).
    keyProblem = examineKey();
    if (keyProblem) return *keyProblem;
    if (publicKey.empty())
        return makeError(ErrorCode::Crypto, "no clinic key yet: run `intake-kiosk keys init`",
                         core::SourceLoc{options.dbPath});
    return {};
}

Result<Store> Store::open(const StoreOptions& options) {
    if (auto ok = ensureSodium(); !ok) return ok.error();
    const std::string& path = options.dbPath;
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    if (!existed && (!options.createIfMissing || options.readOnly)) return missingDatabase(path);
    const bool writing = !options.readOnly;
    auto opened = guarded("opening the database", path, [&]() -> Result<Store> {
        int flags = (writing ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_FULLMUTEX;
        if (writing && options.createIfMissing) flags |= SQLite::OPEN_CREATE;
        std::string target = path;
        if (!writing) {
            if (std::string uri = readOnlyUri(path); !uri.empty()) {  // a read-only folder, nobody writing
                target = std::move(uri);
                flags |= SQLite::OPEN_URI;
            }
        }
        SQLite::Database db(target, flags, options.busyTimeoutMs);
        // SQLite falls back to read-only without a word when the file is not writable: say so now,
        // not at the first save.
        if (writing && sqlite3_db_readonly(db.getHandle(), "main") == 1) {
            if (auto why = explainUnopenable(path, true)) return *why;
            return makeError(ErrorCode::Io, "the database can only be read by this user", core::SourceLoc{path});
        }
        if (!existed) ::chmod(path.c_str(), 0600);  // -wal and -shm inherit this mode
        // Check before anything writes: a damaged file is left exactly as it was found.
        if (options.quickCheck && existed) {
            SQLite::Statement check(db, "PRAGMA quick_check(1)");
            std::string verdict = check.executeStep() ? check.getColumn(0).getString() : "no answer";
            if (verdict != "ok")
                return makeError(ErrorCode::Integrity, "quick_check failed", core::SourceLoc{path});
        }
        // Someone else's SQLite file (tables, but none of ours): never migrate our tables into it.
        if (existed && schemaVersion(db) == 0 &&
            db.execAndGet("SELECT count(*) FROM sqlite_master").getInt64() > 0)
            return makeError(ErrorCode::Invalid, "not an intake database (it holds other tables)",
                             core::SourceLoc{path});
        if (!writing) {
            // Read as it is: an older schema would need its migrations, which write; a newer one
            // is refused as migrateTo refuses it (update the program, not the database).
            if (auto newer = refuseNewerSchema(db); !newer) return newer.error();
            if (schemaVersion(db) != kSchemaVersion)
                return makeError(ErrorCode::Invalid,
                                 "the database has schema version " + std::to_string(schemaVersion(db)) +
                                     " and this program reads version " + std::to_string(kSchemaVersion) +
                                     " only; run a command that writes (or start the kiosk) once, as the kiosk's "
                                     "user, to upgrade it",
                                 core::SourceLoc{path});
            db.exec("PRAGMA foreign_keys = ON;");
            auto impl = std::make_unique<Impl>(options, std::move(db));
            impl->kioskId = options.kioskId;
            if (impl->kioskId.empty())
                if (auto id = impl->metaGet("kiosk_id")) impl->kioskId.assign(id->begin(), id->end());
            try {
                impl->keyProblem = impl->examineKey();
            } catch (const SQLite::Exception& e) {
                impl->keyProblem = fromSqlite(e, "checking the clinic key", path);
            }
            return Store(std::move(impl));
        }
        const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal")
            return makeError(ErrorCode::Io, "the database cannot use write-ahead logging (" + mode + ")",
                             core::SourceLoc{path});
        db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        if (auto migrated = migrateTo(db); !migrated) return migrated.error();
        auto impl = std::make_unique<Impl>(options, std::move(db));
        if (options.maxPageCount > 0)
            impl->db.exec("PRAGMA max_page_count = " + std::to_string(options.maxPageCount));
        if (!options.kioskId.empty()) {
            impl->kioskId = options.kioskId;
        } else {
            auto id = impl->metaGet("kiosk_id");
            if (!id) {
                SQLite::Transaction tx(impl->db, SQLite::TransactionBehavior::IMMEDIATE);
                id = impl->metaGet("kiosk_id");  // another process may have made it meanwhile
                if (!id) {
                    const std::string made = "kiosk-" + newUuid().substr(0, 8);
                    impl->metaSet("kiosk_id", made);
                    id = Bytes(made.begin(), made.end());
                }
                tx.commit();
            }
            impl->kioskId.assign(id->begin(), id->end());
        }
        // A key problem does not fail the open: staff commands must be able to report it, and
        // submit() refuses while it stands. A database too damaged to check is reported the same way.
        try {
            impl->keyProblem = impl->examineKey();
        } catch (const SQLite::Exception& e) {
            impl->keyProblem = fromSqlite(e, "checking the clinic key", path);
        }
        return Store(std::move(impl));
    });
    if (!opened && opened.error().code == ErrorCode::Integrity) {
        core::logger()->error("database failed its integrity check; nothing was changed");
        return makeError(ErrorCode::Integrity,
                         "the database failed its integrity check, so intake is stopped and nothing was "
                         "changed. Restore the latest backup or call support.",
                         core::SourceLoc{path});
    }
    if (!opened && opened.error().code == ErrorCode::Io) {
        // SQLite's "unable to open database file" fits a folder, a missing folder and a folder this
        // user cannot write alike: say which.
        if (auto why = explainUnopenable(path, writing)) opened = *why;
    }
    if (!opened) core::logger()->error("opening the database failed: {}", opened.error().message);
    return opened;
}

// [SECTION] records
Result<std::string> Store::submit(const RecordMeta& metaIn, const std::string& payload, DraftAfterSubmit draft) {
    const auto t0 = std::chrono::steady_clock::now();
    RecordMeta meta = metaIn;
    if (meta.id.empty()) meta.id = newUuid();
    if (meta.kioskId.empty()) meta.kioskId = m->kioskId;
    if (auto ok = checkMeta(meta); !ok) return ok.error();
    if (auto keyOk = m->run("checking the clinic key", [&] { return m->checkKeyBeforeSave(); }); !keyOk) {
        core::logger()->error("intake not saved: {}", keyOk.error().message);
        return keyOk.error();
    }
    // Plaintext in secure memory: magic, binding length, binding, payload.
    const std::string bind = binding(meta);
    SecretBytes plain(8 + bind.size() + payload.size());
    if (plain.data() == nullptr) return makeError(ErrorCode::Internal, "out of secure memory");
    const auto len = static_cast<std::uint32_t>(bind.size());
    std::memcpy(plain.data(), kPayloadMagic, 4);
    std::memcpy(plain.data() + 4, &len, 4);
    std::memcpy(plain.data() + 8, bind.data(), bind.size());
    if (!payload.empty()) std::memcpy(plain.data() + 8 + bind.size(), payload.data(), payload.size());
    auto sealed = m->sealer.seal(m->publicKey, plain.data(), plain.size());
    if (!sealed) return sealed.error();

    auto saved = m->run("saving the record", [&]() -> Result<void> {
        if (!m->insertRecord)
            m->insertRecord = std::make_unique<SQLite::Statement>(m->db,
                "INSERT INTO records (id, form_id, form_version, content_hash, lang, started_at, "
                "submitted_at, kiosk_id, payload, chain_seq, chain_prev, sealed_hash, chain_hash, urgent_flags, "
                "caution_flags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING");
        if (!m->deleteDraft)
            m->deleteDraft = std::make_unique<SQLite::Statement>(m->db, "DELETE FROM drafts WHERE kiosk_id = ?");
        SQLite::Statement& q = *m->insertRecord;
        // tryReset: after a failed step (disk full) reset() would rethrow that old error forever.
        (void)q.tryReset();
        q.clearBindings();
        q.bind(1, meta.id);
        q.bind(2, meta.formId);
        q.bind(3, meta.formVersion);
        q.bind(4, meta.contentHash);
        q.bind(5, meta.lang);
        q.bind(6, meta.startedAt);
        q.bind(7, meta.submittedAt);
        q.bind(8, meta.kioskId);
        q.bindNoCopy(9, sealed->data(), static_cast<int>(sealed->size()));
        if (meta.flags) {
            q.bind(14, meta.flags->urgent);
            q.bind(15, meta.flags->caution);
        }  // else NULL (clearBindings): not known
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        // The link is read under the write lock: two kiosks on one file never take the same place.
        const ChainLink link = nextLink(m->db, meta, *sealed);
        q.bind(10, link.seq);
        q.bindNoCopy(11, link.prev.data(), static_cast<int>(link.prev.size()));
        q.bindNoCopy(12, link.sealedHash.data(), static_cast<int>(link.sealedHash.size()));
        q.bindNoCopy(13, link.hash.data(), static_cast<int>(link.hash.size()));
        const bool inserted = q.exec() > 0;  // 0: a retry of a record already saved
        q.reset();  // release the statement before COMMIT
        if (inserted) {
            moveRecordsHead(m->db, link);
            // Its state, apart from the row so that marks never rewrite the record (schema 8).
            SQLite::Statement state(m->db, "INSERT INTO record_state (record_id, status, status_at) "
                                           "VALUES (?, 'submitted', ?)");
            state.bind(1, meta.id);
            state.bind(2, meta.submittedAt);
            state.exec();
            // The outbox row commits with the record: a record is never saved without being queued.
            SQLite::Statement queue(m->db, "INSERT OR IGNORE INTO outbox (record_id, queued_at) VALUES (?, ?)");
            queue.bind(1, meta.id);
            queue.bind(2, meta.submittedAt);
            queue.exec();
        }
        if (draft == DraftAfterSubmit::Clear) {
            (void)m->deleteDraft->tryReset();
            m->deleteDraft->bind(1, m->kioskId);
            m->deleteDraft->exec();
            m->deleteDraft->reset();
        }
        tx.commit();
        return {};
    });
    if (m->insertRecord) {  // no dangling pointer to `sealed`, no open statement left behind
        (void)m->insertRecord->tryReset();
        m->insertRecord->clearBindings();
    }
    if (m->deleteDraft) (void)m->deleteDraft->tryReset();
    if (!saved) {
        core::logger()->warn("intake save failed form={} v={} code={}", meta.formId, meta.formVersion,
                             static_cast<int>(saved.error().code));
        return saved.error();
    }
    if (draft == DraftAfterSubmit::Clear) m->forgetDraftKey();
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    core::logger()->info("intake submitted form={} v={} ms={:.1f} bytes={}", meta.formId, meta.formVersion,
                         static_cast<double>(us.count()) / 1000.0, sealed->size());
    return meta.id;
}

Result<RecordChainReport> Store::verifyRecords() {
    return m->run("verifying the record chain", [&]() -> Result<RecordChainReport> { return verifyRecordChain(m->db); });
}

Result<std::vector<RecordSummary>> Store::list(const ListFilter& filter) {
    return m->run("listing records", [&]() -> Result<std::vector<RecordSummary>> {
        const Where w = whereFor(filter);
        std::string sql = std::string("SELECT ") + kSummaryColumns + kRecordsWithState + w.sql +
                          " ORDER BY submitted_at DESC, id";
        if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
        SQLite::Statement q(m->db, sql);
        bindAll(q, w.args);
        std::vector<RecordSummary> out;
        while (q.executeStep()) out.push_back(readSummary(q));
        return out;
    });
}

Result<std::int64_t> Store::count(const ListFilter& filter) {
    return m->run("counting records", [&]() -> Result<std::int64_t> {
        const Where w = whereFor(filter);
        SQLite::Statement q(m->db, std::string("SELECT count(*)") + kRecordsWithState + w.sql);
        bindAll(q, w.args);
        q.executeStep();
        return q.getColumn(0).getInt64();
    });
}

Result<std::int64_t> Store::draftCount() {
    return m->run("counting drafts", [&]() -> Result<std::int64_t> {
        return m->db.execAndGet("SELECT count(*) FROM drafts").getInt64();
    });
}

Result<std::vector<FormVersionCount>> Store::formVersions(const ListFilter& filter) {
    return m->run("counting records", [&]() -> Result<std::vector<FormVersionCount>> {
        const Where w = whereFor(filter);
        SQLite::Statement q(m->db, std::string("SELECT form_id, form_version, content_hash, count(*)") +
                                       kRecordsWithState + w.sql +
                                       " GROUP BY form_id, form_version, content_hash"
                                       " ORDER BY form_id, form_version DESC, content_hash");
        bindAll(q, w.args);
        std::vector<FormVersionCount> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString(),
                           q.getColumn(3).getInt64()});
        return out;
    });
}

Result<std::string> Store::readPayload(const std::string& id, const ClinicKey& key) {
    return m->run("reading a record", [&]() -> Result<std::string> {
        SQLite::Statement q(m->db, std::string("SELECT ") + kSummaryColumns + ", payload" + kRecordsWithState +
                                       " WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return makeError(ErrorCode::NotFound, "no record " + id);
        const RecordSummary s = readSummary(q);
        RecordOpener opener;
        auto opened = openPayload(s, q.getColumn(kPayloadColumn), key, opener);
        if (!opened) return makeError(opened.error().code, "record " + id + ": " + opened.error().message);
        return opened;
    });
}

Result<std::string> Store::viewPayload(const std::string& id, const ClinicKey& key) {
    auto payload = readPayload(id, key);
    if (!payload) return payload;
    if (auto logged = audit(AuditAction::View, "record=" + id); !logged) return logged.error();
    return payload;
}

Result<void> Store::forEachRecord(const ListFilter& filter, const ClinicKey& key,
    const std::function<bool(const RecordSummary&, const Result<std::string>&)>& fn) {
    return m->run("reading records", [&]() -> Result<void> {
        const Where w = whereFor(filter, true);
        std::string sql = std::string("SELECT ") + kSummaryColumns + ", payload" + kRecordsThenState + w.sql +
                          " ORDER BY submitted_at, id";
        if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
        SQLite::Statement q(m->db, sql);
        bindAll(q, w.args);
        RecordOpener opener;  // one guarded buffer, one X25519 per epoch, for the whole walk
        while (q.executeStep()) {
            const RecordSummary s = readSummary(q);
            if (!fn(s, openPayload(s, q.getColumn(kPayloadColumn), key, opener))) break;
        }
        return {};
    });
}

Result<void> Store::markExported(const std::vector<std::string>& ids, const ClinicKey& key, const ListFilter& filter) {
    std::size_t next = 0;
    return markExportedEach([&](std::string& id) { return next < ids.size() ? (id = ids[next++], true) : false; },
                            key, filter);
}

Result<void> Store::markExportedEach(const std::function<bool(std::string&)>& nextId, const ClinicKey&,
                                     const ListFilter& filter) {
    return m->run("marking records exported", [&]() -> Result<void> {
        const std::string now = core::utcNowIso();
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        // "<> 'deleted'", not an IN list: SQLite builds (and frees) a temporary table for an IN
        // list of three on every run of the statement, 176 kB each time, once per record.
        SQLite::Statement q(m->db, "UPDATE record_state SET status = 'exported', status_at = ? "
                                   "WHERE record_id = ? AND status <> 'deleted'");
        SQLite::Statement queue(m->db, kQueueMark);
        std::int64_t n = 0;
        for (std::string id; nextId(id);) {
            q.reset();
            q.bind(1, now);
            q.bind(2, id);
            if (q.exec() == 0) continue;
            ++n;
            queue.reset();
            queue.bind(1, id);
            queue.bind(2, "exported");
            queue.bind(3, now);
            queue.exec();
        }
        const std::string filters = describe(filter);
        appendAudit(m->db, m->kioskId, AuditAction::Export,
                    "count=" + std::to_string(n) + (filters.empty() ? "" : " " + filters), now);
        tx.commit();
        core::logger()->info("records exported count={}", n);
        return {};
    });
}

Result<void> Store::markReviewed(const std::string& id, const ClinicKey&) {
    return m->run("marking a record reviewed", [&]() -> Result<void> {
        const std::string now = core::utcNowIso();
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(m->db, "UPDATE record_state SET status = 'reviewed', status_at = ? "
                                   "WHERE record_id = ? AND status = 'submitted'");
        q.bind(1, now);
        q.bind(2, id);
        if (q.exec() == 0) return makeError(ErrorCode::NotFound, "no submitted record " + id);
        m->queueMark(id, "reviewed", now);
        appendAudit(m->db, m->kioskId, AuditAction::Review, "record=" + id, now);
        tx.commit();
        return {};
    });
}

Result<void> Store::deleteRecord(const std::string& id, const ClinicKey&) {
    auto done = m->run("deleting a record", [&]() -> Result<void> {
        const std::string now = core::utcNowIso();
        m->db.exec("PRAGMA secure_delete = ON");  // zero the freed pages, not only unlink them
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(m->db, "UPDATE record_state SET status = 'deleted', status_at = ? "
                                   "WHERE record_id = ? AND status <> 'deleted'");
        q.bind(1, now);
        q.bind(2, id);
        if (q.exec() == 0) return makeError(ErrorCode::NotFound, "no record " + id);
        SQLite::Statement erase(m->db, "UPDATE records SET payload = NULL WHERE id = ?");
        erase.bind(1, id);
        erase.exec();
        m->queueMark(id, "deleted", now);
        appendAudit(m->db, m->kioskId, AuditAction::Delete, "record=" + id, now);
        tx.commit();
        m->db.exec("PRAGMA secure_delete = OFF; PRAGMA wal_checkpoint(TRUNCATE);");
        return {};
    });
    (void)m->db.tryExec("PRAGMA secure_delete = OFF");
    return done;
}

Result<std::int64_t> Store::purgeExported(std::chrono::seconds olderThan, const ClinicKey&, core::SystemTime now) {
    if (olderThan.count() <= 0) return makeError(ErrorCode::Invalid, "purge age must be positive");
    auto done = m->run("purging exported records", [&]() -> Result<std::int64_t> {
        const std::string nowText = core::toUtcIso(now);
        const std::string cutoff = core::toUtcIso(now - olderThan);
        m->db.exec("PRAGMA secure_delete = ON");
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        // The payloads first: once the states say deleted, which records were purged no longer shows.
        SQLite::Statement erase(m->db, "UPDATE records SET payload = NULL WHERE submitted_at < ? AND id IN "
                                       "(SELECT record_id FROM record_state WHERE status = 'exported')");
        erase.bind(1, cutoff);
        erase.exec();
        // Queued for the clinic server before the states change, while the purged still show.
        SQLite::Statement queue(m->db, "INSERT INTO mark_outbox (record_id, status, status_at) SELECT record_id, "
                                       "'deleted', ? FROM record_state WHERE status = 'exported' AND record_id IN "
                                       "(SELECT id FROM records WHERE submitted_at < ?) ON CONFLICT (record_id) "
                                       "DO UPDATE SET status = excluded.status, status_at = excluded.status_at");
        queue.bind(1, nowText);
        queue.bind(2, cutoff);
        queue.exec();
        SQLite::Statement q(m->db, "UPDATE record_state SET status = 'deleted', status_at = ? WHERE status = "
                                   "'exported' AND record_id IN (SELECT id FROM records WHERE submitted_at < ?)");
        q.bind(1, nowText);
        q.bind(2, cutoff);
        const std::int64_t n = q.exec();
        appendAudit(m->db, m->kioskId, AuditAction::Purge,
                    "count=" + std::to_string(n) + " submitted_before=" + cutoff, nowText);
        tx.commit();
        m->db.exec("PRAGMA secure_delete = OFF; PRAGMA wal_checkpoint(TRUNCATE);");
        core::logger()->info("records purged count={} before={}", n, cutoff);
        return n;
    });
    (void)m->db.tryExec("PRAGMA secure_delete = OFF");
    return done;
}

// [SECTION] maintenance
Result<void> Store::backup(const std::string& destination) {
    std::error_code ec;
    if (std::filesystem::exists(destination, ec))
        return makeError(ErrorCode::Invalid, "will not overwrite an existing file", core::SourceLoc{destination});
    bool sourceDamaged = false;
    auto copied = guarded("backing up", destination, [&]() -> Result<void> {
        SQLite::Database dest(destination, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        ::chmod(destination.c_str(), 0600);
        SQLite::Backup copy(dest, m->db);
        // One step copies every page under one read transaction: a consistent snapshot, and in WAL
        // mode writers carry on meanwhile.
        copy.executeStep(-1);
        if (quickCheckPasses(dest)) return {};
        // A damaged database gives a damaged copy, and that copy is what a repair starts from: keep
        // it. Only a copy worse than its source is thrown away.
        if (!quickCheckPasses(m->db)) {
            sourceDamaged = true;
            return {};
        }
        return makeError(ErrorCode::Integrity, "the copy failed its check");
    });
    if (!copied) {
        std::filesystem::remove(destination, ec);
        return copied.error();
    }
    if (sourceDamaged) {
        // Nothing is written to a damaged file, not even the audit row: it stays as it was found.
        core::logger()->warn("backup of a damaged database written");
        return makeError(ErrorCode::Integrity,
                         "the database is damaged (it failed its integrity check); it was copied here as it "
                         "is, damage included, for repair",
                         core::SourceLoc{destination});
    }
    return m->run("recording the backup", [&]() -> Result<void> {
        SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        appendAudit(m->db, m->kioskId, AuditAction::Backup, "ok", core::utcNowIso());
        tx.commit();
        core::logger()->info("backup written");
        return {};
    });
}

Result<std::string> Store::lastAudited(AuditAction action) {
    return m->run("reading the audit log", [&]() -> Result<std::string> {
        SQLite::Statement q(m->db, "SELECT at FROM audit WHERE action = ? ORDER BY seq DESC LIMIT 1");
        q.bind(1, toString(action));
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    });
}

Result<void> Store::integrityCheck() {
    return m->run("checking the database", [&]() -> Result<void> {
        const std::string verdict = m->db.execAndGet("PRAGMA integrity_check(1)").getString();
        if (verdict != "ok") return makeError(ErrorCode::Integrity, "integrity_check failed", core::SourceLoc{m->options.dbPath});
        return {};
    });
}

}  // namespace kiosk::store
