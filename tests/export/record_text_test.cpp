// parseRecordText (record_text.h) builds the tree nlohmann::json::parse builds, and refuses what it
// refuses, for texts at the edges of JSON: numbers of every kind, escapes and lone surrogates, byte
// order marks, NULs, invalid UTF-8, repeated keys, deep nesting. The FHIR Bundle, the JSON export
// and the PDF read records through it.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/export/record_text.h"

namespace {
using nlohmann::json;
using namespace std::string_literals;

/// nlohmann's verdict on @p text: the tree, or discarded.
json reference(const std::string& text) { return json::parse(text.data(), text.data() + text.size(), nullptr, false); }

}  // namespace

TEST(RecordText, BuildsTheTreeNlohmannBuildsAndRefusesWhatItRefuses) {
    const std::vector<std::string> texts = {
        R"({"answers":{"q":"x","n":3,"m":-2,"f":-2.5,"e":1e2,"z":-0,"zf":-0.0,"t":true,"u":null}})",
        R"({"big":18446744073709551615,"bigger":18446744073709551616,"neg":-9223372036854775809})",
        R"({"p":0.1,"q":0.10000000149011612,"r":1.7976931348623157e308,"s":5e-324,"tiny":1e-400})",
        R"([1e400])", R"([-1e400])", R"({"a":1,"a":2})", R"("just a string")", "5", "[]", "{}", "",
        "   ", R"({"a":1} trailing)", R"({"a":1,})", R"([1,])", R"({'a':1})", R"({"a":01})", R"({"a":.5})",
        R"({"a":"\u00e9\ud83d\ude00\n\t\"\\\/"})", R"({"lone high":"\ud83d"})", R"({"lone low":"\ude00"})",
        R"({"\ude00":1})", R"({"pair reversed":"\ude00\ud83d"})", R"({"bad escape":"\x41"})",
        "{\"ctl\":\"a\tb\"}", "{\"utf8\":\"\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80\"}", "{\"bad\":\"\xC3\x28\"}",
        "{\"surrogate bytes\":\"\xED\xA0\x80\"}", "{\"overlong\":\"\xC0\xAF\"}", "{\"cut\":\"\xE2\x82\"}",
        "\xEF\xBB\xBF{\"bom\":1}", "\xEF\xBB{\"half bom\":1}", "\xBB\xBF{\"no lead\":1}", "\xEF{}",
        "{\"nul\":\"a\0b\"}"s, "{\"a\":1}\0 junk"s, "\0{}"s, "{\"a\":\0}"s, "[1 \0 ,2]"s,
        std::string(5000, '[') + std::string(5000, ']'), R"({"a":[1,[2,[3,{"b":[{}]}]]]})"};
    std::string buffer;
    for (const std::string& text : texts) {
        SCOPED_TRACE(text.size() > 80 ? text.substr(0, 80) + "..." : text);
        const json expected = reference(text);
        json got;
        const bool ok = kiosk::exports::parseRecordText(text, got, buffer);
        EXPECT_EQ(ok, !expected.is_discarded());
        EXPECT_EQ(got.is_discarded(), expected.is_discarded());
        if (ok && !expected.is_discarded()) {
            EXPECT_EQ(got, expected);
            EXPECT_EQ(got.dump(), expected.dump()) << "the same number kinds (unsigned, signed, float)";
        }
    }
}

TEST(RecordText, Utf8IsCheckedAsUnicodeTable37Says) {
    using kiosk::exports::validUtf8;
    EXPECT_TRUE(validUtf8(""));
    EXPECT_TRUE(validUtf8(std::string(37, 'a') + "\xC3\xB1" + std::string(11, 'b') + "\xF4\x8F\xBF\xBF"));
    EXPECT_FALSE(validUtf8(std::string(37, 'a') + "\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(validUtf8(std::string(16, 'a') + "\xED\xB0\x80"));      // a surrogate
    EXPECT_FALSE(validUtf8("\xE0\x80\xAF"));                              // overlong
    EXPECT_FALSE(validUtf8(std::string(9, 'a') + "\xC3"));                // cut short at the end
    EXPECT_FALSE(validUtf8("\x80"));                                      // a lone continuation byte
}
