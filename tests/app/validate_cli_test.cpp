// `intake-kiosk validate` end to end: the real binary on good, bad and missing files.
#include <gtest/gtest.h>

#include <string>

#include "support/run_kiosk.h"

namespace {

using kiosk::testing::RunResult;
using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::TempFile;

const std::string kSrc = KIOSK_SOURCE_DIR;

/// A form file with one broken reference and one missing translation.
const std::string kBadForm =
    "id: bad\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
    "  - id: p\n    title: {en: P}\n    items:\n"
    "      - {id: sleep_quality, type: yes_no, label: {en: Q, es: Q}}\n"
    "      - {id: b, type: yes_no, label: {en: B, es: B}, show_if: {item: sleep_qualty, op: answered}}\n";

}  // namespace

TEST(AppValidate, GoodFileSaysOkOnStdout) {
    const std::string good = kSrc + "/tests/data/forms/good.yaml";
    const RunResult r = runKiosk(shellWords({"validate", good}));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, good + ": ok (form test_intake v3, 3 pages, 12 items)\n");
    EXPECT_EQ(r.err, "");
}

TEST(AppValidate, BundledFormsAreValid) {
    const RunResult r =
        runKiosk(shellWords({"validate", kSrc + "/forms/intake.yaml", kSrc + "/forms/follow-up.yaml"}));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("/forms/intake.yaml: ok (form clinic_intake v"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("/forms/follow-up.yaml: ok (form "), std::string::npos) << r.out;
}

TEST(AppValidate, BadFilePrintsEveryErrorLikeACompiler) {
    const TempFile bad("bad.yaml", kBadForm);
    const RunResult r = runKiosk(shellWords({"validate", bad.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              bad.path() + ":7:12: error: 'title' has no 'es' text; every text needs each language in languages (en, es)\n" +
              bad.path() + ":10:70: error: show_if refers to 'sleep_qualty', which is not an item; did you mean 'sleep_quality'?\n"
              "1 of 1 files have errors\n");
}

TEST(AppValidate, MixedFilesExitOneAndReportEach) {
    const TempFile bad("bad.yaml", kBadForm);
    const std::string good = kSrc + "/tests/data/forms/good.yaml";
    const std::string missing = "/nonexistent/intake.yaml";
    const RunResult r = runKiosk(shellWords({"validate", good, bad.path(), missing}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, good + ": ok (form test_intake v3, 3 pages, 12 items)\n");
    EXPECT_NE(r.err.find(bad.path() + ":10:70: error: show_if refers to 'sleep_qualty'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(missing + ": error: cannot open the form file: No such file or directory\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2 of 3 files have errors\n"), std::string::npos) << r.err;
}

TEST(AppValidate, NoFileIsAUsageError) {
    const RunResult r = runKiosk(shellWords({"validate"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("give at least one form file"), std::string::npos) << r.err;
}

TEST(AppValidate, UnknownOptionIsAUsageError) {
    const RunResult r = runKiosk(shellWords({"validate", "--strict", kSrc + "/tests/data/forms/good.yaml"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("intake-kiosk validate: unknown option '--strict'"), std::string::npos) << r.err;
}

TEST(AppValidate, GarbageFileDoesNotCrash) {
    const RunResult r =
        runKiosk(shellWords({"validate", KIOSK_BINARY}));  // the binary itself: 100s of kB of machine code
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
}

// The slot for a licensed instrument: a form that includes it optionally is valid without it.
TEST(AppValidate, AMissingOptionalInstrumentIsANoteNotAnError) {
    const TempFile form("slot.yaml", "id: slot\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
                                     "  - id: p\n    title: {en: P, es: P}\n    items:\n"
                                     "      - {id: a, type: yes_no, label: {en: Q, es: Q}}\n"
                                     "  - {include: instruments/odi.yaml, optional: true}\n");
    const RunResult r = runKiosk(shellWords({"validate", form.path()}));
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, form.path() + ": ok (form slot v1, 1 pages, 1 items)\n" + form.path() +
                         ": note: optional include 'instruments/odi.yaml' is not there; the form is used without it\n");
}
