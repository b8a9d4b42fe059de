// The audit chain: intact after staff actions, append-only, and verify names the first broken row.
#include <SQLiteCpp/Database.h>

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
        TempDir dir;
        const std::string path = db3(dir);
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE);
            raw.exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
            raw.exec(c.sql);
        }
        Store s = openOrDie(options(path));
        auto r = s.verifyAudit();
        ASSERT_TRUE(r);
        EXPECT_FALSE(r->intact());
        EXPECT_EQ(r->firstBroken, c.broken) << r->problem;
    }
}
