// The store subcommands run as staff and scripts run them: the real binary, stdin not a terminal.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "kiosk/store/store.h"
#include "../store/store_test_util.h"

using namespace kiosk::store;
using kiosk::store::testing::TempDir;
namespace st = kiosk::store::testing;

namespace {

struct RunResult {
    int code = -1;
    std::string out;  ///< stdout and stderr
};

RunResult run(const std::string& args) {
    const std::string cmd = std::string(KIOSK_BINARY) + " " + args + " </dev/null 2>&1";
    RunResult r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

class CliStore : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir / "data/intake.sqlite3";
        write(dir / "p1", "first staff secret\n");
        write(dir / "p2", "second staff secret\n");
        opts = " --db " + db;
    }
    TempDir dir;
    std::string db, opts;
};

TEST_F(CliStore, KeysInitStatusAndPasswd) {
    RunResult r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("clinic key created"), std::string::npos);
    r = run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("already exists"), std::string::npos) << r.out;
    r = run("keys status" + opts);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("changed from the default"), std::string::npos) << r.out;
    r = run("staff passwd" + opts + " --kdf-strength min --passphrase-file " + dir / "p2" + " --new-passphrase-file " + dir / "p1");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("wrong passphrase"), std::string::npos) << r.out;
    r = run("staff passwd" + opts + " --kdf-strength min --passphrase-file " + dir / "p1" + " --new-passphrase-file " + dir / "p2");
    ASSERT_EQ(r.code, 0) << r.out;
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
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("passphrase: DEFAULT"), std::string::npos) << r.out;
    write(dir / "default", kDefaultPassphrase);
    r = run("staff passwd --db " + dir / "k.db" + " --kdf-strength min --passphrase-file " + dir / "default" +
            " --new-passphrase-file " + dir / "default");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("must not be the default"), std::string::npos) << r.out;
}

TEST_F(CliStore, WithoutATerminalAPassphraseFileIsRequired) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").code, 0);
    RunResult r = run("purge" + opts + " --older-than 90d");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("stdin is not a terminal"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--passphrase-file"), std::string::npos);
    r = run("keys init --db " + dir / "other.db");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("--passphrase-file"), std::string::npos) << r.out;
}

TEST_F(CliStore, PurgeRefusesNonsenseAges) {
    for (const char* bad : {"90", "90x", "0d", "-3d", "d", "1.5d", "999999999d"}) {
        RunResult r = run("purge" + opts + " --older-than " + bad + " --passphrase-file " + dir / "p1");
        EXPECT_EQ(r.code, 2) << bad << ": " << r.out;
        EXPECT_NE(r.out.find("days or hours"), std::string::npos) << bad << ": " << r.out;
    }
}

TEST_F(CliStore, RecordsListPurgeAuditAndBackup) {
    ASSERT_EQ(run("keys init" + opts + " --kdf-strength min --passphrase-file " + dir / "p1").code, 0);
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
    ASSERT_EQ(r.code, 0) << r.out;
    for (const auto& id : ids) EXPECT_NE(r.out.find(id), std::string::npos);
    EXPECT_EQ(r.out.find("Patient"), std::string::npos);  // plain columns only
    r = run("records list" + opts + " --status exported");
    EXPECT_NE(r.out.find(ids[0]), std::string::npos);
    EXPECT_EQ(r.out.find(ids[1]), std::string::npos);

    r = run("purge" + opts + " --older-than 1h --passphrase-file " + dir / "p1");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("purged 1 exported record "), std::string::npos) << r.out;

    r = run("backup" + opts + " " + dir / "copy.db");
    ASSERT_EQ(r.code, 0) << r.out;
    r = run("backup" + opts + " " + dir / "copy.db");
    EXPECT_EQ(r.code, 1);
    r = run("records list --db " + dir / "copy.db");
    EXPECT_NE(r.out.find(ids[1]), std::string::npos);
    EXPECT_EQ(r.out.find(ids[0]), std::string::npos);  // purged

    r = run("audit verify" + opts);
    ASSERT_EQ(r.code, 0) << r.out;
    // key_init, unlock, export, unlock, purge, backup
    EXPECT_NE(r.out.find("intact: 6 entries"), std::string::npos) << r.out;
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'count=0' WHERE action = 'export'");
    }
    r = run("audit verify" + opts);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("broken at entry 3"), std::string::npos) << r.out;
}

TEST_F(CliStore, MissingDatabaseIsAClearError) {
    RunResult r = run("records list --db " + dir / "nothing.db");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("nothing.db: error: no database here"), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(dir / "nothing.db"));
}
