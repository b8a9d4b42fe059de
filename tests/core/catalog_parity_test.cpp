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

TEST(CoreCatalog, ACountOfOneTakesTheOneFormWhereThereIsOne) {
    Catalog c;
    c.set("en", "wait", "Wait {0} seconds for {1}.");
    c.set("en", "wait_one", "Wait 1 second for {1}.");
    c.set("en", "items", "{0} items");
    c.set("es", "wait", "Espere {0} segundos a {1}.");
    EXPECT_EQ(c.count("en", "wait", 1, {"Ana"}), "Wait 1 second for Ana.");
    EXPECT_EQ(c.count("en", "wait", 2, {"Ana"}), "Wait 2 seconds for Ana.");
    EXPECT_EQ(c.count("en", "wait", 0, {"Ana"}), "Wait 0 seconds for Ana.");
    EXPECT_EQ(c.count("en", "items", 1), "1 items") << "no _one form: the key as it is";
    EXPECT_EQ(c.count("es", "wait", 3, {"Ana"}), "Espere 3 segundos a Ana.");
}

TEST(CoreCatalog, EveryOneFormHasItsCountedSentenceBeside) {
    auto c = Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n");
    ASSERT_TRUE(c.ok()) << c.error().format();
    int ones = 0;
    for (const std::string& lang : c.value().languages())
        for (const std::string& key : c.value().keys(lang))
            if (key.size() > 4 && key.compare(key.size() - 4, 4, "_one") == 0) {
                ++ones;
                EXPECT_TRUE(c.value().has(lang, key.substr(0, key.size() - 4))) << lang << " " << key;
                EXPECT_EQ(c.value().tr(lang, key).find("{0}"), std::string::npos) << lang << " " << key << ": says 1 itself";
            }
    EXPECT_GE(ones, 12);
}
