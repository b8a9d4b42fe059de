// An empty path is a usage error (exit 2) for every option and argument that names a file or a
// folder: "" is what an unset shell variable gives (`--db "$DB"`), never a choice. Issue 12:
// `backup ""` said "backup written to ", exited 0 and audited `backup ok`; `--db ""` fell back to
// the default database, and `simulate --save` created one there.
#include <filesystem>
#include <string>

#include "records_fixture.h"

namespace kiosk::app::testing {
namespace {

const std::string kForm = KIOSK_SOURCE_DIR "/forms/intake.yaml";
const std::string kCalm = KIOSK_SOURCE_DIR "/tests/data/answers/intake-calm/answers.json";

class CliEmptyPaths : public RecordsFixture {
protected:
    /// Runs with HOME and XDG_DATA_HOME in the fixture's folder and no display, stdin not a terminal.
    RunResult runHere(const std::string& args) const {
        return kiosk::app::testing::runKiosk(args + " </dev/null", "env -u DISPLAY -u KIOSK_CONFIG HOME=" + dir / "home" +
                                                                       " XDG_DATA_HOME=" + dir / "xdg");
    }
    std::string defaultDb() const { return dir / "xdg/intake-kiosk/intake.sqlite3"; }
};

TEST_F(CliEmptyPaths, EveryPathOptionRefusesAnEmptyValue) {
    const std::string pass = dir / "pass";
    const struct {
        std::string args, option;
    } cases[] = {
        {"backup '' --db " + db, "PATH"},
        {"records list --db ''", "--db"},
        {"records list --data-dir ''", "--data-dir"},
        {"records list --db " + db + " --config ''", "--config"},
        {"records show " + ids[0] + " --db " + db + " --passphrase-file ''", "--passphrase-file"},
        {"keys init --kdf-strength min --db '' --passphrase-file " + pass, "--db"},
        {"staff passwd --db " + db + " --passphrase-file " + pass + " --new-passphrase-file ''", "--new-passphrase-file"},
        {"export --format json -o '' --db " + db + " --passphrase-file " + pass, "--output"},
        {"audit verify --db ''", "--db"},
        {"purge --older-than 90d --db '' --passphrase-file " + pass, "--db"},
        {"simulate '' --answers " + kCalm, "FILE"},
        {"simulate " + kForm + " --answers ''", "--answers"},
        {"simulate " + kForm + " --answers " + kCalm + " --drop-hidden --save --db ''", "--db"},
        {"simulate " + kForm + " --answers " + kCalm + " --drop-hidden --save --data-dir ''", "--data-dir"},
        {"simulate " + kForm + " --answers " + kCalm + " --drop-hidden --save --config ''", "--config"},
        {"validate ''", "files"},
        {"validate " + kForm + " ''", "files"},
        {"run --config ''", "--config"},
        {"run --data-dir ''", "--data-dir"},
        {"run --forms-dir ''", "--forms-dir"},
        {"run --form ''", "--form"},
        {"screenshot --screen welcome -o ''", "--output"},
        {"screenshot --screen welcome -o " + dir / "x.png" + " --form ''", "--form"},
        {"screenshot --screen welcome -o " + dir / "x.png" + " --config ''", "--config"},
        {"screenshot --screen welcome -o " + dir / "x.png" + " --forms-dir ''", "--forms-dir"},
    };
    for (const auto& c : cases) {
        const RunResult r = runHere(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find(c.option + ": the path is empty (is a shell variable unset?)"), std::string::npos)
            << c.args << "\n" << r.output;
        EXPECT_FALSE(std::filesystem::exists(dir / "xdg")) << c.args << " made the default data folder";
        std::filesystem::remove_all(dir / "xdg");
    }
}

TEST_F(CliEmptyPaths, AnEmptyBackupPathWritesAndAuditsNothing) {
    const RunResult r = runHere("backup '' --db " + db);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_EQ(r.output.find("backup written"), std::string::npos) << r.output;
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit WHERE action = 'backup'").getInt64(), 0)
        << "a backup was audited";
}

}  // namespace
}  // namespace kiosk::app::testing
