// core's strict YAML reader with rules other than a form's: its limits and words come from the rules,
// every node knows its line:col, and duplicate keys are said once, the same way for every file kind.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/yaml_tree.h"

namespace kiosk::core {
namespace {

const YamlRules kNotes{
    {"notes file", 64, "Notes are short."},
    7,
    2,
    "notes have a handful",
    "notes need one",
    1024,
    "notes hold little",
};

struct Parsed {
    bool ok = false;
    YamlNode root;
    Errors errors;
};

Parsed parse(const std::string& text) {
    Parsed p;
    p.ok = parseYaml(text, "n.yaml", kNotes, p.root, p.errors);
    return p;
}

TEST(CoreYamlTree, NodesAreLocatedInCharactersNotBytes) {
    const Parsed p = parse("a: 1\n\"é\": [x, \"y\"]\n");
    ASSERT_TRUE(p.ok);
    ASSERT_TRUE(p.errors.empty());
    ASSERT_TRUE(p.root.isMap());
    const YamlNode* list = p.root.find("é");
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->items.size(), 2u);
    EXPECT_EQ(list->line, 2);
    EXPECT_EQ(list->col, 6);  // "é" is 2 bytes but one column
    EXPECT_TRUE(list->items[0].plain);
    EXPECT_FALSE(list->items[1].plain);
    EXPECT_EQ(list->items[1].loc("n.yaml").col, 10);
}

TEST(CoreYamlTree, EmptyTextIsANullRootForTheCallerToJudge) {
    for (const char* text : {"", "# only a comment\n", "---\n", "~\n"}) {
        const Parsed p = parse(text);
        EXPECT_TRUE(p.ok) << text;
        EXPECT_TRUE(p.errors.empty()) << text;
        EXPECT_TRUE(p.root.isNull()) << text;
    }
}

TEST(CoreYamlTree, DuplicateKeyIsSaidOnceAndTheLaterValueDropped) {
    const Parsed p = parse("a: 1\nb: 2\na: 3\n");
    EXPECT_TRUE(p.ok);
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].format(),
              "n.yaml:3:1: error: duplicate key 'a'; it is already given at line 1:1 (each key may appear once in a "
              "map; remove one)");
    ASSERT_EQ(p.root.keys.size(), 2u);
    EXPECT_EQ(p.root.find("a")->value, "1");
}

TEST(CoreYamlTree, LimitsAndWordsComeFromTheRules) {
    const Parsed big = parse(std::string(65, '#'));
    ASSERT_EQ(big.errors.size(), 1u);
    EXPECT_EQ(big.errors[0].message, "the file is 65 bytes; the limit is 64 bytes (64 bytes). Notes are short.");

    const Parsed many = parse("[1, 2, 3, 4, 5, 6, 7]\n");
    EXPECT_FALSE(many.ok);
    ASSERT_EQ(many.errors.size(), 1u);
    EXPECT_EQ(many.errors[0].message,
              "the file holds more than 7 YAML values (counting each use of an alias); notes have a handful. Repeated "
              "aliases (*name) can multiply a file's size: write the values out");

    const Parsed deep = parse("a: {b: {c: 1}}\n");
    EXPECT_FALSE(deep.ok);
    ASSERT_EQ(deep.errors.size(), 1u);
    EXPECT_EQ(deep.errors[0].format(),
              "n.yaml:1:8: error: lists and maps are nested more than 2 levels deep; notes need one (check the "
              "indentation and brackets)");

    const Parsed tagged = parse("a: !!binary aGk=\n");
    ASSERT_EQ(tagged.errors.size(), 1u);
    EXPECT_EQ(tagged.errors[0].message,
              "YAML tags like 'tag:yaml.org,2002:binary' are not used in notes files; write the value plainly (quote "
              "it for text)");

    const Parsed binary = parse(std::string("a: \x01\n"));
    ASSERT_EQ(binary.errors.size(), 1u);
    EXPECT_EQ(binary.errors[0].format(),
              "n.yaml:1:4: error: control character 1 in the file; a notes file is plain UTF-8 text (is this a binary "
              "file?)");
}

TEST(CoreYamlTree, AliasesCannotMultiplyTheTextPastTheLimit) {
    // One 1000-byte string repeated by 1000 aliases would be 1 MB of text; these rules allow 16 kB
    // (and plenty of values), so the 16th alias is refused, at its own line:col, before it is copied.
    const YamlRules rules{{"notes file", 64 * 1024, ""}, 100000, 8, "", "", 16 * 1024, "notes hold a few lines"};
    std::string y = "s: &big \"" + std::string(1000, 'x') + "\"\nl:\n";
    for (int i = 0; i < 1000; ++i) y += "  - *big\n";
    Parsed p;
    p.ok = parseYaml(y, "n.yaml", rules, p.root, p.errors);
    EXPECT_FALSE(p.ok);
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].format(),
              "n.yaml:18:5: error: the alias *big repeats 1000 bytes of text, which takes the file past 16384 bytes "
              "(16 kB) of text once its aliases are expanded; notes hold a few lines. Repeated aliases (*name) can "
              "multiply a file's size: write the values out");

    // The same file under the limit reads, every alias expanded.
    const YamlRules roomy{{"notes file", 64 * 1024, ""}, 100000, 8, "", "", 2 * 1024 * 1024, ""};
    Parsed q;
    q.ok = parseYaml(y, "n.yaml", roomy, q.root, q.errors);
    ASSERT_TRUE(q.ok) << (q.errors.empty() ? "" : q.errors[0].format());
    ASSERT_EQ(q.root.find("l")->items.size(), 1000u);
    EXPECT_EQ(q.root.find("l")->items[999].value, std::string(1000, 'x'));
}

TEST(CoreYamlTree, SyntaxErrorsAreLocatedWithAHint) {
    const Parsed p = parse("a: b: c\n");
    EXPECT_FALSE(p.ok);
    ASSERT_EQ(p.errors.size(), 1u);
    EXPECT_EQ(p.errors[0].where.file, "n.yaml");
    EXPECT_GT(p.errors[0].where.line, 0);
    EXPECT_EQ(p.errors[0].message.rfind("YAML syntax error: illegal map value: a ':' where it does not belong", 0), 0u)
        << p.errors[0].format();
}

TEST(CoreYamlTree, AQuoteLeftOpenToTheEndOfTheFileIsReportedWhereItOpens) {
    // yaml-cpp reads an unclosed quote as text running to the end of the file, without an error;
    // the reader says so at the quote, and nothing else.
    for (const char* text : {"a: 1\nb: \"two\nc: 3\n", "a: 1\nb: 'two\nc: 3\n", "a: 1\nb: \"it\\\"s\nc: 3\n",
                             "a: 1\nb: 'it''s\nc: 3\n"}) {
        const Parsed p = parse(text);
        EXPECT_FALSE(p.ok) << text;
        ASSERT_EQ(p.errors.size(), 1u) << text;
        const char quote = std::string(text)[8];
        EXPECT_EQ(p.errors[0].format(), std::string("n.yaml:2:4: error: this quote (") + quote +
                                            ") is not closed, so the text runs on to the end of the file; close "
                                            "it on its line")
            << text;
    }
    // Closed quotes, escaped or doubled quotes inside, and quotes spanning lines are fine.
    for (const char* text : {"a: \"x\\\"y\"\n", "a: 'it''s'\n", "a: \"one\n  two\"\n", "a: '\"'\n", "a: \"'\"\n"}) {
        const Parsed p = parse(text);
        EXPECT_TRUE(p.ok) << text;
        EXPECT_TRUE(p.errors.empty()) << text << ": " << p.errors[0].format();
    }
}

}  // namespace
}  // namespace kiosk::core
