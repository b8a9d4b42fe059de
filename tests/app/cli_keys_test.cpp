// Keys and tamper evidence through the real binary (issue 12): a clinic key removed from or
// swapped in a database that holds records stops every save (simulate --save, the kiosk's staff
// screen) instead of sealing to a new or foreign key; staff commands report it; a deleted record
// row and a second key_init are reported; audit verify prints the head to keep elsewhere.
#include <SQLiteCpp/Database.h>

#include "records_fixture.h"

using namespace kiosk::store;
using namespace kiosk::app::testing;
namespace st = kiosk::store::testing;

namespace {

const std::string kSrc = KIOSK_SOURCE_DIR;
const std::string kXvfb = "'" + kSrc + "/tests/support/with_xvfb.sh'";

std::int64_t scalar(const std::string& db, const std::string& sql) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt64();
}

}  // namespace

class CliKeys : public RecordsFixture {
protected:
    /// `simulate --save` of the bundled intake form into the fixture's database.
    RunResult simulateSave() const {
        return runKiosk("simulate '" + kSrc + "/forms/intake.yaml' --answers '" + kSrc +
                        "/tests/data/answers/intake-calm/answers.json' --drop-hidden --save --db " + db + " </dev/null");
    }
    void tamper(const std::string& sql) const {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec(sql);
    }
};

TEST_F(CliKeys, RemovedKeyStopsSimulateSaveAndNoSecondKeyIsMade) {
    tamper(st::kRemoveKey);
    RunResult r = simulateSave();
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("the clinic key is missing"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("saved record"), std::string::npos) << r.output;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM records"), 3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit WHERE action = 'key_init'"), 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM meta WHERE key = 'clinic_public_key'"), 0);
    // keys init refuses too: a new key would orphan the three records.
    r = run("keys init --kdf-strength min");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("the clinic key is missing"), std::string::npos) << r.output;
    r = runKiosk("keys status --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("the clinic key is missing"), std::string::npos) << r.output;
}

TEST_F(CliKeys, RemovedKeyShowsTheKioskStaffMessage) {
    tamper(st::kRemoveKey);
    const RunResult r = runKiosk("run --windowed 800x600 --data-dir " + dir.path(),
                                 kXvfb + " env KIOSK_EXIT_AFTER_FRAMES=2 KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("showing the staff message: The kiosk cannot open its database"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("the clinic key is missing"), std::string::npos) << r.output;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM audit WHERE action = 'key_init'"), 1);
}

TEST_F(CliKeys, SwappedPublicKeyIsRefusedAtSaveAndReported) {
    st::swapPublicKey(db);
    RunResult r = simulateSave();
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("does not match"), std::string::npos) << r.output;
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM records"), 3);

    r = runKiosk("keys status --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("does not match"), std::string::npos) << r.output;
    r = run("records verify");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("does not match"), std::string::npos) << r.output;
}

TEST_F(CliKeys, RecordsVerifyNamesTheRecordsAroundADeletedRow) {
    // A legitimate delete leaves a tombstone that keeps the chain whole.
    RunResult r = run("records delete --yes " + ids[2]);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("records verify");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    tamper("DELETE FROM records WHERE id = '" + ids[1] + "'");
    r = run("records verify");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    const auto missing = r.output.find("missing between " + ids[0]);
    EXPECT_NE(missing, std::string::npos) << r.output;
    EXPECT_NE(r.output.find(ids[2], missing), std::string::npos) << r.output;
}

TEST_F(CliKeys, SecondKeyInitBreaksAuditVerify) {
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        appendAudit(raw, "kiosk-test", AuditAction::KeyInit, "fingerprint=0123456789abcdef default_passphrase",
                    "2026-11-26T09:00:00Z");
    }
    const RunResult r = runKiosk("audit verify --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("broken at entry 2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("second clinic key"), std::string::npos) << r.output;
}

TEST_F(CliKeys, AuditVerifyPrintsTheHeadToKeepAndChecksAKeptOne) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    const std::string hash = raw.execAndGet("SELECT lower(hex(hash)) FROM audit WHERE seq = 1").getString();
    RunResult r = runKiosk("audit verify --db " + db + " </dev/null");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("head: entry 1, hash " + hash), std::string::npos) << r.output;
    r = runKiosk("audit verify --head 1:" + hash + " --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    r = runKiosk("audit verify --head 1:" + std::string(64, '0') + " --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("entry 1 does not have the hash kept"), std::string::npos) << r.output;
}

TEST_F(CliKeys, KeysStatusCountsWrongPassphrasesAndNamesTheOfflineCost) {
    std::ofstream(dir / "wrong") << "not the passphrase\n";
    for (int i = 0; i < 3; ++i) {
        const RunResult r = runKiosk("records show " + ids[0] + " --db " + db + " --passphrase-file " + dir / "wrong" +
                                     " </dev/null");
        ASSERT_EQ(r.exitCode, 1) << r.output;
    }
    const RunResult r = runKiosk("keys status --db " + db + " </dev/null");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("wrong passphrases since the last unlock: 3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("offline"), std::string::npos) << r.output;
}
