// The session's catalogue files are complete in both languages and cover every key the code uses.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/session/answer_text.h"
#include "support/session_support.h"

using namespace kiosk;

namespace {

std::set<std::string> sessionKeys(const std::string& lang) {
    core::Catalog c;
    auto r = c.loadFile(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n/session." + lang + ".yaml");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().format());
    auto keys = c.keys(lang);
    return {keys.begin(), keys.end()};
}

}  // namespace

TEST(SessionCatalog, EnglishAndSpanishHaveTheSameKeys) {
    const auto en = sessionKeys("en");
    const auto es = sessionKeys("es");
    EXPECT_GT(en.size(), 40u);
    for (const auto& k : en) EXPECT_EQ(es.count(k), 1u) << "es lacks " << k;
    for (const auto& k : es) EXPECT_EQ(en.count(k), 1u) << "en lacks " << k;
}

TEST(SessionCatalog, EveryKeyTheCodeUsesExists) {
    std::vector<std::string> used = {"answer.yes", "answer.no", "answer.consent_given", "answer.consent_refused",
                                     "answer.signed", "answer.scale", "answer.date", "answer.intensity",
                                     "answer.list_separator", "number.decimal_separator", "review.not_answered"};
    for (int m = 1; m <= 12; ++m) used.push_back("month." + std::to_string(m));
    for (int p = 0; p <= static_cast<int>(forms::Problem::SignatureTooSmall); ++p)  // the last one
        used.push_back(session::problemKey(static_cast<forms::Problem>(p)));
    for (const std::string lang : {"en", "es"}) {
        const auto keys = sessionKeys(lang);
        for (const auto& k : used) EXPECT_EQ(keys.count(k), 1u) << lang << " lacks " << k;
    }
}

TEST(SessionCatalog, PlaceholdersMatchBetweenLanguages) {
    const auto& c = kiosk::testing::realCatalog();
    for (const auto& k : sessionKeys("en")) {
        for (const char* ph : {"{0}", "{1}", "{2}"}) {
            const bool inEn = c.tr("en", k).find(ph) != std::string::npos;
            const bool inEs = c.tr("es", k).find(ph) != std::string::npos;
            EXPECT_EQ(inEn, inEs) << k << " " << ph;
        }
    }
}
