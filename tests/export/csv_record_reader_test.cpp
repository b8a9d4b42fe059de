// The CSV row read from a record's text with no JSON tree (csv_record_reader.h) says what the
// parsed-tree reading says (csvAnswerText, the score/band/flag rules of csv_export.h) for every
// answer shape, odd ones included; a payload that is not JSON writes no row and leaves nothing
// behind for the next record.
#include <sstream>

#include <gtest/gtest.h>

#include "csv_reader.h"
#include "kiosk/export/csv_export.h"

namespace {
using kiosk::exports::csvAnswerText;
using kiosk::exports::CsvExportWriter;
using kiosk::exports::CsvLayout;
using kiosk::exports::ExportMeta;
using kiosk::exports::testing::parseCsv;
using nlohmann::json;

const ExportMeta kMeta{"r-1", "f", 1, "sha256:00", "en", "2026-11-25T10:00:00Z", "2026-11-25T10:05:00Z", "k", "submitted"};

/// The CSV of @p payloads (each added as a record) under @p layout, parsed back: header first.
std::vector<std::vector<std::string>> rowsOf(const CsvLayout& layout, const std::vector<std::string>& payloads,
                                             std::vector<bool>* accepted = nullptr) {
    std::ostringstream out;
    CsvExportWriter w(out, layout);
    for (const auto& p : payloads) {
        const bool ok = w.addPayload(kMeta, p);
        if (accepted) accepted->push_back(ok);
    }
    EXPECT_TRUE(w.finish().ok());
    return parseCsv(out.str());
}

std::string cellOf(const std::vector<std::vector<std::string>>& rows, std::size_t row, const std::string& column) {
    const auto& head = rows.at(0);
    for (std::size_t i = 0; i < head.size(); ++i)
        if (head[i] == column) return rows.at(row).at(i);
    ADD_FAILURE() << "no column " << column;
    return "";
}

}  // namespace

TEST(CsvRecordReader, EachAnswerShapeReadsAsTheParsedTreeDoes) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"q": "x"}})"));
    const char* values[] = {
        "true", "false", "3", "-2", "18446744073709551615", "-2.5", "0.10000000149011612", "1e2", "null",
        R"("text, with \"quotes\" and ñ")", R"("")", "[]", R"(["a","b"])",
        R"([{"region":"neck","intensity":7,"kinds":["sharp"]},{"region":"hip_l"},{"intensity":3},{"region":"x","intensity":"9"}])",
        R"([["x"],"y",{"region":["odd"]}])", R"([1,true,null,2.0])", R"({"strokes":[[[0.1,0.2],[0.3,0.4]]]})",
        R"({"strokes":[]})", R"({"strokes":"no"})", R"({"strokes":{}})", R"({"r2":"never","r1":"often","r3":3})",
        R"({"a":{"deep":1},"b":["x"],"c":null})", "{}"};
    for (const char* v : values) {
        SCOPED_TRACE(v);
        const auto rows = rowsOf(layout, {std::string(R"({"answers":{"q":)") + v + "}}"});
        ASSERT_EQ(rows.size(), 2u);
        EXPECT_EQ(cellOf(rows, 1, "q"), csvAnswerText(json::parse(v)));
    }
}

TEST(CsvRecordReader, MatrixRowsGoToTheirOwnColumnsWhenTheLayoutHasThem) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"m": {"r1": "a", "r2": "b"}}})"));
    const auto rows = rowsOf(layout, {R"({"answers":{"m":{"r2":"never","r1":"often","zz":"nowhere"}}})"});
    EXPECT_EQ(cellOf(rows, 1, "m.r1"), "often");
    EXPECT_EQ(cellOf(rows, 1, "m.r2"), "never");
    EXPECT_EQ(rows.at(0).size(), 10u) << "no column appears for a row the layout lacks";
}

TEST(CsvRecordReader, ScoresBandsAndFlagsKeepOnlyWhatIsWellFormed) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"scores": [{"id": "s1", "band": "b"}, {"id": "s2", "band": "b"}],
                                           "flags": [{"id": "f1"}, {"id": "f2"}, {"id": "f3"}]})"));
    const auto rows = rowsOf(layout, {R"({"scores": [{"id": "s1", "value": 12, "band": "moderate", "extra": {"x": [1]}},
                                                      {"id": "s2", "value": null, "band": 7}, {"value": 3}, {"id": 5, "value": 1}, "junk"],
                                          "flags": [{"id": "f1", "severity": "urgent"}, {"id": "f2"}, {"id": "f3", "severity": null}, 7],
                                          "answers": []})"});
    EXPECT_EQ(cellOf(rows, 1, "score:s1"), "12");
    EXPECT_EQ(cellOf(rows, 1, "score:s1:band"), "moderate");
    EXPECT_EQ(cellOf(rows, 1, "score:s2"), "") << "a null score is no value";
    EXPECT_EQ(cellOf(rows, 1, "score:s2:band"), "") << "a band that is not text is not a band";
    EXPECT_EQ(cellOf(rows, 1, "flag:f1"), "urgent");
    EXPECT_EQ(cellOf(rows, 1, "flag:f2"), "raised");
    EXPECT_EQ(cellOf(rows, 1, "flag:f3"), "");
}

TEST(CsvRecordReader, APayloadThatIsNotJsonWritesNoRowAndLeavesNothingForTheNext) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"q": "x", "p": "y"}})"));
    std::vector<bool> accepted;
    const auto rows = rowsOf(layout,
                             {R"({"answers":{"q":"leaked","p":)", R"({"answers":{}} trailing)", "not json",
                              R"({"answers":{"p":"kept"}})", "5"},
                             &accepted);
    EXPECT_EQ(accepted, (std::vector<bool>{false, false, false, true, true}));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(cellOf(rows, 1, "q"), "") << "nothing of a failed record reaches the next row";
    EXPECT_EQ(cellOf(rows, 1, "p"), "kept");
    EXPECT_EQ(cellOf(rows, 2, "record:id"), "r-1") << "any JSON value is a record (the parsed reading agrees)";
}

TEST(CsvRecordReader, TextThatIsNotUtf8AnywhereWritesNoRow) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"q": "x"}})"));
    const std::string longAscii(100, 'a');  // past the eight-byte ASCII steps before the bad byte
    std::vector<bool> accepted;
    const auto rows = rowsOf(layout,
                             {R"({"answers":{"q":")" + longAscii + "\xC3\x28" + R"("}})",
                              std::string(R"({"answers":{"q":")") + "\xED\xA0\x80" + R"("}})",  // a UTF-16 surrogate
                              std::string(R"({"answers":{"q":")") + "\xC0\xAF" + R"("}})",      // an overlong '/'
                              std::string(R"({"answers":{"q":"ok )") + "\xC3" + R"("}})",        // a sequence cut short
                              R"({"answers":{"q":")" + longAscii + "\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80" + R"("}})"},
                             &accepted);
    EXPECT_EQ(accepted, (std::vector<bool>{false, false, false, false, true}));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(cellOf(rows, 1, "q"), longAscii + "\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST(CsvRecordReader, ANulInsideTheValueIsAnErrorAndOneAfterItEndsTheText) {
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"q": "x"}})"));
    using namespace std::string_literals;
    std::vector<bool> accepted;
    const auto rows = rowsOf(layout,
                             {"{\"answers\":{\"q\":\"a\0b\"}}"s, "{\"answers\":\0{}}"s,
                              "{\"answers\":{\"q\":\"end\"}} \0 junk"s, "\xEF\xBB\xBF{\"answers\":{\"q\":\"bom\"}}"s},
                             &accepted);
    EXPECT_EQ(accepted, (std::vector<bool>{false, false, true, true}));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(cellOf(rows, 1, "q"), "end");
    EXPECT_EQ(cellOf(rows, 2, "q"), "bom");
}

TEST(CsvRecordReader, AWriterReusedAcrossRecordsOfOtherShapesWritesWhatAFreshOneWrites) {
    // The writer remembers where the n-th cell of the last record went; records whose answers come
    // in another order, lack some, carry some without a column or repeat one must not inherit it.
    CsvLayout layout;
    layout.addRecordShape(json::parse(R"({"answers": {"a": 1, "b": 1, "c": 1, "m": {"r1": "x", "r2": "y"}},
                                          "scores": [{"id": "s", "band": "b"}], "flags": [{"id": "f"}]})"));
    const std::vector<std::string> payloads = {
        R"({"answers":{"a":"1","b":"2","c":"3","m":{"r1":"p","r2":"q"}},"scores":[{"id":"s","value":1,"band":"lo"}],"flags":[{"id":"f","severity":"urgent"}]})",
        R"({"answers":{"c":"3","a":"1"},"flags":[{"id":"f"}],"scores":[{"id":"s","value":2}]})",
        R"({"answers":{"x":"no column","a":"only a","m":{"r2":"q2","zz":"no row"}}})",
        R"({"answers":{"b":"b1","b":"b2","s":"not a score"},"scores":[{"id":"f","value":9},{"id":"s","band":"hi"}]})",
        R"({"answers":{"a":"1","b":"2","c":"3","m":{"r1":"p","r2":"q"}},"scores":[{"id":"s","value":1,"band":"lo"}],"flags":[{"id":"f","severity":"urgent"}]})",
        R"({"answers":{"s":"an answer named like the score"}})",
        R"({"scores":[{"id":"s","value":3}]})",  // the same key first, another kind
        R"({"scores":[{"id":"s","band":"only a band"}]})",
        R"({})"};
    std::ostringstream reused;
    CsvExportWriter all(reused, layout);
    std::string expected;
    std::int64_t unplaced = 0;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        SCOPED_TRACE(payloads[i]);
        ASSERT_TRUE(all.addPayload(kMeta, payloads[i]));
        std::ostringstream alone;
        CsvExportWriter fresh(alone, layout);
        ASSERT_TRUE(fresh.addPayload(kMeta, payloads[i]));
        const std::string text = alone.str();
        expected += i == 0 ? text : text.substr(text.find("\r\n") + 2);  // one header
        unplaced += fresh.unplaced();
    }
    EXPECT_EQ(reused.str(), expected);
    EXPECT_EQ(all.unplaced(), unplaced);
    EXPECT_EQ(unplaced, 5) << "x, m.zz, the answer s (twice) and the score f have no column";
}
