// The log folder and files are the owner's alone, like the database (issue 12): the log names
// forms and record counts, and a shared machine's other users have no business reading it.
#include "kiosk/core/log.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_files.h"

namespace {

unsigned modeOf(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return static_cast<unsigned>(st.st_mode & 07777);
}

class CoreLogFiles : public ::testing::Test {
protected:
    void SetUp() override {
        oldMask = ::umask(022);  // the usual umask, under which files come out 0644 unless we say
    }
    void TearDown() override {
        ASSERT_TRUE(kiosk::core::initLogging({}));  // no sink left pointing into the removed folder
        ::umask(oldMask);
    }
    const kiosk::testing::TempDir tmp{"log"};
    const std::string dir = tmp.path();
    mode_t oldMask = 0;
};

}  // namespace

TEST_F(CoreLogFiles, FolderIs0700AndFilesAre0600EvenAfterRotation) {
    kiosk::core::LogOptions o;
    o.dir = dir + "/logs";
    o.maxFileBytes = 2048;  // rotate after a few lines
    o.stderrLevel = spdlog::level::off;
    ASSERT_TRUE(kiosk::core::initLogging(o));
    for (int i = 0; i < 100; ++i) kiosk::core::logger()->info("intake submitted form=intake v=3 ms={}", i);
    kiosk::core::flushLogs();
    EXPECT_EQ(modeOf(o.dir), 0700u);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(o.dir)) {
        ++files;
        EXPECT_EQ(modeOf(e.path().string()), 0600u) << e.path();
    }
    EXPECT_GE(files, 2);  // it did rotate
}

TEST_F(CoreLogFiles, AnExistingLogFileIsMadePrivate) {
    std::filesystem::create_directories(dir + "/logs");
    { std::FILE* f = std::fopen((dir + "/logs/intake-kiosk.log").c_str(), "w"); ASSERT_NE(f, nullptr); std::fclose(f); }
    ASSERT_EQ(modeOf(dir + "/logs/intake-kiosk.log"), 0644u);
    kiosk::core::LogOptions o;
    o.dir = dir + "/logs";
    o.stderrLevel = spdlog::level::off;
    ASSERT_TRUE(kiosk::core::initLogging(o));
    EXPECT_EQ(modeOf(dir + "/logs/intake-kiosk.log"), 0600u);
}
