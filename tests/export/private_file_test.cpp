// An export that cannot be made says why: the folder is missing, is a file, is not writable, the
// disk is full (issue 12: "cannot create the export file" and nothing more).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "../store/store_test_util.h"
#include "kiosk/export/private_file.h"

namespace kiosk::exports {
namespace {

using kiosk::store::testing::TempDir;

TEST(ExportPrivateFile, AFileThatCannotBeMadeSaysWhy) {
    TempDir dir;
    const std::string missing = dir / "gone/out.json";
    auto r = PrivateOutput::create(missing);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().format(),
              missing + ": error: cannot create the export file: the folder " + dir / "gone" + " does not exist");

    std::ofstream(dir / "a-file") << "x";
    const std::string underFile = dir / "a-file/out.json";
    r = PrivateOutput::create(underFile);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().format(), underFile + ": error: cannot create the export file: a part of " + dir / "a-file" +
                                      " is a file, not a folder");
}

TEST(ExportPrivateFile, AFullDiskIsSaidAtTheWrite) {
    // The temp file's descriptor is pointed at /dev/full, which takes no byte ("No space left on
    // device"), as a full disk does.
    TempDir dir;
    const std::string out = dir / "out.json";
    auto file = PrivateOutput::create(out);
    ASSERT_TRUE(file) << file.error().format();
    int fd = -1;
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        if (std::filesystem::read_symlink(e.path(), ec) == (*file)->tempPath()) fd = std::stoi(e.path().filename());
    }
    ASSERT_GE(fd, 0);
    const int full = ::open("/dev/full", O_WRONLY);
    ASSERT_GE(full, 0);
    ASSERT_EQ(::dup2(full, fd), fd);
    ::close(full);
    (*file)->stream() << std::string(100000, 'x');
    const std::string temp = (*file)->tempPath();
    auto committed = (*file)->commit();
    ASSERT_FALSE(committed);
    EXPECT_EQ(committed.error().format(), out + ": error: the export could not be written: the disk is full");
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(temp));
}

TEST(ExportPrivateFile, SmallAndLargeWritesLandInOrder) {
    // Writes shorter than the 64 kB buffer are gathered; longer ones go straight to the file (after
    // what is gathered): every byte lands, in order.
    TempDir dir;
    const std::string out = dir / "out.txt";
    auto file = PrivateOutput::create(out);
    ASSERT_TRUE(file) << file.error().format();
    std::string expected;
    int k = 0;
    for (const std::size_t size : {5u, 70000u, 3u, 65536u, 65535u, 1u, 200000u, 65534u, 2u, 131072u}) {
        std::string piece(size, static_cast<char>('a' + k++ % 26));
        piece.front() = '<';
        piece.back() = '>';
        (*file)->stream().write(piece.data(), static_cast<std::streamsize>(piece.size()));
        (*file)->stream() << k;  // one character through overflow()
        expected += piece + std::to_string(k);
    }
    ASSERT_TRUE((*file)->commit());
    std::ifstream in(out, std::ios::binary);
    const std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(got.size(), expected.size());
    EXPECT_TRUE(got == expected);
}

}  // namespace
}  // namespace kiosk::exports
