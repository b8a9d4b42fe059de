// `screenshot` and `run` on a real X server: a private Xvfb per test (tests/support/with_xvfb.sh;
// packaging/install-deps.sh installs xvfb), so these run on any machine with the project's dependencies.
#include <cairo.h>
#include <fstream>
#include <gtest/gtest.h>
#include <cstdlib>
#include <set>

#include "kiosk/store/store.h"
#include "support/run_kiosk.h"
#include "support/solid_png.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kiosk::app {
namespace {

using kiosk::testing::runKiosk;
using kiosk::testing::RunResult;
using kiosk::testing::TempDir;
using kiosk::testing::writeSolidPng;

/// A private X server per test: tests/support/with_xvfb.sh lets Xvfb pick a free display itself, so
/// tests that ctest runs in parallel never race for one display number (as `xvfb-run -a` can).
const std::string kXvfb = "'" KIOSK_SOURCE_DIR "/tests/support/with_xvfb.sh'";

struct Png {
    int width = 0, height = 0;
    size_t distinctColours = 0;
};

/// Reads a PNG with cairo; width 0 when it is missing or unreadable.
Png readPng(const std::string& path) {
    Png png;
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        png.width = cairo_image_surface_get_width(s);
        png.height = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        std::set<uint32_t> colours;
        for (int y = 0; y < png.height && colours.size() < 64; ++y) {
            const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) *
                                                                           static_cast<size_t>(stride));
            for (int x = 0; x < png.width; ++x)
                colours.insert(row[x] & 0xFFFFFFu);
        }
        png.distinctColours = colours.size();
    }
    cairo_surface_destroy(s);
    return png;
}

void expectScreen(const std::string& screen, const std::string& extra = "") {
    std::string name = screen;  // one folder per screen: ctest runs these side by side
    for (char& c : name)
        if (c == ':') c = '_';
    TempDir dir("shot-" + name);
    const std::string out = dir / "shot.png";
    const RunResult r =
        runKiosk("screenshot --screen " + screen + " --size 1024x768 -o '" + out + "' " + extra, kXvfb);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const Png png = readPng(out);
    EXPECT_EQ(png.width, 1024) << screen;
    EXPECT_EQ(png.height, 768) << screen;
    // Text on a background has many shades (anti-aliasing); a blank or failed render has one or two.
    EXPECT_GT(png.distinctColours, 8u) << screen << " looks blank";
}

TEST(AppScreenshot, Welcome) { expectScreen("welcome"); }
TEST(AppScreenshot, FirstPageInSpanish) { expectScreen("page:1", "--lang es"); }
TEST(AppScreenshot, ReviewWithDemoAnswers) { expectScreen("review"); }
TEST(AppScreenshot, ThankYouHighContrastLargerText) {
    expectScreen("thank_you", "--high-contrast --larger-text");
}
TEST(AppScreenshot, IdleWarning) { expectScreen("idle"); }
TEST(AppScreenshot, ThankYouAfterAnUrgentFlag) { expectScreen("thank_you_urgent", "--lang es"); }
TEST(AppScreenshot, ResumeAfterACrashInSpanish) { expectScreen("resume", "--lang es"); }
TEST(AppScreenshot, StaffDeskListInSpanish) { expectScreen("desk", "--lang es"); }
TEST(AppScreenshot, StaffDeskDetail) { expectScreen("desk:detail"); }

/// Pixels of @p path that are (nearly) pure magenta; -1 when the PNG cannot be read.
/// Pixels of @p path within @p tolerance of 0xRRGGBB @p rgb on every channel; -1 if unreadable.
long pixelsNear(const std::string& path, uint32_t rgb, int tolerance) {
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    long n = -1;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        n = 0;
        const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        const auto near = [&](uint32_t px, int shift) {
            return std::abs(static_cast<int>((px >> shift) & 0xFF) - static_cast<int>((rgb >> shift) & 0xFF)) <= tolerance;
        };
        for (int y = 0; y < h; ++y) {
            const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) *
                                                                           static_cast<size_t>(stride));
            for (int x = 0; x < w; ++x)
                if (near(row[x], 16) && near(row[x], 8) && near(row[x], 0)) ++n;
        }
    }
    cairo_surface_destroy(s);
    return n;
}

long magentaPixels(const std::string& path) { return pixelsNear(path, 0xFF00FF, 15); }

/// A config naming @p logo as the clinic's logo.
std::string logoConfig(const TempDir& dir, const std::string& logo) {
    const std::string path = dir / "kiosk.yaml";
    std::ofstream(path) << "clinic:\n  name: Riverside Pain Clinic\n  logo: '" << logo << "'\n";
    return path;
}

TEST(AppScreenshot, WelcomeShowsTheClinicLogo) {
    TempDir dir("shot-logo");
    const std::string logo = dir / "logo.png";
    ASSERT_TRUE(writeSolidPng(logo, 64, 64, 1.0, 0.0, 1.0));  // a magenta square

    const std::string out = dir / "shot.png";
    const RunResult r = runKiosk("screenshot --screen welcome --size 1024x768 --config '" +
                                     logoConfig(dir, logo) + "' -o '" + out + "'",
                                 kXvfb);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("logo"), std::string::npos) << r.output;  // no warning
    // 3 em on a 768-high screen is 90 px (body text never below 30 px): a 90 x 90 magenta square,
    // give or take its edges.
    const long magenta = magentaPixels(out);
    EXPECT_GT(magenta, 82 * 82) << "no logo drawn";
    EXPECT_LT(magenta, 97 * 97) << "logo larger than its 3 em box";
}

TEST(AppScreenshot, AMissingLogoIsAWarningAndTheScreenStillRenders) {
    TempDir dir("shot-no-logo");
    const std::string out = dir / "shot.png";
    const RunResult r = runKiosk("screenshot --screen welcome --size 1024x768 --config '" +
                                     logoConfig(dir, dir / "missing.png") + "' -o '" + out + "'",
                                 kXvfb);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("missing.png"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("logo: no such file"), std::string::npos) << r.output;
    EXPECT_GT(readPng(out).distinctColours, 8u) << "looks blank";
    EXPECT_EQ(magentaPixels(out), 0);
}

// Public FHIR Questionnaires, once imported, run on the kiosk: their first page and the review
// screen (filled with demo answers through the session) render from the form file import-fhir wrote.
TEST(AppScreenshot, ImportedFhirQuestionnairesRunOnTheKiosk) {
    TempDir dir("shot-fhir");
    for (const std::string name : {"lhc-phq9", "s4h-back-pain-presession", "sdc-loinc"}) {
        const std::string form = dir / (name + ".yaml");
        RunResult r = runKiosk("import-fhir '" KIOSK_SOURCE_DIR "/tests/data/fhir/" + name + ".json' -o '" + form + "'");
        ASSERT_EQ(r.exitCode, 0) << r.output;
        for (const std::string screen : {"page:1", "review"}) {
            const std::string out = dir / (name + "-" + screen.substr(0, screen.find(':')) + ".png");
            r = runKiosk("screenshot --form '" + form + "' --screen " + screen + " --size 1024x768 -o '" + out + "'",
                         kXvfb);
            ASSERT_EQ(r.exitCode, 0) << name << " " << screen << ": " << r.output;
            const Png png = readPng(out);
            EXPECT_EQ(png.width, 1024) << name << " " << screen;
            EXPECT_GT(png.distinctColours, 8u) << name << " " << screen << " looks blank";
        }
    }
}

// --larger-text then taps: the taps found their widgets where the normal-size page had them (the
// registry of the frame that took the toggle), so a text field's tap missed and its keyboard never
// opened ("--tap keyboard/a: no such widget").
TEST(AppScreenshot, TapsAfterLargerTextFindTheLargerPage) {
    TempDir dir("shot-larger");
    const std::string out = dir / "shot.png";
    const RunResult r = runKiosk("screenshot --screen page:first_name --larger-text --tap item/first_name "
                                 "--tap keyboard/a -o '" + out + "'",
                                 kXvfb);
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(AppScreenshot, TheBodyMapIsDrawnWithItsMarks) {
    // The real GL path: cairo draws the figure, the texture reaches the screen, taps mark regions.
    TempDir dir("shot-body");
    const std::string out = dir / "shot.png";
    const RunResult r = runKiosk("screenshot --screen page:pain_map --size 1280x800 --tap item/pain_map/lower_back_l "
                                 "--tap item/pain_map/lower_back_l/intensity/7 --tap item/pain_map/lower_back_l/done "
                                 "-o '" + out + "'",
                                 kXvfb);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // The same page with the same area marked but not rated: the same layout (the list names the
    // area on both; at 1280x800 the page scrolls and the legend lies in the fade over its last lines).
    const std::string plain = dir / "plain.png";
    ASSERT_EQ(runKiosk("screenshot --screen page:pain_map --size 1280x800 --tap item/pain_map/lower_back_l "
                       "--tap item/pain_map/lower_back_l/done -o '" + plain + "'",
                       kXvfb).exitCode,
              0);
    // Intensity 7's tint: in the legend on both, and over the lower back on the rated one.
    EXPECT_GT(pixelsNear(out, 0xCB0B22, 2), pixelsNear(plain, 0xCB0B22, 2) + 300) << "the region is not tinted";
    EXPECT_GT(pixelsNear(plain, 0xE3D7C7, 2), 20000) << "no figure in the unmarked regions' fill";

    const RunResult bad = runKiosk("screenshot --screen page:pain_map --tap item/pain_map/kneecap -o '" +
                                       dir / "x.png" + "'",
                                   kXvfb);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.output.find("--tap item/pain_map/kneecap: no such widget"), std::string::npos) << bad.output;
}

TEST(AppScreenshot, TapsFollowThePageWhereTheirPanelScrollsIt) {
    // Portrait: the panel opens under the figure and the page scrolls to it; the next --tap must
    // land where its button is now. A widget scrolled out of view cannot be tapped, as by a finger.
    TempDir dir("shot-body-portrait");
    const std::string out = dir / "shot.png", plain = dir / "plain.png";
    const RunResult r = runKiosk("screenshot --screen page:pain_map --size 1080x1920 --tap item/pain_map/knee_front_l "
                                 "--tap item/pain_map/knee_front_l/intensity/7 -o '" + out + "'",
                                 kXvfb);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ASSERT_EQ(runKiosk("screenshot --screen page:pain_map --size 1080x1920 --tap item/pain_map/knee_front_l -o '" +
                           plain + "'",
                       kXvfb).exitCode,
              0);
    // The panel fills the portrait screen, so the page scrolls the knee above the view: the second
    // tap shows as the 7 key selected (the selection's blue, which only Done shows on the plain one).
    EXPECT_GT(pixelsNear(out, 0x1D4F91, 2), pixelsNear(plain, 0x1D4F91, 2) + 3000) << "intensity 7 was not set";

    const RunResult away = runKiosk("screenshot --screen page:pain_map --size 1080x1920 --tap item/pain_map/knee_front_l "
                                    "--tap item/pain_map/view/back -o '" + dir / "x.png" + "'",
                                    kXvfb);
    EXPECT_EQ(away.exitCode, 1);
    EXPECT_NE(away.output.find("--tap item/pain_map/view/back: scrolled out of view"), std::string::npos) << away.output;
}

TEST(AppScreenshot, MissingPageIsAClearError) {
    TempDir dir("shot-bad-page");
    const RunResult r = runKiosk("screenshot --screen page:999 -o '" + dir / "x.png" + "'", kXvfb);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("page 999 does not exist"), std::string::npos) << r.output;
}

// Found running the commands wrong: "cannot write the PNG: error while writing to output stream"
// (cairo's words) for a folder that does not exist.
TEST(AppScreenshot, APngThatCannotBeWrittenSaysWhy) {
    TempDir dir("shot-no-folder");
    const std::string out = dir / "no-folder/x.png";
    const RunResult r = runKiosk("screenshot --screen welcome --size 640x480 -o '" + out + "'", kXvfb);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(out + ": error: cannot write the PNG: the folder " + dir / "no-folder" + " does not exist"),
              std::string::npos)
        << r.output;
}

TEST(AppRun, BadFormShowsStaffMessageAndKeepsRunning) {
    // The kiosk must draw (FIRST_FRAME_MS) and log which form failed, not exit with an error.
    TempDir dir("run-bad-form");
    std::ofstream(dir / "broken.yaml") << "id: broken\nversion: one\npages: 7\n";
    const RunResult r =
        runKiosk("run --windowed 800x600 --form '" + dir / "broken.yaml" + "' --data-dir '" +
                     dir / "data" + "'",
                 kXvfb + " env KIOSK_BENCH=1 KIOSK_EXIT_AFTER_FRAMES=2 KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("FIRST_FRAME_MS "), std::string::npos) << r.output;
    std::ifstream log(dir / "data/logs/intake-kiosk.log");
    const std::string logText((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    EXPECT_NE(logText.find("broken.yaml failed to load"), std::string::npos) << logText;
}

TEST(AppRun, AFrameLimitStopsAtTheFirstIdleMomentInsteadOfWaitingForATouch) {
    // Nobody taps: a limit larger than the frames a still screen needs must not hang the kiosk.
    TempDir dir("run-frame-limit");
    const RunResult r = runKiosk("run --windowed 800x600 --data-dir '" + dir / "data" + "'",
                                 kXvfb + " env KIOSK_BENCH=1 KIOSK_EXIT_AFTER_FRAMES=1000 "
                                             "KIOSK_CONFIG=/nonexistent timeout 60");
    EXPECT_EQ(r.exitCode, 0) << "124 means it waited for input until `timeout` killed it\n" << r.output;
    EXPECT_NE(r.output.find("FIRST_FRAME_MS "), std::string::npos) << r.output;
}

TEST(AppRun, UnusableDataFolderShowsStaffMessageAndKeepsRunning) {
    // /proc cannot hold a database: the kiosk says so on screen instead of exiting or crashing.
    const RunResult r =
        runKiosk("run --windowed 800x600 --data-dir /proc/intake-kiosk-test",
                 kXvfb + " env KIOSK_BENCH=1 KIOSK_EXIT_AFTER_FRAMES=2 KIOSK_CONFIG=/nonexistent");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("FIRST_FRAME_MS "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("showing the staff message: The kiosk cannot open its database"),
              std::string::npos)
        << r.output;
}

TEST(AppRun, ChangedSettingsFileIsAuditedOncePerChange) {
    TempDir dir("run-settings-audit");
    const std::string data = dir / "data";
    {
        // Keys made fast here, so the kiosk does not spend a second on argon2id at its first start.
        store::StoreOptions o;
        o.dbPath = data + "/intake.sqlite3";
        std::filesystem::create_directories(data);
        auto s = store::Store::open(o);
        ASSERT_TRUE(s) << s.error().format();
        ASSERT_TRUE(s->initKeys(store::kDefaultPassphrase, store::KdfLimits::minimum()));
    }
    const std::string config = dir / "kiosk.yaml";
    auto start = [&] {
        return runKiosk("run --windowed 800x600 --config '" + config + "'",
                        kXvfb + " env KIOSK_EXIT_AFTER_FRAMES=2");
    };
    std::ofstream(config) << "data_dir: " << data << "\nclinic:\n  name: ZQXJ Clinic\n";
    ASSERT_EQ(start().exitCode, 0);
    ASSERT_EQ(start().exitCode, 0);  // same file: no new row
    std::ofstream(config) << "data_dir: " << data << "\nclinic:\n  name: ZQXJ Clinic\nstaff_pin: \"8642\"\n";
    ASSERT_EQ(start().exitCode, 0);

    SQLite::Database raw(data + "/intake.sqlite3", SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT detail FROM audit WHERE action = 'settings_change' ORDER BY seq");
    std::vector<std::string> details;
    while (q.executeStep()) details.push_back(q.getColumn(0).getString());
    ASSERT_EQ(details.size(), 2u);
    for (const auto& d : details) {
        EXPECT_EQ(d.rfind("file=" + config + " hash=", 0), 0u) << d;
        EXPECT_EQ(d.find("ZQXJ"), std::string::npos) << d;
        EXPECT_EQ(d.find("8642"), std::string::npos) << d;
    }
    EXPECT_NE(details[0], details[1]);
}

}  // namespace
}  // namespace kiosk::app
