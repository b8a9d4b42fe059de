// Two exports under one name (the desk names its files by the second: two in the same second get
// the same name). With `numbered` the second takes NAME-2.ext, the third NAME-3.ext; without it an
// export never writes over a file that appeared while it ran, unless forced. The name is claimed
// when the file is moved into place, so no check-then-write race is left.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "export_job_fixture.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/free_name.h"

namespace {

using namespace kiosk::store;
using kiosk::app::testing::statusOf;
using kiosk::exports::ExportOptions;
using kiosk::exports::ExportProgress;
using kiosk::exports::exportRecords;
using kiosk::exports::exportRecordsEach;
using kiosk::exports::numberedName;
namespace st = kiosk::store::testing;
namespace fs = std::filesystem;
using nlohmann::json;

class ExportNames : public kiosk::exports::testing::ExportJobFixture {};

TEST(ExportNumberedName, TheNumberGoesBeforeAFilesExtensionAndAfterAFoldersName) {
    EXPECT_EQ(numberedName("/media/usb/intakes-20261125-150000.csv", 1, false), "/media/usb/intakes-20261125-150000.csv");
    EXPECT_EQ(numberedName("/media/usb/intakes-20261125-150000.csv", 2, false), "/media/usb/intakes-20261125-150000-2.csv");
    EXPECT_EQ(numberedName("/media/usb/intake-ab12cd34-20261125-150000.json", 3, false),
              "/media/usb/intake-ab12cd34-20261125-150000-3.json");
    EXPECT_EQ(numberedName("out/notes", 2, false), "out/notes-2");
    EXPECT_EQ(numberedName("/media/usb/intakes-20261125-150000", 2, true), "/media/usb/intakes-20261125-150000-2");
    EXPECT_EQ(numberedName("/media/usb.d/intakes.v2", 2, true), "/media/usb.d/intakes.v2-2");
}

TEST_F(ExportNames, ASecondExportUnderTheSameNameIsNumberedAndTheFirstKept) {
    const std::string named = dir / "intakes-20261125-150000.json";
    ExportOptions numbered;
    numbered.numbered = true;
    numbered.noMark = true;
    auto first = exportRecords(*store, *key, {}, named, numbered);
    ASSERT_TRUE(first) << first.error().format();
    EXPECT_EQ(first->output, named);
    const std::string firstText = st::readFile(named);

    ListFilter one;
    one.ids = {ids[0]};
    auto second = exportRecords(*store, *key, one, named, numbered);
    ASSERT_TRUE(second) << second.error().format();
    EXPECT_EQ(second->output, dir / "intakes-20261125-150000-2.json");
    EXPECT_EQ(json::parse(st::readFile(second->output))["records"].size(), 1u);
    EXPECT_EQ(st::readFile(named), firstText);  // the first is as it was

    auto third = exportRecords(*store, *key, one, named, numbered);
    ASSERT_TRUE(third) << third.error().format();
    EXPECT_EQ(third->output, dir / "intakes-20261125-150000-3.json");
    for (const auto& e : fs::directory_iterator(dir.path()))  // no temp file left behind
        EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(ExportNames, AFileThatAppearsWhileTheExportRunsIsNeverWrittenOver) {
    // Another export (another desk, the same second) finishes first, while this one is writing.
    const std::string named = dir / "intakes.json";
    const auto planted = [&named](const ExportProgress&) {
        if (!fs::exists(named)) std::ofstream(named) << "the other export";
        return true;
    };
    ExportOptions numbered;
    numbered.numbered = true;
    auto done = exportRecords(*store, *key, {}, named, numbered, planted);
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(done->output, dir / "intakes-2.json");
    EXPECT_EQ(st::readFile(named), "the other export");
    EXPECT_EQ(json::parse(st::readFile(done->output))["records"].size(), 3u);

    // Unnumbered and unforced: refused at the end as it is refused at the start; nothing marked.
    fs::remove(named);
    ExportOptions plain;
    plain.noMark = false;
    const std::string other = dir / "plain.json";
    auto refused = exportRecords(*store, *key, {}, other, plain, [&other](const ExportProgress&) {
        if (!fs::exists(other)) std::ofstream(other) << "keep me";
        return true;
    });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().format(), other + ": error: will not overwrite an existing file (give --force)");
    EXPECT_EQ(st::readFile(other), "keep me");
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
}

TEST_F(ExportNames, ASecondFolderOfFilesUnderTheSameNameIsNumbered) {
    const std::string folder = dir / "intakes-20261125-150000";
    auto name = [](const kiosk::exports::ExportMeta& m) { return m.id + ".json"; };
    ExportOptions numbered;
    numbered.numbered = true;
    numbered.noMark = true;
    auto first = exportRecordsEach(*store, *key, {}, folder, name, numbered);
    ASSERT_TRUE(first) << first.error().format();
    EXPECT_EQ(first->output, folder);
    auto second = exportRecordsEach(*store, *key, {}, folder, name, numbered);
    ASSERT_TRUE(second) << second.error().format();
    EXPECT_EQ(second->output, folder + "-2");
    EXPECT_TRUE(fs::exists(folder + "-2/" + ids[0] + ".json"));
    EXPECT_TRUE(fs::exists(folder + "/" + ids[0] + ".json"));

    // Unnumbered: an empty folder made meanwhile is not replaced (rename() would have).
    const std::string late = dir / "late";
    auto refused = exportRecordsEach(*store, *key, {}, late, name, {}, [&late](const ExportProgress&) {
        fs::create_directory(late);
        return true;
    });
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("already exists"), std::string::npos) << refused.error().format();
    EXPECT_TRUE(fs::is_empty(late));
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);
}

}  // namespace
