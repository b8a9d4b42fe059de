// No patient data in plain text: neither in the database file, its WAL, the draft, the log files,
// nor any log line or error message, across submit, draft, a failed save, unlock and export.
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <spdlog/sinks/ostream_sink.h>

#include "kiosk/core/log.h"
#include "store_test_util.h"

using namespace kiosk::store;
using namespace kiosk::store::testing;

namespace {

const char* const kMarkers[] = {"Quorblefax Zyxwvut", "MARKER-ANSWER-7731", "sig:MARKER-STROKE"};

std::string markedPayload() {
    return std::string(R"({"answers":{"name":")") + kMarkers[0] + R"(","notes":")" + kMarkers[1] +
           R"("},"signature":")" + kMarkers[2] + R"("})";
}

void expectNoMarker(const std::string& what, const std::string& bytes) {
    for (const char* m : kMarkers) EXPECT_EQ(bytes.find(m), std::string::npos) << m << " found in " << what;
}

std::string allFilesUnder(const std::string& dir) {
    std::string all;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) all += readFile(e.path().string());
    return all;
}

}  // namespace

TEST(StorePrivacy, NoPatientDataInFilesOrLogs) {
    TempDir dir;
    ASSERT_TRUE(kiosk::core::initLogging({dir / "logs"}));
    std::ostringstream captured;
    kiosk::core::addLogSink(std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));

    std::vector<std::string> errors;
    {
        Store s = freshStore(dir / "k.db");
        ASSERT_TRUE(s.saveDraft(markedPayload(), "2026-11-25T10:00:00Z"));
        auto id = s.submit(meta(1), markedPayload(), DraftAfterSubmit::Keep);
        ASSERT_TRUE(id);
        // Files while the WAL still holds the new pages.
        ASSERT_TRUE(std::filesystem::exists(dir / "k.db-wal"));
        expectNoMarker("k.db-wal", readFile(dir / "k.db-wal"));
        expectNoMarker("k.db", readFile(dir / "k.db"));

        // A failed save (the database is locked by someone else).
        StoreOptions o = options(dir / "k.db");
        o.busyTimeoutMs = 0;
        Store second = openOrDie(o);
        {
            SQLite::Database other(dir / "k.db", SQLite::OPEN_READWRITE);
            other.exec("BEGIN IMMEDIATE");
            auto failed = second.submit(meta(2), markedPayload());
            ASSERT_FALSE(failed);
            errors.push_back(failed.error().format());
            other.exec("ROLLBACK");
        }
        auto wrong = s.unlock("wrong passphrase");
        ASSERT_FALSE(wrong);
        errors.push_back(wrong.error().format());
        auto key = s.unlock("correct horse");
        ASSERT_TRUE(key);
        // Export: read every record and mark them exported.
        std::vector<std::string> ids;
        ASSERT_TRUE(s.forEachRecord({}, *key, [&](const RecordSummary& r, const kiosk::core::Result<std::string>& p) {
            EXPECT_TRUE(p.ok());
            ids.push_back(r.meta.id);
            return true;
        }));
        ASSERT_TRUE(s.markExported(ids, *key));
        ASSERT_TRUE(s.loadDraft()->has_value());
        expectNoMarker("k.db-wal", readFile(dir / "k.db-wal"));
    }
    kiosk::core::flushLogs();
    for (const auto& e : errors) expectNoMarker("error message", e);
    const std::string lines = captured.str();
    EXPECT_NE(lines.find("intake submitted form=intake v=3"), std::string::npos) << lines;
    EXPECT_NE(lines.find("unlock refused"), std::string::npos);
    expectNoMarker("log lines", lines);
    expectNoMarker("files in the data directory", allFilesUnder(dir.path()));
    const std::string logFile = readFile(dir / "logs/intake-kiosk.log");
    EXPECT_NE(logFile.find("intake submitted"), std::string::npos);
    ASSERT_TRUE(kiosk::core::initLogging({}));  // leave no sink pointing into the removed directory
}

TEST(StoreLog, FailingSinkNeverThrows) {
    // A sink that throws on every write stands in for a full disk under the log file.
    struct Broken : spdlog::sinks::sink {
        void log(const spdlog::details::log_msg&) override { throw std::runtime_error("disk full"); }
        void flush() override { throw std::runtime_error("disk full"); }
        void set_pattern(const std::string&) override {}
        void set_formatter(std::unique_ptr<spdlog::formatter>) override {}
    };
    ASSERT_TRUE(kiosk::core::initLogging({}));
    kiosk::core::addLogSink(std::make_shared<Broken>());
    EXPECT_NO_THROW(kiosk::core::logger()->error("intake save failed form=x v=1 code=3"));
    EXPECT_NO_THROW(kiosk::core::flushLogs());
    ASSERT_TRUE(kiosk::core::initLogging({}));
}
