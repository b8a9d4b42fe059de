// A repeating number or date in the CSV: its values in one cell, ';'-joined like a multi-select,
// the same whether the record is read as a tree or streamed from its stored text.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "csv_reader.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/forms/loader.h"

using namespace kiosk::exports;
using nlohmann::json;
using kiosk::exports::testing::parseCsv;

TEST(ExportCsvRepeats, TheValuesShareOneCellJoinedBySemicolons) {
    const auto loaded = kiosk::forms::loadFormFromString(R"(id: visits
version: 1
title: {en: V}
languages: [en]
pages:
  - id: p
    title: {en: P}
    items:
      - {id: visits, type: number, label: {en: V}, repeats: true}
      - {id: temps, type: number, label: {en: T}, decimals: 1, repeats: true}
      - {id: falls, type: date, label: {en: F}, repeats: true}
)", "visits.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    const json record = json::parse(R"({"form":{"id":"visits","version":1},"lang":"en",
        "answers":{"visits":[2,5],"temps":[37.5,38.2],"falls":["2026-01-03","2026-10-30"]},"scores":[],"flags":[]})");
    for (const bool streamed : {false, true}) {
        SCOPED_TRACE(streamed ? "streamed" : "tree");
        CsvLayout layout;
        layout.addForm(*loaded.form);
        std::ostringstream out;
        CsvExportWriter writer(out, layout);
        ExportMeta meta;
        meta.id = "rec-1";
        meta.formId = "visits";
        meta.formVersion = 1;
        if (streamed) ASSERT_TRUE(writer.addPayload(meta, record.dump()));
        else writer.addParsed(meta, record);
        ASSERT_TRUE(writer.finish());
        const auto rows = parseCsv(out.str());
        ASSERT_EQ(rows.size(), 2u);
        auto at = [&](const std::string& column) {
            for (std::size_t i = 0; i < rows[0].size(); ++i)
                if (rows[0][i] == column) return rows[1][i];
            ADD_FAILURE() << "no column " << column;
            return std::string();
        };
        EXPECT_EQ(at("visits"), "2;5");
        EXPECT_EQ(at("temps"), "37.5;38.2");
        EXPECT_EQ(at("falls"), "2026-01-03;2026-10-30");
    }
}
