// Every migration, from every older schema version (0 = empty file) to the current one, with data
// written at the old version surviving and the result identical to a fresh database.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "kiosk/store/schema.h"
#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;
using kiosk::core::ErrorCode;

namespace {

std::string schemaOf(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    std::string out;
    while (q.executeStep())
        for (int i = 0; i < 4; ++i) out += q.getColumn(i).getString() + (i == 3 ? "\n" : "|");
    return out;
}

}  // namespace

TEST(StoreMigrations, EveryOlderVersionMigratesWithItsData) {
    TempDir dir;
    // The source of old-version rows: a current store with keys, records and audit rows.
    std::vector<std::string> ids;
    {
        Store src = freshStore(dir / "src.db");
        for (int i = 0; i < 3; ++i) ids.push_back(*src.submit(meta(i), payload(i)));
        ASSERT_TRUE(src.unlock("correct horse"));
    }
    { Store fresh = openOrDie(options(dir / "fresh.db")); }
    const std::string freshSchema = schemaOf(dir / "fresh.db");

    for (int from = 0; from < kSchemaVersion; ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        const std::string path = dir / ("v" + std::to_string(from) + ".db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            ASSERT_TRUE(migrateTo(db, from));
            ASSERT_EQ(schemaVersion(db), from);
            db.exec("ATTACH '" + dir / "src.db" + "' AS src");
            if (from >= 1) {
                // The heads in meta arrived with versions 4 (audit) and 5 (records).
                const std::string heads = from >= 5 ? "''" : from >= 4 ? "'records_head'" : "'audit_head', 'records_head'";
                db.exec("INSERT INTO meta SELECT * FROM src.meta WHERE key NOT IN (" + heads + ")");
                // status_at came with version 3, the record chain's columns with version 5; the
                // state moved out of the record row into record_state with version 8.
                const bool stateInRow = from < 8;
                const std::string statusAt = std::string(stateInRow ? ", status" : "") +
                                             (from >= 3 && stateInRow ? ", status_at" : "") +
                                             (from >= 5 ? ", chain_seq, chain_prev, sealed_hash, chain_hash" : "");
                db.exec("INSERT INTO records (id, form_id, form_version, content_hash, lang, started_at, "
                        "submitted_at, kiosk_id, payload" + statusAt + ") SELECT id, form_id, form_version, "
                        "content_hash, lang, started_at, submitted_at, kiosk_id, payload" + statusAt +
                        " FROM src.records JOIN src.record_state ON record_id = id");
                if (!stateInRow) db.exec("INSERT INTO record_state SELECT * FROM src.record_state");
            }
            if (from >= 2) db.exec("INSERT INTO audit SELECT * FROM src.audit");
            // The outbox came with version 6 (main's sync), the flag counts with version 7.
            if (from >= 6) db.exec("INSERT INTO outbox SELECT * FROM src.outbox");
            db.exec("DETACH src");
        }
        Store s = openOrDie(options(path));
        if (from >= 2) {
            // Migration 4 starts the head from the chain as it stood.
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            SQLite::Database src(dir / "src.db", SQLite::OPEN_READONLY);
            const std::string headSql = "SELECT CAST(value AS TEXT) FROM meta WHERE key = 'audit_head'";
            EXPECT_EQ(db.execAndGet(headSql).getString(), src.execAndGet(headSql).getString());
            EXPECT_EQ(db.execAndGet(headSql).getString(),
                      src.execAndGet("SELECT seq || ':' || lower(hex(hash)) FROM audit ORDER BY seq DESC LIMIT 1").getString());
        }
        {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            EXPECT_EQ(schemaVersion(db), kSchemaVersion);
            if (from >= 1) {
                EXPECT_EQ(db.execAndGet("SELECT count(*) FROM records JOIN record_state ON record_id = id "
                                        "WHERE status_at = submitted_at AND status = 'submitted'").getInt(), 3);
            }
        }
        EXPECT_EQ(schemaOf(path), freshSchema);
        if (from >= 1) {
            auto key = s.unlock("correct horse");
            ASSERT_TRUE(key) << key.error().format();
            for (int i = 0; i < 3; ++i) EXPECT_EQ(*s.readPayload(ids[static_cast<std::size_t>(i)], *key), payload(i));
        }
        // Migration 5 chains the records already there, in submit order, and later saves follow on.
        auto chain = s.verifyRecords();
        ASSERT_TRUE(chain) << chain.error().format();
        EXPECT_TRUE(chain->intact()) << (chain->problems.empty() ? "" : chain->problems.front());
        EXPECT_EQ(chain->entries, from >= 1 ? 3 : 0);
        if (from >= 1) {
            ASSERT_TRUE(s.submit(meta(3), payload(3)));
            chain = s.verifyRecords();
            EXPECT_TRUE(chain->intact());
            EXPECT_EQ(chain->headSeq, 4);
            // Migration 6 queues the records already there for the clinic server; new ones follow.
            EXPECT_EQ(s.syncState()->waiting, 4);
        }
        auto report = s.verifyAudit();
        ASSERT_TRUE(report);
        if (from == 1) {
            // Version 1 kept no audit log, so the existing key's creation is not in it: said, not
            // hidden, and said plainly.
            EXPECT_EQ(report->problem, "the audit log starts after the key was made (database created before "
                                       "audit logging, schema v1)");
        } else {
            EXPECT_TRUE(report->intact()) << report->problem;
        }
        EXPECT_TRUE(s.integrityCheck());
    }
}

TEST(StoreMigrations, NewerDatabaseIsRefusedAndLeftAlone) {
    TempDir dir;
    { Store s = openOrDie(options(dir / "k.db")); }
    {
        SQLite::Database db(dir / "k.db", SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    }
    auto s = Store::open(options(dir / "k.db"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::Invalid);
    EXPECT_NE(s.error().message.find("newer"), std::string::npos);
    SQLite::Database db(dir / "k.db", SQLite::OPEN_READONLY);
    EXPECT_EQ(schemaVersion(db), kSchemaVersion + 1);
}

// Schema 7 (issue 20): flag counts as plain columns, so the desk sees red flags in `records list`
// without the key. Records saved before have none (NULL: not known); later saves carry theirs.
// From a version 5 database (through main's outbox, version 6) and from a version 6 one as main
// shipped it (outbox, no flag counts): the records already there stay queued for the server.
TEST(StoreMigrations, Version7AddsFlagCountsUnknownForOlderRecords) {
    for (int from : {5, 6}) {
        SCOPED_TRACE("from version " + std::to_string(from));
        TempDir dir;
        const std::string path = dir / ("v" + std::to_string(from) + ".db");
        std::string old;
        {
            Store s = freshStore(path);
            old = *s.submit(meta(0), payload(0));
        }
        {
            // Back to the version as it shipped: without the two columns (and, for 5, the outbox).
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.exec("ALTER TABLE records DROP COLUMN urgent_flags");
            db.exec("ALTER TABLE records DROP COLUMN caution_flags");
            if (from == 5) db.exec("DROP TABLE outbox");
            // And the state back in the record row, as it was before version 8.
            db.exec("ALTER TABLE records ADD COLUMN status TEXT NOT NULL DEFAULT 'submitted' "
                    "CHECK (status IN ('submitted', 'reviewed', 'exported', 'deleted'))");
            db.exec("ALTER TABLE records ADD COLUMN status_at TEXT");
            db.exec("UPDATE records SET status_at = submitted_at");
            db.exec("CREATE INDEX records_status ON records (status, submitted_at)");
            db.exec("DROP TABLE record_state");
            db.exec("DROP INDEX records_form");  // version 9
            db.exec("DROP TABLE mark_outbox");  // version 10
            db.exec("PRAGMA user_version = " + std::to_string(from));
        }
        Store s = openOrDie(options(path));
        {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            EXPECT_EQ(schemaVersion(db), kSchemaVersion);
        }
        EXPECT_EQ(s.syncState()->waiting, 1) << "the record saved before is queued for the server";
        RecordMeta flagged = meta(1);
        flagged.flags = FlagCounts{2, 3};
        const std::string id = *s.submit(flagged, payload(1));
        RecordMeta none = meta(2);
        none.flags = FlagCounts{};
        const std::string calm = *s.submit(none, payload(2));
        RecordMeta negative = meta(3);
        negative.flags = FlagCounts{-1, 0};
        EXPECT_FALSE(s.submit(negative, payload(3)));
        EXPECT_EQ(s.syncState()->waiting, 3);

        const auto rows = s.list();
        ASSERT_TRUE(rows);
        ASSERT_EQ(rows->size(), 3u);
        for (const RecordSummary& r : *rows) {
            if (r.meta.id == old) {
                EXPECT_FALSE(r.meta.flags.has_value()) << "saved before version 7: not known";
            } else if (r.meta.id == id) {
                EXPECT_EQ(r.meta.flags, (FlagCounts{2, 3}));
            } else {
                EXPECT_EQ(r.meta.id, calm);
                EXPECT_EQ(r.meta.flags, (FlagCounts{0, 0}));
            }
        }
        // Advisory, not bound: the records open and the chain holds with them.
        auto key = s.unlock("correct horse");
        ASSERT_TRUE(key);
        EXPECT_EQ(*s.readPayload(id, *key), payload(1));
        EXPECT_TRUE(s.verifyRecords()->intact());
        EXPECT_TRUE(s.integrityCheck());
    }
}
