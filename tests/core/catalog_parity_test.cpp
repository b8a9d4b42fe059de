// English and Spanish ship complete (STYLE.md #11): every key of the shipped catalogue, in every
// area file of assets/i18n, exists in both languages and is not empty.
#include "kiosk/core/i18n.h"

#include <gtest/gtest.h>

#include <algorithm>

using kiosk::core::Catalog;

TEST(CoreCatalog, EnglishAndSpanishHaveTheSameKeys) {
    auto catalog = Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n");
    ASSERT_TRUE(catalog.ok()) << catalog.error().format();
    const auto langs = catalog->languages();
    ASSERT_NE(std::find(langs.begin(), langs.end(), "en"), langs.end());
    ASSERT_NE(std::find(langs.begin(), langs.end(), "es"), langs.end());
    const auto en = catalog->keys("en");
    const auto es = catalog->keys("es");
    EXPECT_GT(en.size(), 100u);  // ui, session and region names together
    for (const auto& k : en) EXPECT_TRUE(catalog->has("es", k)) << "missing in Spanish: " << k;
    for (const auto& k : es) EXPECT_TRUE(catalog->has("en", k)) << "missing in English: " << k;
    for (const char* lang : {"en", "es"})
        for (const auto& k : catalog->keys(lang)) EXPECT_FALSE(catalog->tr(lang, k).empty()) << lang << ": " << k;
}
