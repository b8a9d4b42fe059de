// Drafts written off the frame loop (app/cli/draft_writer.h): a page turn's draft save must not
// wait while another connection (the sync pusher marking a batch) holds SQLite's write lock, and
// no draft of an intake may be written after that intake was submitted or wiped.
#include "kiosk/app/cli/draft_writer.h"

#include <gtest/gtest.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "../store/store_test_util.h"
#include "kiosk/app/cli/store_sink.h"
#include "support/temp_files.h"

namespace kiosk::app {
namespace {

namespace st = kiosk::store::testing;

TEST(DraftWriter, ANewerDraftReplacesOneNotYetWrittenAndSettleWaitsForTheWriteUnderWay) {
    std::mutex m;
    std::condition_variable cv;
    bool release = false;
    std::vector<std::string> written;
    std::atomic<int> started{0};
    DraftWriter writer([&](const std::string& snapshot, const std::string&) -> core::Result<void> {
        ++started;
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return release; });
        written.push_back(snapshot);
        return {};
    });
    writer.post("page 1", "t");
    while (started.load() == 0) std::this_thread::yield();  // page 1 is being written (held)
    writer.post("page 2", "t");
    writer.post("page 3", "t");  // replaces page 2, never written
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::lock_guard<std::mutex> lock(m);
        release = true;
        cv.notify_all();
    });
    writer.settle();  // drops page 3, waits for page 1
    {
        std::lock_guard<std::mutex> lock(m);
        EXPECT_EQ(written, std::vector<std::string>{"page 1"});
    }
    releaser.join();
    writer.post("page 4", "t");
    writer.settle();  // either written or dropped, but nothing under way after it
    std::lock_guard<std::mutex> lock(m);
    EXPECT_TRUE(written.size() == 1 || written.back() == "page 4");
}

TEST(DraftWriter, FlushWritesTheDraftThatWaits) {
    std::vector<std::string> written;
    DraftWriter writer([&](const std::string& snapshot, const std::string&) -> core::Result<void> {
        written.push_back(snapshot);
        return {};
    });
    writer.post("review", "t");
    writer.flush();
    EXPECT_EQ(written, std::vector<std::string>{"review"});
}

TEST(DraftWriter, TheLastDraftIsWrittenWhenTheKioskCloses) {
    std::vector<std::string> written;
    {
        DraftWriter writer([&](const std::string& snapshot, const std::string&) -> core::Result<void> {
            written.push_back(snapshot);
            return {};
        });
        writer.post("last page", "t");
    }
    ASSERT_FALSE(written.empty());
    EXPECT_EQ(written.back(), "last page");
}

/// A finished intake, as far as the sink needs one.
session::Record aRecord() {
    session::Record record;
    record.formId = "intake";
    record.formVersion = 1;
    record.contentHash = "sha256:abc";
    record.lang = "en";
    record.startedAt = "2026-12-06T10:00:00Z";
    return record;
}

class BackgroundDrafts : public ::testing::Test {
protected:
    void SetUp() override {
        (void)st::freshStore(db(), "front desk secret");
        auto opened = StoreRecordSink::open(db(), "kiosk-drafts", std::chrono::minutes(10));
        ASSERT_TRUE(opened) << opened.error().format();
        sink = std::move(*opened);
        sink->saveDraftsInBackground();
    }
    std::optional<std::string> draftOnDisk() {
        sink.reset();  // writes what waits
        store::StoreOptions o = st::options(db());
        o.kioskId = "kiosk-drafts";
        store::Store s = st::openOrDie(o);
        auto d = s.loadDraft();
        EXPECT_TRUE(d);
        if (!d || !*d) return std::nullopt;
        return (*d)->snapshot;
    }
    /// Waits (bounded) until the writer's draft row is in the database.
    bool draftRowWritten() {
        SQLite::Database peek(db(), SQLite::OPEN_READONLY);
        for (int i = 0; i < 1000; ++i) {
            if (peek.execAndGet("SELECT count(*) FROM drafts").getInt() > 0) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return false;
    }
    std::string db() const { return dir / "intake.sqlite3"; }
    kiosk::testing::TempDir dir{"bg-drafts"};
    std::unique_ptr<StoreRecordSink> sink;
};

// The pusher holding the write lock (here: another connection in BEGIN IMMEDIATE) while the patient
// turns a page: the save returns at once and the draft is written once the lock is free. On the
// frame loop's own connection (no saveDraftsInBackground) the save waited for the busy timeout and
// then failed.
TEST_F(BackgroundDrafts, APageTurnDoesNotWaitForAnotherConnectionsWriteLock) {
    SQLite::Database other(db(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("DELETE FROM outbox WHERE 0");  // holds the write lock, as a pusher marking a batch
    const auto saved = sink->saveDraft(R"({"page":"pain"})");
    EXPECT_TRUE(saved) << (saved ? "" : saved.error().format());
    other.exec("COMMIT");  // the lock is free only after the save returned
    EXPECT_EQ(draftOnDisk(), std::optional<std::string>(R"({"page":"pain"})"));
}

// A patient who walks away: the wipe discards the draft, and a page saved just before must not come
// back after it (the next patient would be offered to resume it).
TEST_F(BackgroundDrafts, NoDraftIsWrittenAfterTheIntakeWasWiped) {
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(sink->saveDraft(R"({"page":)" + std::to_string(i) + "}"));
        ASSERT_TRUE(sink->discardDraft());
    }
    EXPECT_EQ(draftOnDisk(), std::nullopt);
}

TEST_F(BackgroundDrafts, NoDraftIsWrittenAfterTheIntakeWasSubmitted) {
    const session::Record record = aRecord();
    ASSERT_TRUE(sink->saveDraft(R"({"page":"consent"})"));
    const auto id = sink->submit(record);
    ASSERT_TRUE(id) << id.error().format();
    EXPECT_EQ(draftOnDisk(), std::nullopt);
}

// The next patient's draft after a submit: sealed with a fresh key whose file exists, so a power
// cut resumes it. The writer's connection kept the submitted intake's key (its file unlinked by the
// submit) and sealed the next draft with it: unopenable.
TEST_F(BackgroundDrafts, TheNextPatientsDraftAfterASubmitCanBeResumed) {
    const session::Record record = aRecord();
    ASSERT_TRUE(sink->saveDraft(R"({"page":"consent"})"));
    ASSERT_TRUE(draftRowWritten());  // the writer's connection made (and holds) this intake's key
    ASSERT_TRUE(sink->submit(record));
    ASSERT_TRUE(sink->saveDraft(R"({"page":"next patient"})"));
    EXPECT_EQ(draftOnDisk(), std::optional<std::string>(R"({"page":"next patient"})"));
}

}  // namespace
}  // namespace kiosk::app
