// The marks outbox (store_outbox.cpp, schema 10): review, export and delete marks made here wait
// for the clinic server, after their record; marks applied from the server are not queued; a
// newer mark replaces an older one not yet sent; an upgraded kiosk queues the marks made before.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "kiosk/store/schema.h"
#include "store/store_test_util.h"

namespace kiosk::store::testing {
namespace {

std::vector<std::string> pendingIds(Store& s) {
    std::vector<std::string> out;
    const auto marks = s.pendingMarks(100);
    if (!marks) throw std::runtime_error(marks.error().message);
    for (const auto& m : *marks) out.push_back(m.recordId + ":" + toString(m.status));
    return out;
}

TEST(StoreMarkOutbox, MarksMadeHereWaitForTheirRecordThenForTheServer) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.markReviewed(ids[0], *key));
    EXPECT_EQ(s.syncState()->marksWaiting, 1);
    EXPECT_TRUE(pendingIds(s).empty()) << "the record itself is not on the server yet";
    ASSERT_TRUE(s.markPushed({ids[0], ids[1], ids[2]}, "2026-12-06T10:00:00Z"));
    EXPECT_EQ(pendingIds(s), std::vector<std::string>{ids[0] + ":reviewed"});
    const auto reviewed = *s.pendingMarks(10);

    // A newer mark replaces the one not yet sent; settling the older one leaves the newer queued.
    ASSERT_TRUE(s.deleteRecord(ids[0], *key));
    EXPECT_EQ(pendingIds(s), std::vector<std::string>{ids[0] + ":deleted"});
    EXPECT_FALSE(s.pendingMarks(10)->front().recordNeverPushed);
    ASSERT_TRUE(s.settleMarks(reviewed, {}));
    EXPECT_EQ(s.syncState()->marksWaiting, 1);
    ASSERT_TRUE(s.settleMarks(*s.pendingMarks(10), {}));
    EXPECT_EQ(s.syncState()->marksWaiting, 0);

    // Exports and purges are queued too, one mark per record, in the order of their ids.
    ASSERT_TRUE(s.markExported({ids[1], ids[2]}, *key));
    EXPECT_EQ(s.syncState()->marksWaiting, 2);
    EXPECT_EQ(s.pendingMarks(1)->size(), 1u);
    const std::string first = s.pendingMarks(1)->front().recordId;
    ASSERT_EQ(s.pendingMarks(10, first)->size(), 1u);
    EXPECT_NE(s.pendingMarks(10, first)->front().recordId, first);
    EXPECT_EQ(*s.purgeExported(std::chrono::hours(1), *key, core::systemClock().systemNow() + std::chrono::hours(24 * 365 * 10)), 2);
    std::vector<std::string> purged = pendingIds(s);
    std::sort(purged.begin(), purged.end());
    std::vector<std::string> expect = {ids[1] + ":deleted", ids[2] + ":deleted"};
    std::sort(expect.begin(), expect.end());
    EXPECT_EQ(purged, expect);

    // Deleted before it was ever pushed: offered (it will never be pushed), flagged as such; once
    // settled as never pushed, neither the mark nor the record waits any more.
    ASSERT_TRUE(s.settleMarks(*s.pendingMarks(10), {}));
    ASSERT_TRUE(s.deleteRecord(ids[3], *key));
    ASSERT_EQ(s.pendingMarks(10)->size(), 1u);
    EXPECT_TRUE(s.pendingMarks(10)->front().recordNeverPushed);
    EXPECT_TRUE(s.pendingOutbox(10)->empty()) << "its payload is gone: never pushed";
    ASSERT_TRUE(s.settleMarks({}, {ids[3]}));
    EXPECT_EQ(s.syncState()->marksWaiting, 0);
    SQLite::Database db(dir / "k.db", SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM outbox").getInt(), 0);
}

TEST(StoreMarkOutbox, MarksFromTheServerAreNotQueuedAndTheQueueSurvivesARestart) {
    TempDir dir;
    std::vector<std::string> ids;
    {
        Store s = freshStore(dir / "k.db");
        for (int i = 0; i < 3; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
        ASSERT_TRUE(s.markPushed(ids, "2026-12-06T10:00:00Z"));
        ASSERT_EQ(*s.applyServerMarks({{ids[0], RecordStatus::Deleted, "2026-12-06T10:05:00Z"},
                                       {ids[1], RecordStatus::Reviewed, "2026-12-06T10:05:00Z"}}, ""), 2);
        EXPECT_EQ(s.syncState()->marksWaiting, 0) << "a mark from the server is not echoed back";
        auto key = s.unlock("correct horse");
        ASSERT_TRUE(key);
        ASSERT_TRUE(s.markReviewed(ids[2], *key));
    }
    Store s = openOrDie(options(dir / "k.db"));
    EXPECT_EQ(pendingIds(s), std::vector<std::string>{ids[2] + ":reviewed"});
}

TEST(StoreMarkOutbox, Version10QueuesTheMarksMadeBefore) {
    TempDir dir;
    const std::string path = dir / "v9.db";
    std::vector<std::string> ids;
    {
        Store s = freshStore(path);
        for (int i = 0; i < 3; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
        auto key = s.unlock("correct horse");
        ASSERT_TRUE(key);
        ASSERT_TRUE(s.markReviewed(ids[0], *key));
        ASSERT_TRUE(s.deleteRecord(ids[1], *key));
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);  // back to version 9, as it shipped
        db.exec("DROP TABLE mark_outbox");
        db.exec("PRAGMA user_version = 9");
    }
    Store s = openOrDie(options(path));
    ASSERT_TRUE(s.markPushed({ids[0], ids[2]}, "2026-12-06T10:00:00Z"));
    std::vector<std::string> queued = pendingIds(s);
    std::sort(queued.begin(), queued.end());
    std::vector<std::string> expect = {ids[0] + ":reviewed", ids[1] + ":deleted"};
    std::sort(expect.begin(), expect.end());
    EXPECT_EQ(queued, expect) << "a record deleted at the desk before the upgrade is deleted on the server too";
    EXPECT_EQ(s.syncState()->marksWaiting, 2);
}

}  // namespace
}  // namespace kiosk::store::testing
