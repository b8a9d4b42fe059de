#include "kiosk/core/i18n.h"

#include <gtest/gtest.h>

#include "support/temp_files.h"

using kiosk::core::Catalog;
using kiosk::core::pickLanguage;
using kiosk::testing::TempDir;
using kiosk::testing::writeFile;

TEST(CoreI18n, FallsBackToEnglishThenToTheKey) {
    Catalog c;
    c.set("en", "page.next", "Next");
    c.set("es", "page.back", "Atrás");
    EXPECT_EQ(c.tr("es", "page.back"), "Atrás");
    EXPECT_EQ(c.tr("es", "page.next"), "Next");
    EXPECT_EQ(c.tr("es", "page.missing"), "page.missing");
}

TEST(CoreI18n, FormatsNumberedPlaceholders) {
    Catalog c;
    c.set("en", "progress", "Step {0} of {1}");
    EXPECT_EQ(c.format("en", "progress", {"3", "9"}), "Step 3 of 9");
}

TEST(CoreI18n, LoadsAreaFilesAndFlattensNestedKeys) {
    const TempDir dir("i18n");
    writeFile(dir / "ui.es.yaml", "page:\n  next: Siguiente\n  back: Atrás\n");
    writeFile(dir / "ui.en.yaml", "page:\n  next: Next\n");
    auto c = Catalog::loadDir(dir.path());
    ASSERT_TRUE(c.ok()) << c.error().format();
    EXPECT_EQ(c->tr("es", "page.next"), "Siguiente");
    EXPECT_EQ(c->tr("en", "page.next"), "Next");
    EXPECT_TRUE(c->has("es", "page.back"));
    EXPECT_FALSE(c->has("en", "page.back"));
}

TEST(CoreI18n, ReportsWhereABrokenFileIsBroken) {
    const TempDir dir("i18n");
    writeFile(dir / "bad.en.yaml", "page:\n  next: [unclosed\n");
    auto c = Catalog::loadDir(dir.path());
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().format().find("bad.en.yaml:"), std::string::npos) << c.error().format();
}

TEST(CoreI18n, ATranslationFileIsReadBoundedAndStrictly) {
    // Read like every YAML file of the kiosk: a folder, a file over 1 MB and a repeated key are
    // each refused with their place, instead of being read whole or kept silently.
    const TempDir dir("i18n");
    writeFile(dir / "ui.en.yaml", "page:\n  next: Next\n");
    Catalog c;
    auto folder = c.loadFile(dir.path());
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error().message, "this is a directory, not a translation file");

    writeFile(dir / "big.en.yaml", "# " + std::string(1024 * 1024, 'x') + "\n");
    auto big = c.loadFile(dir / "big.en.yaml");
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().message.rfind("the file is 1048579 bytes; the limit is 1048576 bytes (1 MB).", 0), 0u)
        << big.error().message;

    writeFile(dir / "twice.en.yaml", "page:\n  next: Next\n  next: Onward\n");
    auto twice = c.loadFile((dir / "twice.en.yaml"));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().format(), (dir / "twice.en.yaml") +
                                          ":3:3: error: duplicate key 'next'; it is already given at line 2:3 (each "
                                          "key may appear once in a map; remove one)");
}

TEST(CoreI18n, PickLanguageTakesTheWantedOneElseTheFormsFirstElseEnglish) {
    const std::vector<std::string> form{"es", "en"};
    EXPECT_EQ(pickLanguage(form, "en"), "en");
    EXPECT_EQ(pickLanguage(form, "fr"), "fr") << "not checked: that is the caller's question";
    EXPECT_EQ(pickLanguage(form, ""), "es");
    EXPECT_EQ(pickLanguage(form), "es");
    EXPECT_EQ(pickLanguage({}, ""), "en");
    EXPECT_EQ(pickLanguage({}, "es"), "es");
}
