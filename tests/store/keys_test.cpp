// The clinic key cannot be replaced behind the kiosk's back (issue 12): a database that held a
// key and lost it refuses to make a new one, a public key that does not match its pin (the pin
// file beside the database and the audit log's key_init) is refused at open and before each save,
// and wrong passphrases back off, counted in the audit log so a restart does not reset them.
#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;
using kiosk::core::ErrorCode;
using std::chrono::seconds;

namespace {

void rawExec(const std::string& db, const std::string& sql) {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(sql);
}

std::int64_t records(const std::string& db) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT count(*) FROM records").getInt64();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

// [SECTION] a removed key

TEST(StoreKeyPin, ARemovedKeyIsNeverSilentlyReplaced) {
    // Each case leaves one trace of the old key; any one of them must stop a new key.
    struct Case { const char* name; bool withRecords; bool keepPin; bool newFile; const char* says; };
    const Case cases[] = {
        {"records, audit log and pin", true, true, false, "holds 1 record"},
        {"records and audit log, no pin", true, false, false, "holds 1 record"},
        {"audit log only", false, false, false, "audit log"},
        {"pin only (the database file was replaced)", false, true, true, "key-pin"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        TempDir dir;
        const std::string db = dir / "k.db";
        {
            Store s = freshStore(db);
            if (c.withRecords) {
                ASSERT_TRUE(s.submit(meta(1), payload(1)));
            }
        }
        rawExec(db, kRemoveKey);
        if (!c.keepPin) std::filesystem::remove(keyPinPath(db));
        if (c.newFile) {
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
        }
        Store s = openOrDie(options(db));
        auto made = s.ensureKeys(KdfLimits::minimum());
        ASSERT_FALSE(made);
        EXPECT_EQ(made.error().code, ErrorCode::Crypto);
        EXPECT_TRUE(has(made.error().message, "the clinic key is missing")) << made.error().message;
        EXPECT_TRUE(has(made.error().message, c.says)) << made.error().message;
        auto init = s.initKeys("another passphrase", KdfLimits::minimum());
        ASSERT_FALSE(init);
        EXPECT_TRUE(has(init.error().message, "the clinic key is missing")) << init.error().message;
        auto saved = s.submit(meta(2), payload(2));
        ASSERT_FALSE(saved);
        EXPECT_EQ(saved.error().code, ErrorCode::Crypto);
        auto st = s.keyStatus();
        ASSERT_TRUE(st);
        EXPECT_FALSE(st->present);
        ASSERT_TRUE(st->problem);
        EXPECT_EQ(st->problem->code, ErrorCode::Crypto);
        EXPECT_EQ(records(db), c.withRecords ? 1 : 0);
    }
}

TEST(StoreKeyPin, AFreshDatabaseStillGetsItsKey) {
    TempDir dir;
    Store s = openOrDie(options(dir / "k.db"));
    EXPECT_FALSE(s.keyStatus()->problem);
    ASSERT_TRUE(*s.ensureKeys(KdfLimits::minimum()));
    EXPECT_TRUE(std::filesystem::exists(keyPinPath(dir / "k.db")));
    struct stat st {};
    ASSERT_EQ(::stat(keyPinPath(dir / "k.db").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_TRUE(s.submit(meta(1), payload(1)));
}

// [SECTION] a swapped key

TEST(StoreKeyPin, ASwappedPublicKeyIsRefusedBeforeEachSaveAndAtOpen) {
    TempDir dir;
    const std::string db = dir / "k.db";
    Store running = freshStore(db);
    ASSERT_TRUE(running.submit(meta(1), payload(1)));
    swapPublicKey(db);
    // The running kiosk checks before each save.
    auto saved = running.submit(meta(2), payload(2));
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, ErrorCode::Integrity);
    EXPECT_TRUE(has(saved.error().message, "does not match")) << saved.error().message;
    // A kiosk started on it refuses at open, and says so in keyStatus.
    Store s = openOrDie(options(db));
    auto st = s.keyStatus();
    ASSERT_TRUE(st);
    ASSERT_TRUE(st->problem);
    EXPECT_EQ(st->problem->code, ErrorCode::Integrity);
    EXPECT_TRUE(has(st->problem->message, "does not match")) << st->problem->message;
    auto ensured = s.ensureKeys(KdfLimits::minimum());
    ASSERT_FALSE(ensured);
    EXPECT_EQ(ensured.error().code, ErrorCode::Integrity);
    EXPECT_FALSE(s.submit(meta(3), payload(3)));
    EXPECT_EQ(records(db), 1);
}

TEST(StoreKeyPin, ThePinFileAndTheAuditLogEachCatchASwap) {
    // The attacker changes the key and one of the two places that pin it: the other one tells.
    for (const bool rewritePin : {false, true}) {
        SCOPED_TRACE(rewritePin ? "pin file rewritten to the foreign key" : "pin file removed");
        TempDir dir;
        const std::string db = dir / "k.db";
        { Store s = freshStore(db); }
        swapPublicKey(db);
        std::filesystem::remove(keyPinPath(db));
        if (rewritePin) {
            // Opening with the pin gone writes none for a key the audit log disowns...
            { Store s = openOrDie(options(db)); }
            EXPECT_FALSE(std::filesystem::exists(keyPinPath(db)));
            // ...so the attacker writes one by hand.
            SQLite::Database raw(db, SQLite::OPEN_READONLY);
            SQLite::Statement q(raw, "SELECT value FROM meta WHERE key = 'clinic_public_key'");
            ASSERT_TRUE(q.executeStep());
            const auto* p = static_cast<const unsigned char*>(q.getColumn(0).getBlob());
            const Bytes h = hash256(p, static_cast<std::size_t>(q.getColumn(0).getBytes()));
            std::ofstream(keyPinPath(db)) << toHex(h.data(), h.size()) << "\n";
        }
        Store s = openOrDie(options(db));
        auto st = s.keyStatus();
        ASSERT_TRUE(st);
        ASSERT_TRUE(st->problem);
        EXPECT_TRUE(has(st->problem->message, "audit")) << st->problem->message;
        EXPECT_FALSE(s.submit(meta(1), payload(1)));
    }
}

TEST(StoreKeyPin, WithTheAuditLogEmptiedThePinStillCatchesASwap) {
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); }
    swapPublicKey(db);
    rawExec(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head'");
    Store s = openOrDie(options(db));
    auto st = s.keyStatus();
    ASSERT_TRUE(st->problem);
    EXPECT_EQ(st->problem->code, ErrorCode::Integrity);
    EXPECT_TRUE(has(st->problem->message, "does not match its pin in " + keyPinPath(db))) << st->problem->message;
    EXPECT_FALSE(s.submit(meta(1), payload(1)));
}

TEST(StoreKeyPin, AMissingPinIsWrittenAgainFromAKeyTheAuditLogConfirms) {
    TempDir dir;
    const std::string db = dir / "k.db";
    std::string pin;
    {
        Store s = freshStore(db);
        pin = readFile(keyPinPath(db));
    }
    ASSERT_FALSE(pin.empty());
    std::filesystem::remove(keyPinPath(db));  // an upgrade from a version without pins looks like this
    Store s = openOrDie(options(db));
    EXPECT_FALSE(s.keyStatus()->problem);
    EXPECT_EQ(readFile(keyPinPath(db)), pin);
    EXPECT_TRUE(s.submit(meta(1), payload(1)));
}

TEST(StoreKeyPin, AGarbledPinFileIsAProblemNotAPass) {
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); }
    std::ofstream(keyPinPath(db)) << "not a pin\n";
    Store s = openOrDie(options(db));
    auto st = s.keyStatus();
    ASSERT_TRUE(st->problem);
    EXPECT_EQ(st->problem->code, ErrorCode::Integrity);
    EXPECT_FALSE(s.submit(meta(1), payload(1)));
}

TEST(StoreKeyPin, APinPathThatIsNoFileIsSaidAsSuchAndStopsSaving) {
    // A folder where the pin belongs (or a file far too big): read with a size limit, said plainly.
    TempDir dir;
    const std::string db = dir / "k.db";
    { Store s = freshStore(db); }
    std::filesystem::remove(keyPinPath(db));
    std::filesystem::create_directory(keyPinPath(db));
    Store s = openOrDie(options(db));
    auto st = s.keyStatus();
    ASSERT_TRUE(st->problem);
    EXPECT_EQ(st->problem->code, ErrorCode::Integrity);
    EXPECT_EQ(st->problem->format(), keyPinPath(db) + ": error: the clinic key's pin file cannot be read: this is a "
                                                      "directory, not a key pin file");
    EXPECT_FALSE(s.submit(meta(1), payload(1)));
}

// [SECTION] wrong passphrases

namespace {

/// A clock that stands still until the store sleeps: the back-off is tested without waiting.
struct FakeTime {
    kiosk::core::SystemTime now = *kiosk::core::parseUtcIso("2026-11-25T10:00:00Z");
    std::vector<seconds> slept;
};

StoreOptions timed(const std::string& db, FakeTime& t) {
    StoreOptions o = options(db);
    o.now = [&t] { return t.now; };
    o.sleep = [&t](seconds s) {
        t.slept.push_back(s);
        t.now += s;
    };
    return o;
}

}  // namespace

TEST(StoreKeys, BackoffDoublesAfterThreeFailuresAndIsCapped) {
    EXPECT_EQ(passphraseBackoff(0), seconds(0));
    EXPECT_EQ(passphraseBackoff(2), seconds(0));
    EXPECT_EQ(passphraseBackoff(3), seconds(1));
    EXPECT_EQ(passphraseBackoff(4), seconds(2));
    EXPECT_EQ(passphraseBackoff(5), seconds(4));
    EXPECT_EQ(passphraseBackoff(12), seconds(512));
    EXPECT_EQ(passphraseBackoff(13), seconds(900));
    EXPECT_EQ(passphraseBackoff(1000), seconds(900));
}

TEST(StoreKeys, WrongPassphrasesWaitLongerAcrossRestartsAndAreAudited) {
    TempDir dir;
    const std::string db = dir / "k.db";
    FakeTime t;
    { Store s = freshStore(db); }
    {
        Store s = openOrDie(timed(db, t));
        for (int i = 0; i < 3; ++i) EXPECT_FALSE(s.unlock("guess " + std::to_string(i)));
        EXPECT_TRUE(t.slept.empty());
        EXPECT_FALSE(s.unlock("guess 3"));
        EXPECT_EQ(t.slept, (std::vector<seconds>{seconds(1)}));
        auto st = s.keyStatus();
        EXPECT_EQ(st->wrongPassphrases, 4);
        EXPECT_EQ(st->nextWait, seconds(2));
    }
    {
        // A new process (restarting the command) does not start the count again.
        Store s = openOrDie(timed(db, t));
        EXPECT_EQ(s.changePassphrase("guess 4", "a new passphrase", KdfLimits::minimum()).error().code,
                  ErrorCode::Crypto);
        EXPECT_EQ(t.slept, (std::vector<seconds>{seconds(1), seconds(2)}));
        EXPECT_TRUE(s.unlock("correct horse"));  // waits too: the wait comes before the check
        EXPECT_EQ(t.slept, (std::vector<seconds>{seconds(1), seconds(2), seconds(4)}));
        EXPECT_EQ(s.keyStatus()->wrongPassphrases, 0);
        EXPECT_FALSE(s.unlock("one slip"));  // the count starts again after a success
        EXPECT_EQ(t.slept.size(), 3u);
    }
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT detail FROM audit WHERE detail LIKE 'backoff%' ORDER BY seq");
    std::vector<std::string> waits;
    while (q.executeStep()) waits.push_back(q.getColumn(0).getString());
    EXPECT_EQ(waits, (std::vector<std::string>{"backoff failures=3 wait_s=1", "backoff failures=4 wait_s=2",
                                               "backoff failures=5 wait_s=4"}));
    Store s = openOrDie(options(db));
    EXPECT_TRUE(s.verifyAudit()->intact());
}

TEST(StoreKeys, TheWaitCountsFromTheLastFailure) {
    TempDir dir;
    const std::string db = dir / "k.db";
    FakeTime t;
    { Store s = freshStore(db); }
    Store s = openOrDie(timed(db, t));
    for (int i = 0; i < 5; ++i) (void)s.unlock("guess");
    t.slept.clear();
    t.now += std::chrono::seconds(3);  // 4 s were due after the fifth failure: 1 s is left
    EXPECT_EQ(s.keyStatus()->nextWait, seconds(1));
    EXPECT_TRUE(s.unlock("correct horse"));
    EXPECT_EQ(t.slept, (std::vector<seconds>{seconds(1)}));
    for (int i = 0; i < 3; ++i) (void)s.unlock("guess");
    t.slept.clear();
    t.now += std::chrono::hours(1);  // staff come back later: no wait
    EXPECT_TRUE(s.unlock("correct horse"));
    EXPECT_TRUE(t.slept.empty());
}

// The rule for a new staff passphrase, shared by `staff passwd` and the staff desk.
TEST(StoreKeys, ANewPassphraseIsLongEnoughAndNotTheDefault) {
    EXPECT_EQ(replacementProblem("short"), NewPassphraseProblem::TooShort);
    EXPECT_EQ(replacementProblem(""), NewPassphraseProblem::TooShort);
    EXPECT_EQ(replacementProblem(kDefaultPassphrase), NewPassphraseProblem::IsDefault);
    EXPECT_EQ(replacementProblem("a long enough one"), NewPassphraseProblem::None);
    const auto refused = checkReplacementPassphrase(kDefaultPassphrase);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(has(refused.error().message, "must not be the default")) << refused.error().message;
    EXPECT_TRUE(has(checkReplacementPassphrase("1234567").error().message, "at least 8 characters"));
    EXPECT_TRUE(checkReplacementPassphrase("12345678"));
}
