// `say:` on items, options and matrix rows: what read-aloud speaks instead of the label. Checked
// like labels (declared languages, text, not empty; errors at file:line:col), except that a
// language may be left out (the label is read in it).
#include <gtest/gtest.h>

#include "forms/form_test_util.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

TEST(FormsSay, ItemsOptionsAndRowsKeepTheirSpokenText) {
    const std::string y = withItems(
        "      - id: weight\n"
        "        type: number\n"
        "        label: {en: Weight (kg), es: Peso (kg)}\n"
        "        say: {en: Your weight in kilograms}\n"
        "      - id: side\n"
        "        type: single\n"
        "        label: {en: Side, es: Lado}\n"
        "        options:\n"
        "          - {value: l, label: {en: L, es: I}, say: {en: Left, es: Izquierda}}\n"
        "          - {value: r, label: {en: R, es: D}}\n"
        "      - id: m\n"
        "        type: matrix\n"
        "        label: {en: M, es: M}\n"
        "        options: [{value: a, label: {en: A, es: A}}, {value: b, label: {en: B, es: B}}]\n"
        "        rows: [{id: x, label: {en: X, es: X}, say: {es: Equis}}]\n");
    const LoadResult r = load(y);
    ASSERT_TRUE(r.form) << dump(r);
    const Item* weight = r.form->findItem("weight");
    EXPECT_EQ(weight->say.byLang.at("en"), "Your weight in kilograms");
    EXPECT_EQ(weight->say.byLang.count("es"), 0u);  // left out: the label is read in Spanish
    const Item* side = r.form->findItem("side");
    EXPECT_EQ(side->options[0].say.byLang.at("es"), "Izquierda");
    EXPECT_TRUE(side->options[1].say.empty());
    EXPECT_EQ(r.form->findItem("m")->rows[0].say.byLang.at("es"), "Equis");
}

TEST(FormsSay, AnUndeclaredLanguageIsAnErrorWhereItIsWritten) {
    const std::string y = withItems(
        "      - id: a\n"
        "        type: yes_no\n"
        "        label: {en: Q, es: Q}\n"
        "        say: {en: Q, fr: Q}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "fr"),
                          "'say' has a 'fr' text, but 'fr' is not in languages (en, es); add it to languages or "
                          "remove this text"));
}

TEST(FormsSay, AnEmptyOrNonTextSayIsAnError) {
    const std::string y = withItems(
        "      - id: a\n"
        "        type: single\n"
        "        label: {en: Q, es: Q}\n"
        "        options:\n"
        "          - {value: x, label: {en: X, es: X}, say: {en: \"\"}}\n"
        "          - {value: y, label: {en: Y, es: Y}, say: {en: [1]}}\n");
    const LoadResult r = load(y);
    EXPECT_TRUE(hasError(r, locate(y, "\"\""), "the 'en' text of 'say' is empty; write the translation"));
    EXPECT_TRUE(hasError(r, locate(y, "[1]"), "the 'en' text of 'say' must be text, not a list"));
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
}

TEST(FormsSay, APlainStringInATwoLanguageFormNamesTheFix) {
    const std::string y = withItems(
        "      - id: a\n"
        "        type: yes_no\n"
        "        label: {en: Q, es: Q}\n"
        "        say: Question\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "Question"),
                          "'say' is a single text, but the form has languages en, es; write it per language, "
                          "e.g. {en: ...}"));
}

TEST(FormsSay, PagesTakeNoSay) {
    const std::string y = "id: t\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
                          "  - id: p\n    title: {en: P, es: P}\n    say: {en: P}\n    items:\n" +
                          yesNo("a");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].where.line, 8);
}
