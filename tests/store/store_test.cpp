// Records: round trip, tampering, passphrases, listing, retries, typed errors (busy, disk full),
// delete/purge/backup and the integrity check at start.
//
// [SECTION] index: round trip and tampering (StoreRecords) · keys (StoreKeys) · typed errors
// (StoreErrors) · two writers (StoreConcurrency) · delete, purge, backup (StoreMaintenance) · open
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <thread>

#include "kiosk/store/schema.h"
#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;
using kiosk::core::ErrorCode;

TEST(StoreRecords, RoundTripKeepsPayloadAndPlainColumns) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    auto id = s.submit(meta(1), payload(1));
    ASSERT_TRUE(id) << id.error().format();
    EXPECT_EQ(id->size(), 36u);
    EXPECT_EQ((*id)[14], '4');  // UUID version 4
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key) << key.error().format();
    auto back = s.readPayload(*id, *key);
    ASSERT_TRUE(back) << back.error().format();
    EXPECT_EQ(*back, payload(1));
    auto rows = s.list();
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    const RecordSummary& r = rows->front();
    EXPECT_EQ(r.meta.id, *id);
    EXPECT_EQ(r.meta.formId, "intake");
    EXPECT_EQ(r.meta.formVersion, 3);
    EXPECT_EQ(r.meta.lang, "es");
    EXPECT_EQ(r.meta.kioskId, "kiosk-test");
    EXPECT_EQ(r.status, RecordStatus::Submitted);
    EXPECT_GT(r.sealedBytes, static_cast<std::int64_t>(payload(1).size()));
}

TEST(StoreRecords, EmptyPayloadAndLargePayloadRoundTrip) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    const std::string big(300000, 'x');
    auto a = s.submit(meta(1), "");
    auto b = s.submit(meta(2), big);
    ASSERT_TRUE(a && b);
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    EXPECT_EQ(*s.readPayload(*a, *key), "");
    EXPECT_EQ(*s.readPayload(*b, *key), big);
}

TEST(StoreRecords, OneFlippedByteFailsOnlyThatRecord) {
    TempDir dir;
    std::vector<std::string> ids;
    {
        Store s = freshStore(dir / "k.db");
        for (int i = 0; i < 5; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    }
    {
        SQLite::Database raw(dir / "k.db", SQLite::OPEN_READWRITE);
        SQLite::Statement q(raw, "SELECT payload FROM records WHERE id = ?");
        q.bind(1, ids[2]);
        ASSERT_TRUE(q.executeStep());
        std::string blob(static_cast<const char*>(q.getColumn(0).getBlob()), static_cast<std::size_t>(q.getColumn(0).getBytes()));
        q.reset();
        blob[blob.size() / 2] = static_cast<char>(blob[blob.size() / 2] ^ 0x01);
        SQLite::Statement u(raw, "UPDATE records SET payload = ? WHERE id = ?");
        u.bind(1, blob.data(), static_cast<int>(blob.size()));
        u.bind(2, ids[2]);
        ASSERT_EQ(u.exec(), 1);
    }
    Store s = openOrDie(options(dir / "k.db"));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    for (int i = 0; i < 5; ++i) {
        auto p = s.readPayload(ids[static_cast<std::size_t>(i)], *key);
        if (i == 2) {
            ASSERT_FALSE(p);
            EXPECT_EQ(p.error().code, ErrorCode::Integrity);
            EXPECT_EQ(p.error().message.find("Patient"), std::string::npos);
            EXPECT_EQ(p.error().message, "record " + ids[2] + ": sealed payload failed its integrity check");
        } else {
            ASSERT_TRUE(p) << i;
            EXPECT_EQ(*p, payload(i));
        }
    }
    int good = 0, bad = 0;
    ASSERT_TRUE(s.forEachRecord({}, *key, [&](const RecordSummary&, const kiosk::core::Result<std::string>& r) {
        (r.ok() ? good : bad)++;
        // The summary names the record; the error is the reason alone, for callers to place.
        if (!r) {
            EXPECT_EQ(r.error().message, "sealed payload failed its integrity check");
        }
        return true;
    }));
    EXPECT_EQ(good, 4);
    EXPECT_EQ(bad, 1);
}

TEST(StoreRecords, EditedPlainColumnsOrSwappedPayloadsAreCaught) {
    TempDir dir;
    std::string a, b;
    {
        Store s = freshStore(dir / "k.db");
        a = *s.submit(meta(1), payload(1));
        b = *s.submit(meta(2), payload(2));
    }
    {
        SQLite::Database raw(dir / "k.db", SQLite::OPEN_READWRITE);
        raw.exec("UPDATE records SET form_version = 9 WHERE id = '" + a + "'");
        raw.exec("UPDATE records SET payload = (SELECT payload FROM records WHERE id = '" + a + "') WHERE id = '" + b + "'");
    }
    Store s = openOrDie(options(dir / "k.db"));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    EXPECT_EQ(s.readPayload(a, *key).error().code, ErrorCode::Integrity);
    EXPECT_EQ(s.readPayload(b, *key).error().code, ErrorCode::Integrity);
}

TEST(StoreKeys, WrongPassphraseIsACryptoErrorAndChangeKeepsRecords) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    const std::string id = *s.submit(meta(1), payload(1));
    auto wrong = s.unlock("not the passphrase");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::Crypto);
    EXPECT_EQ(s.changePassphrase("nope nope nope", "another one", KdfLimits::minimum()).error().code, ErrorCode::Crypto);
    ASSERT_TRUE(s.changePassphrase("correct horse", "battery staple", KdfLimits::minimum()));
    EXPECT_FALSE(s.unlock("correct horse"));
    auto key = s.unlock("battery staple");
    ASSERT_TRUE(key);
    EXPECT_EQ(*s.readPayload(id, *key), payload(1));
    EXPECT_EQ(s.changePassphrase("battery staple", "short", KdfLimits::minimum()).error().code, ErrorCode::Invalid);
}

TEST(StoreKeys, InitRefusesASecondKeyAndDefaultIsFlaggedUntilChanged) {
    TempDir dir;
    Store s = openOrDie(options(dir / "k.db"));
    auto none = s.submit(meta(1), payload(1));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::Crypto);
    EXPECT_FALSE(s.keyStatus()->present);
    auto made = s.ensureKeys(KdfLimits::minimum());
    ASSERT_TRUE(made);
    EXPECT_TRUE(*made);
    EXPECT_FALSE(*s.ensureKeys(KdfLimits::minimum()));
    auto st = s.keyStatus();
    ASSERT_TRUE(st);
    EXPECT_TRUE(st->present);
    EXPECT_TRUE(st->defaultPassphrase);
    EXPECT_EQ(st->fingerprint.size(), 16u);
    EXPECT_EQ(s.initKeys("another passphrase", KdfLimits::minimum()).error().code, ErrorCode::Invalid);
    ASSERT_TRUE(s.unlock(kDefaultPassphrase));
    ASSERT_TRUE(s.changePassphrase(kDefaultPassphrase, "clinic secret 2026", KdfLimits::minimum()));
    EXPECT_FALSE(s.keyStatus()->defaultPassphrase);
}

TEST(StoreKeys, SwappedPublicKeyIsCaughtAtUnlock) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    {
        SQLite::Database raw(dir / "k.db", SQLite::OPEN_READWRITE);
        raw.exec("UPDATE meta SET value = randomblob(32) WHERE key = 'clinic_public_key'");
    }
    Store s = openOrDie(options(dir / "k.db"));
    auto key = s.unlock("correct horse");
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, ErrorCode::Integrity);
}

TEST(StoreRecords, ListFiltersAndCounts) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(s.submit(meta(i, i < 4 ? "bpi" : "intake"), payload(i)));
    EXPECT_EQ(*s.count(), 10);
    ListFilter f;
    f.formId = "bpi";
    EXPECT_EQ(*s.count(f), 4);
    f = {};
    f.since = meta(5).submittedAt;
    EXPECT_EQ(*s.count(f), 5);
    f.limit = 2;
    auto rows = s.list(f);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->front().meta.submittedAt, meta(9).submittedAt);  // newest first
}

TEST(StoreRecords, RetryWithTheSameIdIsIdempotent) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    RecordMeta m = meta(1);
    m.id = newUuid();
    auto first = s.submit(m, payload(1));
    auto again = s.submit(m, payload(1));
    ASSERT_TRUE(first && again);
    EXPECT_EQ(*first, *again);
    EXPECT_EQ(*s.count(), 1);
}

TEST(StoreRecords, BadMetadataIsInvalid) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    RecordMeta m = meta(1);
    m.submittedAt = "2026-11-25 10:00";
    EXPECT_EQ(s.submit(m, payload(1)).error().code, ErrorCode::Invalid);
    m = meta(1);
    m.formId.clear();
    EXPECT_EQ(s.submit(m, payload(1)).error().code, ErrorCode::Invalid);
    m = meta(1);
    m.startedAt = "2026-02-31T10:00:00Z";
    EXPECT_EQ(s.submit(m, payload(1)).error().code, ErrorCode::Invalid);
}

TEST(StoreErrors, LockedDatabaseIsBusyAndRetrySucceeds) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    StoreOptions o = options(dir / "k.db");
    o.busyTimeoutMs = 0;
    Store s = openOrDie(o);
    {
        SQLite::Database other(dir / "k.db", SQLite::OPEN_READWRITE);
        other.exec("BEGIN IMMEDIATE");
        auto r = s.submit(meta(1), payload(1));
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::Busy);
        other.exec("ROLLBACK");
    }
    auto r = s.submit(meta(1), payload(1));
    ASSERT_TRUE(r) << r.error().format();
    EXPECT_EQ(*s.count(), 1);
}

TEST(StoreErrors, FullDiskIsDiskFullAndTheKeptRecordSavesLater) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    StoreOptions o = options(dir / "k.db");
    o.maxPageCount = 40;
    std::int64_t saved = 0;
    RecordMeta kept;
    const std::string big(8000, 'y');
    {
        Store s = openOrDie(o);
        for (int i = 0; i < 100; ++i) {
            RecordMeta m = meta(i);
            m.id = newUuid();
            auto r = s.submit(m, big);
            if (!r) {
                EXPECT_EQ(r.error().code, ErrorCode::DiskFull) << r.error().format();
                EXPECT_EQ(r.error().message.find('y' + std::string(10, 'y')), std::string::npos);
                kept = m;
                break;
            }
            ++saved;
        }
        ASSERT_FALSE(kept.id.empty()) << "the page cap never filled";
        EXPECT_EQ(*s.count(), saved);  // the failed one left nothing behind
        ASSERT_TRUE(s.integrityCheck());
        // Staff free space (delete two records); the same connection then saves the kept record.
        auto key = s.unlock("correct horse");
        ASSERT_TRUE(key);
        auto rows = s.list();
        ASSERT_TRUE(rows);
        ASSERT_GE(rows->size(), 2u);
        ASSERT_TRUE(s.deleteRecord((*rows)[0].meta.id, *key));
        ASSERT_TRUE(s.deleteRecord((*rows)[1].meta.id, *key));
        auto retried = s.submit(kept, big);
        ASSERT_TRUE(retried) << retried.error().format();
        EXPECT_EQ(*retried, kept.id);
        saved -= 1;  // two deleted, one added
        // Fill it again for the reopen below.
        kept = {};
        for (int i = 200; i < 300 && kept.id.empty(); ++i) {
            RecordMeta m = meta(i);
            m.id = newUuid();
            auto r = s.submit(m, big);
            if (r) ++saved;
            else kept = m;
        }
        ASSERT_FALSE(kept.id.empty());
    }
    o.maxPageCount = 0;
    Store s = openOrDie(o);
    auto r = s.submit(kept, std::string(8000, 'y'));
    ASSERT_TRUE(r) << r.error().format();
    EXPECT_EQ(*r, kept.id);
    EXPECT_EQ(*s.count(), saved + 1);
}

TEST(StoreConcurrency, TwoWritersLoseNothing) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    constexpr int kEach = 150;
    std::vector<std::string> ids[2];
    std::string errors[2];
    auto writer = [&](int w) {
        StoreOptions o = options(dir / "k.db");
        o.kioskId = "kiosk-" + std::to_string(w);
        auto s = Store::open(o);
        if (!s) { errors[w] = s.error().format(); return; }
        for (int i = 0; i < kEach; ++i) {
            auto r = s->submit(meta(i), payload(w * 1000 + i));
            if (!r) { errors[w] = r.error().format(); return; }
            ids[w].push_back(*r);
        }
    };
    std::thread a(writer, 0), b(writer, 1);
    a.join();
    b.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    Store s = openOrDie(options(dir / "k.db"));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    EXPECT_EQ(*s.count(), 2 * kEach);
    for (int w = 0; w < 2; ++w)
        for (int i = 0; i < kEach; ++i)
            EXPECT_EQ(*s.readPayload(ids[w][static_cast<std::size_t>(i)], *key), payload(w * 1000 + i));
    EXPECT_TRUE(s.integrityCheck());
}

TEST(StoreMaintenance, DeleteAndPurgeKeepTombstonesAndAreAudited) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.deleteRecord(ids[0], *key));
    EXPECT_EQ(s.readPayload(ids[0], *key).error().code, ErrorCode::NotFound);
    EXPECT_EQ(s.deleteRecord(ids[0], *key).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(s.markExported({ids[1], ids[2]}, *key));
    // Records were submitted on 2026-11-25: 90 days later only exported ones go.
    const auto later = *kiosk::core::parseUtcIso("2027-03-01T00:00:00Z");
    auto n = s.purgeExported(std::chrono::hours(24 * 90), *key, later);
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 2);
    EXPECT_EQ(*s.count(), 1);
    ListFilter all;
    all.includeDeleted = true;
    EXPECT_EQ(*s.count(all), 4);
    EXPECT_EQ(*s.readPayload(ids[3], *key), payload(3));
    // Nothing older than a year: nothing purged.
    EXPECT_EQ(*s.purgeExported(std::chrono::hours(24 * 365), *key, later), 0);
    EXPECT_EQ(s.purgeExported(std::chrono::seconds(0), *key, later).error().code, ErrorCode::Invalid);
    auto report = s.verifyAudit();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->intact());
    // key_init, unlock, delete, export, purge, purge
    EXPECT_EQ(report->entries, 6);
}

TEST(StoreMaintenance, BackupIsAConsistentReadableCopy) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 20; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    // Another connection keeps submitting while the copy is made.
    std::string writerError;
    std::thread writer([&] {
        auto w = Store::open(options(dir / "k.db"));
        if (!w) { writerError = w.error().format(); return; }
        for (int i = 100; i < 150; ++i)
            if (auto r = w->submit(meta(i), payload(i)); !r) { writerError = r.error().format(); return; }
    });
    auto copied = s.backup(dir / "copy.db");
    writer.join();
    ASSERT_TRUE(copied) << copied.error().format();
    EXPECT_EQ(writerError, "");
    EXPECT_EQ(*s.count(), 70);
    EXPECT_EQ(s.backup(dir / "copy.db").error().code, ErrorCode::Invalid);  // never overwrites
    Store copy = openOrDie(options(dir / "copy.db"));
    EXPECT_TRUE(copy.integrityCheck());
    const std::int64_t n = *copy.count();
    EXPECT_GE(n, 20);
    EXPECT_LE(n, 70);
    auto key = copy.unlock("correct horse");
    ASSERT_TRUE(key);
    EXPECT_EQ(*copy.readPayload(ids[7], *key), payload(7));
    std::int64_t opened = 0;
    ASSERT_TRUE(copy.forEachRecord({}, *key, [&](const RecordSummary&, const kiosk::core::Result<std::string>& p) {
        opened += p.ok();
        return true;
    }));
    EXPECT_EQ(opened, n);
}

TEST(StoreOpen, DamagedFileStopsIntakeAndIsLeftUntouched) {
    TempDir dir;
    {
        Store s = freshStore(dir / "k.db");
        for (int i = 0; i < 200; ++i) ASSERT_TRUE(s.submit(meta(i), payload(i) + std::string(500, ' ')));
    }
    std::size_t root = 0;
    {
        SQLite::Database raw(dir / "k.db", SQLite::OPEN_READONLY);
        root = static_cast<std::size_t>(raw.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'records'").getInt());
    }
    std::string bytes = readFile(dir / "k.db");
    ASSERT_GT(bytes.size(), 4096u * (root + 1));
    // Overwrite the header and cell pointers of the records table's root page.
    for (std::size_t i = 4096 * (root - 1); i < 4096 * (root - 1) + 64; ++i) bytes[i] = '\x5a';
    { std::ofstream(dir / "k.db", std::ios::binary | std::ios::trunc) << bytes; }
    auto s = Store::open(options(dir / "k.db"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::Integrity);
    EXPECT_NE(s.error().message.find("intake is stopped"), std::string::npos);
    EXPECT_EQ(readFile(dir / "k.db"), bytes);

    { std::ofstream(dir / "junk.db", std::ios::binary) << std::string(8192, 'J'); }
    auto junk = Store::open(options(dir / "junk.db"));
    ASSERT_FALSE(junk);
    EXPECT_EQ(junk.error().code, ErrorCode::Integrity);
    EXPECT_EQ(readFile(dir / "junk.db"), std::string(8192, 'J'));
}

TEST(StoreOpen, MissingFileIsNotFoundWhenCreationIsOff) {
    TempDir dir;
    StoreOptions o = options(dir / "none.db");
    o.createIfMissing = false;
    auto s = Store::open(o);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(StoreOpen, ReadOnlyReadsAndWritesNothing) {
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); ASSERT_TRUE(s.submit(meta(1), payload(1))); }
    const std::string before = readFile(db);
    StoreOptions o = options(db);
    o.kioskId.clear();
    o.readOnly = true;
    {
        Store s = openOrDie(o);
        EXPECT_EQ(s.list({})->size(), 1u);
        EXPECT_EQ(s.kioskId(), "") << "the database keeps no kiosk id, and a read-only open makes none";
        EXPECT_FALSE(s.submit(meta(2), payload(2)));  // SQLite refuses the write
    }
    EXPECT_EQ(readFile(db), before);
    // Nothing is made for a database that is not there, and the words say where it is missing.
    o.dbPath = dir / "none.db";
    auto none = Store::open(o);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().format(),
              dir / "none.db" + ": error: no database here: " + dir.path() + " holds no none.db (check --db or --data-dir)");
    EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(StoreOpen, ReadOnlyRefusesASchemaThatNeedsAnUpgrade) {
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); }
    { SQLite::Database raw(db, SQLite::OPEN_READWRITE); raw.exec("PRAGMA user_version = 5"); }
    StoreOptions o = options(db);
    o.readOnly = true;
    auto s = Store::open(o);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("has schema version 5 and this program reads version " +
                                     std::to_string(kSchemaVersion) + " only"), std::string::npos)
        << s.error().message;
}

// A database from a newer kiosk (a downgraded package): the words say to update, not to "upgrade it"
// by running a command that writes, and the file is left as it was.
TEST(StoreOpen, ReadOnlyRefusesANewerSchemaSayingToUpdate) {
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); }
    const int newer = kSchemaVersion + 1;
    { SQLite::Database raw(db, SQLite::OPEN_READWRITE); raw.exec("PRAGMA user_version = " + std::to_string(newer)); }
    const std::string before = readFile(db);
    StoreOptions o = options(db);
    o.readOnly = true;
    auto s = Store::open(o);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("schema version " + std::to_string(newer) +
                                     " is newer than this program understands"),
              std::string::npos)
        << s.error().message;
    EXPECT_EQ(s.error().message.find("upgrade it"), std::string::npos) << s.error().message;
    EXPECT_EQ(readFile(db), before);
}

TEST(StoreOpen, KioskIdIsMadeOnceAndKept) {
    TempDir dir;
    StoreOptions o = options(dir / "k.db");
    o.kioskId.clear();
    std::string id;
    { id = openOrDie(o).kioskId(); }
    EXPECT_EQ(id.rfind("kiosk-", 0), 0u);
    EXPECT_EQ(openOrDie(o).kioskId(), id);
}
