// Effects run against a RecordSink: a save's outcome comes back as the action the session expects.
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include "kiosk/app/cli/effects.h"
#include "kiosk/core/log.h"

#include <gtest/gtest.h>

namespace kiosk::app {
namespace {

/// A sink whose every write fails like a full disk would.
class FullDiskSink final : public RecordSink {
  public:
    core::Result<std::string> submit(const session::Record&) override { return fail(); }
    core::Result<void> saveDraft(const std::string&) override { return fail(); }
    core::Result<void> discardDraft() override { return fail(); }
    int calls = 0;

  private:
    core::Error fail() {
        ++calls;
        return core::makeError(core::ErrorCode::DiskFull, "no space left on the data disk");
    }
};

session::Record demoRecord() {
    session::Record r;
    r.formId = "intake";
    r.formVersion = 3;
    r.answers["first_name"] = std::string("Ana");
    return r;
}

TEST(AppEffects, SaveRequestSucceedsWithRecordId) {
    MemoryRecordSink sink;
    auto action = runEffect(session::SaveRequest{demoRecord()}, sink);
    ASSERT_TRUE(action.has_value());
    ASSERT_TRUE(std::holds_alternative<session::SaveSucceeded>(*action));
    EXPECT_EQ(std::get<session::SaveSucceeded>(*action).recordId, "memory-1");
    ASSERT_EQ(sink.records().size(), 1u);
    EXPECT_EQ(sink.records()[0].formId, "intake");
}

TEST(AppEffects, FailedSaveBecomesSaveFailedWithReason) {
    FullDiskSink sink;
    auto action = runEffect(session::SaveRequest{demoRecord()}, sink);
    ASSERT_TRUE(action.has_value());
    ASSERT_TRUE(std::holds_alternative<session::SaveFailed>(*action));
    EXPECT_EQ(std::get<session::SaveFailed>(*action).reason, "no space left on the data disk");
    EXPECT_EQ(sink.calls, 1);
}

TEST(AppEffects, DraftsGoToTheSinkAndYieldNoAction) {
    MemoryRecordSink sink;
    EXPECT_FALSE(runEffect(session::SaveDraft{"{\"page\":2}"}, sink).has_value());
    ASSERT_TRUE(sink.draft().has_value());
    EXPECT_EQ(*sink.draft(), "{\"page\":2}");
    EXPECT_FALSE(runEffect(session::DiscardDraft{}, sink).has_value());
    EXPECT_FALSE(sink.draft().has_value());
}

TEST(AppEffects, FailedDraftDoesNotStopTheIntake) {
    FullDiskSink sink;
    EXPECT_FALSE(runEffect(session::SaveDraft{"{}"}, sink).has_value());
    EXPECT_FALSE(runEffect(session::DiscardDraft{}, sink).has_value());
    EXPECT_EQ(sink.calls, 2);
}

TEST(AppEffects, LogsNeverHoldPatientData) {
    // STYLE.md #10: saves that succeed and fail are logged, but only as events (form, version, time).
    std::ostringstream captured;
    core::addLogSink(std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    session::Record record = demoRecord();
    record.answers["first_name"] = std::string("MARKER-NAME-7731");
    record.answers["notes"] = std::string("MARKER-NOTE-5520");
    MemoryRecordSink ok;
    FullDiskSink full;
    (void)runEffect(session::SaveRequest{record}, ok);
    (void)runEffect(session::SaveRequest{record}, full);
    (void)runEffect(session::SaveDraft{"{\"first_name\":\"MARKER-NAME-7731\"}"}, full);
    core::flushLogs();
    core::logger()->sinks().pop_back();  // the stream dies with this test
    const std::string log = captured.str();
    EXPECT_NE(log.find("intake submitted form=intake v=3"), std::string::npos) << log;
    EXPECT_NE(log.find("intake save failed form=intake v=3"), std::string::npos) << log;
    EXPECT_EQ(log.find("MARKER-"), std::string::npos) << log;
}

}  // namespace
}  // namespace kiosk::app
