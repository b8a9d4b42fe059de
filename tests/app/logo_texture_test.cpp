// The logo loader's CPU half: cairo's premultiplied ARGB32 -> straight RGBA8, and readLogoPng's
// refusals (missing, not a PNG, too large) and a real round trip through a PNG written by cairo.
#include "kiosk/app/shell/logo_texture.h"

#include <cstring>
#include <fstream>
#include <gtest/gtest.h>

#include "support/solid_png.h"
#include "support/temp_files.h"

namespace kiosk::app {
namespace {

using kiosk::testing::TempDir;
using kiosk::testing::writeSolidPng;

TEST(LogoPixels, PremultipliedArgbBecomesStraightRgba) {
    const uint32_t pixels[] = {
        0xFFFF0000u,  // opaque red
        0x80808080u,  // half-transparent white (premultiplied: 0x80 of 0x80)
        0x40201000u,  // quarter alpha: colour 0x20,0x10,0x00 stands for 0x80,0x40,0x00
        0x00000000u,  // fully transparent
        0x10FF0000u,  // malformed (colour > alpha): clamped, not wrapped
    };
    const int width = 5, stride = 6 * 4;  // one padding pixel per row, which must be skipped
    std::vector<unsigned char> data(static_cast<size_t>(stride) * 2, 0xAB);
    for (int y = 0; y < 2; ++y)
        std::memcpy(data.data() + y * stride, pixels, sizeof pixels);

    const std::vector<unsigned char> rgba = argb32PremultipliedToRgba(data.data(), width, 2, stride);
    const std::vector<unsigned char> row = {255, 0,   0,  255,  //
                                            255, 255, 255, 128, //
                                            128, 64,  0,   64,  //
                                            0,   0,   0,   0,   //
                                            255, 0,   0,   16};
    ASSERT_EQ(rgba.size(), row.size() * 2);
    EXPECT_EQ(std::vector<unsigned char>(rgba.begin(), rgba.begin() + 20), row);
    EXPECT_EQ(std::vector<unsigned char>(rgba.begin() + 20, rgba.end()), row);
}

TEST(LogoPixels, ReadsAPngWrittenByCairo) {
    TempDir dir("logo-read");
    const std::string path = dir / "logo.png";
    ASSERT_TRUE(writeSolidPng(path, 8, 4, 1.0, 0.0, 1.0, 0.5));  // half-transparent magenta

    auto logo = readLogoPng(path);
    ASSERT_TRUE(logo) << logo.error().format();
    EXPECT_EQ(logo->width, 8);
    EXPECT_EQ(logo->height, 4);
    ASSERT_EQ(logo->rgba.size(), 8u * 4u * 4u);
    EXPECT_EQ(logo->rgba[0], 255);  // straight colour, not darkened by the alpha
    EXPECT_EQ(logo->rgba[1], 0);
    EXPECT_EQ(logo->rgba[2], 255);
    EXPECT_NEAR(logo->rgba[3], 128, 1);
}

TEST(LogoPixels, MissingFileIsNotFound) {
    auto logo = readLogoPng("/nonexistent/logo.png");
    ASSERT_FALSE(logo);
    EXPECT_EQ(logo.error().code, core::ErrorCode::NotFound);
    EXPECT_NE(logo.error().format().find("/nonexistent/logo.png"), std::string::npos);
}

TEST(LogoPixels, AFileThatIsNoPngIsRefused) {
    TempDir dir("logo-not-png");
    std::ofstream(dir / "logo.png") << "GIF89a this is not a PNG at all, not even close";
    auto logo = readLogoPng(dir / "logo.png");
    ASSERT_FALSE(logo);
    EXPECT_EQ(logo.error().code, core::ErrorCode::Invalid);
    EXPECT_NE(logo.error().message.find("not a PNG"), std::string::npos) << logo.error().message;
}

TEST(LogoPixels, AnAbsurdlyLargePngIsRefusedFromItsHeader) {
    // Only the signature and IHDR: refused before cairo would try to allocate 20000 x 100 pixels.
    TempDir dir("logo-huge");
    const unsigned char head[24] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                    'I',  'H', 'D', 'R', 0,    0,    0x4E, 0x20, 0, 0, 0, 100};
    std::ofstream(dir / "huge.png", std::ios::binary).write(reinterpret_cast<const char*>(head), 24);
    auto logo = readLogoPng(dir / "huge.png");
    ASSERT_FALSE(logo);
    EXPECT_EQ(logo.error().code, core::ErrorCode::Invalid);
    EXPECT_NE(logo.error().message.find("20000x100"), std::string::npos) << logo.error().message;
}

TEST(LogoPixels, ATruncatedPngIsAnErrorNotACrash) {
    TempDir dir("logo-truncated");
    const unsigned char head[24] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                    'I',  'H', 'D', 'R', 0,    0,    0,    64,   0, 0, 0, 64};
    std::ofstream(dir / "cut.png", std::ios::binary).write(reinterpret_cast<const char*>(head), 24);
    auto logo = readLogoPng(dir / "cut.png");
    ASSERT_FALSE(logo);
    EXPECT_NE(logo.error().message.find("cannot read the PNG"), std::string::npos) << logo.error().message;
}

}  // namespace
}  // namespace kiosk::app
