// `intake-kiosk validate` end to end: the real binary on good, bad and missing files.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "support/cli_run.h"

namespace {

using kiosk::testing::CliRun;
using kiosk::testing::runKiosk;

const std::string kSrc = KIOSK_SOURCE_DIR;

/// A form file with one broken reference and one missing translation, in a temp dir.
class BadForm {
public:
    BadForm() {
        char tmpl[] = "/tmp/kiosk_bad_XXXXXX";
        m_dir = ::mkdtemp(tmpl);
        m_path = m_dir + "/bad.yaml";
        std::ofstream(m_path) << "id: bad\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
                                 "  - id: p\n    title: {en: P}\n    items:\n"
                                 "      - {id: sleep_quality, type: yes_no, label: {en: Q, es: Q}}\n"
                                 "      - {id: b, type: yes_no, label: {en: B, es: B}, show_if: {item: sleep_qualty, op: answered}}\n";
    }
    ~BadForm() {
        ::unlink(m_path.c_str());
        ::rmdir(m_dir.c_str());
    }
    const std::string& path() const { return m_path; }

private:
    std::string m_dir, m_path;
};

}  // namespace

TEST(AppValidate, GoodFileSaysOkOnStdout) {
    const std::string good = kSrc + "/tests/data/forms/good.yaml";
    const CliRun r = runKiosk({"validate", good});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, good + ": ok (form test_intake v3, 3 pages, 12 items)\n");
    EXPECT_EQ(r.err, "");
}

TEST(AppValidate, BundledFormsAreValid) {
    const CliRun r = runKiosk({"validate", kSrc + "/forms/intake.yaml", kSrc + "/forms/follow-up.yaml"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("/forms/intake.yaml: ok (form clinic_intake v"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("/forms/follow-up.yaml: ok (form "), std::string::npos) << r.out;
}

TEST(AppValidate, BadFilePrintsEveryErrorLikeACompiler) {
    BadForm bad;
    const CliRun r = runKiosk({"validate", bad.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              bad.path() + ":7:12: error: 'title' has no 'es' text; every text needs each language in languages (en, es)\n" +
              bad.path() + ":10:70: error: show_if refers to 'sleep_qualty', which is not an item; did you mean 'sleep_quality'?\n"
              "1 of 1 files have errors\n");
}

TEST(AppValidate, MixedFilesExitOneAndReportEach) {
    BadForm bad;
    const std::string good = kSrc + "/tests/data/forms/good.yaml";
    const std::string missing = "/nonexistent/intake.yaml";
    const CliRun r = runKiosk({"validate", good, bad.path(), missing});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, good + ": ok (form test_intake v3, 3 pages, 12 items)\n");
    EXPECT_NE(r.err.find(bad.path() + ":10:70: error: show_if refers to 'sleep_qualty'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(missing + ": error: cannot open the form file: No such file or directory\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2 of 3 files have errors\n"), std::string::npos) << r.err;
}

TEST(AppValidate, NoFileIsAUsageError) {
    const CliRun r = runKiosk({"validate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("give at least one form file"), std::string::npos) << r.err;
}

TEST(AppValidate, UnknownOptionIsAUsageError) {
    const CliRun r = runKiosk({"validate", "--strict", kSrc + "/tests/data/forms/good.yaml"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("unknown option --strict"), std::string::npos) << r.err;
}

TEST(AppValidate, GarbageFileDoesNotCrash) {
    const CliRun r = runKiosk({"validate", KIOSK_BINARY});  // the binary itself: 100s of kB of machine code
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
}
