// `records show|verify|review|delete`: staff read records back through the real binary.
#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "records_fixture.h"

using namespace kiosk::store;
using namespace kiosk::app::testing;
namespace st = kiosk::store::testing;
using nlohmann::json;

class CliRecords : public RecordsFixture {};

TEST_F(CliRecords, ShowPrintsTheRecordJson) {
    RunResult r = run("records show " + ids[1]);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(r.output), json::parse(st::payload(1)));
    r = run("records show no-such-id");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("no record no-such-id"), std::string::npos) << r.output;

    // Reading a record is audited by its id (a failed read is not a view).
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT detail FROM audit WHERE action = 'record_view'");
    std::vector<std::string> views;
    while (q.executeStep()) views.push_back(q.getColumn(0).getString());
    EXPECT_EQ(views, std::vector<std::string>{"record=" + ids[1]});
    Store s = st::openOrDie(st::options(db));
    EXPECT_TRUE(s.verifyAudit()->intact());
}

TEST_F(CliRecords, VerifyNamesOnlyTheDamagedRecord) {
    RunResult r = run("records verify");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("3 records checked, 0 damaged"), std::string::npos) << r.output;
    flipPayloadByte(db, ids[1]);
    r = run("records verify");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(ids[1] + ": integrity error: "), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(ids[0]), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(ids[2]), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("3 records checked, 1 damaged"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Patient"), std::string::npos) << r.output;
}

TEST_F(CliRecords, VerifyCountsAPayloadThatIsNotJsonAsExportDoes) {
    std::string notJson;
    {
        Store s = st::openOrDie(st::options(db));
        notJson = *s.submit(st::meta(3), R"({"answers":{"name":"Patient 3")");
    }
    RunResult r = run("records verify");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(notJson + ": integrity error: its payload is not JSON"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("4 records checked, 1 damaged"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Patient"), std::string::npos) << r.output;
    r = run("export --format json --no-mark -o " + dir / "out.json");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(st::readFile(dir / "out.json"))["damaged"], json::array({notJson}));
}

TEST_F(CliRecords, ReviewAndDeleteAreAudited) {
    RunResult r = run("records review " + ids[0]);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("records review " + ids[0]);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("record " + ids[0] + " is reviewed already"), std::string::npos) << r.output;

    r = run("records delete " + ids[2]);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("give --yes"), std::string::npos) << r.output;
    r = run("records delete --yes " + ids[2]);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("records show " + ids[2]);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("was deleted"), std::string::npos) << r.output;

    Store s = st::openOrDie(st::options(db));
    EXPECT_EQ(statusOf(s, ids[0]), RecordStatus::Reviewed);
    EXPECT_EQ(statusOf(s, ids[2]), RecordStatus::Deleted);
    EXPECT_EQ(statusOf(s, ids[1]), RecordStatus::Submitted);
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE action = 'review' AND detail = 'record=" + ids[0] + "'").getInt(), 1);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE action = 'delete' AND detail = 'record=" + ids[2] + "'").getInt(), 1);
    EXPECT_TRUE(s.verifyAudit()->intact());
}

// Found walking the office manager's commands: `records review` of an exported record said "no
// submitted record ID", as if the id were wrong; it says what the record is instead.
TEST_F(CliRecords, ReviewSaysWhyARecordCannotBeMarkedReviewed) {
    RunResult r = run("export --format json -o " + dir / "all.json");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("records review " + ids[1]);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("record " + ids[1] + " is exported: only a new record can be marked reviewed"),
              std::string::npos)
        << r.output;
    r = run("records delete --yes " + ids[2]);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    r = run("records review " + ids[2]);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("record " + ids[2] + " was deleted"), std::string::npos) << r.output;
    r = run("records review no-such-id");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("no record no-such-id"), std::string::npos) << r.output;
}

// Issue 20: red flags reach the desk: `records list` shows how many urgent and caution flags each
// record raised, as plain columns (counts only, never which flag or an answer).
TEST_F(CliRecords, ListShowsFlagCountsPerRecord) {
    std::string flagged;
    {
        Store s = st::openOrDie(st::options(db));
        RecordMeta m = st::meta(7);
        m.flags = FlagCounts{1, 2};
        flagged = *s.submit(m, st::payload(7));
    }
    const RunResult r = kiosk::app::testing::runKiosk("records list --db " + db + " </dev/null");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("\tstatus\tbytes\turgent\tcaution\n"), std::string::npos) << r.output;
    const auto line = r.output.find(flagged);
    ASSERT_NE(line, std::string::npos) << r.output;
    const std::string row = r.output.substr(line, r.output.find('\n', line) - line);
    EXPECT_EQ(row.substr(row.size() - 4), "\t1\t2") << row;
    // The three records of the fixture were saved without counts: not known, not "no flags".
    const std::string first = r.output.substr(r.output.find(ids[0]));
    EXPECT_EQ(first.substr(first.find('\n') - 4, 4), "\t-\t-") << first;
}
