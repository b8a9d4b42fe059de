// `initial`: an item's starting answer (FHIR's item.initial, kept by import-fhir). Read as the
// item's own answer type, checked by the same rules as a patient's answer, refused where a patient
// must give the answer themselves, each mistake at its line:col.
#include <gtest/gtest.h>

#include "form_test_util.h"
#include "kiosk/forms/answer_access.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

namespace {

const Item& item(const LoadResult& r, const std::string& id) {
    const Item* it = r.form->findItem(id);
    EXPECT_NE(it, nullptr) << id;
    return *it;
}

}  // namespace

TEST(FormsInitial, EachAnswerTypeReadsAsTheItemsAnswer) {
    const std::string y = withItems(
        "      - {id: country, type: text, label: {en: C, es: C}, initial: Spain}\n"
        "      - {id: visits, type: number, label: {en: V, es: V}, min: 0, max: 50, initial: 1}\n"
        "      - {id: pain, type: scale, label: {en: P, es: P}, initial: 0}\n"
        "      - {id: day, type: date, label: {en: D, es: D}, initial: 2026-01-02}\n"
        "      - {id: ok, type: yes_no, label: {en: O, es: O}, initial: false}\n"
        "      - id: pressure\n        type: single\n        label: {en: Pr, es: Pr}\n        initial: medium\n"
        "        options:\n          - {value: light, label: {en: L, es: L}}\n"
        "          - {value: medium, label: {en: M, es: M}}\n"
        "      - id: music\n        type: multi\n        label: {en: Mu, es: Mu}\n        initial: [jazz, quiet]\n"
        "        options:\n          - {value: jazz, label: {en: J, es: J}}\n"
        "          - {value: quiet, label: {en: Q, es: Q}}\n"
        "          - {value: pop, label: {en: P, es: P}}\n"
        "      - {id: nothing, type: text, label: {en: N, es: N}}\n");
    const LoadResult r = load(y);
    ASSERT_TRUE(r.form) << dump(r);
    EXPECT_EQ(item(r, "country").initial, Answer{std::string("Spain")});
    EXPECT_EQ(item(r, "visits").initial, Answer{1.0});
    EXPECT_EQ(item(r, "pain").initial, Answer{0.0});
    EXPECT_EQ(item(r, "day").initial, Answer{(Date{2026, 1, 2})});
    EXPECT_EQ(item(r, "ok").initial, Answer{false});
    EXPECT_EQ(item(r, "pressure").initial, Answer{std::string("medium")});
    EXPECT_EQ(item(r, "music").initial, (Answer{std::vector<std::string>{"jazz", "quiet"}}));
    EXPECT_FALSE(item(r, "nothing").initial.has_value());
}

TEST(FormsInitial, AValueOfTheWrongShapeSaysWhatTheItemTakes) {
    const std::string y = withItems(
        "      - {id: visits, type: number, label: {en: V, es: V}, initial: many}\n"
        "      - {id: ok, type: yes_no, label: {en: O, es: O}, initial: perhaps}\n"
        "      - {id: day, type: date, label: {en: D, es: D}, initial: 2026-02-30}\n"
        "      - id: music\n        type: multi\n        label: {en: Mu, es: Mu}\n        initial: jazz\n"
        "        options:\n          - {value: jazz, label: {en: J, es: J}}\n");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "many"), "'initial' of number item 'visits' must be a number"));
    EXPECT_TRUE(hasError(r, locate(y, "perhaps"), "'initial' of yes_no item 'ok' must be true or false"));
    EXPECT_TRUE(hasError(r, locate(y, "2026-02-30"), "'initial' of date item 'day' must be a date written YYYY-MM-DD"));
    EXPECT_TRUE(hasError(r, locate(y, "jazz\n"),
                         "'initial' of multi item 'music' must be a list of its option values, e.g. [a, b]"));
}

TEST(FormsInitial, AValueAPatientCouldNotGiveIsRefusedByTheAnswerRules) {
    const std::string y = withItems(
        "      - {id: pain, type: scale, label: {en: P, es: P}, initial: 11}\n"
        "      - {id: name, type: text, label: {en: N, es: N}, max_length: 3, initial: Josephine}\n"
        "      - id: pressure\n        type: single\n        label: {en: Pr, es: Pr}\n        initial: firm\n"
        "        options:\n          - {value: light, label: {en: L, es: L}}\n"
        "          - {value: medium, label: {en: M, es: M}}\n");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "11"),
                         "'initial' is not an answer a patient could give: answer to 'pain' is out of range: must be 0 to 10"));
    EXPECT_TRUE(hasError(r, locate(y, "Josephine"),
                         "'initial' is not an answer a patient could give: answer to 'name' is too long: at most 3 characters"));
    EXPECT_TRUE(hasError(r, locate(y, "firm"),
                         "'initial' is not an answer a patient could give: answer to 'pressure' has an unknown option; "
                         "the options are: light, medium"));
}

TEST(FormsInitial, ItemsThePatientMustAnswerThemselvesTakeNone) {
    const std::string y = withItems(
        "      - {id: agree, type: consent, label: {en: A, es: A}, initial: true}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "true}"),
                          "'initial' is for text, number, scale, date, yes_no, single and multi items, not consent "
                          "items: a patient gives that answer themselves; remove 'initial'"));
}

TEST(FormsRepeats, ATextItemMayTakeOneAnswerALine) {
    const std::string y = withItems(
        "      - {id: meds, type: text, label: {en: M, es: M}, repeats: true}\n"
        "      - {id: phone, type: text, label: {en: P, es: P}, keyboard: phone, repeats: true}\n"
        "      - {id: visits, type: scale, label: {en: V, es: V}, repeats: true}\n");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "true}", 1),
                         "'repeats' takes one answer a line, so it needs keyboard: multiline (or no keyboard)"));
    const LoadResult ok = load(withItems("      - {id: meds, type: text, label: {en: M, es: M}, repeats: true}\n"));
    ASSERT_TRUE(ok.form) << dump(ok);
    EXPECT_TRUE(ok.form->findItem("meds")->repeats);
    EXPECT_EQ(ok.form->findItem("meds")->textKind, TextKind::Multiline) << "a box that takes several lines";
}

TEST(FormsRepeats, TheAnswersAreTheNonEmptyLinesTrimmed) {
    EXPECT_EQ(answerLines(" Ibuprofen \n\n\tAspirin\r\n  \nx"), (std::vector<std::string>{"Ibuprofen", "Aspirin", "x"}));
    EXPECT_TRUE(answerLines("").empty());
    EXPECT_TRUE(answerLines(" \n \n").empty());
}
