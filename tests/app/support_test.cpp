// The shared test helpers (tests/support): temp folders that never collide, and the binary run
// with one argument per word even when a path holds a space or a quote.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/run_kiosk.h"
#include "support/temp_files.h"

namespace {

namespace fs = std::filesystem;
using kiosk::testing::readFile;
using kiosk::testing::RunResult;
using kiosk::testing::runKiosk;
using kiosk::testing::shellQuote;
using kiosk::testing::shellWords;
using kiosk::testing::TempDir;
using kiosk::testing::TempFile;
using kiosk::testing::writeFile;

TEST(TestSupport, TempDirsOfOneLabelAreDistinctAndGoWithWhatTheyHold) {
    std::string first, second;
    {
        const TempDir a("same"), b("same");
        first = a.path();
        second = b.path();
        EXPECT_NE(first, second);
        EXPECT_TRUE(fs::is_directory(first));
        EXPECT_NE(first.find("/kiosk-same-"), std::string::npos) << first;
        writeFile(a / "x.txt", "x");
        fs::create_directories(a / "deep/er");
        EXPECT_EQ(readFile(a / "x.txt"), "x");
    }
    EXPECT_FALSE(fs::exists(first));
    EXPECT_FALSE(fs::exists(second));
}

TEST(TestSupport, TempFileHoldsItsContentUntilItGoes) {
    std::string path;
    {
        const TempFile f("form.yaml", std::string("a\0b", 3));
        path = f.path();
        EXPECT_EQ(fs::path(path).filename(), "form.yaml");
        EXPECT_EQ(readFile(path), std::string("a\0b", 3));
    }
    EXPECT_FALSE(fs::exists(path));
    EXPECT_EQ(readFile(path), "");
}

TEST(TestSupport, ShellWordsKeepSpacesAndQuotesInOneArgument) {
    EXPECT_EQ(shellQuote("it's"), "'it'\\''s'");
    EXPECT_EQ(shellWords({"validate", "a b"}), "'validate' 'a b'");
    const TempDir dir("words");
    const std::string form = dir / "it's a form.yaml";
    writeFile(form, readFile(KIOSK_SOURCE_DIR "/tests/data/forms/good.yaml"));
    const RunResult r = runKiosk(shellWords({"validate", form}));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.out, form + ": ok (form test_intake v3, 3 pages, 12 items)\n");
    EXPECT_EQ(r.err, "");
}

TEST(TestSupport, RunKioskKeepsTheStreamsApartAndGivesBothInOutput) {
    const RunResult r = runKiosk("validate /nonexistent/form.yaml", "echo to-stdout;");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "to-stdout\n");
    EXPECT_NE(r.err.find("/nonexistent/form.yaml"), std::string::npos) << r.err;
    EXPECT_EQ(r.output, r.out + r.err);
}

TEST(TestSupport, RunKioskGivesTheShellsCodeForAKilledChild) {
    const RunResult r = runKiosk("--help", "kill -KILL $$;");
    EXPECT_EQ(r.exitCode, 128 + 9);
}

}  // namespace
