// A record's state (status and when it last changed) lives in its own small table (schema 8), so
// that marking records reviewed or exported writes a few small rows, not every 8 kB record row
// with its sealed payload's overflow pages (docs/record-sealing.md). Migration 8 carries each
// record's state over from a version 7 database.
#include <sys/stat.h>

#include <algorithm>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/schema.h"
#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;
using kiosk::core::ErrorCode;

namespace {

/// Every byte of every records row, in id order: what a mark must leave alone.
std::string recordRows(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT * FROM records ORDER BY id");
    std::string out;
    while (q.executeStep()) {
        for (int i = 0; i < q.getColumnCount(); ++i) {
            const SQLite::Column c = q.getColumn(i);
            out += std::to_string(c.getType()) + ':' + std::to_string(c.getBytes()) + ':';
            out.append(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
        }
        out += '\n';
    }
    return out;
}

/// An answer set of about 6 kB, as large as a real intake's: the row spills to overflow pages.
std::string largePayload(int i) {
    std::string text;
    for (int k = 0; text.size() < 6000; ++k) text += "answer " + std::to_string(i * 1000 + k) + " of the intake; ";
    return R"({"answers":{"notes":")" + text + R"("},"flags":[]})";
}

long fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : 0;
}

bool hasColumn(const std::string& path, const std::string& table, const std::string& column) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table);
    q.bind(2, column);
    q.executeStep();
    return q.getColumn(0).getInt() > 0;
}

}  // namespace

TEST(StoreRecordState, MarkingRecordsExportedLeavesTheirRowsAndPagesAlone) {
    TempDir dir;
    const std::string path = dir / "k.db";
    constexpr int kRecords = 64;
    Store s = freshStore(path);
    std::vector<std::string> ids;
    for (int i = 0; i < kRecords; ++i) ids.push_back(*s.submit(meta(i), largePayload(i)));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.markReviewed(ids[0], *key));
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    ASSERT_EQ(fileSize(path + "-wal"), 0);
    const std::string before = recordRows(path);
    const long pageSize = [&] {
        SQLite::Database raw(path, SQLite::OPEN_READONLY);
        return static_cast<long>(raw.execAndGet("PRAGMA page_size").getInt());
    }();

    ASSERT_TRUE(s.markExported(ids, *key));

    EXPECT_TRUE(recordRows(path) == before) << "a mark rewrote record rows";  // not printed: binary
    // Each record row is larger than a page: rewriting them would write at least 2 pages per
    // record to the WAL. The marks are a few dozen bytes each, plus the audit row and its head.
    const long frames = (fileSize(path + "-wal") - 32) / (pageSize + 24);
    EXPECT_LT(frames, kRecords / 4) << "pages written to mark " << kRecords << " records exported";
    auto rows = s.list();
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), static_cast<std::size_t>(kRecords));
    for (const RecordSummary& r : *rows) EXPECT_EQ(r.status, RecordStatus::Exported) << r.meta.id;
    EXPECT_TRUE(s.verifyRecords()->intact());
    EXPECT_TRUE(s.integrityCheck());
}

TEST(StoreRecordState, ADeleteStillErasesThePayloadAndAllStatesFilter) {
    TempDir dir;
    Store s = freshStore(dir / "k.db");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(*s.submit(meta(i), payload(i)));
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    ASSERT_TRUE(s.markReviewed(ids[1], *key));
    ASSERT_TRUE(s.markExported({ids[2], ids[3]}, *key));
    ASSERT_TRUE(s.deleteRecord(ids[3], *key));
    ASSERT_TRUE(s.deleteRecord(ids[4], *key));
    EXPECT_EQ(s.markReviewed(ids[4], *key).error().code, ErrorCode::NotFound);
    EXPECT_EQ(s.deleteRecord(ids[4], *key).error().code, ErrorCode::NotFound);

    auto countOf = [&](RecordStatus st) {
        ListFilter f;
        f.status = st;
        return *s.count(f);
    };
    EXPECT_EQ(countOf(RecordStatus::Submitted), 1);
    EXPECT_EQ(countOf(RecordStatus::Reviewed), 1);
    EXPECT_EQ(countOf(RecordStatus::Exported), 1);
    EXPECT_EQ(countOf(RecordStatus::Deleted), 2);
    EXPECT_EQ(*s.count({}), 3) << "deleted records are left out unless asked for";
    ListFilter all;
    all.includeDeleted = true;
    EXPECT_EQ(s.list(all)->size(), 5u);
    EXPECT_EQ(s.readPayload(ids[3], *key).error().code, ErrorCode::NotFound);
    EXPECT_EQ(*s.readPayload(ids[2], *key), payload(2));
    SQLite::Database raw(dir / "k.db", SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM records WHERE payload IS NULL").getInt(), 2);
    EXPECT_TRUE(s.verifyRecords()->intact());
}

// A version 7 database, made with the schema as it shipped (migrations 1 to 7), holding a record
// in each state: opening it moves every state out of the record rows, times included.
TEST(StoreRecordState, Version8CarriesEveryRecordsStateOver) {
    TempDir dir;
    std::vector<std::string> ids;
    {
        Store src = freshStore(dir / "src.db");
        for (int i = 0; i < 4; ++i) ids.push_back(*src.submit(meta(i), payload(i)));
    }
    const std::string path = dir / "v7.db";
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        ASSERT_TRUE(migrateTo(db, 7));
        db.exec("ATTACH '" + dir / "src.db" + "' AS src");
        db.exec("INSERT INTO meta SELECT * FROM src.meta");
        db.exec("INSERT INTO audit SELECT * FROM src.audit");
        db.exec("INSERT INTO outbox SELECT * FROM src.outbox");
        db.exec("INSERT INTO records (id, form_id, form_version, content_hash, lang, started_at, submitted_at, "
                "kiosk_id, status_at, payload, chain_seq, chain_prev, sealed_hash, chain_hash, urgent_flags, "
                "caution_flags) SELECT id, form_id, form_version, content_hash, lang, started_at, submitted_at, "
                "kiosk_id, submitted_at, payload, chain_seq, chain_prev, sealed_hash, chain_hash, urgent_flags, "
                "caution_flags FROM src.records");
        db.exec("DETACH src");
        // The states as version 7 kept them, in the record row.
        db.exec("UPDATE records SET status = 'reviewed', status_at = '2026-11-26T08:00:01Z' WHERE id = '" + ids[1] + "'");
        db.exec("UPDATE records SET status = 'exported', status_at = '2026-11-26T08:00:02Z' WHERE id = '" + ids[2] + "'");
        db.exec("UPDATE records SET status = 'deleted', status_at = '2026-11-26T08:00:03Z', payload = NULL "
                "WHERE id = '" + ids[3] + "'");
    }
    Store s = openOrDie(options(path));
    EXPECT_FALSE(hasColumn(path, "records", "status"));
    EXPECT_FALSE(hasColumn(path, "records", "status_at"));

    ListFilter all;
    all.includeDeleted = true;
    auto rows = s.list(all);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 4u);
    const std::vector<std::pair<RecordStatus, std::string>> expect = {
        {RecordStatus::Submitted, meta(0).submittedAt},
        {RecordStatus::Reviewed, "2026-11-26T08:00:01Z"},
        {RecordStatus::Exported, "2026-11-26T08:00:02Z"},
        {RecordStatus::Deleted, "2026-11-26T08:00:03Z"}};
    for (const RecordSummary& r : *rows) {
        const auto at = std::find(ids.begin(), ids.end(), r.meta.id);
        ASSERT_NE(at, ids.end());
        const auto& [status, statusAt] = expect[static_cast<std::size_t>(at - ids.begin())];
        EXPECT_EQ(r.status, status) << r.meta.id;
        EXPECT_EQ(r.statusAt, statusAt) << r.meta.id;
    }
    EXPECT_EQ(rows->size(), 4u);
    auto key = s.unlock("correct horse");
    ASSERT_TRUE(key);
    EXPECT_EQ(*s.readPayload(ids[0], *key), payload(0));
    EXPECT_EQ(s.readPayload(ids[3], *key).error().code, ErrorCode::NotFound);
    auto chain = s.verifyRecords();
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->intact()) << (chain->problems.empty() ? "" : chain->problems.front());
    EXPECT_TRUE(s.verifyAudit()->intact());

    // The states go on changing, and records saved later get theirs.
    ASSERT_TRUE(s.markExported({ids[0], ids[1]}, *key));
    const std::string later = *s.submit(meta(9), payload(9));
    ListFilter exported;
    exported.status = RecordStatus::Exported;
    EXPECT_EQ(*s.count(exported), 3);
    ListFilter submitted;
    submitted.status = RecordStatus::Submitted;
    auto fresh = s.list(submitted);
    ASSERT_EQ(fresh->size(), 1u);
    EXPECT_EQ(fresh->front().meta.id, later);
    EXPECT_EQ(fresh->front().statusAt, meta(9).submittedAt);
    EXPECT_TRUE(s.integrityCheck());
}
