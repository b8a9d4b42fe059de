// Every file a command reads has a size limit fitting its kind, and a folder, a device or an
// over-size file is refused at once with words naming it (issue 12: a folder as the passphrase
// file aborted with std::ios_failure, /dev/zero as one grew to 8 GB, `--config DIR` was ignored by
// `simulate --save`). The binary runs under a memory and time limit, so a regression fails here
// instead of filling the machine.
#include <fstream>
#include <string>

#include "records_fixture.h"

namespace kiosk::app::testing {
namespace {

const std::string kForm = KIOSK_SOURCE_DIR "/forms/intake.yaml";
const std::string kCalm = KIOSK_SOURCE_DIR "/tests/data/answers/intake-calm/answers.json";
/// At most 1 GB of address space and 30 s: an unbounded read dies instead of spreading.
const std::string kBounded = "ulimit -v 1048576; timeout 30";

class CliInputFiles : public RecordsFixture {
protected:
    /// A file of @p bytes 'x's in the fixture's folder.
    std::string bigFile(const std::string& name, std::size_t bytes) const {
        const std::string path = dir / name;
        std::ofstream(path) << std::string(bytes, 'x');
        return path;
    }
    RunResult runBounded(const std::string& args) const {
        return kiosk::app::testing::runKiosk(args + " </dev/null", kBounded);
    }
};

TEST_F(CliInputFiles, APassphraseFileIsASmallFile) {
    const std::string big = bigFile("big-pass", 5000);
    const struct {
        std::string path, says;
    } cases[] = {
        {dir.path(), dir.path() + ": error: this is a directory, not a passphrase file"},
        {"/dev/zero", "/dev/zero: error: this is not a regular file"},
        {big, big + ": error: the file is 5000 bytes; the limit is 4096 bytes (4 kB). A passphrase file holds the "
                    "passphrase on one line: is this the right file?"},
    };
    for (const auto& c : cases) {
        const RunResult show = runBounded("records show " + ids[0] + " --db " + db + " --passphrase-file " + c.path);
        EXPECT_EQ(show.exitCode, 1) << show.output;
        EXPECT_EQ(show.output, c.says + "\n");
        // keys init reads it before it makes anything.
        const std::string fresh = dir / "fresh.sqlite3";
        const RunResult init =
            runBounded("keys init --kdf-strength min --db " + fresh + " --passphrase-file " + c.path);
        EXPECT_EQ(init.exitCode, 1) << init.output;
        EXPECT_EQ(init.output, c.says + "\n");
        EXPECT_FALSE(std::filesystem::exists(fresh));
    }
}

TEST_F(CliInputFiles, APassphraseCanComeThroughAPipe) {
    // Scripts keep the passphrase off the disk: `--passphrase-file <(pass show kiosk)`.
    const RunResult r = kiosk::app::testing::runKiosk(
        "records show " + ids[0] + " --db " + db + " --passphrase-file /dev/stdin <" + dir / "pass", kBounded);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const RunResult flood = kiosk::app::testing::runKiosk(
        "records show " + ids[0] + " --db " + db + " --passphrase-file /dev/stdin",
        "ulimit -v 1048576; head -c 100000 /dev/zero | timeout 30");
    EXPECT_EQ(flood.exitCode, 1) << flood.output;
    EXPECT_EQ(flood.output, "/dev/stdin: error: more than 4096 bytes came through the pipe; the limit is 4096 bytes "
                            "(4 kB). A passphrase file holds the passphrase on one line: is this the right file?\n");
}

TEST_F(CliInputFiles, AnAnswersFileIsASmallFile) {
    const std::string big = bigFile("big.json", 2 * 1024 * 1024);
    const struct {
        std::string path, says;
    } cases[] = {
        {dir.path(), dir.path() + ": error: this is a directory, not a JSON answers file"},
        {"/dev/zero", "/dev/zero: error: this is not a regular file"},
        {big, big + ": error: the file is 2097152 bytes; the limit is 1048576 bytes (1 MB). An answer set is normally "
                    "a few kB: is this the right file?"},
    };
    for (const auto& c : cases) {
        const RunResult r = runBounded("simulate " + kForm + " --answers " + c.path);
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_EQ(r.output, c.says + "\n");
    }
}

TEST_F(CliInputFiles, ASettingsFileIsASmallFileEvenWhenDbIsGiven) {
    const std::string big = bigFile("big.yaml", 100 * 1024);
    const struct {
        std::string path, says;
    } cases[] = {
        {dir.path(), dir.path() + ": error: this is a directory, not a config file"},
        {"/dev/zero", "/dev/zero: error: this is not a regular file"},
        {big, big + ": error: the file is 102400 bytes; the limit is 65536 bytes (64 kB). A settings file is normally "
                    "under 2 kB: is this the right file?"},
    };
    for (const auto& c : cases) {
        const RunResult list = runBounded("records list --db " + db + " --config " + c.path);
        EXPECT_EQ(list.exitCode, 1) << list.output;
        EXPECT_EQ(list.output, c.says + "\n");
        // simulate --save read no settings when --db was given: --config DIR was silently ignored.
        const RunResult save = runBounded("simulate " + kForm + " --answers " + kCalm +
                                          " --drop-hidden --save --db " + db + " --config " + c.path);
        EXPECT_EQ(save.exitCode, 1) << save.output;
        EXPECT_NE(save.output.find(c.says + "\n"), std::string::npos) << save.output;
        EXPECT_EQ(save.output.find("saved record"), std::string::npos) << save.output;
    }
}

}  // namespace
}  // namespace kiosk::app::testing
