// The desk alert hook (issue 20: red flags never reached the desk): after an urgent intake is saved
// the clinic's command runs with the record id only, never waited for, never fatal.
#include "kiosk/app/cli/alert_hook.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "../store/store_test_util.h"

namespace kiosk::app {
namespace {

namespace st = kiosk::store::testing;
using Clock = std::chrono::steady_clock;

session::Record recordWith(std::vector<forms::Severity> severities) {
    session::Record r;
    r.formId = "intake";
    r.formVersion = 1;
    r.answers["first_name"] = std::string("Zelda");
    for (auto s : severities) r.flags.push_back(session::RaisedFlag{"f", s, "Flag", "explain"});
    return r;
}

/// A script that writes its arguments to @p out (after @p sleepSeconds).
std::string script(const st::TempDir& dir, const std::string& out, int sleepSeconds = 0) {
    const std::string path = dir / "bell.sh";
    std::ofstream(path) << "#!/bin/sh\nsleep " << sleepSeconds << "\nprintf '%s|' \"$@\" > " << out << ".tmp\nmv "
                        << out << ".tmp " << out << "\n";
    ::chmod(path.c_str(), 0755);
    return path;
}

/// Waits (up to 10 s) for @p path to appear; returns its content.
std::string waitFor(const std::string& path) {
    for (auto until = Clock::now() + std::chrono::seconds(10); Clock::now() < until;) {
        std::ifstream in(path);
        if (in) return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return "<nothing>";
}

TEST(AlertHook, AnUrgentRecordRunsTheCommandWithItsIdOnly) {
    st::TempDir dir;
    const std::string out = dir / "rang";
    AlertHook hook(script(dir, out));
    MemoryRecordSink memory;
    AlertingSink sink(memory, hook);

    auto id = sink.submit(recordWith({forms::Severity::Caution}));
    ASSERT_TRUE(id);
    id = sink.submit(recordWith({forms::Severity::Caution, forms::Severity::Urgent}));
    ASSERT_TRUE(id);
    EXPECT_EQ(waitFor(out), *id + "|") << "one argument: the record id, no patient data";
    EXPECT_EQ(memory.records().size(), 2u);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    hook.reap();
    EXPECT_EQ(hook.running(), 0u);
}

TEST(AlertHook, ASlowCommandDoesNotHoldUpTheSave) {
    st::TempDir dir;
    const std::string out = dir / "rang";
    AlertHook hook(script(dir, out, 3));
    MemoryRecordSink memory;
    AlertingSink sink(memory, hook);
    const auto start = Clock::now();
    ASSERT_TRUE(sink.submit(recordWith({forms::Severity::Urgent})));
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(1)) << "started, never waited for";
    EXPECT_EQ(hook.running(), 1u);
    hook.reap();  // never blocks
    EXPECT_EQ(hook.running(), 1u);
}

TEST(AlertHook, AMissingCommandIsLoggedAndTheRecordIsStillSaved) {
    AlertHook hook("/nonexistent/desk-bell");
    MemoryRecordSink memory;
    AlertingSink sink(memory, hook);
    auto id = sink.submit(recordWith({forms::Severity::Urgent}));
    EXPECT_TRUE(id) << "the save never fails because of the bell";
    EXPECT_EQ(memory.records().size(), 1u);
    EXPECT_FALSE(hook.run("abc")) << "the hook itself says it could not start";
}

TEST(AlertHook, NoCommandNoAlert) {
    AlertHook hook("");
    MemoryRecordSink memory;
    AlertingSink sink(memory, hook);
    EXPECT_FALSE(hook.enabled());
    EXPECT_TRUE(sink.submit(recordWith({forms::Severity::Urgent})));
    EXPECT_EQ(hook.running(), 0u);
}

}  // namespace
}  // namespace kiosk::app
