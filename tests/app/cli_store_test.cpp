// The store subcommands run as staff and scripts run them: the real binary, stdin not a terminal.
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "kiosk/store/store.h"
#include "../store/store_test_util.h"
#include "support/run_kiosk.h"

using namespace kiosk::store;
using kiosk::testing::RunResult;
using kiosk::testing::TempDir;
using kiosk::testing::writeFile;
namespace st = kiosk::store::testing;

namespace {

/// @p env: "NAME=value ..." set for the child only.
RunResult run(const std::string& args, const std::string& env = "") {
    return kiosk::testing::runKiosk(args, env.empty() ? "" : "env " + env);
}

}  // namespace

class CliStore : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir / "data/intake.sqlite3";
        writeFile(dir / "p1", "first staff secret\n");
        writeFile(dir / "p2", "second staff secret\n");
        opts = " --db " + db;
    }
    TempDir dir;
    std::string db, opts;
};

TEST_F(CliStore, KeysInitStatusAndPasswd) {
    RunResult r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("clinic key created"), std::string::npos);
    r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("already exists"), std::string::npos) << r.output;
    r = run("keys status" + opts);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.output.find("changed from the default"), std::string::npos) << r.output;
    r = run("staff passwd" + opts + " --kdf-strength min --passphrase-file " + dir / "p2" + " --new-passphrase-file " + dir / "p1");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("wrong passphrase"), std::string::npos) << r.output;
    r = run("staff passwd" + opts + " --kdf-strength min --passphrase-file " + dir / "p1" + " --new-passphrase-file " + dir / "p2");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    Store s = st::openOrDie(st::options(db));
    EXPECT_FALSE(s.unlock("first staff secret"));
    EXPECT_TRUE(s.unlock("second staff secret"));
}

TEST_F(CliStore, DefaultPassphraseIsReported) {
    {
        Store s = st::openOrDie(st::options(dir / "k.db"));
        ASSERT_TRUE(*s.ensureKeys(KdfLimits::minimum()));
    }
    RunResult r = run("keys status --db " + dir / "k.db");
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.output.find("passphrase: DEFAULT"), std::string::npos) << r.output;
    writeFile(dir / "default", kDefaultPassphrase);
    r = run("staff passwd --db " + dir / "k.db" + " --kdf-strength min --passphrase-file " + dir / "default" +
            " --new-passphrase-file " + dir / "default");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("must not be the default"), std::string::npos) << r.output;
}

TEST_F(CliStore, KeysStatusSaysWhetherAStaffPinIsSet) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").exitCode, 0);
    RunResult r = run("keys status" + opts, "KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("staff PIN: none set (no settings file); the staff gesture asks for the staff passphrase"),
              std::string::npos) << r.output;
    writeFile(dir / "kiosk.yaml", "staff_pin: \"8642\"\n");
    r = run("keys status" + opts + " --config " + dir / "kiosk.yaml");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("staff PIN: set (" + dir / "kiosk.yaml" + ")"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("8642"), std::string::npos) << r.output;  // the PIN itself is never printed
    writeFile(dir / "kiosk.yaml", "theme: normal\n");
    r = run("keys status" + opts, "KIOSK_CONFIG=" + dir / "kiosk.yaml");
    EXPECT_NE(r.output.find("staff PIN: none set (" + dir / "kiosk.yaml" + ")"), std::string::npos) << r.output;
}

TEST_F(CliStore, WithoutATerminalAPassphraseFileIsRequired) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").exitCode, 0);
    // The command line is what to correct: a usage error, exit 2 (as `records delete` without --yes).
    RunResult r = run("purge" + opts + " --older-than 90d");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("stdin is not a terminal"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("--passphrase-file"), std::string::npos);
    r = run("keys init --db " + dir / "other.db");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("--passphrase-file"), std::string::npos) << r.output;
}

TEST_F(CliStore, PurgeRefusesNonsenseAges) {
    for (const char* bad : {"90", "90x", "0d", "-3d", "d", "1.5d", "999999999d"}) {
        RunResult r = run("purge" + opts + " --older-than " + bad + " --passphrase-file " + dir / "p1");
        EXPECT_EQ(r.exitCode, 2) << bad << ": " << r.output;
        EXPECT_NE(r.output.find("days or hours"), std::string::npos) << bad << ": " << r.output;
    }
}

TEST_F(CliStore, RecordsListPurgeAuditAndBackup) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").exitCode, 0);
    std::vector<std::string> ids;
    {
        Store s = st::openOrDie(st::options(db));
        for (int i = 0; i < 3; ++i) {
            RecordMeta m = st::meta(i);
            m.startedAt = m.submittedAt = "2025-06-01T10:00:0" + std::to_string(i) + "Z";  // in the past
            ids.push_back(*s.submit(m, st::payload(i)));
        }
        auto key = s.unlock("first staff secret");
        ASSERT_TRUE(key);
        ASSERT_TRUE(s.markExported({ids[0]}, *key));
    }
    RunResult r = run("records list" + opts);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const auto& id : ids) EXPECT_NE(r.output.find(id), std::string::npos);
    EXPECT_EQ(r.output.find("Patient"), std::string::npos);  // plain columns only
    r = run("records list" + opts + " --status exported");
    EXPECT_NE(r.output.find(ids[0]), std::string::npos);
    EXPECT_EQ(r.output.find(ids[1]), std::string::npos);

    r = run("purge" + opts + " --older-than 1h --passphrase-file " + dir / "p1");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("purged 1 exported record "), std::string::npos) << r.output;

    r = run("backup" + opts + " " + dir / "copy.db");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("backup" + opts + " " + dir / "copy.db");
    EXPECT_EQ(r.exitCode, 1);
    r = run("records list --db " + dir / "copy.db");
    EXPECT_NE(r.output.find(ids[1]), std::string::npos);
    EXPECT_EQ(r.output.find(ids[0]), std::string::npos);  // purged

    r = run("audit verify" + opts);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // key_init, unlock, export, unlock, purge, backup
    EXPECT_NE(r.output.find("intact: 6 entries"), std::string::npos) << r.output;
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'count=0' WHERE action = 'export'");
    }
    r = run("audit verify" + opts);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("broken at entry 3"), std::string::npos) << r.output;
}

TEST_F(CliStore, MissingDatabaseIsAClearError) {
    RunResult r = run("records list --db " + dir / "nothing.db");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("nothing.db: error: no database here"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "nothing.db"));
}

TEST_F(CliStore, StaffCommandsUseTheSettingsFilesDataDir) {
    const std::string data = dir / "from-config";
    writeFile(dir / "kiosk.yaml", "data_dir: " + data + "\n");
    // XDG points elsewhere: only the settings file can lead to `data`.
    const std::string env = "XDG_DATA_HOME=" + dir / "xdg" + " KIOSK_CONFIG=" + dir / "kiosk.yaml";
    RunResult r = run("keys init --kdf-strength min --passphrase-file " + dir / "p1", env);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(data + "/intake.sqlite3"));
    EXPECT_FALSE(std::filesystem::exists(dir / "xdg"));
    r = run("keys status", env);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("clinic key: present"), std::string::npos) << r.output;
    // --config names the file directly; --data-dir and --db still win over it.
    r = run("records list --config " + dir / "kiosk.yaml", "XDG_DATA_HOME=" + dir / "xdg" + " KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    r = run("records list --data-dir " + dir / "elsewhere", env);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(dir / "elsewhere/intake.sqlite3: error: no database here"), std::string::npos) << r.output;

    writeFile(dir / "bad.yaml", "data_dir: " + data + "\nidle_afer: 90\n");
    r = run("records list", "KIOSK_CONFIG=" + dir / "bad.yaml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(dir / "bad.yaml:2:1: error: "), std::string::npos) << r.output;
    r = run("records list --config " + dir / "missing.yaml");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("missing.yaml: error: cannot read the config file"), std::string::npos) << r.output;
}

TEST_F(CliStore, StaffCommandsCreateNoFoldersAndLogOnlyWhereLogsExist) {
    // Not a database: a plain message, and no logs/ made beside it.
    std::filesystem::create_directories(dir / "etc");
    writeFile(dir / "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
    RunResult r = run("keys status --db " + dir / "etc/passwd");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(dir / "etc/passwd is not an intake database"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("intake is stopped"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "etc/logs"));
    EXPECT_EQ(st::readFile(dir / "etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");

    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(dir / "data/logs"));
    std::filesystem::create_directories(dir / "data/logs");
    ASSERT_EQ(run("records list" + opts).exitCode, 0);
    writeFile(dir / "wrong", "not the passphrase\n");
    r = run("records verify" + opts + " --passphrase-file " + dir / "wrong");
    EXPECT_EQ(r.exitCode, 1);
    const std::string log = st::readFile(dir / "data/logs/intake-kiosk.log");
    EXPECT_NE(log.find("unlock refused"), std::string::npos) << log;
}

TEST_F(CliStore, KeysInitReadsThePassphraseBeforeMakingAnything) {
    writeFile(dir / "short", "2short\n");
    RunResult r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "short");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("at least 8 characters"), std::string::npos) << r.output;
    r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "missing");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("cannot read the passphrase file"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "data"));
}

TEST_F(CliStore, KeysStatusShowsTheKdfLimits) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").exitCode, 0);
    const RunResult r = run("keys status" + opts);
    EXPECT_EQ(r.exitCode, 0);
    const KdfLimits min = KdfLimits::minimum();
    EXPECT_NE(r.output.find("key derivation: argon2id, opslimit " + std::to_string(min.opslimit) + ", memlimit " +
                         std::to_string(min.memlimit / 1024) + " KiB"),
              std::string::npos)
        << r.output;
}

TEST_F(CliStore, RecordsListRefusesANegativeLimitPlainly) {
    const RunResult r = run("records list" + opts + " --limit -1");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("--limit: expected a whole number of records (0 = all), not '-1'"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("179769"), std::string::npos) << r.output;
}

TEST_F(CliStore, BackupCopiesADamagedDatabaseAsItIs) {
    std::filesystem::create_directories(dir / "data");
    {
        Store s = st::freshStore(db, "first staff secret");
        for (int i = 0; i < 200; ++i) ASSERT_TRUE(s.submit(st::meta(i), st::payload(i) + std::string(500, ' ')));
    }
    std::size_t root = 0;
    {
        SQLite::Database raw(db, SQLite::OPEN_READONLY);
        root = static_cast<std::size_t>(raw.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'records'").getInt());
    }
    std::string bytes = st::readFile(db);
    for (std::size_t i = 4096 * (root - 1); i < 4096 * (root - 1) + 64; ++i) bytes[i] = '\x5a';
    { std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes; }

    RunResult r = run("records list" + opts);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("the database is damaged"), std::string::npos) << r.output;
    r = run("backup" + opts + " " + dir / "rescue.db");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("copied here as it is"), std::string::npos) << r.output;
    ASSERT_TRUE(std::filesystem::exists(dir / "rescue.db"));
    EXPECT_EQ(st::readFile(dir / "rescue.db").substr(4096 * (root - 1), 64), std::string(64, '\x5a'));
}
