// The therapist's PDF with the kiosk's own body-map figure (export/pdf_body_map.h), read back with
// poppler: the figure is drawn in the box the layout keeps for it, front and back, each marked
// region's intensity is written on it as text (pdftotext of the box), and every mark, whatever its
// intensity, stands out from the unmarked body when printed in greyscale (pdftoppm -gray, pixels
// compared with the same record without that mark).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "bundled_records.h"
#include "poppler.h"
#include "kiosk/bodymap/geometry.h"
#include "kiosk/export/pdf_body_map.h"
#include "kiosk/export/pdf_intake.h"
#include "store/store_test_util.h"

namespace {
using namespace kiosk::exports;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::bundledRecord;
using nlohmann::json;

using kiosk::exports::testing::havePoppler;
std::string run(const std::string& command) { return kiosk::exports::testing::commandOutput(command); }

std::shared_ptr<const kiosk::bodymap::Figure> choirFigure() {
    auto g = kiosk::bodymap::loadGeometry(std::string(KIOSK_SOURCE_DIR) + "/assets/body_map/choir_male.json");
    if (!g) {
        ADD_FAILURE() << g.error().format();
        return nullptr;
    }
    return std::make_shared<const kiosk::bodymap::Figure>(kiosk::bodymap::makeFigure(std::move(*g)));
}

/// A binary PGM (what pdftoppm -gray writes): width, height, one byte per pixel.
struct Grey {
    int w = 0, h = 0;
    std::string px;
    int at(int x, int y) const { return static_cast<unsigned char>(px[static_cast<std::size_t>(y * w + x)]); }
};
Grey readPgm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Grey g;
    std::string magic;
    int maxval = 0;
    in >> magic >> g.w >> g.h >> maxval;
    in.get();
    g.px.resize(static_cast<std::size_t>(g.w) * static_cast<std::size_t>(g.h));
    in.read(g.px.data(), static_cast<std::streamsize>(g.px.size()));
    if (magic != "P5" || maxval != 255 || !in) ADD_FAILURE() << path << " is not an 8-bit PGM";
    return g;
}

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
};

class ExportPdfBodyMap : public ::testing::Test {
protected:
    void SetUp() override {
        if (!havePoppler())
            FAIL() << "poppler-utils is not installed (packaging/install-deps.sh installs it)";
        ::setenv("TZ", "UTC", 1);
        form = bundledForm();
        options.catalog = &kiosk::testing::realCatalog();
        auto shelf = std::make_shared<kiosk::exports::FormShelf>();
        shelf->add(form);
        options.shelf = shelf;
        figure = choirFigure();
        ASSERT_TRUE(figure);
        // The real figure, with the box it was given noted down.
        options.bodyMapFigure = [this, real = kiosk::exports::bodyMapFigureOf(figure)](
                                    cairo_t* cr, double x, double y, double w, double h,
                                    const std::vector<kiosk::exports::ReadMark>& marks) {
            box = Box{x, y, w, h};
            ++drawn;
            real(cr, x, y, w, h, marks);
        };
    }
    ExportMeta meta() const {
        return ExportMeta{"rec-map", form->id, form->version, form->contentHash, "en",
                          "2026-11-25T09:50:00Z", "2026-11-25T10:00:00Z", "kiosk-1", "submitted"};
    }
    /// The calm intake with @p marks as its pain map, as a PDF; returns its path.
    std::string write(const json& marks, const std::string& name) {
        json record = bundledRecord("intake-spanish", form, "es");
        record["answers"]["pain_map"] = marks;
        std::ostringstream out;
        PdfExportWriter w(out, options);
        w.addParsed(meta(), record);
        EXPECT_TRUE(w.finish());
        const std::string path = dir / (name + ".pdf");
        std::ofstream(path, std::ios::binary) << out.str();
        return path;
    }
    /// Page 1 rendered in greyscale at 72 dpi (one pixel per point).
    Grey greyPage(const std::string& pdf) const {
        run("pdftoppm -r 72 -gray -f 1 -l 1 -singlefile '" + pdf + "' '" + pdf + "'");
        return readPgm(pdf + ".pgm");
    }
    /// The text pdftotext finds inside the figure's box on page 1.
    std::string textInBox(const std::string& pdf) const {
        char args[160];
        std::snprintf(args, sizeof args, "-r 72 -f 1 -l 1 -x %d -y %d -W %d -H %d", static_cast<int>(box.x),
                      static_cast<int>(box.y), static_cast<int>(box.w), static_cast<int>(box.h));
        return run(std::string("pdftotext ") + args + " '" + pdf + "' -");
    }
    /// Pixels of the figure's box whose grey differs by at least @p by between @p a and @p b.
    int differing(const Grey& a, const Grey& b, int by) const {
        int n = 0;
        for (int y = static_cast<int>(box.y); y < static_cast<int>(box.y + box.h) && y < a.h; ++y)
            for (int x = static_cast<int>(box.x); x < static_cast<int>(box.x + box.w) && x < a.w; ++x)
                if (std::abs(a.at(x, y) - b.at(x, y)) >= by) ++n;
        return n;
    }
    /// Pixels of the figure's box darker than @p grey.
    int darker(const Grey& g, int grey) const {
        int n = 0;
        for (int y = static_cast<int>(box.y); y < static_cast<int>(box.y + box.h) && y < g.h; ++y)
            for (int x = static_cast<int>(box.x); x < static_cast<int>(box.x + box.w) && x < g.w; ++x)
                if (g.at(x, y) < grey) ++n;
        return n;
    }

    kiosk::store::testing::TempDir dir;
    std::shared_ptr<const kiosk::forms::Form> form;
    std::shared_ptr<const kiosk::bodymap::Figure> figure;
    PdfOptions options;
    Box box;
    int drawn = 0;
};

json mark(const std::string& region, std::optional<int> intensity) {
    json m = {{"region", region}, {"kinds", json::array()}};
    if (intensity) m["intensity"] = *intensity;
    return m;
}

TEST_F(ExportPdfBodyMap, FrontAndBackAreDrawnInTheFiguresBoxWithTheIntensitiesWrittenOnThem) {
    const std::string pdf = write(json::array({mark("knee_front_l", 7), mark("lower_back_l", 3)}), "two");
    ASSERT_EQ(drawn, 1);
    ASSERT_GT(box.w, 400);
    const Grey page = greyPage(pdf);
    ASSERT_GT(page.w, 0);
    // Outlines of some seventy regions: a good share of the box is ink, on both halves.
    const Box whole = box;
    box.w = whole.w / 2;
    const int front = darker(page, 200);
    box.x = whole.x + whole.w / 2;
    const int back = darker(page, 200);
    box = whole;
    EXPECT_GT(front, 800) << "front view";
    EXPECT_GT(back, 800) << "back view";
    // The numbers are text on the figure (searchable, sharp in print), not only in the list below it.
    const std::string inBox = textInBox(pdf);
    EXPECT_NE(inBox.find('7'), std::string::npos) << inBox;
    EXPECT_NE(inBox.find('3'), std::string::npos) << inBox;
    // Each half is named, with the side that is the patient's.
    const std::string page1 = run("pdftotext -f 1 -l 1 '" + pdf + "' -");
    EXPECT_NE(page1.find("Front (the patient's right is on the left)"), std::string::npos) << page1;
    EXPECT_NE(page1.find("Back (the patient's left is on the left)"), std::string::npos);
}

TEST_F(ExportPdfBodyMap, EveryMarkStandsOutInGreyscaleWhateverItsIntensity) {
    // An anchor mark on the back keeps the figure drawn in both PDFs; the mark under test is on the
    // front knee. Intensity 0 and 1 tint pale yellow, which is white on a greyscale printer.
    const json anchor = mark("lower_back_r", 5);
    const Grey without = greyPage(write(json::array({anchor}), "anchor"));
    for (const std::optional<int> intensity : {std::optional<int>(0), std::optional<int>(1), std::optional<int>(4),
                                               std::optional<int>(10), std::optional<int>()}) {
        const std::string name = intensity ? std::to_string(*intensity) : "unrated";
        const Grey with = greyPage(write(json::array({anchor, mark("knee_front_l", intensity)}), "knee-" + name));
        // More than the number's own few pixels: the region itself reads as marked.
        EXPECT_GT(differing(with, without, 60), 120) << "intensity " << name;
    }
}

}  // namespace
