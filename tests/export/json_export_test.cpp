// The JSON export writer: a valid document for any number of records, damaged ones named, never
// half-written, and a failed stream reported.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/export/json_export.h"

using kiosk::exports::ExportMeta;
using kiosk::exports::JsonExportWriter;
using nlohmann::json;

namespace {
ExportMeta metaFor(const std::string& id) {
    return ExportMeta{id, "intake", 3, "sha256:abc", "es", "2026-11-25T10:00:00Z", "2026-11-25T10:05:00Z",
                      "kiosk-1", "submitted"};
}
}  // namespace

TEST(ExportJson, EmptyExportIsAValidDocument) {
    std::ostringstream out;
    JsonExportWriter w(out, "2026-12-01T09:00:00Z", "kiosk-1");
    ASSERT_TRUE(w.finish());
    const json doc = json::parse(out.str());
    EXPECT_EQ(doc, json::parse(R"({"exported_at":"2026-12-01T09:00:00Z","kiosk":"kiosk-1","records":[],"damaged":[]})"));
}

TEST(ExportJson, RecordsCarryTheirColumnsAndDamagedOnesAreOnlyNamed) {
    std::ostringstream out;
    JsonExportWriter w(out, "2026-12-01T09:00:00Z", "kiosk-1");
    ASSERT_TRUE(w.add(metaFor("a"), R"({"answers":{"name":"Ana"}})"));
    w.addDamaged("b");
    auto bad = w.add(metaFor("c"), R"({"answers":{"name":"ZQXJ")");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.find("ZQXJ"), std::string::npos);
    ASSERT_TRUE(w.add(metaFor("d"), R"({"answers":{}})"));
    ASSERT_TRUE(w.finish());
    EXPECT_EQ(w.recordCount(), 2);
    const json doc = json::parse(out.str());
    ASSERT_EQ(doc["records"].size(), 2u);
    const json& a = doc["records"][0];
    EXPECT_EQ(a["id"], "a");
    EXPECT_EQ(a["form"], "intake");
    EXPECT_EQ(a["version"], 3);
    EXPECT_EQ(a["content_hash"], "sha256:abc");
    EXPECT_EQ(a["lang"], "es");
    EXPECT_EQ(a["started_at"], "2026-11-25T10:00:00Z");
    EXPECT_EQ(a["submitted_at"], "2026-11-25T10:05:00Z");
    EXPECT_EQ(a["status"], "submitted");
    EXPECT_EQ(a["record"]["answers"]["name"], "Ana");
    EXPECT_EQ(doc["records"][1]["id"], "d");
    EXPECT_EQ(doc["damaged"], json::array({"b", "c"}));
    EXPECT_EQ(out.str().find("ZQXJ"), std::string::npos);
}

TEST(ExportJson, AFailedStreamIsAnError) {
    std::ostringstream out;
    JsonExportWriter w(out, "2026-12-01T09:00:00Z", "kiosk-1");
    out.setstate(std::ios::badbit);
    ASSERT_TRUE(w.add(metaFor("a"), "{}"));
    auto done = w.finish();
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().code, kiosk::core::ErrorCode::Io);
}
