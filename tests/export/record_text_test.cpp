// parseRecordText (record_text.h) builds the tree nlohmann::json::parse builds, and refuses what it
// refuses, for texts at the edges of JSON: numbers of every kind, escapes and lone surrogates, byte
// order marks, NULs, invalid UTF-8, repeated keys, deep nesting. The JSON export and the PDF read
// records through it.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/export/record_text.h"
#include "record_texts.h"

namespace {
using nlohmann::json;

/// nlohmann's verdict on @p text: the tree, or discarded.
json reference(const std::string& text) { return json::parse(text.data(), text.data() + text.size(), nullptr, false); }

}  // namespace

TEST(RecordText, BuildsTheTreeNlohmannBuildsAndRefusesWhatItRefuses) {
    const std::vector<std::string> texts = edgeRecordTexts();
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
