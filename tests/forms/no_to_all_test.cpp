// Issue 20 "a shorter intake": a page of yes/no questions may offer one button that answers No to
// each question not answered yet (`no_to_all`); the form checker refuses it on a page it cannot help.
#include <gtest/gtest.h>

#include "form_test_util.h"

namespace kiosk::forms::test {
namespace {

std::string page(const std::string& items) {
    return "id: t\n"
           "version: 1\n"
           "title: {en: T, es: T}\n"
           "languages: [en, es]\n"
           "pages:\n"
           "  - id: p\n"
           "    title: {en: P, es: P}\n"
           "    no_to_all: {en: None apply, es: Ninguna}\n"
           "    items:\n" +
           items;
}

TEST(FormsNoToAll, ThePageKeepsItsLabelAndKnowsWhichQuestionsItAnswers) {
    const LoadResult r = load(page(yesNo("fever") +
                                   "      - id: unsure\n        type: single\n        label: {en: Q, es: Q}\n"
                                   "        options:\n"
                                   "          - {value: \"yes\", label: {en: Yes, es: Sí}}\n"
                                   "          - {value: \"no\", label: {en: No, es: No}}\n"
                                   "          - {value: not_sure, label: {en: Not sure, es: No sé}}\n"
                                   "      - id: pressure\n        type: single\n        label: {en: Q, es: Q}\n"
                                   "        options:\n"
                                   "          - {value: light, label: {en: Light, es: Suave}}\n"
                                   "          - {value: firm, label: {en: Firm, es: Fuerte}}\n"
                                   "      - id: notes\n        type: text\n        label: {en: Q, es: Q}\n"));
    ASSERT_TRUE(r.ok()) << dump(r);
    const Page& p = r.form->pages[0];
    EXPECT_EQ(p.noToAll.get("es"), "Ninguna");
    EXPECT_TRUE(answersNoToAll(p.items[0]));   // yes_no
    EXPECT_TRUE(answersNoToAll(p.items[1]));   // single with an option "no"
    EXPECT_FALSE(answersNoToAll(p.items[2]));  // single without one
    EXPECT_FALSE(answersNoToAll(p.items[3]));  // text
}

TEST(FormsNoToAll, APageWithNothingToAnswerNoIsRefusedAtTheKey) {
    const std::string y = page("      - id: notes\n        type: text\n        label: {en: Q, es: Q}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "{en: None apply"),
                          "page 'p' has no question no_to_all can answer; it answers yes_no items and single items "
                          "with an option \"no\""));
}

TEST(FormsNoToAll, ItsLabelNeedsEveryLanguage) {
    std::string y = page(yesNo("fever"));
    y.replace(y.find("{en: None apply, es: Ninguna}"), 29, "{en: None apply}");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(dump(r).find("es"), std::string::npos) << dump(r);
}

}  // namespace
}  // namespace kiosk::forms::test
