// `intake-kiosk say`: what the Read aloud button says for a page, as a WAVE file, from the real binary.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "support/run_kiosk.h"
#include "support/temp_files.h"

namespace {

using kiosk::testing::readFile;
using kiosk::testing::RunResult;
using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::TempDir;
using kiosk::testing::TempFile;

const std::string kIntake = std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml";

struct Wav {
    int rate = 0;
    double seconds = 0, rms = 0;
};

Wav measure(const std::string& bytes) {
    Wav w;
    if (bytes.size() < 44 || bytes.compare(0, 4, "RIFF") != 0) return w;
    auto u8 = [&](size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
    w.rate = static_cast<int>(u8(24) | u8(25) << 8 | u8(26) << 16 | u8(27) << 24);
    const size_t n = (bytes.size() - 44) / 2;
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto s = static_cast<std::int16_t>(u8(44 + 2 * i) | u8(45 + 2 * i) << 8);
        sum += double(s) * s;
    }
    w.seconds = w.rate ? double(n) / w.rate : 0;
    w.rms = n ? std::sqrt(sum / double(n)) : 0;
    return w;
}

}  // namespace

TEST(AppSay, WritesThePageAsSpeechInEachLanguage) {
    TempDir dir("say");
    for (const char* lang : {"en", "es"}) {
        const std::string out = dir / (std::string(lang) + ".wav");
        const RunResult r =
            runKiosk(shellWords({"say", "--form", kIntake, "--page", "pain_now", "--lang", lang, "-o", out, "--print"}));
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const Wav w = measure(readFile(out));
        EXPECT_EQ(w.rate, 22050);
        EXPECT_GT(w.rms, 500.0) << lang;
        EXPECT_GT(w.seconds, 4.0) << lang;   // a title, a question and a scale with its two ends
        EXPECT_LT(w.seconds, 40.0) << lang;
        // --print shows what was read: the scale's ends with their labels.
        EXPECT_NE(r.out.find(std::string(lang) == "en" ? "From 0, " : "Desde 0, "), std::string::npos) << r.out;
    }
}

TEST(AppSay, PageByNumberAndMistakesSaidPlainly) {
    TempDir dir("say");
    const std::string out = dir / "p.wav";
    EXPECT_EQ(runKiosk(shellWords({"say", "--form", kIntake, "--page", "1", "-o", out})).exitCode, 0);
    RunResult r = runKiosk(shellWords({"say", "--form", kIntake, "--page", "999", "-o", out}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--page 999: the form has pages 1 to "), std::string::npos) << r.err;
    r = runKiosk(shellWords({"say", "--form", kIntake, "--page", "no_such_item", "-o", out}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no page or item has that id"), std::string::npos) << r.err;
    r = runKiosk(shellWords({"say", "--form", kIntake, "--page", "1", "--lang", "fr", "-o", out}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("--lang fr: the form is in en, es"), std::string::npos) << r.err;
    r = runKiosk(shellWords({"say", "--form", kIntake, "-o", out}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("give --page N or --page ITEM_ID"), std::string::npos) << r.err;
}

// Found running the commands wrong: "/nonexist/x.wav: error: cannot write the sound file", and no why.
TEST(AppSay, AFileThatCannotBeWrittenSaysWhy) {
    TempDir dir("say");
    const std::string out = dir / "no-folder/p.wav";
    const RunResult r = runKiosk(shellWords({"say", "--form", kIntake, "--page", "1", "-o", out}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(out + ": error: cannot write the sound file: the folder " + dir / "no-folder" +
                         " does not exist"),
              std::string::npos)
        << r.err;
}

TEST(AppSay, ABadSayInTheFormIsAnErrorAtItsPlace) {
    const TempFile form("f.yaml",
                        "id: f\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
                        "  - id: p\n    title: {en: P, es: P}\n    items:\n"
                        "      - {id: a, type: yes_no, label: {en: Q, es: Q}, say: {en: \"\"}}\n");
    TempDir dir("say");
    const RunResult r = runKiosk(shellWords({"say", "--form", form.path(), "--page", "1", "-o", dir / "x.wav"}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(form.path() + ":9:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the 'en' text of 'say' is empty"), std::string::npos) << r.err;
}
