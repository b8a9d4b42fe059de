// The audit chain: intact after staff actions, append-only, and verify names the first broken row.
#include <SQLiteCpp/Database.h>
#include <sodium.h>

#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {
std::string db3(TempDir& dir) {
    Store s = freshStore(dir / "k.db");                             // 1 key_init
    EXPECT_TRUE(s.unlock("correct horse"));                          // 2 unlock
    EXPECT_TRUE(s.audit(AuditAction::SettingsChange, "idle_s=90"));  // 3
    EXPECT_TRUE(s.audit(AuditAction::SettingsChange, "idle_s=120"));  // 4
    return dir / "k.db";
}
constexpr const char* kTriggers =
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

/// The db3 log tampered with by @p sql (triggers dropped for it, and put back if @p restoreTriggers),
/// then verified; a tampered log must never pass.
AuditReport tamperAndVerify(const char* sql, bool restoreTriggers) {
    TempDir dir;
    const std::string path = db3(dir);
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
        raw.exec(sql);
        if (restoreTriggers) raw.exec(kTriggers);
    }
    Store s = openOrDie(options(path));
    auto r = s.verifyAudit();
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_FALSE(r->intact());
    return *r;
}

}  // namespace

TEST(StoreAudit, ChainIsIntactAndRowsAreAppendOnly) {
    TempDir dir;
    const std::string path = db3(dir);
    Store s = openOrDie(options(path));
    auto r = s.verifyAudit();
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->intact());
    EXPECT_EQ(r->entries, 4);
    EXPECT_EQ(r->headHash.size(), 64u);
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    EXPECT_THROW(raw.exec("UPDATE audit SET detail = 'x' WHERE seq = 2"), SQLite::Exception);
    EXPECT_THROW(raw.exec("DELETE FROM audit WHERE seq = 4"), SQLite::Exception);
}

TEST(StoreAudit, VerifyReportsTheFirstBrokenLink) {
    struct Case { const char* name; const char* sql; std::int64_t broken; };
    const Case cases[] = {
        {"edited detail", "UPDATE audit SET detail = 'idle_s=9999' WHERE seq = 3", 3},
        {"removed row", "DELETE FROM audit WHERE seq = 2", 3},
        {"overwritten hash", "UPDATE audit SET hash = randomblob(32) WHERE seq = 2", 2},
        {"edited action", "UPDATE audit SET action = 'unlock' WHERE seq = 1", 1},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const AuditReport r = tamperAndVerify(c.sql, true);
        EXPECT_EQ(r.firstBroken, c.broken) << r.problem;
    }
}

TEST(StoreAudit, TruncationAndMissingTriggersAreDetected) {
    struct Case { const char* name; const char* sql; std::int64_t broken; const char* says; };
    const Case cases[] = {
        {"last row removed", "DELETE FROM audit WHERE seq = 4", 4, "removed from the end"},
        {"last two rows removed", "DELETE FROM audit WHERE seq >= 3", 3, "removed from the end"},
        {"every row removed", "DELETE FROM audit", 1, "every entry was removed"},
        {"every row and the head removed", "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head'", 1, "key_init"},
        {"head removed", "DELETE FROM meta WHERE key = 'audit_head'", 0, "head of the log is missing"},
        {"head rewritten", "UPDATE meta SET value = CAST('4:00' AS BLOB) WHERE key = 'audit_head'", 4, "does not match"},
        {"triggers dropped", "", 0, "append-only are missing"},
        {"trigger defanged",
         "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;", 0, "append-only are missing"},
        {"trigger that never fires",
         "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END;"
         "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT,'x'); END;",
         0, "append-only are missing"},
        {"trigger with the right body that never fires",
         "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is "
         "append-only'); END;"
         "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'the audit log is "
         "append-only'); END;",
         0, "append-only are missing"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const bool keepsTriggers = std::string(c.says) != "append-only are missing";
        const AuditReport r = tamperAndVerify(c.sql, keepsTriggers);
        EXPECT_EQ(r.firstBroken, c.broken) << r.problem;
        EXPECT_NE(r.problem.find(c.says), std::string::npos) << r.problem;
    }
}

TEST(StoreAudit, TriggersPutBackWithOtherSpacingStillCount) {
    TempDir dir;
    const std::string path = db3(dir);
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
        raw.exec(kTriggers);  // one line each, where the migration spreads them over two
    }
    Store s = openOrDie(options(path));
    EXPECT_TRUE(s.verifyAudit()->intact()) << s.verifyAudit()->problem;
}

TEST(StoreAudit, TheHeadMovesWithEveryAppend) {
    TempDir dir;
    const std::string path = db3(dir);
    Store s = openOrDie(options(path));
    ASSERT_TRUE(s.audit(AuditAction::Backup, "ok"));
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT CAST(value AS TEXT) FROM meta WHERE key = 'audit_head'").getString(),
              raw.execAndGet("SELECT seq || ':' || lower(hex(hash)) FROM audit ORDER BY seq DESC LIMIT 1").getString());
    EXPECT_EQ(raw.execAndGet("SELECT max(seq) FROM audit").getInt(), 5);
    EXPECT_TRUE(s.verifyAudit()->intact());
}

TEST(StoreAudit, FailedUnlocksAreAuditedWithoutThePassphrase) {
    TempDir dir;
    const std::string path = db3(dir);
    Store s = openOrDie(options(path));
    ASSERT_FALSE(s.unlock("Tr0ub4dor&3 guess"));
    ASSERT_FALSE(s.changePassphrase("another Tr0ub4dor guess", "a brand new phrase", KdfLimits::minimum()));
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT action || ' ' || detail FROM audit WHERE seq = 5").getString(), "unlock failed");
    EXPECT_EQ(raw.execAndGet("SELECT action || ' ' || detail FROM audit WHERE seq = 6").getString(),
              "passphrase_change failed");
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE detail LIKE '%Tr0ub4dor%'").getInt(), 0);
    EXPECT_TRUE(s.verifyAudit()->intact());
}

TEST(StoreAudit, SettingsChangesAreAuditedOncePerNewHash) {
    TempDir dir;
    const std::string path = db3(dir);
    Store s = openOrDie(options(path));
    EXPECT_TRUE(*s.noteSettings("/etc/intake-kiosk/kiosk.yaml", std::string(64, 'a')));
    EXPECT_FALSE(*s.noteSettings("/etc/intake-kiosk/kiosk.yaml", std::string(64, 'a')));
    EXPECT_TRUE(*s.noteSettings("/etc/intake-kiosk/kiosk.yaml", std::string(64, 'b')));
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE action = 'settings_change'").getInt(), 4);  // 2 from db3
    EXPECT_EQ(raw.execAndGet("SELECT detail FROM audit ORDER BY seq DESC LIMIT 1").getString(),
              "file=/etc/intake-kiosk/kiosk.yaml hash=" + std::string(16, 'b'));
    EXPECT_TRUE(s.verifyAudit()->intact());
}

TEST(StoreAudit, ASecondKeyInitBreaksTheChain) {
    // What a silent re-key leaves behind: the chain links, but a database keeps one key for life.
    TempDir dir;
    const std::string path = db3(dir);
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        appendAudit(raw, "kiosk-test", AuditAction::KeyInit, "fingerprint=0123456789abcdef default_passphrase",
                    "2026-11-26T09:00:00Z");
    }
    Store s = openOrDie(options(path));
    auto r = s.verifyAudit();
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->intact());
    EXPECT_EQ(r->firstBroken, 5);
    EXPECT_NE(r->problem.find("a second clinic key was created here"), std::string::npos) << r->problem;
}

TEST(StoreAudit, RowHashesAreTheLengthPrefixedBlake2bTheyAlwaysWere) {
    // Databases in the field hold hashes made this way: the code may be refactored, the hash never.
    TempDir dir;
    { Store s = openOrDie(options(dir / "k.db")); }
    SQLite::Database raw(dir / "k.db", SQLite::OPEN_READWRITE);
    appendAudit(raw, "kiosk-1", AuditAction::Backup, "ok", "2026-11-25T10:00:00Z");
    std::vector<unsigned char> buf;
    for (const std::string& field : {std::string(32, '\0'), std::string("1"), std::string("2026-11-25T10:00:00Z"),
                                     std::string("kiosk-1"), std::string("backup"), std::string("ok")}) {
        for (int i = 0; i < 8; ++i) buf.push_back(static_cast<unsigned char>((field.size() >> (8 * i)) & 0xff));
        buf.insert(buf.end(), field.begin(), field.end());
    }
    std::vector<unsigned char> want(32);
    crypto_generichash(want.data(), want.size(), buf.data(), buf.size(), nullptr, 0);
    EXPECT_EQ(raw.execAndGet("SELECT lower(hex(hash)) FROM audit WHERE seq = 1").getString(),
              toHex(want.data(), want.size()));
}
