// `export --format json`: the real binary writes the file whole, 0600, and marks what it wrote.
#include <sys/stat.h>

#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "records_fixture.h"

using namespace kiosk::store;
using namespace kiosk::app::testing;
namespace st = kiosk::store::testing;
using nlohmann::json;

class CliExport : public RecordsFixture {};

TEST_F(CliExport, ExportWritesEveryRecordOnceAndMarksThem) {
    const std::string out = dir / "export.json";
    flipPayloadByte(db, ids[1]);
    RunResult r = run("export --format json -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("exported 2 records to " + out), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 damaged record(s) not exported"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Patient"), std::string::npos) << r.output;
    struct stat info {};
    ASSERT_EQ(::stat(out.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));

    const json doc = json::parse(st::readFile(out));
    ASSERT_EQ(doc["records"].size(), 2u);
    EXPECT_EQ(doc["records"][0]["id"], ids[0]);
    EXPECT_EQ(doc["records"][0]["record"], json::parse(st::payload(0)));
    EXPECT_EQ(doc["records"][0]["status"], "submitted");
    EXPECT_EQ(doc["records"][1]["id"], ids[2]);
    EXPECT_EQ(doc["damaged"], json::array({ids[1]}));

    Store s = st::openOrDie(st::options(db));
    EXPECT_EQ(statusOf(s, ids[0]), RecordStatus::Exported);
    EXPECT_EQ(statusOf(s, ids[1]), RecordStatus::Submitted);  // damaged: listed, not marked
    EXPECT_EQ(statusOf(s, ids[2]), RecordStatus::Exported);

    r = run("export --format json -o " + out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("will not overwrite an existing file (give --force)"), std::string::npos) << r.output;
    r = run("export --format json --status exported --form intake --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(st::readFile(out))["records"].size(), 2u);

    // The audit rows name the count and the filters asked for, never what a record holds.
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT detail FROM audit WHERE action = 'export' ORDER BY seq");
    std::vector<std::string> details;
    while (q.executeStep()) details.push_back(q.getColumn(0).getString());
    EXPECT_EQ(details, (std::vector<std::string>{"count=2", "count=2 form=intake status=exported"}));
}

TEST_F(CliExport, ExportFiltersByDateAndCanLeaveRecordsUnmarked) {
    const std::string out = dir / "export.json";
    // st::meta() records were all submitted on 2026-11-25.
    RunResult r = run("export --format json --until 2026-11-24 -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(json::parse(st::readFile(out))["records"].empty());
    r = run("export --format json --since 2026-11-25 --until 2026-11-25 --no-mark --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(st::readFile(out))["records"].size(), 3u);
    Store s = st::openOrDie(st::options(db));
    for (const auto& id : ids) EXPECT_EQ(statusOf(s, id), RecordStatus::Submitted);
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE action = 'export' AND detail = 'count=3 not_marked "
                             "since=2026-11-25T00:00:00Z before=2026-11-26T00:00:00Z'").getInt(), 1);

    // A full timestamp is a moment, included at both ends: records 0, 1, 2 are at 10:00:00, :01, :02.
    r = run("export --format json --since 2026-11-25T10:00:01Z --until 2026-11-25T10:00:02Z --no-mark --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json both = json::parse(st::readFile(out))["records"];
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0]["id"], ids[1]);
    EXPECT_EQ(both[1]["id"], ids[2]);
    r = run("export --format json --until 2026-11-25T10:00:00Z --no-mark --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(st::readFile(out))["records"].size(), 1u);

    for (const char* bad : {"--format docx", "--format json --excel", "--format json --since 2026-13-01",
                            "--format json --until yesterday"}) {
        r = run(std::string("export ") + bad + " -o " + dir / "never.json");
        EXPECT_EQ(r.exitCode, 2) << bad << ": " << r.output;
        EXPECT_FALSE(std::filesystem::exists(dir / "never.json")) << bad;
    }
}

// Found walking the office manager's commands: --since after --until exported 0 records with
// exit 0 and left an empty file that looks like "nothing happened that week"; --paper and --lang
// on a CSV or JSON export were ignored without a word, and --lang fr made an English PDF.
TEST_F(CliExport, ADateRangeThatEndsBeforeItStartsOrAPdfOptionElsewhereIsAUsageError) {
    const std::string out = dir / "never.csv";
    RunResult r = run("export --format csv --since 2026-11-26 --until 2026-11-24 -o " + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--since 2026-11-26 is after --until 2026-11-24"), std::string::npos) << r.output;
    r = run("export --format json --since 2026-11-25T10:00:02Z --until 2026-11-25T10:00:01Z -o " + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--since 2026-11-25T10:00:02Z is after --until 2026-11-25T10:00:01Z"), std::string::npos)
        << r.output;
    r = run("export --format csv --paper letter -o " + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--paper is for --format pdf"), std::string::npos) << r.output;
    r = run("export --format json --lang es -o " + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--lang is for --format pdf"), std::string::npos) << r.output;
    r = run("export --format pdf --lang fr -o " + out);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--lang: no staff labels in 'fr' (en, es)"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(out));
    Store s = st::openOrDie(st::options(db));
    for (const auto& id : ids) EXPECT_EQ(statusOf(s, id), RecordStatus::Submitted);
    // a folder given as the output: said so, with what to give instead (it said "will not overwrite
    // an existing file (give --force)", and with --force "is not a regular file")
    for (const char* force : {"", " --force"}) {
        r = run("export --format csv" + std::string(force) + " -o " + dir.path());
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_NE(r.output.find(dir.path() + ": error: is a folder: give the file to write, such as " +
                                (dir / "intakes.csv")),
                  std::string::npos)
            << r.output;
    }
    // nothing matched: said on stderr (with what was asked), the file still written for scripts
    r = run("export --format csv --since 2027-01-01 -o " + dir / "empty.csv");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find(dir / "empty.csv" + ": note: no record matched (since=2027-01-01T00:00:00Z)"),
              std::string::npos)
        << r.output;
    // the same day at both ends is that whole day
    r = run("export --format json --since 2026-11-25 --until 2026-11-25 --no-mark -o " + dir / "day.json");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

// The brief's end-to-end path: two records saved as a kiosk would, exported, then purgeable.
TEST_F(CliExport, SimulatedRecordsExportAndThenPurge) {
    const std::string src = KIOSK_SOURCE_DIR;
    const std::string save = "simulate " + src + "/forms/intake.yaml --answers " + src +
                             "/tests/data/answers/intake-calm/answers.json --drop-hidden --save --db " + db;
    for (int i = 0; i < 2; ++i) {
        const RunResult r = kiosk::app::testing::runKiosk(save + " </dev/null");
        ASSERT_EQ(r.exitCode, 0) << r.output;
    }
    const std::string out = dir / "export.json";
    const RunResult r = run("export --format json --form clinic_intake -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json doc = json::parse(st::readFile(out));
    ASSERT_EQ(doc["records"].size(), 2u);
    for (const json& rec : doc["records"]) {
        EXPECT_EQ(rec["form"], "clinic_intake");
        EXPECT_EQ(rec["kiosk"], "simulate");
        EXPECT_EQ(rec["record"]["answers"]["first_name"], "Testpatient");
    }
    EXPECT_TRUE(doc["damaged"].empty());

    Store s = st::openOrDie(st::options(db));
    ListFilter exported;
    exported.status = RecordStatus::Exported;
    EXPECT_EQ(*s.count(exported), 2);
    auto key = s.unlock(kPass);
    ASSERT_TRUE(key);
    EXPECT_EQ(*s.purgeExported(std::chrono::hours(1), *key, kiosk::core::SystemClock::now()), 0);  // too fresh
    EXPECT_EQ(*s.purgeExported(std::chrono::hours(1), *key, kiosk::core::SystemClock::now() + std::chrono::hours(2)), 2);
}

TEST_F(CliExport, RefusesToWriteOverTheDatabaseOrItsFiles) {
    const std::string before = st::readFile(db);
    std::filesystem::create_symlink(db, dir / "link-to-db.json");
    std::filesystem::create_hard_link(db, dir / "hard-link-to-db.json");
    std::filesystem::create_directory(dir / "a-folder");
    struct Case { std::string output; int exit; const char* says; };
    const Case cases[] = {
        {db, 2, "the output is the database file"},
        {dir / "./intake.sqlite3", 2, "the output is the database file"},
        {dir / "hard-link-to-db.json", 2, "the output is the database file"},
        {dir / "link-to-db.json", 2, "the output is the database file"},
        {db + "-wal", 2, "the output is the database's -wal file"},
        {db + "-shm", 2, "the output is the database's -shm file"},
        {db + "-journal", 2, "the output is the database's -journal file"},
        {dir / "a-folder", 1, "is a folder: give the file to write, such as "},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.output);
        const RunResult r = run("export --format json --force -o " + c.output);
        EXPECT_EQ(r.exitCode, c.exit) << r.output;
        EXPECT_NE(r.output.find(c.says), std::string::npos) << r.output;
        EXPECT_EQ(st::readFile(db), before);
        EXPECT_TRUE(tempFiles(dir.path()).empty());
    }
    EXPECT_TRUE(std::filesystem::is_directory(dir / "a-folder"));
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "link-to-db.json"));
    Store s = st::openOrDie(st::options(db));
    for (const auto& id : ids) EXPECT_EQ(statusOf(s, id), RecordStatus::Submitted);
    auto key = s.unlock(kPass);
    ASSERT_TRUE(key);
    EXPECT_TRUE(s.readPayload(ids[0], *key));
}

TEST_F(CliExport, TheTempFileIsFreshPrivateAndNeverFollowsAPlantedName) {
    const std::string out = dir / "export.json";
    std::ofstream(dir / "victim") << "keep me";
    std::filesystem::create_symlink(dir / "victim", out + ".tmp");
    const RunResult r = run("export --format json -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(st::readFile(dir / "victim"), "keep me");
    EXPECT_TRUE(std::filesystem::is_symlink(out + ".tmp"));
    EXPECT_EQ(json::parse(st::readFile(out))["records"].size(), 3u);
    std::filesystem::remove(out + ".tmp");
    EXPECT_TRUE(tempFiles(dir.path()).empty());
}

TEST_F(CliExport, AFailedOrKilledExportLeavesNoTempFile) {
    // An output folder that does not exist (tests may run as root, so not a read-only one).
    RunResult r = run("export --format json -o " + dir / "missing/export.json");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("cannot create the export file"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));

    // Killed half-way through writing (a file-size limit kills with SIGXFSZ): enough records that
    // the export passes the limit while the database's own files stay under it.
    {
        Store s = st::openOrDie(st::options(db));
        const std::string big = R"({"answers":{"notes":")" + std::string(4000, 'x') + R"("}})";
        for (int i = 3; i < 40; ++i) ASSERT_TRUE(s.submit(st::meta(i), big));
    }
    const std::string out = dir / "export.json";
    r = kiosk::app::testing::runKiosk("export --format json -o " + out + " --db " + db + " --passphrase-file " +
                                      dir / "pass" + " </dev/null",
                                      "ulimit -c 0; ulimit -f 100;");
    EXPECT_NE(r.exitCode, 0) << r.output;
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(tempFiles(dir.path()).empty());
    Store s = st::openOrDie(st::options(db));
    for (const auto& id : ids) EXPECT_EQ(statusOf(s, id), RecordStatus::Submitted);
}

TEST_F(CliExport, TheSettingsFilesKioskIdNamesThisKiosk) {
    std::ofstream(dir / "kiosk.yaml") << "kiosk_id: front-desk-2\n";
    const std::string out = dir / "export.json";
    RunResult r = run("export --format json --no-mark --config " + dir / "kiosk.yaml" + " -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(st::readFile(out))["kiosk"], "front-desk-2");
    {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("SELECT kiosk_id FROM audit WHERE action = 'export'").getString(), "front-desk-2");
    }
    // Without a settings file the database's own id stays (the records keep the id they were made with).
    r = run("export --format json --no-mark --force -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json doc = json::parse(st::readFile(out));
    EXPECT_NE(doc["kiosk"], "front-desk-2");
    EXPECT_EQ(doc["records"][0]["kiosk"], "kiosk-test");
}

// An export writes (its marks, its audit row), so it opens with the full quick_check like every
// writing command: damage where the export itself never reads (here the audit log's root page) is
// found before anything is written, said plainly, and no file appears.
TEST_F(CliExport, ADamagedDatabaseIsSaidAndLeftAsFound) {
    std::size_t root = 0;
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // every page in the file itself
        root = static_cast<std::size_t>(raw.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").getInt());
    }
    std::string bytes = st::readFile(db);
    ASSERT_GT(bytes.size(), 4096 * root);
    for (std::size_t i = 4096 * (root - 1); i < 4096 * (root - 1) + 64; ++i) bytes[i] = '\x5a';
    { std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes; }

    const std::string out = dir / "export.csv";
    RunResult r = run("export --format csv -o " + out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("the database is damaged"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(tempFiles(dir.path()).empty());
    EXPECT_TRUE(st::readFile(db) == bytes) << "the damaged file was changed";
}
