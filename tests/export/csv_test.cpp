// The CSV writer without a store: cells (RFC 4180 quoting, formula neutralising), the columns of
// one or several form versions, and rows made from records the real session produced.
#include <sstream>

#include <gtest/gtest.h>

#include "bundled_records.h"
#include "csv_reader.h"
#include "kiosk/export/csv_cell.h"
#include "kiosk/export/csv_export.h"
#include "support/form_builder.h"

namespace {
using kiosk::exports::appendCsvCell;
using kiosk::exports::CsvExportWriter;
using kiosk::exports::CsvLayout;
using kiosk::exports::CsvOptions;
using kiosk::exports::ExportMeta;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::bundledRecord;
using kiosk::exports::testing::parseCsv;
using nlohmann::json;
namespace kt = kiosk::testing;

std::string cell(const std::string& value) {
    std::string line;
    appendCsvCell(line, value);
    return line;
}

ExportMeta metaFor(const std::string& id, int version = 3) {
    return ExportMeta{id,     "test_form", version, "sha256:00ff", "es", "2026-11-25T10:00:00Z", "2026-11-25T10:05:00Z",
                      "kiosk-1", "submitted"};
}

std::vector<std::string> header(const CsvLayout& layout) {
    std::vector<std::string> names;
    for (const auto& c : layout.columns()) names.push_back(c.name);
    return names;
}

const std::vector<std::string> kMeta = {"record:id",      "record:form",         "record:version",
                                        "record:lang",    "record:started_at",   "record:submitted_at",
                                        "record:kiosk",   "record:status"};

std::vector<std::string> withMeta(std::vector<std::string> rest) {
    std::vector<std::string> all = kMeta;
    all.insert(all.end(), rest.begin(), rest.end());
    return all;
}

}  // namespace

TEST(ExportCsvCell, FormulaStartsAreNeutralisedAndPlainNumbersKept) {
    EXPECT_EQ(cell("=1+2"), "'=1+2");
    EXPECT_EQ(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(cell("+1 555 0134"), "'+1 555 0134");
    EXPECT_EQ(cell("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
    EXPECT_EQ(cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(cell("\tx"), "'\tx");
    EXPECT_EQ(cell("\rx"), "\"'\rx\"");
    EXPECT_EQ(cell("-3"), "-3");
    EXPECT_EQ(cell("-0.5"), "-0.5");
    EXPECT_EQ(cell("+2"), "+2");
    EXPECT_EQ(cell("-"), "'-");
    EXPECT_EQ(cell("1-2"), "1-2");
    EXPECT_EQ(cell("a=b"), "a=b");
}

TEST(ExportCsvCell, Rfc4180QuotingOnlyWhereNeeded) {
    EXPECT_EQ(cell(""), "");
    EXPECT_EQ(cell("plain text"), "plain text");
    EXPECT_EQ(cell("a,b"), "\"a,b\"");
    EXPECT_EQ(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(cell("Begoña, María José"), "\"Begoña, María José\"");
}

TEST(ExportCsvAnswerText, EachAnswerShape) {
    using kiosk::exports::csvAnswerText;
    EXPECT_EQ(csvAnswerText(json(true)), "yes");
    EXPECT_EQ(csvAnswerText(json(false)), "no");
    EXPECT_EQ(csvAnswerText(json(7)), "7");
    EXPECT_EQ(csvAnswerText(json(4.5)), "4.5");
    EXPECT_EQ(csvAnswerText(json("1950-03-14")), "1950-03-14");
    EXPECT_EQ(csvAnswerText(json::parse(R"(["less_pain","sleep_better"])")), "less_pain;sleep_better");
    EXPECT_EQ(csvAnswerText(json::parse(R"(["neck_l",{"region":"lower_back_r","intensity":6,"kinds":["aching"]},
                                           {"region":"knee_l"}])")),
              "neck_l;lower_back_r:6;knee_l");
    EXPECT_EQ(csvAnswerText(json::parse(R"({"strokes":[[[0.1,0.2],[0.3,0.4]]]})")), "signed");
    EXPECT_EQ(csvAnswerText(json::parse(R"({"strokes":[]})")), "");
    EXPECT_EQ(csvAnswerText(json(nullptr)), "");
}

TEST(ExportCsvLayout, ColumnsFollowTheFormWithMatrixRowsScoresAndFlags) {
    using namespace kiosk::testing;
    Form f = form({page("p1", {info("hello"), text("name"), matrix("stress", {"tense", "calm"}, {opt("never"), opt("often")})}),
                   page("p2", {bodyMap("where", {BodyDetail::Intensity}), multi("goals", {opt("a"), opt("b")}),
                               signature("sign")})});
    Score banded;
    banded.id = "stress_total";
    banded.bands.push_back(ScoreBand{0, 4, txt("Low"), {}});
    Score plain;
    plain.id = "regions";
    f.scores = {banded, plain};
    Flag urgent;
    urgent.id = "red";
    f.flags = {urgent};
    CsvLayout layout;
    layout.addForm(f);
    EXPECT_EQ(header(layout), withMeta({"name", "stress.tense", "stress.calm", "where", "goals", "sign",
                                        "score:stress_total", "score:stress_total:band", "score:regions", "flag:red"}));
}

TEST(ExportCsvLayout, VersionsShareMatchingColumnsAndOlderOnesSitAfterTheirNeighbour) {
    using namespace kiosk::testing;
    Form v3 = form({page("p", {text("a"), text("b"), text("c")})});
    Form v2 = form({page("p", {text("a"), text("x"), text("c"), text("z")})});
    v2.version = 2;
    CsvLayout layout;
    layout.addForm(v3);
    layout.addForm(v2);
    EXPECT_EQ(header(layout), withMeta({"a", "x", "b", "c", "z"}));

    // A record of a version not on the shelf adds what it answered, in the same way.
    layout.addRecordShape(json::parse(R"({"answers":{"a":"1","m":{"r1":"x","r2":"y"}},
                                          "scores":[{"id":"s","value":2,"band":"Mild"}],
                                          "flags":[{"id":"f","severity":"caution"}]})"));
    EXPECT_EQ(header(layout), withMeta({"a", "m.r1", "m.r2", "x", "b", "c", "z", "score:s", "score:s:band", "flag:f"}));
}

TEST(ExportCsvWriter, ARealRecordFillsItsColumnsUnderTheHeader) {
    auto form = bundledForm();
    ASSERT_TRUE(form);
    CsvLayout layout;
    layout.addForm(*form);
    std::ostringstream out;
    CsvExportWriter writer(out, layout);
    writer.addParsed(metaFor("rec-1"), bundledRecord("intake-red-flags", form));
    ASSERT_TRUE(writer.finish());
    EXPECT_EQ(writer.rowCount(), 1);
    EXPECT_EQ(writer.unplaced(), 0);

    const std::string text = out.str();
    EXPECT_EQ(text.substr(0, 10), "record:id,");
    EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
    const auto rows = parseCsv(text);
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_EQ(rows[0].size(), rows[1].size());
    auto at = [&](const std::string& column) {
        for (std::size_t i = 0; i < rows[0].size(); ++i)
            if (rows[0][i] == column) return rows[1][i];
        ADD_FAILURE() << "no column " << column;
        return std::string();
    };
    EXPECT_EQ(at("record:id"), "rec-1");
    EXPECT_EQ(at("record:lang"), "es");
    EXPECT_EQ(at("first_name"), "Testpatient");
    EXPECT_EQ(at("date_of_birth"), "1957-06-21");
    EXPECT_EQ(at("phone"), "555-0134");
    EXPECT_EQ(at("goals"), "less_pain;move_easier;sleep_better");
    EXPECT_EQ(at("pain_map"), "lower_back_l:9;lower_back_r:6;buttock_l:7;hamstring_l:5");
    EXPECT_EQ(at("interference.work"), "completely");
    EXPECT_EQ(at("sleep_hours"), "4.5");
    EXPECT_EQ(at("main_reason"),
              "Low back pain since I slipped on the ice three weeks ago. It goes down my left leg.");
    EXPECT_EQ(at("consent_treatment"), "yes");
    EXPECT_EQ(at("saddle_numbness"), "no");
    EXPECT_EQ(at("signature"), "signed");
    EXPECT_EQ(at("score:pain_intensity"), "8.3");
    EXPECT_FALSE(at("score:pain_intensity:band").empty());
    EXPECT_EQ(at("flag:bladder_bowel"), "urgent");
    EXPECT_EQ(at("flag:blood_thinners"), "caution");
    EXPECT_EQ(at("flag:saddle_numbness"), "");
    EXPECT_EQ(at("email"), "");  // not answered
}

TEST(ExportCsvWriter, PatientTextCannotBecomeAFormulaOrBreakTheRow) {
    using namespace kiosk::testing;
    CsvLayout layout;
    layout.addForm(form({page("p", {text("first_name"), text("note"), number("weight")})}));
    std::ostringstream out;
    CsvExportWriter writer(out, layout);
    writer.addParsed(metaFor("r"), json::parse(R"j({"answers":{"first_name":"=HYPERLINK(\"http://evil\",\"x\")",
                                                   "note":"line one,\n\"two\"", "weight":-3}})j"));
    ASSERT_TRUE(writer.finish());
    const auto rows = parseCsv(out.str());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][8], "'=HYPERLINK(\"http://evil\",\"x\")");
    EXPECT_EQ(rows[1][9], "line one,\n\"two\"");
    EXPECT_EQ(rows[1][10], "-3");
}

TEST(ExportCsvWriter, ExcelGetsAByteOrderMarkAndNothingElseChanges) {
    using namespace kiosk::testing;
    CsvLayout layout;
    layout.addForm(form({page("p", {text("name")})}));
    std::ostringstream plain, excel;
    const json record = json::parse(R"({"answers":{"name":"Begoña"}})");
    CsvExportWriter a(plain, layout);
    a.addParsed(metaFor("r"), record);
    CsvOptions options;
    options.excel = true;
    CsvExportWriter b(excel, layout, options);
    b.addParsed(metaFor("r"), record);
    EXPECT_EQ(plain.str().substr(0, 3), "rec");
    EXPECT_EQ(excel.str(), "\xEF\xBB\xBF" + plain.str());
}

TEST(ExportCsvWriter, AnswersWithoutAColumnAreCountedNotLost) {
    using namespace kiosk::testing;
    CsvLayout layout;
    layout.addForm(form({page("p", {text("name")})}));
    std::ostringstream out;
    CsvExportWriter writer(out, layout);
    writer.addParsed(metaFor("r"), json::parse(R"({"answers":{"name":"Ana","surprise":"x"}})"));
    EXPECT_EQ(writer.unplaced(), 1);
}
