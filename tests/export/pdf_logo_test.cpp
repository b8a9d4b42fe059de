// The clinic's logo in the therapist's PDF header (issue 14): the settings' PNG drawn scaled beside
// the clinic's name on every page, read back with poppler (pdfimages, pdftoppm, pdftotext); a
// missing, unreadable or over-large logo is a logged warning that names the file and nothing of a
// patient, and the PDF is still made. The PNG reader's bounds (pixels, bytes) are checked first.
#include <cairo.h>
#include <spdlog/sinks/ostream_sink.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "bundled_records.h"
#include "kiosk/core/log.h"
#include "kiosk/export/pdf_intake.h"
#include "kiosk/export/png_image.h"
#include "poppler.h"
#include "store/store_test_util.h"
#include "support/solid_png.h"

namespace {
using kiosk::exports::ExportMeta;
using kiosk::exports::PdfOptions;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::bundledRecord;
using kiosk::exports::testing::commandOutput;
namespace st = kiosk::store::testing;

/// One pixel of a binary PPM (P6, what pdftoppm writes without -png), as 0xRRGGBB.
std::uint32_t ppmPixel(const std::string& ppm, int x, int y) {
    std::istringstream in(ppm);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    const std::size_t at = static_cast<std::size_t>(in.tellg()) + (static_cast<std::size_t>(y) * w + x) * 3;
    if (magic != "P6" || x >= w || y >= h || at + 2 >= ppm.size()) return 0xFFFFFFFFu;
    const auto c = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(ppm[at + i])); };
    return (c(0) << 16) | (c(1) << 8) | c(2);
}

/// Each channel within 3 of the other's (rendering may round).
bool near(std::uint32_t a, std::uint32_t b) {
    for (int shift : {16, 8, 0})
        if (std::abs(static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF)) > 3) return false;
    return true;
}

class PdfLogo : public ::testing::Test {
protected:
    void SetUp() override {
        if (!kiosk::exports::testing::havePoppler()) FAIL() << "poppler-utils is not installed";
        ::setenv("TZ", "UTC", 1);
        form = bundledForm();
        options = kiosk::exports::testing::pdfTestOptions(form);
        kiosk::core::addLogSink(std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
    }
    /// The red-flags intake (two pages at least) through pdfWriter(), as the export job makes it.
    std::string write(const std::string& name = "out.pdf") {
        std::ostringstream out;
        auto writer = kiosk::exports::pdfWriter(options)(out, "", "kiosk-1");
        ExportMeta m{"rec-logo-1", form->id, form->version, form->contentHash, "en",
                     "2026-11-25T09:50:00Z", "2026-11-25T10:00:00Z", "kiosk-1", "submitted"};
        writer->addParsed(m, bundledRecord("intake-red-flags", form));
        EXPECT_TRUE(writer->finish());
        const std::string path = dir / name;
        std::ofstream(path, std::ios::binary) << out.str();
        return path;
    }
    /// Page 1 at 72 dpi (one pixel a point), as PPM bytes.
    std::string firstPage(const std::string& pdf) const {
        return commandOutput("pdftoppm -r 72 -f 1 -l 1 -singlefile '" + pdf + "'");
    }
    std::size_t images(const std::string& pdf) const {  // pdfimages -list: two header lines, then one per image
        std::istringstream in(commandOutput("pdfimages -list '" + pdf + "'"));
        std::size_t lines = 0;
        for (std::string line; std::getline(in, line);) ++lines;
        return lines >= 2 ? lines - 2 : 0;
    }
    /// Where the clinic name's first word starts on page 1 (pdftotext -bbox), in points; -1 if absent.
    double nameX(const std::string& pdf) const {
        const std::string bbox = commandOutput("pdftotext -f 1 -l 1 -bbox '" + pdf + "' -");
        const std::size_t word = bbox.find(">Clínica<");
        if (word == std::string::npos) return -1;
        const std::size_t xMin = bbox.rfind("xMin=\"", word);
        return std::stod(bbox.substr(xMin + 6));
    }
    void expectWarnedWithoutPatient(const std::string& part) {
        const std::string logged = log.str();
        EXPECT_NE(logged.find("logo"), std::string::npos) << logged;
        EXPECT_NE(logged.find(part), std::string::npos) << logged;
        EXPECT_EQ(logged.find("Testpatient"), std::string::npos) << logged;
    }

    st::TempDir dir;
    std::shared_ptr<const kiosk::forms::Form> form;
    PdfOptions options;
    std::ostringstream log;
};

TEST_F(PdfLogo, TheLogoIsDrawnScaledBesideTheClinicNameOnEveryPage) {
    const std::string png = dir / "logo.png";
    ASSERT_TRUE(kiosk::testing::writeSolidPng(png, 400, 160, 0.0, 0.6, 0.2));  // a wide green logo
    options.logoPath = png;
    const std::string pdf = write();
    const std::string info = commandOutput("pdfinfo '" + pdf + "'");
    const std::size_t pages = static_cast<std::size_t>(std::stoi(info.substr(info.find("Pages:") + 6)));
    ASSERT_GE(pages, 2u);
    EXPECT_EQ(images(pdf), pages);  // in every page's header
    const std::string ppm = firstPage(pdf);
    // Scaled into the header above its rule (y 48 pt), starting at the left margin (56 pt).
    EXPECT_TRUE(near(ppmPixel(ppm, 60, 30), 0x009933u)) << std::hex << ppmPixel(ppm, 60, 30);
    EXPECT_EQ(ppmPixel(ppm, 60, 60), 0xFFFFFFu);  // nothing of it below the rule
    EXPECT_EQ(ppmPixel(ppm, 60, 8), 0xFFFFFFu);   // nor above the header
    // The clinic's name is still there, moved to the logo's right (75 pt wide, then a gap).
    EXPECT_GT(nameX(pdf), 56.0 + 75.0);
}

TEST_F(PdfLogo, WithoutALogoTheNameStartsAtTheMargin) {
    const std::string pdf = write();
    EXPECT_EQ(images(pdf), 0u);
    EXPECT_NEAR(nameX(pdf), 56.0, 1.5);
    EXPECT_FALSE(near(ppmPixel(firstPage(pdf), 60, 30), 0x009933u));
    EXPECT_TRUE(log.str().find("logo") == std::string::npos) << log.str();
}

TEST_F(PdfLogo, AMissingUnreadableOrHugeLogoIsAWarningAndThePdfIsStillMade) {
    struct Case {
        const char* name;
        std::string path;
        std::string said;
    };
    const std::string huge = dir / "huge.png";
    ASSERT_TRUE(kiosk::testing::writeSolidPng(huge, 5000, 2, 1, 0, 0));
    const std::string text = dir / "text.png";
    std::ofstream(text) << "not an image\n";
    const std::string truncated = dir / "cut.png";
    {
        ASSERT_TRUE(kiosk::testing::writeSolidPng(dir / "whole.png", 300, 300, 0, 0, 1));
        const std::string whole = st::readFile(dir / "whole.png");
        std::ofstream(truncated, std::ios::binary) << whole.substr(0, 60);
    }
    for (const Case& c : {Case{"missing", dir / "nowhere.png", "no such file"}, Case{"huge", huge, "5000x2 px"},
                          Case{"not a png", text, "not a PNG"}, Case{"truncated", truncated, "cannot read the PNG"}}) {
        SCOPED_TRACE(c.name);
        log.str("");
        options.logoPath = c.path;
        const std::string pdf = write(std::string(c.name) + ".pdf");
        EXPECT_NE(commandOutput("pdftotext '" + pdf + "' -").find("Clínica Ñandú"), std::string::npos);
        EXPECT_EQ(images(pdf), 0u);
        expectWarnedWithoutPatient(c.said);
        EXPECT_NE(log.str().find(c.path), std::string::npos) << log.str();
    }
}

TEST(PngImage, RefusesFilesAndImagesOverItsBoundsBeforeDecoding) {
    st::TempDir dir;
    const std::string png = dir / "logo.png";
    ASSERT_TRUE(kiosk::testing::writeSolidPng(png, 64, 32, 0, 0, 0));
    kiosk::exports::PngLimits limits;
    auto read = kiosk::exports::readPng(png, limits);
    ASSERT_TRUE(read) << read.error().format();
    EXPECT_EQ(cairo_image_surface_get_width(read->get()), 64);
    limits.maxSide = 48;
    read = kiosk::exports::readPng(png, limits);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("64x32 px; at most 48 px"), std::string::npos) << read.error().message;
    limits = {};
    limits.maxBytes = 10;
    read = kiosk::exports::readPng(png, limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, kiosk::core::ErrorCode::Invalid);
    EXPECT_NE(read.error().message.find("at most"), std::string::npos) << read.error().message;
    EXPECT_NE(read.error().format().find(png), std::string::npos);
}

}  // namespace
