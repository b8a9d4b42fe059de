// The export job without a command line: a whole file or none, damaged records listed and not
// marked, --no-mark, progress reported after each record, a cancel or failure leaving nothing.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "export_job_fixture.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/json_export.h"

namespace {

using namespace kiosk::store;
using kiosk::app::testing::flipPayloadByte;
using kiosk::app::testing::kPass;
using kiosk::app::testing::statusOf;
using kiosk::app::testing::tempFiles;
using kiosk::exports::ExportOptions;
using kiosk::exports::ExportProgress;
using kiosk::exports::exportRecords;
namespace st = kiosk::store::testing;
using nlohmann::json;

class ExportJob : public kiosk::exports::testing::ExportJobFixture {};

TEST_F(ExportJob, WritesEveryRecordListsTheDamagedOneAndMarksTheRest) {
    flipPayloadByte(db, ids[1]);
    std::vector<ExportProgress> seen;
    ExportOptions options;
    options.exportedAt = "2026-12-01T09:00:00Z";
    auto done = exportRecords(*store, *key, {}, out, options, [&](const ExportProgress& p) {
        seen.push_back(p);
        return true;
    });
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(done->output, out);
    EXPECT_EQ(done->exported, 2);
    EXPECT_EQ(done->damaged, std::vector<std::string>{ids[1]});
    EXPECT_TRUE(done->marked);

    const json doc = json::parse(st::readFile(out));
    EXPECT_EQ(doc["exported_at"], "2026-12-01T09:00:00Z");
    ASSERT_EQ(doc["records"].size(), 2u);
    EXPECT_EQ(doc["records"][0]["id"], ids[0]);
    EXPECT_EQ(doc["records"][0]["record"], json::parse(st::payload(0)));
    EXPECT_EQ(doc["records"][1]["id"], ids[2]);
    EXPECT_EQ(doc["damaged"], json::array({ids[1]}));
    EXPECT_EQ(std::filesystem::status(out).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

    EXPECT_EQ(statusOf(*store, ids[0]), RecordStatus::Exported);
    EXPECT_EQ(statusOf(*store, ids[1]), RecordStatus::Submitted);  // damaged: listed, not marked
    EXPECT_EQ(statusOf(*store, ids[2]), RecordStatus::Exported);
    EXPECT_EQ(exportDetails(), std::vector<std::string>{"count=2"});

    // Progress after each record, the damaged one too, against the count that matched at the start.
    ASSERT_EQ(seen.size(), 3u);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].done, static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(seen[i].total, 3);
    }
}

TEST_F(ExportJob, AnExistingFileIsReplacedOnlyWhenForced) {
    std::ofstream(out) << "keep me";
    auto refused = exportRecords(*store, *key, {}, out);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, kiosk::core::ErrorCode::Invalid);
    EXPECT_EQ(refused.error().format(), out + ": error: will not overwrite an existing file (give --force)");
    EXPECT_EQ(st::readFile(out), "keep me");
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);

    ExportOptions force;
    force.force = true;
    auto done = exportRecords(*store, *key, {}, out, force);
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(json::parse(st::readFile(out))["records"].size(), 3u);

    std::filesystem::create_directory(dir / "a-folder");
    auto folder = exportRecords(*store, *key, {}, dir / "a-folder", force);
    ASSERT_FALSE(folder);
    EXPECT_NE(folder.error().message.find("is not a regular file"), std::string::npos);
}

TEST_F(ExportJob, NoMarkLeavesTheRecordsAsTheyWereButIsAudited) {
    ExportOptions options;
    options.noMark = true;
    ListFilter filter;
    filter.formId = "intake";
    auto done = exportRecords(*store, *key, filter, out, options);
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(done->exported, 3);
    EXPECT_FALSE(done->marked);
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);
    EXPECT_EQ(exportDetails(), std::vector<std::string>{"count=3 not_marked form=intake"});
}

TEST_F(ExportJob, ACancelledOrFailedExportLeavesNoPartialFileAndMarksNothing) {
    // Cancelled after the first record: nothing at the output, no temp file, nothing marked.
    int calls = 0;
    auto cancelled = exportRecords(*store, *key, {}, out, {}, [&](const ExportProgress&) { return ++calls < 1; });
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().format(), out + ": error: export cancelled");
    EXPECT_EQ(calls, 1);
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_TRUE(tempFiles(dir.path()).empty());
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);
    EXPECT_TRUE(exportDetails().empty());

    // A forced export cancelled half-way keeps the file it would have replaced, whole.
    std::ofstream(out) << "the last export";
    ExportOptions force;
    force.force = true;
    calls = 0;
    ASSERT_FALSE(exportRecords(*store, *key, {}, out, force, [&](const ExportProgress&) { return ++calls < 2; }));
    EXPECT_EQ(st::readFile(out), "the last export");
    EXPECT_TRUE(tempFiles(dir.path()).empty());

    // A folder that is not there (a drive pulled out): an Io error naming the file, nothing made.
    auto missing = exportRecords(*store, *key, {}, dir / "missing/export.json");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, kiosk::core::ErrorCode::Io);
    EXPECT_NE(missing.error().message.find("cannot create the export file"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);
}

TEST_F(ExportJob, NeverWritesOverTheDatabaseOrItsFiles) {
    const std::string before = st::readFile(db);
    ExportOptions force;
    force.force = true;
    for (const std::string& target : {db, db + "-wal", db + "-shm"}) {
        SCOPED_TRACE(target);
        auto refused = exportRecords(*store, *key, {}, target, force);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().message.rfind("the output is the database", 0), 0u) << refused.error().message;
    }
    EXPECT_EQ(st::readFile(db), before);
    EXPECT_TRUE(tempFiles(dir.path()).empty());
}

}  // namespace

// One file per record (the therapist's PDFs, here JSON documents for brevity): a new folder, whole.
TEST_F(ExportJob, OneFilePerRecordGoesIntoANewFolderWholeOrNotAtAll) {
    namespace fs = std::filesystem;
    flipPayloadByte(db, ids[1]);
    const std::string folder = dir / "each";
    auto name = [](const kiosk::exports::ExportMeta& m) { return m.id + ".json"; };
    auto done = kiosk::exports::exportRecordsEach(*store, *key, {}, folder, name);
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(done->exported, 2);
    EXPECT_EQ(done->damaged, std::vector<std::string>{ids[1]});
    for (const auto& id : {ids[0], ids[2]}) {
        const json doc = json::parse(st::readFile(folder + "/" + id + ".json"));
        EXPECT_EQ(doc["records"][0]["id"], id);
        EXPECT_EQ(fs::status(folder + "/" + id + ".json").permissions() & fs::perms::all,
                  fs::perms::owner_read | fs::perms::owner_write);
        EXPECT_EQ(statusOf(*store, id), RecordStatus::Exported);
    }
    EXPECT_FALSE(fs::exists(folder + "/" + ids[1] + ".json"));
    EXPECT_EQ(statusOf(*store, ids[1]), RecordStatus::Submitted);

    // The folder exists now: refused, whatever is asked.
    auto again = kiosk::exports::exportRecordsEach(*store, *key, {}, folder, name);
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("already exists"), std::string::npos);

    // Cancelled after one file: no folder, no temp folder, nothing more marked.
    int calls = 0;
    auto cancelled = kiosk::exports::exportRecordsEach(*store, *key, {}, dir / "never", name, {},
                                                      [&](const ExportProgress&) { return ++calls < 1; });
    ASSERT_FALSE(cancelled);
    EXPECT_FALSE(fs::exists(dir / "never"));
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find("never.tmp"), std::string::npos) << e.path();
}

// Found walking the office manager's commands: one PDF per intake into a folder on a read-only
// drive said only "cannot create the export folder" (not why), and a disk that filled up named a
// temp folder that no longer exists and left out "the disk is full".
TEST_F(ExportJob, OneFilePerRecordSaysWhyItCouldNotBeMadeAtTheFolderAsked) {
    namespace fs = std::filesystem;
    auto name = [](const kiosk::exports::ExportMeta& m) { return m.id + ".json"; };
    const std::string missing = dir / "gone/each";
    auto r = kiosk::exports::exportRecordsEach(*store, *key, {}, missing, name);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().format(),
              missing + ": error: cannot create the export folder: the folder " + dir / "gone" + " does not exist");

    // The disk fills while the first file is written: its temp file is pointed at /dev/full.
    ExportOptions full;
    full.writer = [](std::ostream& stream, const std::string& at, const std::string& kiosk) {
        for (const auto& e : fs::directory_iterator("/proc/self/fd")) {
            std::error_code ec;
            const std::string target = fs::read_symlink(e.path(), ec).string();
            if (target.find("/each.tmp-") != std::string::npos) {
                const int dev = ::open("/dev/full", O_WRONLY);
                ::dup2(dev, std::stoi(e.path().filename()));
                ::close(dev);
            }
        }
        return std::unique_ptr<kiosk::exports::RecordWriter>(new kiosk::exports::JsonExportWriter(stream, at, kiosk));
    };
    const std::string folder = dir / "each";
    r = kiosk::exports::exportRecordsEach(*store, *key, {}, folder, name, full);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, kiosk::core::ErrorCode::DiskFull) << r.error().format();
    EXPECT_EQ(r.error().format(), folder + ": error: the export could not be written: the disk is full");
    EXPECT_FALSE(fs::exists(folder));
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find("each.tmp"), std::string::npos) << e.path();
    for (const auto& id : ids) EXPECT_EQ(statusOf(*store, id), RecordStatus::Submitted);
}
