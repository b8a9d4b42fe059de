// Reading a whole text file with its size bound checked before the read (no temp files needed: the
// tree's own files and /dev/null are enough).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "kiosk/core/text_file.h"
#include "support/temp_files.h"

namespace kiosk::core {
namespace {

const TextFileKind kNotes{"notes file", 1024 * 1024, "Notes are short."};

TEST(CoreTextFile, ReadsAWholeFile) {
    const std::string path = KIOSK_SOURCE_DIR "/tests/data/forms/good.yaml";
    const Result<std::string> text = readTextFile(path, kNotes);
    ASSERT_TRUE(text.ok()) << text.error().format();
    EXPECT_EQ(*text, kiosk::testing::readFile(path));
}

TEST(CoreTextFile, FileOverTheLimitIsRefusedWithItsSize) {
    const std::string path = KIOSK_SOURCE_DIR "/README.md";
    const auto size = std::filesystem::file_size(path);
    const Result<std::string> text = readTextFile(path, TextFileKind{"notes file", 1024, "Notes are short."});
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, ErrorCode::Invalid);
    EXPECT_EQ(text.error().format(), path + ": error: the file is " + std::to_string(size) +
                                         " bytes; the limit is 1024 bytes (1 kB). Notes are short.");
}

TEST(CoreTextFile, WrongKindsOfPathSayWhat) {
    const Result<std::string> missing = readTextFile("/nonexistent/notes.yaml", kNotes);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().format(),
              "/nonexistent/notes.yaml: error: cannot open the notes file: No such file or directory");

    const Result<std::string> folder = readTextFile(KIOSK_SOURCE_DIR "/tests", kNotes);
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().message, "this is a directory, not a notes file");

    // A device could stream forever: it is refused without a read.
    const Result<std::string> device = readTextFile("/dev/zero", kNotes);
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().message, "this is not a regular file");
}

TEST(CoreTextFile, APipeIsReadUpToTheLimitOnlyWhenTheKindAllowsIt) {
    // /dev/fd/N names the read end of a pipe holding @p text (written whole, then closed).
    const auto pipeWith = [](const std::string& text, int& readEnd) {
        int fds[2];
        EXPECT_EQ(::pipe(fds), 0);
        EXPECT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
        ::close(fds[1]);
        readEnd = fds[0];
        return "/dev/fd/" + std::to_string(fds[0]);
    };
    const TextFileKind secret{"secret file", 16, "One short line.", true};
    int fd = -1;
    const Result<std::string> small = readTextFile(pipeWith("hush\n", fd), secret);
    ::close(fd);
    ASSERT_TRUE(small.ok()) << small.error().format();
    EXPECT_EQ(*small, "hush\n");

    const Result<std::string> flood = readTextFile(pipeWith(std::string(1000, 'x'), fd), secret);
    ::close(fd);
    ASSERT_FALSE(flood.ok());
    EXPECT_EQ(flood.error().message,
              "more than 16 bytes came through the pipe; the limit is 16 bytes (16 bytes). One short line.");

    const Result<std::string> refused = readTextFile(pipeWith("hush\n", fd), kNotes);
    ::close(fd);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, "this is not a regular file");
    // A device is never read, pipes allowed or not.
    const Result<std::string> device = readTextFile("/dev/zero", secret);
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().message, "this is not a regular file");
}

TEST(CoreTextFile, SizeLimitMessageRoundsTheLimit) {
    EXPECT_EQ(sizeLimitMessage(3000000, TextFileKind{"form file", 2 * 1024 * 1024, ""}),
              "the file is 3000000 bytes; the limit is 2097152 bytes (2 MB).");
    EXPECT_EQ(sizeLimitMessage(70000, TextFileKind{"config file", 64 * 1024, "Check it."}),
              "the file is 70000 bytes; the limit is 65536 bytes (64 kB). Check it.");
}

}  // namespace
}  // namespace kiosk::core
