// Fonts cover every character the UI strings use; the atlas stays small; both catalogues are
// complete and hold every key the ui code asks for.
#include <gtest/gtest.h>

#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/ui/font_files.h"
#include "kiosk/ui/fonts.h"
#include "ui_driver.h"

namespace kiosk::ui {
namespace {

std::vector<unsigned> decode(const std::string& s) {
    std::vector<unsigned> out;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        unsigned cp = c;
        size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07u; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0Fu; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1Fu; len = 2; }
        for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::map<std::string, std::string> uiStrings(const core::Catalog& c, const std::string& lang) {
    std::map<std::string, std::string> out;
    for (const auto& k : c.keys(lang))
        if (k.rfind("ui.", 0) == 0 || k == "language.name") out[k] = c.tr(lang, k);
    return out;
}

// Both families the kiosk may be drawn in: Noto Sans (UX.md, a developer's machine) and Open Sans
// (the .deb's small font, packaging/README.md). Both are installed by packaging/install-deps.sh.
class UiFontFamily : public ::testing::TestWithParam<const char*> {};
INSTANTIATE_TEST_SUITE_P(Kiosk, UiFontFamily, ::testing::Values(kKioskFontFamily, kKioskFallbackFontFamily));

TEST_P(UiFontFamily, EveryUiCharacterHasAGlyphAndTheAtlasIsSmall) {
    ImFontAtlas atlas;
    Theme theme;
    const auto files = findFontFiles(GetParam());
    ASSERT_TRUE(files) << files.error().format();
    auto fonts = addKioskFonts(atlas, theme, 1080, files->regular, files->bold);
    ASSERT_TRUE(fonts.ok()) << fonts.error().format();
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&px, &w, &h);
    std::printf("font atlas %dx%d (%d KB alpha8), %d fonts\n", w, h, w * h / 1024, atlas.Fonts.Size);
    EXPECT_EQ(atlas.Fonts.Size, 8);
    EXPECT_LE(w * h, 2048 * 2048);  // <= 4 MB alpha, 16 MB RGBA before ClearTexData
    const core::Catalog catalog = test::loadCatalog();
    std::set<unsigned> needed;
    for (const char* lang : {"en", "es"})  // every area's strings: ui, body regions, pain kinds, ...
        for (const auto& k : catalog.keys(lang))
            for (unsigned cp : decode(catalog.tr(lang, k))) needed.insert(cp);
    for (const char* extra : {"áéíóúüñÁÉÍÓÚÜÑ¿¡–…", "\xE2\x80\x94"}) {
        for (unsigned cp : decode(extra)) needed.insert(cp);
    }
    for (ImFont* font : {fonts->normal.body, fonts->normal.bodyBold, fonts->larger.question, fonts->larger.title}) {
        for (unsigned cp : needed) {
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr) << "U+" << std::hex << cp;
        }
    }
}

TEST(UiFonts, MissingFontIsAClearError) {
    ImFontAtlas atlas;
    auto r = addKioskFonts(atlas, Theme{}, 1080, "/nonexistent/Font.ttf", findFontFiles()->bold);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().format().find("/nonexistent/Font.ttf"), std::string::npos);
    EXPECT_EQ(atlas.Fonts.Size, 0);
}

TEST(UiFonts, FontconfigFindsNotoSansRegularAndBold) {
    const auto files = findFontFiles();
    ASSERT_TRUE(files) << files.error().format();
    EXPECT_NE(files->regular, files->bold);
    EXPECT_TRUE(std::filesystem::is_regular_file(files->regular)) << files->regular;
    EXPECT_TRUE(std::filesystem::is_regular_file(files->bold)) << files->bold;
    EXPECT_NE(files->regular.find("NotoSans-Regular"), std::string::npos) << files->regular;
    EXPECT_NE(files->bold.find("NotoSans-Bold"), std::string::npos) << files->bold;
}

TEST(UiFonts, NotoSansComesFirstOpenSansWhenItIsMissing) {
    const auto noto = findFontFiles(kKioskFontFamily);
    const auto open = findFontFiles(kKioskFallbackFontFamily);
    ASSERT_TRUE(noto) << noto.error().format();
    ASSERT_TRUE(open) << open.error().format();
    EXPECT_NE(open->regular.find("OpenSans-Regular"), std::string::npos) << open->regular;
    EXPECT_NE(open->bold.find("OpenSans-Bold"), std::string::npos) << open->bold;
    const auto kiosk = findFontFiles();  // both installed: Noto Sans, as before there was a fallback
    ASSERT_TRUE(kiosk);
    EXPECT_EQ(kiosk->regular, noto->regular);
    const auto fallback = findFirstFontFamily({"ZQXJ Sans Nonexistent", kKioskFallbackFontFamily});
    ASSERT_TRUE(fallback) << fallback.error().format();
    EXPECT_EQ(fallback->regular, open->regular);
    EXPECT_EQ(fallback->bold, open->bold);
    const auto none = findFirstFontFamily({"ZQXJ Sans Nonexistent", "ZQXJ Serif Nonexistent"});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, core::ErrorCode::NotFound);
    EXPECT_NE(none.error().message.find("'ZQXJ Sans Nonexistent', 'ZQXJ Serif Nonexistent'"), std::string::npos)
        << none.error().message;
}

TEST(UiFonts, AFamilyThatIsNotInstalledIsAnErrorNotAnotherFamily) {
    const auto r = findFontFiles("ZQXJ Sans Nonexistent");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::NotFound);
    EXPECT_NE(r.error().message.find("'ZQXJ Sans Nonexistent'"), std::string::npos) << r.error().message;
}

TEST(UiFonts, AConfiguredPathWinsOverFontconfig) {
    const auto found = findFontFiles();
    ASSERT_TRUE(found);
    auto both = resolveFontFiles("/srv/a.ttf", "/srv/b.ttf");
    ASSERT_TRUE(both);
    EXPECT_EQ(both->regular, "/srv/a.ttf");
    EXPECT_EQ(both->bold, "/srv/b.ttf");
    auto one = resolveFontFiles("/srv/a.ttf", "");
    ASSERT_TRUE(one);
    EXPECT_EQ(one->regular, "/srv/a.ttf");
    EXPECT_EQ(one->bold, found->bold);
    // The view loads what was configured, and names a file it cannot read.
    ImGui::CreateContext();
    core::Catalog catalog;
    UiOptions options;
    options.fontPath = "/nonexistent/Regular.ttf";
    KioskView view(catalog, options);
    const auto loaded = view.loadFonts(1080);
    ImGui::DestroyContext();
    ASSERT_FALSE(loaded);
    EXPECT_NE(loaded.error().format().find("/nonexistent/Regular.ttf"), std::string::npos);
}

TEST(UiCatalog, EnglishAndSpanishAreCompleteAndCoverTheCode) {
    const core::Catalog catalog = test::loadCatalog();
    const auto en = uiStrings(catalog, "en"), es = uiStrings(catalog, "es");
    ASSERT_GT(en.size(), 50u);
    for (const auto& [k, v] : en) {
        EXPECT_EQ(es.count(k), 1u) << "es lacks " << k;
        if (es.count(k)) {
            EXPECT_FALSE(es.at(k).empty()) << k;
        }
    }
    for (const auto& [k, v] : es) EXPECT_EQ(en.count(k), 1u) << "en lacks " << k;
    // Every "ui.xxx" literal in kiosk/ui must exist (months are built as "ui.month." + n).
    const std::regex literal("\"(ui\\.[a-z_.0-9]+)\"");
    int found = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/kiosk/ui")) {
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string src = ss.str();
        for (std::sregex_iterator it(src.begin(), src.end(), literal), end; it != end; ++it) {
            const std::string key = (*it)[1];
            if (key.back() == '.') continue;
            ++found;
            EXPECT_EQ(en.count(key), 1u) << entry.path().filename() << " uses missing key " << key;
        }
    }
    EXPECT_GT(found, 40);
    for (int m = 1; m <= 12; ++m) EXPECT_EQ(en.count("ui.month." + std::to_string(m)), 1u);
    EXPECT_EQ(catalog.tr("es", "language.name"), "Español");
}

}  // namespace
}  // namespace kiosk::ui
