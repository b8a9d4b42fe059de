// `type: list`: a repeating group of simple fields (FHIR's group with repeats: true). The file's
// shape and limits, what a field may be, ids unique across fields and items, what conditions and
// scores may do with a list, and each entry checked field by field.
#include <gtest/gtest.h>

#include "form_test_util.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/conditions.h"
#include "kiosk/forms/scoring.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

namespace {

const std::string kMeds =
    "      - id: meds\n"
    "        type: list\n"
    "        label: {en: Medicines you take, es: Medicamentos que toma}\n"
    "        entry_label: {en: Medicine, es: Medicamento}\n"
    "        add_label: {en: Add another medicine, es: Añadir otro medicamento}\n"
    "        max_entries: 5\n"
    "        fields:\n"
    "          - {id: med_name, type: text, label: {en: Name, es: Nombre}, required: true, max_length: 40}\n"
    "          - {id: med_dose, type: number, label: {en: Dose, es: Dosis}, min: 0, max: 2000, unit: {en: mg, es: mg}}\n"
    "          - id: med_often\n"
    "            type: single\n"
    "            label: {en: How often, es: Con qué frecuencia}\n"
    "            options:\n"
    "              - {value: daily, label: {en: Daily, es: Diario}}\n"
    "              - {value: weekly, label: {en: Weekly, es: Semanal}}\n"
    "          - {id: med_since, type: date, label: {en: Since, es: Desde}, past_only: true}\n"
    "          - {id: med_helps, type: yes_no, label: {en: Helps, es: Ayuda}}\n";

}  // namespace

TEST(FormsListItem, ReadsFieldsLimitsAndLabels) {
    const LoadResult r = load(withItems(kMeds));
    ASSERT_TRUE(r.form) << dump(r);
    const Item& meds = *r.form->findItem("meds");
    EXPECT_EQ(meds.type, ItemType::List);
    ASSERT_EQ(meds.fields.size(), 5u);
    EXPECT_EQ(meds.fields[0].id, "med_name");
    EXPECT_TRUE(meds.fields[0].required);
    EXPECT_EQ(meds.fields[2].options.size(), 2u);
    EXPECT_EQ(meds.maxEntries, 5);
    EXPECT_EQ(meds.minEntries, 0);
    EXPECT_EQ(meds.entryLabel.get("es"), "Medicamento");
    EXPECT_EQ(meds.addLabel.get("en"), "Add another medicine");
    EXPECT_EQ(r.form->findItem("med_name"), nullptr) << "fields are not items of the form";
    const LoadResult d = load(withItems("      - {id: l, type: list, label: {en: L, es: L}, fields: [{id: f, type: text, label: {en: F, es: F}}]}\n"));
    ASSERT_TRUE(d.form) << dump(d);
    EXPECT_EQ(d.form->findItem("l")->maxEntries, 10) << "the default bound";
}

TEST(FormsListItem, WhatAFieldCannotBeIsAnErrorWhereItIs) {
    const std::string y = withItems(
        "      - id: l\n"
        "        type: list\n"
        "        label: {en: L, es: L}\n"
        "        fields:\n"
        "          - {id: a, type: multi, label: {en: A, es: A}, options: [{value: x, label: {en: X, es: X}}]}\n"
        "          - {id: b, type: list, label: {en: B, es: B}, fields: [{id: c, type: text, label: {en: C, es: C}}]}\n"
        "          - {id: d, type: text, label: {en: D, es: D}, show_if: {item: q, op: answered}}\n"
        "          - {id: e, type: number, label: {en: E, es: E}, repeats: true}\n"
        "          - {id: e, type: text, label: {en: E, es: E}}\n"
        "          - {id: q, type: text, label: {en: Q, es: Q}}\n" +
        yesNo("q"));
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_TRUE(hasError(r, locate(y, "multi"),
                         "field 'a' of list 'l' is a multi item; a list field is a text, number, date, yes_no or single item"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "list, label: {en: B"),
                         "field 'b' of list 'l' is a list item; a list field is a text, number, date, yes_no or single "
                         "item (lists do not nest)"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "{item: q"),
                         "'show_if' is not for the fields of a list (each entry asks every field, starting empty); "
                         "remove it from field 'd'"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "true}", 0),
                         "'repeats' is not for the fields of a list (each entry asks every field, starting empty); "
                         "remove it from field 'e'"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "e, type: text"),
                         "field id 'e' of list 'l' is already used at line 16:18 (item and field ids must be unique in "
                         "the form: records and FHIR name answers by them; rename one)"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "q, type: text"),
                         "field id 'q' of list 'l' is already used at line 19:13 (item and field ids must be unique in "
                         "the form: records and FHIR name answers by them; rename one)"))
        << dump(r);
}

TEST(FormsListItem, BadLimitsAndNoFields) {
    const std::string y = withItems(
        "      - {id: l, type: list, label: {en: L, es: L}, fields: [], max_entries: 51}\n"
        "      - {id: m, type: list, label: {en: M, es: M}, min_entries: 4, max_entries: 3,\n"
        "         fields: [{id: f, type: text, label: {en: F, es: F}}]}\n"
        "      - {id: n, type: list, label: {en: N, es: N}}\n");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "[]"), "list item 'l' needs 1 to 12 fields (the questions each entry asks)")) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "51}"), "'max_entries' must be a whole number from 1 to 50, not 51")) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "3,"), "'max_entries' (3) is less than 'min_entries' (4)")) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "{id: n"), "item 'n' has no 'fields'; add fields: a list of the questions each entry asks"))
        << dump(r);
}

TEST(FormsListItem, ConditionsAndScoresCannotLookInsideButCanAskAndCount) {
    const std::string bad = withItems(kMeds + yesNo("q"),
                                      "scores:\n  - {id: s, label: {en: S, es: S}, method: sum, items: [med_dose]}\n"
                                      "flags:\n  - {id: f, severity: caution, label: {en: F, es: F}, explain: {en: E, es: E},\n"
                                      "     when: {item: med_helps, op: \"==\", value: true}}\n");
    const LoadResult r = load(bad);
    EXPECT_FALSE(r.form);
    EXPECT_TRUE(hasError(r, locate(bad, "med_dose]"),
                         "score 's' refers to 'med_dose', a field of list 'meds'; a score cannot look inside the entries "
                         "of a list; it can count them (method: count, items: [meds])"))
        << dump(r);
    EXPECT_TRUE(hasError(r, locate(bad, "med_helps,", 1),
                         "when refers to 'med_helps', a field of list 'meds'; a condition cannot look inside the entries "
                         "of a list; it can ask whether 'meds' is answered (op: answered)"))
        << dump(r);

    const std::string good = withItems(kMeds + yesNo("q").substr(0, 0) +
                                           "      - {id: q, type: yes_no, label: {en: Q, es: Q}, show_if: {item: meds, op: answered}}\n",
                                       "scores:\n  - {id: n, label: {en: N, es: N}, method: count, items: [meds]}\n");
    const LoadResult g = load(good);
    ASSERT_TRUE(g.form) << dump(g);
    Answers answers;
    EXPECT_FALSE(evaluate(*g.form->pages[0].items[1].showIf, *g.form, answers));
    answers["meds"] = ListAnswer{ListEntry{{{"med_name", Answer{std::string("A")}}}},
                                 ListEntry{{{"med_name", Answer{std::string("B")}}}}};
    EXPECT_TRUE(evaluate(*g.form->pages[0].items[1].showIf, *g.form, answers));
    EXPECT_EQ(computeScore(g.form->scores[0], *g.form, answers).value, 2.0) << "count: the entries";
}

TEST(FormsListItem, EachEntryIsCheckedFieldByField) {
    const LoadResult r = load(withItems(kMeds));
    ASSERT_TRUE(r.form) << dump(r);
    const Item& meds = *r.form->findItem("meds");
    auto entry = [](std::map<std::string, Answer> fields) { return ListEntry{std::move(fields)}; };
    const Answer good = ListAnswer{entry({{"med_name", std::string("Ibuprofen")}, {"med_dose", 400.0}, {"med_often", std::string("daily")}}),
                                   entry({{"med_name", std::string("Aspirin")}, {"med_helps", true}})};
    EXPECT_FALSE(checkAnswer(meds, good, Date{2026, 12, 6}));

    const Answer noName = ListAnswer{entry({{"med_name", std::string("A")}}), entry({{"med_dose", 5.0}})};
    auto p = checkAnswer(meds, noName, std::nullopt);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->problem, Problem::Required);
    EXPECT_EQ(p->position, 1);
    EXPECT_EQ(p->field, "med_name");
    EXPECT_EQ(describe(meds, *p), "'meds[1].med_name' is required but has no answer");

    const Answer tooMuch = ListAnswer{entry({{"med_name", std::string("A")}, {"med_dose", 2500.0}})};
    p = checkAnswer(meds, tooMuch, std::nullopt);
    ASSERT_TRUE(p);
    EXPECT_EQ(describe(meds, *p), "answer to 'meds[0].med_dose' is out of range: must be 0 to 2000");

    const Answer future = ListAnswer{entry({{"med_name", std::string("A")}, {"med_since", Date{2027, 1, 1}}})};
    p = checkAnswer(meds, future, Date{2026, 12, 6});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->problem, Problem::FutureDate);

    const Answer unknown = ListAnswer{entry({{"med_name", std::string("A")}, {"colour", std::string("red")}})};
    p = checkAnswer(meds, unknown, std::nullopt);
    ASSERT_TRUE(p);
    EXPECT_EQ(describe(meds, *p),
              "answer to 'meds[0]' names a field the list does not have; its fields are: med_name, med_dose, med_often, "
              "med_since, med_helps");

    const Answer empty = ListAnswer{entry({{"med_name", std::string("A")}}), entry({})};
    p = checkAnswer(meds, empty, std::nullopt);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->problem, Problem::EmptyEntry);
    EXPECT_EQ(p->position, 1);

    ListAnswer six(6, entry({{"med_name", std::string("A")}}));
    p = checkAnswer(meds, Answer{six}, std::nullopt);
    ASSERT_TRUE(p);
    EXPECT_EQ(describe(meds, *p), "answer to 'meds' has too many entries: at most 5");
    EXPECT_TRUE(checkAnswer(meds, Answer{std::string("x")}, std::nullopt)) << "a list takes entries only";
}

TEST(FormsListItem, AConditionAsksAListOnlyWhetherItIsAnswered) {
    // == on a list compared its entries with a value: never true, and `form export-fhir` had no
    // enableWhen to say it with. Only answered / not_answered apply, as on a signature.
    const std::string bad =
        withItems(kMeds + "      - {id: q, type: yes_no, label: {en: Q, es: Q}, show_if: {item: meds, op: \"==\", value: x}}\n");
    const LoadResult r = load(bad);
    EXPECT_FALSE(r.form);
    EXPECT_TRUE(hasError(r, locate(bad, "\"==\""), "'meds' is a list item; only answered / not_answered apply")) << dump(r);
}
