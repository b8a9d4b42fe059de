// CSV through the export job on a real store: the header planned from the records' form versions
// (on the shelf or not), one row per readable record, damaged ones reported and left unmarked.
#include <memory>

#include <gtest/gtest.h>

#include "app/records_fixture.h"
#include "csv_reader.h"
#include "kiosk/export/csv_export.h"
#include "kiosk/export/csv_plan.h"
#include "kiosk/export/export_job.h"
#include "support/form_builder.h"

namespace {
using namespace kiosk::store;
using kiosk::app::testing::flipPayloadByte;
using kiosk::app::testing::statusOf;
using kiosk::app::testing::tempFiles;
using kiosk::exports::csvWriter;
using kiosk::exports::ExportOptions;
using kiosk::exports::exportRecords;
using kiosk::exports::FormShelf;
using kiosk::exports::planCsv;
using kiosk::exports::testing::parseCsv;
namespace st = kiosk::store::testing;
namespace kt = kiosk::testing;

std::shared_ptr<const kiosk::forms::Form> version(int v) {
    using namespace kiosk::testing;
    Form f = v == 3 ? form({page("p", {text("name"), scale("pain_now"), multi("goals", {opt("a"), opt("b")})})})
                    : form({page("p", {text("name"), text("old_item"), scale("pain_now")})});
    f.version = v;
    f.contentHash = v == 3 ? "sha256:v3" : "sha256:v2";
    return std::make_shared<const Form>(std::move(f));
}

class CsvJob : public ::testing::Test {
protected:
    void SetUp() override {
        db = dir / "intake.sqlite3";
        store = std::make_unique<Store>(st::freshStore(db, "first staff secret"));
        key = std::make_unique<ClinicKey>(std::move(*store->unlock("first staff secret")));
        add(2, R"({"answers":{"name":"Old One","old_item":"kept","pain_now":4}})");
        add(3, R"({"answers":{"name":"New One","pain_now":7,"goals":["a","b"]},
                   "scores":[{"id":"s","value":7,"band":null}],"flags":[{"id":"f","severity":"urgent"}]})");
        add(3, R"j({"answers":{"name":"=cmd()","pain_now":2}})j");
        out = dir / "export.csv";
    }
    void add(int v, const std::string& payload) {
        RecordMeta m = st::meta(static_cast<int>(ids.size()), "test_form");
        m.formVersion = v;
        m.contentHash = v == 3 ? "sha256:v3" : "sha256:v2";
        ids.push_back(*store->submit(m, payload));
    }
    std::vector<std::vector<std::string>> exportWith(const FormShelf& shelf) {
        auto plan = planCsv(*store, *key, {}, shelf);
        EXPECT_TRUE(plan) << plan.error().format();
        notes = plan->notes;
        ExportOptions options;
        options.writer = csvWriter(plan->layout);
        options.force = true;
        auto done = exportRecords(*store, *key, {}, out, options);
        EXPECT_TRUE(done) << done.error().format();
        if (done) damaged = done->damaged;
        return parseCsv(st::readFile(out));
    }
    std::vector<std::string> meta(std::vector<std::string> rest) const {
        std::vector<std::string> all = {"record:id",    "record:form",         "record:version",
                                        "record:lang",  "record:started_at",   "record:submitted_at",
                                        "record:kiosk", "record:status"};
        all.insert(all.end(), rest.begin(), rest.end());
        return all;
    }

    st::TempDir dir;
    std::string db, out;
    std::unique_ptr<Store> store;
    std::unique_ptr<ClinicKey> key;
    std::vector<std::string> ids, notes, damaged;
};

TEST_F(CsvJob, TwoVersionsOnTheShelfShareColumnsAndAddTheirOwn) {
    FormShelf shelf;
    shelf.add(version(3));
    shelf.add(version(2));
    const auto rows = exportWith(shelf);
    EXPECT_TRUE(notes.empty());
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], meta({"name", "old_item", "pain_now", "goals"}));
    EXPECT_EQ(std::vector<std::string>(rows[1].begin() + 8, rows[1].end()),
              (std::vector<std::string>{"Old One", "kept", "4", ""}));
    EXPECT_EQ(std::vector<std::string>(rows[2].begin() + 8, rows[2].end()),
              (std::vector<std::string>{"New One", "", "7", "a;b"}));
    EXPECT_EQ(rows[3][8], "'=cmd()");
    EXPECT_EQ(rows[1][0], ids[0]);
    EXPECT_EQ(rows[1][2], "2");
    EXPECT_EQ(rows[2][2], "3");
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Exported);
}

TEST_F(CsvJob, AVersionNotOnTheShelfTakesItsColumnsFromItsAnswersAndSaysSo) {
    FormShelf shelf;
    shelf.add(version(3));
    const auto rows = exportWith(shelf);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0], "1 record on form test_form version 2, which is not in the forms folder: "
                        "their columns come from their answers");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], meta({"name", "old_item", "pain_now", "goals"}));
    EXPECT_EQ(rows[1][9], "kept");

    // With no form on the shelf at all, every column comes from the records, scores and flags too.
    const auto bare = exportWith(FormShelf{});
    EXPECT_EQ(notes.size(), 2u);
    ASSERT_EQ(bare.size(), 4u);
    EXPECT_EQ(bare[0], meta({"name", "old_item", "pain_now", "goals", "score:s", "flag:f"}));
    EXPECT_EQ(bare[2][12], "7");
    EXPECT_EQ(bare[2][13], "urgent");
}

TEST_F(CsvJob, ADamagedRecordIsNoRowIsReportedAndStaysUnmarked) {
    flipPayloadByte(db, ids[1]);
    FormShelf shelf;
    shelf.add(version(3));
    shelf.add(version(2));
    const auto rows = exportWith(shelf);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1][0], ids[0]);
    EXPECT_EQ(rows[2][0], ids[2]);
    EXPECT_EQ(damaged, std::vector<std::string>{ids[1]});
    EXPECT_EQ(statusOf(*store, ids[1]), RecordStatus::Submitted);
    EXPECT_TRUE(tempFiles(dir.path()).empty());
}

}  // namespace
