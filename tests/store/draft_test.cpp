// Drafts: resumed after a restart without the staff passphrase, discarded when expired, damaged,
// keyless or submitted; the key file is private and is removed when its draft ends.
#include <sys/stat.h>

#include <SQLiteCpp/Database.h>

#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {
const std::string kSnap = R"({"page":2,"answers":{"name":"Draft Person"}})";
const std::string kStarted = "2026-11-25T10:00:00Z";
}  // namespace

TEST(StoreDrafts, ResumesAfterRestartWithoutThePassphrase) {
    TempDir dir;
    {
        Store s = freshStore(dir / "k.db");
        ASSERT_TRUE(s.saveDraft("page 1", kStarted));
        ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    }
    struct stat st{};
    ASSERT_EQ(::stat((dir / "k.db.kiosk-test.draft-key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    Store s = openOrDie(options(dir / "k.db"));
    auto d = s.loadDraft();
    ASSERT_TRUE(d) << d.error().format();
    ASSERT_TRUE(d->has_value());
    EXPECT_EQ((*d)->snapshot, kSnap);
    EXPECT_EQ((*d)->startedAt, kStarted);
    // The resumed intake goes on with the same draft, then submit clears it and its key.
    ASSERT_TRUE(s.saveDraft(kSnap + " ", kStarted));
    ASSERT_TRUE(s.submit(meta(1), payload(1)));
    EXPECT_FALSE(std::filesystem::exists(dir / "k.db.kiosk-test.draft-key"));
    EXPECT_FALSE(s.loadDraft()->has_value());
}

TEST(StoreDrafts, ExpiredDraftIsDiscarded) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    Store later = openOrDie(options(dir / "k.db"));
    auto d = later.loadDraft(kiosk::core::SystemClock::now() + std::chrono::minutes(31));
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->has_value());
    EXPECT_FALSE(std::filesystem::exists(dir / "k.db.kiosk-test.draft-key"));
    SQLite::Database raw(dir / "k.db", SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM drafts").getInt(), 0);
}

TEST(StoreDrafts, DamagedOrKeylessDraftIsDiscardedCleanly) {
    TempDir dir;
    {
        Store s = freshStore(dir / "k.db");
        ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    }
    {
        SQLite::Database raw(dir / "k.db", SQLite::OPEN_READWRITE);
        raw.exec("UPDATE drafts SET started_at = '2026-11-25T09:00:00Z'");  // associated data changed
    }
    {
        Store s = openOrDie(options(dir / "k.db"));
        auto d = s.loadDraft();
        ASSERT_TRUE(d);
        EXPECT_FALSE(d->has_value());
        // A new intake starts a new draft with a new key.
        ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    }
    std::filesystem::remove(dir / "k.db.kiosk-test.draft-key");
    Store s = openOrDie(options(dir / "k.db"));
    EXPECT_FALSE(s.loadDraft()->has_value());
    SQLite::Database raw(dir / "k.db", SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM drafts").getInt(), 0);
}

TEST(StoreDrafts, EveryIntakeGetsAFreshKey) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    const std::string first = readFile(dir / "k.db.kiosk-test.draft-key");
    ASSERT_EQ(first.size(), 32u);
    ASSERT_TRUE(s.discardDraft());
    EXPECT_FALSE(std::filesystem::exists(dir / "k.db.kiosk-test.draft-key"));
    ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    EXPECT_NE(readFile(dir / "k.db.kiosk-test.draft-key"), first);
}

TEST(StoreDrafts, DraftsArePerKiosk) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    StoreOptions a = options(dir / "k.db");
    a.kioskId = "kiosk-a";
    Store s = openOrDie(a);
    ASSERT_TRUE(s.saveDraft(kSnap, kStarted));
    // Another kiosk on the same file submits: kiosk-a's draft stays.
    StoreOptions b = options(dir / "k.db");
    b.kioskId = "kiosk-b";
    Store other = openOrDie(b);
    ASSERT_TRUE(other.submit(meta(1), payload(1)));  // clears only kiosk-b's draft
    ASSERT_TRUE(s.loadDraft()->has_value());
}
