// The record chain (issue 12): each saved record carries the hash of the one saved before it and
// the head sits in meta, so a row removed, reordered, replaced or cut from the end is reported
// with the ids around it, while deletes and purges (tombstones) keep the chain whole.
#include <thread>

#include <SQLiteCpp/Database.h>

#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {

/// Five records (#1..#5 in the chain); their ids in submit order.
std::vector<std::string> fiveRecords(const std::string& db) {
    Store s = freshStore(db);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    return ids;
}

/// @p sql run on the raw file (the triggers of the audit log are not in the way: this is records).
RecordChainReport tamperAndVerify(const std::string& db, const std::string& sql) {
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec(sql);
    }
    Store s = openOrDie(options(db));
    auto r = s.verifyRecords();
    EXPECT_TRUE(r) << r.error().format();
    return r ? *r : RecordChainReport{};
}

std::string all(const RecordChainReport& r) {
    std::string out;
    for (const auto& p : r.problems) out += p + "\n";
    return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(StoreRecordChain, IntactAfterSubmitsRetriesDeletesAndPurges) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    auto empty = s.verifyRecords();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->intact());
    EXPECT_EQ(empty->entries, 0);
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    RecordMeta again = meta(3);
    again.id = ids[3];
    ASSERT_TRUE(s.submit(again, payload(3)));  // a retry of a saved record adds nothing
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.deleteRecord(ids[1], *key));
    ASSERT_TRUE(s.markExported({ids[2]}, *key));
    ASSERT_EQ(*s.purgeExported(std::chrono::hours(1), *key, *kiosk::core::parseUtcIso("2027-01-01T00:00:00Z")), 1);
    ids.push_back(*s.submit(meta(4), payload(4)));
    auto r = s.verifyRecords();
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->intact()) << all(*r);
    EXPECT_EQ(r->entries, 5);
    EXPECT_EQ(r->headSeq, 5);
    EXPECT_EQ(r->headHash.size(), 64u);
}

TEST(StoreRecordChain, ARemovedRowIsReportedWithTheIdsAroundIt) {
    TempDir dir;
    const auto ids = fiveRecords(dir / "k.db");
    const RecordChainReport r = tamperAndVerify(dir / "k.db", "DELETE FROM records WHERE id = '" + ids[2] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), "record #3 missing between " + ids[1] + " (#2) and " + ids[3] + " (#4)")) << all(r);
    EXPECT_EQ(r.problems.size(), 1u) << all(r);
}

TEST(StoreRecordChain, AReorderedRowIsReported) {
    TempDir dir;
    const auto ids = fiveRecords(dir / "k.db");
    // The rows' visible order (their submit times) swapped, or their places in the chain.
    RecordChainReport r = tamperAndVerify(dir / "k.db",
        "UPDATE records SET submitted_at = CASE id WHEN '" + ids[1] + "' THEN '" + meta(2).submittedAt + "' ELSE '" +
        meta(1).submittedAt + "' END WHERE id IN ('" + ids[1] + "', '" + ids[2] + "')");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), ids[1])) << all(r);
    EXPECT_TRUE(has(all(r), ids[2])) << all(r);

    TempDir dir2;
    const auto ids2 = fiveRecords(dir2 / "k.db");
    r = tamperAndVerify(dir2 / "k.db",
        "UPDATE records SET chain_seq = -chain_seq WHERE chain_seq IN (2, 3);"
        "UPDATE records SET chain_seq = CASE chain_seq WHEN -2 THEN 3 ELSE 2 END WHERE chain_seq < 0;");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), ids2[1] + " (#3)")) << all(r);
    EXPECT_TRUE(has(all(r), "out of place")) << all(r);
}

TEST(StoreRecordChain, ACutTailAndAnEmptiedTableAreReported) {
    TempDir dir;
    const auto ids = fiveRecords(dir / "k.db");
    RecordChainReport r = tamperAndVerify(dir / "k.db", "DELETE FROM records WHERE chain_seq >= 4");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), "records #4 to #5 missing after " + ids[2] + " (#3)")) << all(r);
    r = tamperAndVerify(dir / "k.db", "DELETE FROM records");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), "every record was removed")) << all(r);
}

TEST(StoreRecordChain, AReplacedPayloadAnAddedRowOrAMissingHeadIsReported) {
    TempDir dir;
    const auto ids = fiveRecords(dir / "k.db");
    // Another record's sealed payload copied over (opening it fails too, but this needs no key).
    RecordChainReport r = tamperAndVerify(dir / "k.db",
        "UPDATE records SET payload = (SELECT payload FROM records WHERE id = '" + ids[0] + "') WHERE id = '" +
        ids[4] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), ids[4] + " (#5): its sealed payload was replaced")) << all(r);

    TempDir dir2;
    const auto ids2 = fiveRecords(dir2 / "k.db");
    r = tamperAndVerify(dir2 / "k.db",
        "INSERT INTO records (id, form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, "
        "payload) SELECT 'forged', form_id, form_version, content_hash, lang, started_at, submitted_at, kiosk_id, "
        "payload FROM records WHERE id = '" + ids2[0] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), "record forged is not in the chain")) << all(r);

    r = tamperAndVerify(dir2 / "k.db", "DELETE FROM records WHERE id = 'forged'; DELETE FROM meta WHERE key = 'records_head'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), "head of the record chain is missing")) << all(r);
}

TEST(StoreRecordChain, TwoWritersBuildOneChain) {
    TempDir dir;
    { Store s = freshStore(dir / "k.db"); }
    auto writer = [&](int w) {
        StoreOptions o = options(dir / "k.db");
        o.kioskId = "kiosk-" + std::to_string(w);
        Store s = openOrDie(o);
        for (int i = 0; i < 40; ++i) ASSERT_TRUE(s.submit(meta(i), payload(w * 1000 + i)));
    };
    std::thread a(writer, 0), b(writer, 1);
    a.join();
    b.join();
    Store s = openOrDie(options(dir / "k.db"));
    auto r = s.verifyRecords();
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->intact()) << all(*r);
    EXPECT_EQ(r->entries, 80);
}

// The state lives apart from the record row (schema 8): a hand edit there cannot hide a record's
// deletion or fake one without verify saying so.
TEST(StoreRecordChain, AStateRemovedOrADeleteFakedByHandIsReported) {
    TempDir dir;
    const auto ids = fiveRecords(dir / "k.db");
    RecordChainReport r = tamperAndVerify(dir / "k.db", "DELETE FROM record_state WHERE record_id = '" + ids[1] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), ids[1] + " (#2): its state (status) was removed outside the kiosk")) << all(r);

    TempDir dir2;
    const auto ids2 = fiveRecords(dir2 / "k.db");
    r = tamperAndVerify(dir2 / "k.db", "UPDATE record_state SET status = 'deleted' WHERE record_id = '" + ids2[2] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_TRUE(has(all(r), ids2[2] + " (#3): it is marked deleted but its sealed payload is still there")) << all(r);
    r = tamperAndVerify(dir2 / "k.db", "UPDATE record_state SET status = 'exported' WHERE record_id = '" + ids2[2] +
                                           "'; UPDATE records SET payload = NULL WHERE id = '" + ids2[3] + "'");
    ASSERT_FALSE(r.intact());
    EXPECT_FALSE(has(all(r), ids2[2])) << all(r);
    EXPECT_TRUE(has(all(r), ids2[3] + " (#4): its sealed payload is gone but it was never deleted")) << all(r);
}
