// Hostile and broken files: each gives a clear error, never a crash, a hang or a huge allocation.
// The fuzz regressions (tests/data/fuzz-regressions/*) are inputs libFuzzer once found interesting.
#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "form_test_util.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;
using kiosk::testing::TempFile;

namespace {

std::string only(const LoadResult& r) {
    EXPECT_EQ(r.form, nullptr);
    EXPECT_EQ(r.errors.size(), 1u) << dump(r);
    return r.errors.empty() ? std::string() : r.errors[0].message;
}

}  // namespace

TEST(FormsRobustness, EmptyAndBlankFiles) {
    const char* kEmpty = "the file is empty; a form needs at least id, version, title, languages and pages";
    for (const char* text : {"", "   \n\n", "# just a comment\n", "---\n", "~\n"}) {
        const LoadResult r = load(text);
        EXPECT_EQ(only(r), kEmpty) << "input: " << text;
    }
}

TEST(FormsRobustness, NotAMap) {
    EXPECT_EQ(only(load("- a\n- b\n")), "a form file is a map with id, version, title, languages and pages, not a list");
    EXPECT_EQ(only(load("hello\n")), "a form file is a map with id, version, title, languages and pages, not 'hello'");
}

TEST(FormsRobustness, BinaryGarbage) {
    std::string bytes;
    unsigned x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1103515245u + 12345u;
        bytes += static_cast<char>((x >> 16) & 0xFF);
    }
    const LoadResult r = load(bytes);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.form, nullptr);
    // A NUL byte: the message says it looks binary, at the right place.
    const LoadResult nul = load(std::string("id: x\nver\0sion: 1\n", 19));
    EXPECT_EQ(only(nul), "control character 0 in the file; a form file is plain UTF-8 text (is this a binary file?)");
    EXPECT_EQ(nul.errors[0].where.line, 2);
    EXPECT_EQ(nul.errors[0].where.col, 4);
}

TEST(FormsRobustness, InvalidUtf8IsLocated) {
    const LoadResult r = load("id: x\ntitle: {en: caf\xC3\xA9 \xE9t\xE9}\n");
    EXPECT_EQ(only(r), "invalid UTF-8 byte; save the file as UTF-8 text (some editors call it \"Unicode (UTF-8)\")");
    EXPECT_EQ(r.errors[0].where.line, 2);
    EXPECT_EQ(r.errors[0].where.col, 18);  // after "title: {en: café " (17 characters)
    // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
    EXPECT_FALSE(load("id: \xC0\xAF\n").errors.empty());
    EXPECT_FALSE(load("id: \xED\xA0\x80\n").errors.empty());
    EXPECT_FALSE(load("id: \xE2\x82").errors.empty());  // cut short at the end
    EXPECT_EQ(only(load("\xFF\xFEi\0d\0")), "the file is UTF-16; save it as UTF-8");
}

TEST(FormsRobustness, Utf8ByteOrderMarkAndCrlfAreFine) {
    const std::string good = kiosk::testing::readFile(KIOSK_SOURCE_DIR "/tests/data/forms/good.yaml");
    std::string crlf;
    for (char c : good) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const LoadResult r = load("\xEF\xBB\xBF" + crlf);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.form->title.get("es"), "Admisión de prueba");
}

TEST(FormsRobustness, TabsInIndentation) {
    const std::string y = "id: x\npages:\n\t- id: p\n  \titems: []\n\t# a comment is harmless\nkey:\tvalue\n";
    const LoadResult r = load(y);
    ASSERT_EQ(r.errors.size(), 2u) << dump(r);
    const char* kTab = "a tab is used for indentation; YAML needs spaces (set your editor to insert spaces for the Tab key)";
    EXPECT_TRUE(hasError(r, Pos{3, 1}, kTab));
    EXPECT_TRUE(hasError(r, Pos{4, 3}, kTab));
}

TEST(FormsRobustness, ManyTabbedLinesAreSummarised) {
    std::string y;
    for (int i = 0; i < 30; ++i) y += "\tk" + std::to_string(i) + ": 1\n";
    const LoadResult r = load(y);
    ASSERT_EQ(r.errors.size(), 11u);
    EXPECT_EQ(r.errors.back().message, "20 more lines are indented with tabs");
}

TEST(FormsRobustness, DuplicateKeysAreReported) {
    const std::string y = withItems(
        "      - id: a\n        type: yes_no\n        label: {en: A, es: A}\n        type: number\n");
    const LoadResult r = load(y);
    EXPECT_EQ(only(r), "duplicate key 'type'; it is already given at line 10:9 (each key may appear once in a map; remove one)");
    EXPECT_EQ(r.errors[0].where.line, 12);
    EXPECT_EQ(r.errors[0].where.col, 9);
    // In a flow map too, and the parse goes on to report other errors.
    const std::string y2 = withItems("      - {id: a, type: yes_no, label: {en: A, es: A, en: B}, requird: true}\n");
    const LoadResult r2 = load(y2);
    ASSERT_EQ(r2.errors.size(), 2u) << dump(r2);
    EXPECT_TRUE(hasError(r2, locate(y2, "en: B"),
                         "duplicate key 'en'; it is already given at line 9:39 (each key may appear once in a map; remove one)"));
    EXPECT_TRUE(hasError(r2, locate(y2, "requird"), "unknown key 'requird' in item 'a'; did you mean 'required'?"));
}

TEST(FormsRobustness, SecondDocumentIsRefused) {
    const LoadResult r = load("id: a\n---\nid: b\n");
    EXPECT_EQ(only(r), "a second YAML document (after '---'); a form file holds one document");
    EXPECT_EQ(r.errors[0].where.line, 2);
}

TEST(FormsRobustness, SyntaxErrorsSayWhereAndWhy) {
    const LoadResult r = load("id: x\ntitle: {en: T\nversion: 1\n");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message.rfind("YAML syntax error: ", 0), 0u) << r.errors[0].message;
    EXPECT_GT(r.errors[0].where.line, 0);
    const LoadResult q = load("id: x\ntitle: Pain: how bad\n");
    ASSERT_EQ(q.errors.size(), 1u);
    EXPECT_EQ(q.errors[0].message,
              "YAML syntax error: illegal map value: a ':' where it does not belong; check the indentation, and quote "
              "text that contains ': '");
    EXPECT_EQ(q.errors[0].where.line, 2);
}

TEST(FormsRobustness, TagsAndComplexKeysAreRefused) {
    EXPECT_EQ(only(load("id: !!binary aGVsbG8=\n")),
              "YAML tags like 'tag:yaml.org,2002:binary' are not used in form files; write the value plainly (quote it for text)");
    EXPECT_EQ(only(load("? [a, b]\n: c\n")), "a map key must be a plain word, not a list (is a ':' or '?' misplaced?)");
}

TEST(FormsRobustness, DeepNestingStopsEarly) {
    const char* kDeep = "lists and maps are nested more than 64 levels deep; a form needs about 10 (check the indentation and brackets)";
    // Flow: 100 000 brackets (yaml-cpp's own guard is at 500 levels; ours stops at 64).
    EXPECT_EQ(only(load("a: " + std::string(100000, '['))), kDeep);
    EXPECT_EQ(only(load(std::string(50000, '{'))), kDeep);
    // Block: 100 maps, each indented one more space.
    std::string block;
    for (int i = 0; i < 100; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    const LoadResult r = load(block);
    EXPECT_EQ(only(r), kDeep);
    EXPECT_EQ(r.errors[0].where.line, 65);
    // "- - - - x": nested block sequences on one line.
    std::string dashes;
    for (int i = 0; i < 2000; ++i) dashes += "- ";
    EXPECT_EQ(only(load(dashes + "x\n")), kDeep);
}

TEST(FormsRobustness, DeeplyNestedConditionsStopAt16) {
    std::string cond = "{item: a, op: answered}";
    for (int i = 0; i < 20; ++i) cond = "{not: " + cond + "}";
    const std::string y = withItems(yesNo("a") + "      - {id: b, type: yes_no, label: {en: B, es: B}, show_if: " + cond + "}\n");
    const LoadResult r = load(y);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].message, "conditions are nested more than 16 levels deep; simplify this show_if");
}

TEST(FormsRobustness, AliasBombIsStopped) {
    // "Billion laughs": each level refers to the previous one ten times, 10^12 values in all.
    std::string y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i <= 12; ++i) {
        const std::string prev = "*a" + std::to_string(i - 1);
        y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) y += (k ? ", " : "") + prev;
        y += "]\n";
    }
    const LoadResult r = load(y);
    EXPECT_EQ(only(r),
              "the file holds more than 100000 YAML values (counting each use of an alias); a questionnaire has a few "
              "thousand. Repeated aliases (*name) can multiply a file's size: write the values out");
    EXPECT_EQ(r.errors[0].where.line, 5);  // a4 would expand to 10^5 values: the budget runs out there
}

TEST(FormsRobustness, AliasesRepeatingALongStringAreStoppedByTheirBytes) {
    // Issue 12: a 1.1 MB form repeating one 1 MB string through aliases once expanded to gigabytes
    // (few values, so the value count never stopped it). Here 300 aliases would make 300 MB; the
    // reader stops at the 8 MB of text a form may hold, at the alias that crosses it.
    std::string y = "big: &big \"" + std::string(1024 * 1024, 'x') + "\"\nmore:\n";
    for (int i = 0; i < 300; ++i) y += "  - *big\n";
    const LoadResult r = load(y);
    EXPECT_EQ(only(r),
              "the alias *big repeats 1048576 bytes of text, which takes the file past 8388608 bytes (8 MB) of text "
              "once its aliases are expanded; a questionnaire holds well under 1 MB. Repeated aliases (*name) can "
              "multiply a file's size: write the values out");
    EXPECT_EQ(r.errors[0].where.line, 9);  // big and 6 copies fit in 8 MB; the 7th alias (line 9) does not
    EXPECT_EQ(r.errors[0].where.col, 5);
}

TEST(FormsRobustness, AnUnclosedQuoteIsTheOneErrorAndItsPlace) {
    // Issue 12: this said "the form has no 'languages'" and "no 'pages'" at 1:1.
    const LoadResult r = load("id: x\nversion: 1\ntitle: \"Intake\nlanguages: [en]\npages: []\n");
    EXPECT_EQ(only(r),
              "this quote (\") is not closed, so the text runs on to the end of the file; close it on its line");
    EXPECT_EQ(r.errors[0].where.line, 3);
    EXPECT_EQ(r.errors[0].where.col, 8);
}

TEST(FormsRobustness, ManyPlainValuesAreCapped) {
    std::string y = "a: [";
    for (int i = 0; i < 150000; ++i) y += "1,";
    y += "1]\n";
    ASSERT_LE(y.size(), 2u * 1024 * 1024);
    const LoadResult r = load(y);
    EXPECT_NE(only(r).find("more than 100000 YAML values"), std::string::npos);
}

TEST(FormsRobustness, MapWithManyKeys) {
    // 40 000 distinct keys (80 000 values, under the cap), then one repeated: duplicate detection must not be quadratic.
    std::string y;
    for (int i = 0; i < 40000; ++i) y += "k" + std::to_string(i) + ": 1\n";
    y += "k7: 2\n";
    const LoadResult r = load(y);
    EXPECT_TRUE(hasError(r, Pos{40001, 1},
                         "duplicate key 'k7'; it is already given at line 8:1 (each key may appear once in a map; remove one)"));
}

TEST(FormsRobustness, UnknownAndRecursiveAliases) {
    const LoadResult r = load("a: *nothing\n");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].message.find("YAML syntax error"), std::string::npos) << r.errors[0].message;
    const LoadResult self = load("a: &x [1, *x]\n");
    ASSERT_EQ(self.errors.size(), 1u);
    EXPECT_EQ(self.form, nullptr);
}

TEST(FormsRobustness, HugeStringIsRefusedBeforeParsing) {
    const std::string big(50u * 1024 * 1024, '#');
    EXPECT_EQ(only(load(big)),
              "the file is 52428800 bytes; the limit is 2097152 bytes (2 MB). A questionnaire is normally under 100 kB: "
              "is this the right file?");
}

TEST(FormsRobustness, HugeFileIsRefusedBeforeReading) {
    const TempFile f("form.yaml", "");
    // A sparse 50 MB file: the loader must stat it and refuse without reading 50 MB.
    const int fd = ::open(f.path().c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, 50L * 1024 * 1024), 0);
    ::close(fd);
    const LoadResult r = loadForm(f.path());
    EXPECT_EQ(only(r),
              "the file is 52428800 bytes; the limit is 2097152 bytes (2 MB). A questionnaire is normally under 100 kB: "
              "is this the right file?");
    EXPECT_EQ(r.errors[0].where.file, f.path());
}

TEST(FormsRobustness, FileJustUnderTheLimitLoads) {
    // A valid form padded with a comment to 2 MB - 1 byte still loads.
    std::string y = withItems(yesNo("a"));
    y += "#" + std::string(2u * 1024 * 1024 - 3 - y.size(), 'x') + "\n";
    ASSERT_EQ(y.size(), 2u * 1024 * 1024 - 1);
    EXPECT_TRUE(load(y).ok());
}

TEST(FormsRobustness, LongIdsAndWordsDoNotStallSuggestions) {
    const std::string longWord(100000, 'a');
    const std::string y = withItems(yesNo("a") + "      - {id: b, type: yes_no, label: {en: B, es: B}, show_if: {item: " +
                                    longWord + ", op: answered}}\n");
    const LoadResult r = load(y);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message.rfind("show_if refers to 'aaaa", 0), 0u);
}

TEST(FormsRobustness, FuzzRegressionsGiveErrorsWithoutCrashing) {
    const std::string dir = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fuzz-regressions";
    DIR* d = ::opendir(dir.c_str());
    ASSERT_NE(d, nullptr) << dir;
    int files = 0;
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name.empty() || name[0] == '.' || name == "README.md") continue;
        ++files;
        const LoadResult r = loadForm(dir + "/" + name);
        EXPECT_EQ(r.form, nullptr) << name;
        EXPECT_FALSE(r.errors.empty()) << name;
        for (const auto& err : r.errors) EXPECT_FALSE(err.message.empty()) << name;
    }
    ::closedir(d);
    EXPECT_GT(files, 0);
}
