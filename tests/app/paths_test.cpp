// Where the kiosk looks for its bundle and how `--form` names a questionnaire.
#include "kiosk/app/cli/paths.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "support/temp_files.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;
using kiosk::testing::TempDir;

TEST(AppPaths, InstalledShareFolderWins) {
    TempDir dir("paths-installed");
    fs::create_directories(dir / "usr/bin");
    fs::create_directories(dir / "usr/share/intake-kiosk/forms");
    const BundlePaths p = bundlePaths(dir / "usr/bin/intake-kiosk", KIOSK_SOURCE_DIR);
    EXPECT_EQ(p.formsDir, dir / "usr/share/intake-kiosk/forms");
    EXPECT_EQ(p.assetsDir, dir / "usr/share/intake-kiosk/assets");
}

// The window program lives in /usr/lib/intake-kiosk (KIOSK_LIBEXEC_DIR): `run` finds the installed
// bundle from there too, never the source tree of the machine the package was built on.
TEST(AppPaths, InstalledWindowProgramInLibFindsUsrShare) {
    TempDir dir("paths-libexec");
    fs::create_directories(dir / "usr/lib/intake-kiosk");
    fs::create_directories(dir / "usr/share/intake-kiosk/forms");
    const BundlePaths p = bundlePaths(dir / "usr/lib/intake-kiosk/intake-kiosk-shell", KIOSK_SOURCE_DIR);
    EXPECT_EQ(p.formsDir, dir / "usr/share/intake-kiosk/forms");
    EXPECT_EQ(p.assetsDir, dir / "usr/share/intake-kiosk/assets");
}

TEST(AppPaths, DevelopmentBuildUsesTheSourceTree) {
    TempDir dir("paths-dev");
    const BundlePaths p = bundlePaths(dir / "build/intake-kiosk", KIOSK_SOURCE_DIR);
    EXPECT_EQ(p.formsDir, std::string(KIOSK_SOURCE_DIR) + "/forms");
    EXPECT_EQ(p.assetsDir, std::string(KIOSK_SOURCE_DIR) + "/assets");
}

TEST(AppPaths, NeitherFallsBackToUsrShare) {
    const BundlePaths p = bundlePaths("/nonexistent/bin/intake-kiosk", "/nonexistent/src");
    EXPECT_EQ(p.formsDir, "/usr/share/intake-kiosk/forms");
}

TEST(AppPaths, FormByFileNameByInnerIdAndByPath) {
    TempDir dir("paths-forms");
    std::ofstream(dir / "intake.yaml") << "# a comment\nid: clinic_intake\nversion: 1\n";
    std::ofstream(dir / "follow-up.yaml") << "id: \"follow_up_visit\"  # quoted, with a comment\n";
    std::ofstream(dir / "notes.txt") << "id: not_a_form\n";
    EXPECT_EQ(*resolveFormFile("intake", dir.path()), dir / "intake.yaml");
    EXPECT_EQ(*resolveFormFile("clinic_intake", dir.path()), dir / "intake.yaml");
    EXPECT_EQ(*resolveFormFile("follow_up_visit", dir.path()), dir / "follow-up.yaml");
    EXPECT_EQ(*resolveFormFile(dir / "follow-up.yaml", "/elsewhere"), dir / "follow-up.yaml");
    EXPECT_EQ(*resolveFormFile("", dir.path()), dir / "intake.yaml");  // several: "intake"
}

TEST(AppPaths, OnlyFormIsTheDefault) {
    TempDir dir("paths-one-form");
    std::ofstream(dir / "back.yml") << "id: back\n";
    EXPECT_EQ(*resolveFormFile("", dir.path()), dir / "back.yml");
}

TEST(AppPaths, UnknownFormNamesTheOnesThatExist) {
    TempDir dir("paths-unknown");
    std::ofstream(dir / "intake.yaml") << "id: clinic_intake\n";
    auto r = resolveFormFile("intak", dir.path());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::NotFound);
    EXPECT_NE(r.error().message.find("no form 'intak'"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("clinic_intake"), std::string::npos) << r.error().message;

    auto missingFile = resolveFormFile(dir / "gone.yaml", dir.path());
    ASSERT_FALSE(missingFile.ok());
    EXPECT_EQ(missingFile.error().format(), dir / "gone.yaml" + ": error: no such form file");
}

TEST(AppPaths, BundledFormsResolveById) {
    // The forms shipped in forms/ are reachable by the id written inside them.
    auto r = resolveFormFile("clinic_intake", KIOSK_SOURCE_DIR "/forms");
    ASSERT_TRUE(r.ok()) << r.error().format();
    EXPECT_EQ(fs::path(*r).filename(), "intake.yaml");
}

TEST(AppPaths, ResolveFoldersKeepsWhatIsSet) {
    KioskConfig c;
    c.formsDir = "/srv/forms";
    resolveFolders(c, BundlePaths{"/b/forms", "/b/assets"});
    EXPECT_EQ(c.formsDir, "/srv/forms");
    EXPECT_EQ(c.assetsDir, "/b/assets");
    EXPECT_FALSE(c.dataDir.empty());
}

}  // namespace
}  // namespace kiosk::app
