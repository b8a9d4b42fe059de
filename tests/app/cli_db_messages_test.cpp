// Where the database is, or why it cannot be opened, in words that say what to do (issue 12:
// `--db DIR`, a read-only data folder and a missing folder all said "unable to open database file";
// `backup` on a truncated database told the user to run `backup`; `simulate` printed the database
// path twice). A command that only reads (`records list`) works on a read-only data folder.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "records_fixture.h"

namespace kiosk::app::testing {
namespace {

namespace fs = std::filesystem;

const std::string kForm = KIOSK_SOURCE_DIR "/forms/intake.yaml";
const std::string kCalm = KIOSK_SOURCE_DIR "/tests/data/answers/intake-calm/answers.json";

class CliDbMessages : public RecordsFixture {
protected:
    /// Runs as a user the file modes apply to: as root (CI), as nobody through setpriv, with the
    /// fixture's folder handed to nobody first; otherwise as ourselves.
    RunResult runAsUser(const std::string& args, bool passphrase = true) {
        const std::string opts = " --db " + db + (passphrase ? " --passphrase-file " + dir / "pass" : "");
        if (::geteuid() != 0) return kiosk::app::testing::runKiosk(args + opts + " </dev/null");
        if (!m_handedOver) {
            const std::string chown = "chown -R 65534:65534 " + dir.path();
            EXPECT_EQ(std::system(chown.c_str()), 0);
            m_handedOver = true;
        }
        return kiosk::app::testing::runKiosk(args + opts + " </dev/null",
                                             "setpriv --reuid=65534 --regid=65534 --clear-groups");
    }
    void TearDown() override { ::chmod(dir.path().c_str(), 0700); }  // so that TempDir can remove it
    bool m_handedOver = false;
};

TEST_F(CliDbMessages, AFolderGivenAsTheDatabaseIsSaidAsSuch) {
    const RunResult r = kiosk::app::testing::runKiosk("records list --db " + dir.path() + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(dir.path() + ": error: this is a folder, not a database file: give the file in it (" +
                            dir.path() + "/intake.sqlite3) or --data-dir " + dir.path()),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("unable to open database file"), std::string::npos) << r.output;
}

TEST_F(CliDbMessages, AMissingFolderOrFileIsNamed) {
    const std::string gone = dir / "gone/intake.sqlite3";
    RunResult r = kiosk::app::testing::runKiosk("records list --db " + gone + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(gone + ": error: no database here: the folder " + dir / "gone" +
                            " does not exist (check --db or --data-dir)"),
              std::string::npos)
        << r.output;
    const std::string none = dir / "other.sqlite3";
    r = kiosk::app::testing::runKiosk("records list --db " + none + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(none + ": error: no database here: " + dir.path() +
                            " holds no other.sqlite3 (check --db or --data-dir)"),
              std::string::npos)
        << r.output;
    // A folder that cannot be made (a file stands where a folder should be), for a command that creates.
    const std::string blocked = dir / "pass/data/intake.sqlite3";
    r = kiosk::app::testing::runKiosk("keys init --kdf-strength min --db " + blocked + " --passphrase-file " +
                                      dir / "pass" + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(blocked + ": error: cannot make the data folder " + dir / "pass/data" + ": a part of " +
                            dir / "pass/data" + " is a file, not a folder"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("unable to open database file"), std::string::npos) << r.output;
}

TEST_F(CliDbMessages, AReadOnlyDataFolderIsReadAndSaidWhenAWriteIsNeeded) {
    // As root the file modes bind nobody: the command runs as nobody through setpriv, which Debian's
    // essential util-linux always has. Its absence is a broken machine, not a reason to test less.
    ASSERT_TRUE(::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) == 0) << "running as root needs /usr/bin/setpriv";
    ASSERT_EQ(::chmod(dir.path().c_str(), 0500), 0);
    // Listing only reads: it opens the database read-only and works.
    RunResult r = runAsUser("records list", false);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    for (const auto& id : ids) EXPECT_NE(r.output.find(id), std::string::npos) << r.output;
    r = runAsUser("audit verify", false);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    // A review writes: said plainly, with what to do.
    r = runAsUser("records review " + ids[0]);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(db + ": error: the data folder " + dir.path() +
                            " is not writable for this user, and the database needs to make its -wal and -shm "
                            "files there: run this as the kiosk's user, or make the folder writable (chmod u+w " +
                            dir.path() + ")"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("unable to open database file"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("attempt to write"), std::string::npos) << r.output;
}

TEST_F(CliDbMessages, AReadOnlyDatabaseFileIsSaidAsSuch) {
    // As root the file modes bind nobody: the command runs as nobody through setpriv, which Debian's
    // essential util-linux always has. Its absence is a broken machine, not a reason to test less.
    ASSERT_TRUE(::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) == 0) << "running as root needs /usr/bin/setpriv";
    ASSERT_EQ(::chmod(db.c_str(), 0400), 0);
    const RunResult r = runAsUser("records review " + ids[0]);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(db + ": error: the database file is read-only for this user: run this as the kiosk's "
                                 "user, or make it writable (chmod u+w " + db + ")"),
              std::string::npos)
        << r.output;
}

TEST_F(CliDbMessages, BackupOfADatabaseTooDamagedToOpenSaysWhatToDoInstead) {
    fs::resize_file(db, 8192);  // cut short: its tables point past the end
    const RunResult r = kiosk::app::testing::runKiosk("backup " + dir / "copy.db" + " --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(r.output.find("`intake-kiosk backup`"), std::string::npos) << "sends the user round in a circle: " << r.output;
    EXPECT_NE(r.output.find(db + ": error: the database is too damaged to open, so `backup` cannot copy it. Stop the "
                                 "kiosk and copy the database file as it is (with its -wal file if there is one) for "
                                 "repair, then restore the latest backup"),
              std::string::npos)
        << r.output;
    EXPECT_FALSE(fs::exists(dir / "copy.db"));
}

TEST_F(CliDbMessages, SimulateNamesTheDatabaseOnce) {
    const RunResult r = kiosk::app::testing::runKiosk("simulate " + kForm + " --answers " + kCalm +
                                                      " --drop-hidden --save --db " + dir.path());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("\n" + dir.path() + ": error: this is a folder, not a database file"), std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find(dir.path() + ": " + dir.path()), std::string::npos) << r.output;
}

}  // namespace
}  // namespace kiosk::app::testing
