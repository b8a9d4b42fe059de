// Every class of mistake a clinic admin can make in a form file, each with its exact line:col and
// message, and the all-errors behaviour. Positions come from locate() on the same text (1-based,
// in characters), and a few are written out as literals to pin the convention down.
//
// [SECTION] Positions                the brief's example, with literal numbers
// [SECTION] Shape                    keys, types, enums, ids
// [SECTION] Duplicates
// [SECTION] References               show_if / scores / flags, matrix rows, values, ops, order
// [SECTION] Bounds, options, pages
// [SECTION] Languages
// [SECTION] Scores
// [SECTION] All errors, not only the first
#include <gtest/gtest.h>

#include "form_test_util.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

// [SECTION] Positions: the brief's own example, with literal numbers

TEST(FormsValidate, UnknownShowIfItemSuggestsTheClosestId) {
    const std::string y = withItems(
        "      - id: sleep_quality\n"                      // line 9
        "        type: yes_no\n"                           // 10
        "        label: {en: Q, es: Q}\n"                  // 11
        "      - id: nap\n"                                // 12
        "        type: yes_no\n"                           // 13
        "        label: {en: Q, es: Q}\n"                  // 14
        "        show_if:\n"                               // 15
        "          item: sleep_qualty\n"                   // 16: the value starts at column 17
        "          op: \"==\"\n"
        "          value: true\n");
    const LoadResult r = load(y);
    EXPECT_TRUE(onlyError(r, Pos{16, 17},
                          "show_if refers to 'sleep_qualty', which is not an item; did you mean 'sleep_quality'?"));
    EXPECT_EQ(r.errors[0].format(),
              "forms/t.yaml:16:17: error: show_if refers to 'sleep_qualty', which is not an item; did you mean "
              "'sleep_quality'?");
    EXPECT_EQ(locate(y, "sleep_qualty").line, 16);  // the helper agrees with the literal
    EXPECT_EQ(locate(y, "sleep_qualty").col, 17);
}

TEST(FormsValidate, ColumnsCountCharactersNotBytes) {
    // "Años" has a two-byte character before the bad key on the same line.
    const std::string y = withItems("      - {id: a, type: yes_no, label: {en: Años, es: Años}, requird: true}\n");
    const LoadResult r = load(y);
    // 60 characters in, 62 bytes in.
    EXPECT_TRUE(onlyError(r, Pos{9, 60}, "unknown key 'requird' in item 'a'; did you mean 'required'?"));
    EXPECT_EQ(locate(y, "requird").col, 60);
}

// [SECTION] Shape: keys, types, enums, ids

TEST(FormsValidate, UnknownTopLevelKey) {
    const std::string y = withItems(yesNo("a")) + "titel: oops\n";
    EXPECT_TRUE(onlyError(load(y), locate(y, "titel"), "unknown key 'titel' in the form; did you mean 'title'?"));
}

TEST(FormsValidate, UnknownKeyWithoutSuggestionListsTheKeys) {
    const std::string y = withItems(yesNo("a")) + "colour: red\n";
    EXPECT_TRUE(onlyError(load(y), locate(y, "colour"),
                          "unknown key 'colour' in the form; the keys here are id, version, title, description, "
                          "languages, license, fhir, instrument, pages, scores, flags"));
}

TEST(FormsValidate, MissingRequiredKeysAreReportedAtTheMap) {
    const std::string y = "id: t\nversion: 1\nlanguages: [en]\npages:\n  - id: p\n    items:\n"
                          "      - {id: a, label: A}\n";
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_TRUE(hasError(r, Pos{1, 1}, "the form has no 'title'; add title: {...}"));
    EXPECT_TRUE(hasError(r, locate(y, "id: p"), "page 'p' has no 'title'; add title: {...} (shown at the top of the screen)"));
    EXPECT_TRUE(hasError(r, locate(y, "{id: a"),  // a flow map starts at its brace
                         "item 'a' has no 'type'; add type: one of info, text, number, date, yes_no, single, "
                         "multi, scale, body_map, signature, consent, matrix, list"));
}

TEST(FormsValidate, EmptyValueCountsAsMissing) {
    const std::string y = withItems("      - id: a\n        type:\n        label: {en: A, es: A}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "type:"),
                          "item 'a' has no 'type'; add type: one of info, text, number, date, yes_no, single, "
                          "multi, scale, body_map, signature, consent, matrix, list"));
}

TEST(FormsValidate, WrongValueTypes) {
    const std::string y = withItems(
        "      - {id: a, type: number, label: {en: A, es: A}, min: ten, max: \"20\"}\n"
        "      - {id: b, type: yes_no, label: {en: B, es: B}, required: yes}\n"
        "      - {id: c, type: text, label: {en: C, es: C}, max_length: 2.5}\n"
        "      - {id: d, type: info, label: [en, es]}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 5u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "ten"), "'min' must be a number, not 'ten'"));
    EXPECT_TRUE(hasError(r, locate(y, "\"20\""), "'max' must be a number, not the quoted text \"20\"; remove the quotes"));
    EXPECT_TRUE(hasError(r, locate(y, "yes}"), "'required' must be true or false, not 'yes' (write true or false)"));
    EXPECT_TRUE(hasError(r, locate(y, "2.5"), "'max_length' must be a whole number from 1 to 10000, not 2.5"));
    EXPECT_TRUE(hasError(r, locate(y, "[en, es]}"), "'label' must be a text per language, e.g. {en: ..., es: ...}, not a list"));
}

TEST(FormsValidate, EnumValues) {
    const std::string y = withItems(
        "      - {id: a, type: scael, label: {en: A, es: A}}\n"
        "      - {id: b, type: text, keyboard: numeric, label: {en: B, es: B}}\n"
        "      - {id: c, type: body_map, detail: [intensity, pain], label: {en: C, es: C}}\n"
        "      - {id: d, type: yes_no, label: {en: D, es: D}}\n"
        "      - {id: e, type: yes_no, label: {en: E, es: E}, show_if: {item: d, op: \"=\", value: true}}\n",
        "scores:\n  - {id: s, label: {en: S, es: S}, method: summ, items: [d]}\n"
        "flags:\n  - {id: f, severity: high, label: {en: F, es: F}, when: {item: d, op: answered}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 6u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "scael"), "unknown type 'scael'; did you mean 'scale'?"));
    EXPECT_TRUE(hasError(r, locate(y, "numeric"), "unknown keyboard 'numeric'; use one of text, name, phone, email, multiline"));
    EXPECT_TRUE(hasError(r, locate(y, "pain]"), "unknown detail 'pain'; use one of intensity, kind"));
    EXPECT_TRUE(hasError(r, locate(y, "\"=\""), "unknown op '='; did you mean '=='?"));
    EXPECT_TRUE(hasError(r, locate(y, "summ"), "unknown method 'summ'; did you mean 'sum'?"));
    EXPECT_TRUE(hasError(r, locate(y, "high"), "unknown severity 'high'; use one of urgent, caution"));
}

TEST(FormsValidate, IdsMustBeSnakeCase) {
    const std::string y = withItems("      - {id: Pain-Now, type: yes_no, label: {en: A, es: A}}\n"
                                    "      - {id: 2nd, type: yes_no, label: {en: A, es: A}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "Pain-Now"),
                         "id 'Pain-Now' is not valid; ids are lowercase letters, digits and _, start with a letter, "
                         "and have at most 64 characters (e.g. 'pain_now')"));
    EXPECT_TRUE(hasError(r, locate(y, "2nd"),
                         "id '2nd' is not valid; ids are lowercase letters, digits and _, start with a letter, and "
                         "have at most 64 characters"));
}

TEST(FormsValidate, KeysOfAnotherItemType) {
    const std::string y = withItems(
        "      - id: pain\n        type: scale\n        label: {en: A, es: A}\n"
        "        options: [{value: a, label: {en: A, es: A}}]\n"
        "        lable: x\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "options"),
                         "'options' is used by single, multi, matrix items, not by scale items; remove it or change the type"));
    EXPECT_TRUE(hasError(r, locate(y, "lable"), "unknown key 'lable' in item 'pain'; did you mean 'label'?"));
}

// [SECTION] Duplicates

TEST(FormsValidate, DuplicateIdsEverywhere) {
    const std::string y =
        "id: t\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
        "  - id: p\n    title: {en: P, es: P}\n    items:\n"
        "      - {id: a, type: yes_no, label: {en: A, es: A}}\n"
        "      - id: m\n        type: matrix\n        label: {en: M, es: M}\n"
        "        options: [{value: x, label: {en: X, es: X}, score: 1}, {value: x, label: {en: Y, es: Y}, score: 2}]\n"
        "        rows: [{id: r, label: {en: R, es: R}}, {id: r, label: {en: R, es: R}}]\n"
        "  - id: p\n    title: {en: P, es: P}\n    items:\n"
        "      - {id: a, type: yes_no, label: {en: A, es: A}}\n"
        "scores:\n  - {id: s, label: {en: S, es: S}, items: [a]}\n  - {id: s, label: {en: S, es: S}, items: [a]}\n"
        "flags:\n  - {id: f, severity: caution, label: {en: F, es: F}, when: {item: a, op: answered}}\n"
        "  - {id: f, severity: caution, label: {en: F, es: F}, when: {item: a, op: answered}}\n";
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 6u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "a, type", 1),
                         "duplicate item id 'a'; it is already used at line 9:14 (item ids must be unique in the form; rename one)"));
    EXPECT_TRUE(hasError(r, locate(y, "p\n", 1),
                         "duplicate page id 'p'; it is already used at line 6:9 (page ids must be unique; rename one)"));
    EXPECT_TRUE(hasError(r, locate(y, "x, label: {en: Y"),
                         "duplicate option value 'x'; it is already used at line 13:27 (option values must be unique; rename one)"));
    EXPECT_TRUE(hasError(r, locate(y, "r, label", 1),
                         "duplicate row id 'r'; it is already used at line 14:21 (row ids must be unique; rename one)"));
    EXPECT_TRUE(hasError(r, locate(y, "s, label", 1),
                         "duplicate score id 's'; it is already used at line 20:10 (score ids must be unique; rename one)"));
    EXPECT_TRUE(hasError(r, locate(y, "f, severity", 1),
                         "duplicate flag id 'f'; it is already used at line 23:10 (flag ids must be unique; rename one)"));
}

// [SECTION] References

TEST(FormsValidate, UnknownReferencesInScoresAndFlags) {
    const std::string y = withItems(yesNo("smoker"),
                                    "scores:\n  - {id: s, label: {en: S, es: S}, items: [smokr]}\n"
                                    "flags:\n  - {id: f, severity: urgent, label: {en: F, es: F}, when: {item: nothing_like_it, op: answered}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "smokr"), "score 's' refers to 'smokr', which is not an item; did you mean 'smoker'?"));
    EXPECT_TRUE(hasError(r, locate(y, "nothing_like_it"), "when refers to 'nothing_like_it', which is not an item"));
}

TEST(FormsValidate, MatrixRowReferences) {
    const std::string y = withItems(
        "      - id: phq\n        type: matrix\n        label: {en: M, es: M}\n"
        "        options: [{value: no, label: {en: N, es: N}}, {value: often, label: {en: O, es: O}}]\n"
        "        rows: [{id: down, label: {en: D, es: D}}, {id: sleep, label: {en: S, es: S}}]\n" +
            yesNo("smoker"),
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: phq.dwn, op: \"==\", value: often}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: phq.xyz, op: \"==\", value: often}}\n"
        "  - {id: c, severity: caution, label: {en: F, es: F}, when: {item: smoker.x, op: answered}}\n"
        "  - {id: d, severity: caution, label: {en: F, es: F}, when: {item: phq.down, op: \"==\", value: oftn}}\n"
        "  - {id: e, severity: caution, label: {en: F, es: F}, when: {item: phq, op: \"==\", value: often}}\n"
        "  - {id: g, severity: caution, label: {en: F, es: F}, when: {item: phq, op: answered}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 5u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "phq.dwn"),
                         "when refers to row 'dwn' of matrix 'phq', which has no such row; did you mean 'down'?"));
    EXPECT_TRUE(hasError(r, locate(y, "phq.xyz"),
                         "when refers to row 'xyz' of matrix 'phq', which has no such row; its rows are down, sleep"));
    EXPECT_TRUE(hasError(r, locate(y, "smoker.x"),
                         "when refers to 'smoker.x', but 'smoker' is a yes_no item; only matrix rows are named 'item.row'"));
    EXPECT_TRUE(hasError(r, locate(y, "oftn"), "'oftn' is not an option of 'phq.down'; did you mean 'often'?"));
    EXPECT_TRUE(hasError(r, locate(y, "\"==\"", 3),
                         "'phq' is a matrix item; only answered / not_answered apply (compare one row as 'matrix_id.row_id')"));
}

TEST(FormsValidate, ShowIfSuggestsOnlyEarlierItems) {
    const std::string y = withItems(
        "      - {id: goals, type: yes_no, label: {en: G, es: G}}\n"
        "      - {id: goals_other, type: yes_no, label: {en: O, es: O}, show_if: {item: goals_othr, op: answered}}\n"
        "      - {id: nap, type: yes_no, label: {en: N, es: N}, show_if: {item: sleep_hour, op: answered}}\n"
        "      - {id: sleep_hours, type: number, label: {en: S, es: S}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    // Neither the item itself nor a later one: show_if could not use them, so naming them only moves the error.
    EXPECT_TRUE(hasError(r, Pos{10, 80}, "show_if refers to 'goals_othr', which is not an item; did you mean 'goals'?"));
    EXPECT_EQ(locate(y, "goals_othr").line, 10);
    EXPECT_EQ(locate(y, "goals_othr").col, 80);
    EXPECT_TRUE(hasError(r, locate(y, "sleep_hour,"), "show_if refers to 'sleep_hour', which is not an item"));
}

TEST(FormsValidate, ConditionNamingAScoreSaysConditionsUseAnswers) {
    const std::string y = withItems(
        "      - {id: pain_map, type: body_map, label: {en: M, es: M}, show_if: {item: pain_regions, op: answered}}\n",
        "scores:\n  - {id: pain_regions, label: {en: S, es: S}, method: count, items: [pain_map, pain_regions]}\n"
        "flags:\n  - {id: f, severity: caution, label: {en: F, es: F}, when: {item: pain_regions, op: \">=\", value: 7}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "pain_regions"), "show_if refers to 'pain_regions', which is a score, not an item; "
                                                       "conditions can only use item answers, not scores"));
    EXPECT_TRUE(hasError(r, locate(y, "pain_regions]"), "score 'pain_regions' refers to 'pain_regions', which is a score, "
                                                        "not an item; a score can only add up item answers, not other scores"));
    // A flag may compare a score, written as such.
    EXPECT_EQ(r.errors[2].format(), "forms/t.yaml:13:68: error: when refers to 'pain_regions', which is a score, not an "
                                    "item; compare a score with {score: pain_regions, op: ..., value: ...}");
}

TEST(FormsValidate, UnknownReferenceFallsBackToIdsContainingTheWord) {
    const std::string y = withItems(
        "      - {id: pain_now, type: scale, label: {en: P, es: P}}\n"
        "      - {id: pain_map, type: body_map, label: {en: M, es: M}}\n"
        "      - {id: pain_worst, type: scale, label: {en: W, es: W}}\n"
        "      - {id: pain_average, type: scale, label: {en: A, es: A}}\n" +
            yesNo("oil_allergy"),
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: allergy, op: \"==\", value: true}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: pain, op: answered}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "allergy, op"), "when refers to 'allergy', which is not an item; did you mean 'oil_allergy'?"));
    EXPECT_TRUE(hasError(r, locate(y, "pain, op"),
                         "when refers to 'pain', which is not an item; did you mean 'pain_now', 'pain_map' or 'pain_worst'?"));
}

TEST(FormsValidate, ConditionValueTypes) {
    const std::string y = withItems(
        yesNo("smoker") +
        "      - {id: pain, type: scale, label: {en: P, es: P}}\n"
        "      - {id: born, type: date, label: {en: B, es: B}}\n"
        "      - {id: sleep, type: single, label: {en: S, es: S}, options: [{value: well, label: {en: W, es: W}}, {value: badly, label: {en: B, es: B}}]}\n"
        "      - {id: meds, type: multi, label: {en: M, es: M}, options: [{value: aspirin, label: {en: A, es: A}}]}\n"
        "      - {id: where, type: body_map, label: {en: W, es: W}}\n",
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: smoker, op: \"==\", value: 4}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: pain, op: \">=\", value: \"high\"}}\n"
        "  - {id: c, severity: caution, label: {en: F, es: F}, when: {item: pain, op: \">=\", value: 12}}\n"
        "  - {id: d, severity: caution, label: {en: F, es: F}, when: {item: born, op: \"<\", value: 1990-02-30}}\n"
        "  - {id: e, severity: caution, label: {en: F, es: F}, when: {item: sleep, op: \"==\", value: good}}\n"
        "  - {id: g, severity: caution, label: {en: F, es: F}, when: {item: meds, op: includes, value: asprin}}\n"
        "  - {id: h, severity: caution, label: {en: F, es: F}, when: {item: where, op: includes, value: knee}}\n"
        "  - {id: i, severity: caution, label: {en: F, es: F}, when: {item: where, op: includes, value: lower_bak_l}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 8u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "4}"), "'smoker' is a yes_no item, so value must be true or false, not '4'"));
    EXPECT_TRUE(hasError(r, locate(y, "\"high\""), "'pain' is a scale item, so value must be a number, not the quoted text \"high\""));
    EXPECT_TRUE(hasError(r, locate(y, "12}"),
                         "value 12 is outside the range of 'pain' (0 to 10), so this comparison is decided in advance"));
    EXPECT_TRUE(hasError(r, locate(y, "1990-02-30"),
                         "'born' is a date item, so value must be a real date written YYYY-MM-DD, not '1990-02-30'"));
    EXPECT_TRUE(hasError(r, locate(y, "good}"), "'good' is not an option of 'sleep'; its options are well, badly"));
    EXPECT_TRUE(hasError(r, locate(y, "asprin"), "'asprin' is not an option of 'meds'; did you mean 'aspirin'?"));
    EXPECT_TRUE(hasError(r, locate(y, "knee}"), "'knee' is not a body region (region ids look like lower_back_l, knee_front_r)"));
    EXPECT_TRUE(hasError(r, locate(y, "lower_bak_l"), "'lower_bak_l' is not a body region; did you mean 'lower_back_l'?"));
}

TEST(FormsValidate, OldBodyRegionIdsInConditionsMeanTheRegionsTheyBecame) {
    // Forms written for the earlier region list still load: "sacrum" is now both sides of the
    // lower back, "trapezius_l" the back of the left shoulder.
    const std::string y = withItems(
        "      - {id: where, type: body_map, label: {en: W, es: W}}\n",
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: where, op: includes, value: sacrum}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: where, op: excludes, value: sacrum}}\n"
        "  - {id: c, severity: caution, label: {en: F, es: F}, when: {item: where, op: includes, value: trapezius_l}}\n");
    const LoadResult r = load(y);
    ASSERT_TRUE(r.ok()) << dump(r);
    const auto& flags = r.form->flags;
    ASSERT_EQ(flags.size(), 3u);
    const auto values = [](const Condition& c) {
        std::vector<std::string> out;
        for (const Condition& child : c.children) out.push_back(std::get<std::string>(child.value));
        return out;
    };
    EXPECT_EQ(flags[0].when.kind, Condition::Kind::Any);  // either side marked
    EXPECT_EQ(values(flags[0].when), (std::vector<std::string>{"lower_back_r", "lower_back_l"}));
    EXPECT_EQ(flags[1].when.kind, Condition::Kind::All);  // neither side marked
    EXPECT_EQ(flags[1].when.children.at(0).op, CondOp::Excludes);
    EXPECT_EQ(flags[2].when.kind, Condition::Kind::Compare);
    EXPECT_EQ(std::get<std::string>(flags[2].when.value), "shoulder_back_l");
}

TEST(FormsValidate, ConditionsThatCannotBeTrueOrAlwaysAre) {
    const std::string y = withItems(
        "      - {id: first_name, type: text, label: {en: N, es: N}}\n"
        "      - {id: pain_now, type: scale, label: {en: P, es: P}}\n"
        "      - {id: sleep_hours, type: number, min: 0, max: 16, step: 0.5, decimals: 1, label: {en: S, es: S}}\n"
        "      - {id: born, type: date, label: {en: B, es: B}}\n",
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: first_name, op: \"==\", value: 3}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: first_name, op: \"!=\", value: true}}\n"
        "  - {id: c, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \"==\", value: 3.5}}\n"
        "  - {id: d, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \">\", value: 10}}\n"
        "  - {id: e, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \"<\", value: 0}}\n"
        "  - {id: g, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \">=\", value: 0}}\n"
        "  - {id: h, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \"<=\", value: 10}}\n"
        "  - {id: i, severity: caution, label: {en: F, es: F}, when: {item: sleep_hours, op: \"!=\", value: 6.25}}\n"
        "  - {id: j, severity: caution, label: {en: F, es: F}, when: {item: born, op: \"<\", value: 1990-1-5}}\n"
        "  - {id: k, severity: caution, label: {en: F, es: F}, when: {item: born, op: \"<\", value: 19900105}}\n"
        // Fine: a quoted number is text, 3 on a 0-10 scale, the top answer, a half hour, a real date.
        "  - {id: l, severity: caution, label: {en: F, es: F}, when: {item: first_name, op: \"==\", value: \"3\"}}\n"
        "  - {id: m, severity: caution, label: {en: F, es: F}, when: {item: pain_now, op: \">=\", value: 10}}\n"
        "  - {id: n, severity: caution, label: {en: F, es: F}, when: {item: sleep_hours, op: \"==\", value: 6.5}}\n"
        "  - {id: o, severity: caution, label: {en: F, es: F}, when: {item: born, op: \"<\", value: 1990-01-05}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 10u) << dump(r);
    EXPECT_TRUE(hasError(r, Pos{14, 97}, "'first_name' is a text item, so value must be text, not the number 3; "
                                         "to compare with the typed text, quote it: \"3\""));
    EXPECT_EQ(locate(y, "3}}").line, 14);
    EXPECT_EQ(locate(y, "3}}").col, 97);
    EXPECT_TRUE(hasError(r, locate(y, "true}"), "'first_name' is a text item, so value must be text, not the true/false "
                                                "value true; to compare with the typed text, quote it: \"true\""));
    EXPECT_TRUE(hasError(r, locate(y, "3.5"), "no answer to 'pain_now' is 3.5 (it goes in steps of 1), so '== 3.5' is "
                                              "never true; use a value it can take, such as 3 or 4"));
    EXPECT_TRUE(hasError(r, locate(y, "10}}\n  - {id: e"), "'pain_now' is at most 10, so '> 10' is never true; use a "
                                                           "lower value, or '== 10' for the top answer"));
    EXPECT_TRUE(hasError(r, locate(y, "0}}\n  - {id: g"), "'pain_now' is at least 0, so '< 0' is never true; use a "
                                                          "higher value, or '== 0' for the lowest answer"));
    EXPECT_TRUE(hasError(r, locate(y, "0}}\n  - {id: h"),
                         "'pain_now' is at least 0, so '>= 0' holds for every answer; use op: answered"));
    EXPECT_TRUE(hasError(r, locate(y, "10}}\n  - {id: i"),
                         "'pain_now' is at most 10, so '<= 10' holds for every answer; use op: answered"));
    EXPECT_TRUE(hasError(r, locate(y, "6.25"), "no answer to 'sleep_hours' is 6.25 (it has at most 1 decimal), so "
                                               "'!= 6.25' is always true; use a value it can take, such as 6 or 6.5"));
    EXPECT_TRUE(hasError(r, locate(y, "1990-1-5"),
                         "'born' is a date item, so value must be a real date written YYYY-MM-DD, not '1990-1-5'"));
    EXPECT_TRUE(hasError(r, locate(y, "19900105"),
                         "'born' is a date item, so value must be a real date written YYYY-MM-DD, not '19900105'"));
}

TEST(FormsValidate, OpsMustSuitTheItemType) {
    const std::string y = withItems(
        yesNo("smoker") +
        "      - {id: sleep, type: single, label: {en: S, es: S}, options: [{value: well, label: {en: W, es: W}}, {value: badly, label: {en: B, es: B}}]}\n"
        "      - {id: meds, type: multi, label: {en: M, es: M}, options: [{value: aspirin, label: {en: A, es: A}}]}\n"
        "      - {id: sig, type: signature, label: {en: S, es: S}}\n",
        "flags:\n"
        "  - {id: a, severity: caution, label: {en: F, es: F}, when: {item: smoker, op: \">=\", value: true}}\n"
        "  - {id: b, severity: caution, label: {en: F, es: F}, when: {item: sleep, op: includes, value: well}}\n"
        "  - {id: c, severity: caution, label: {en: F, es: F}, when: {item: meds, op: \"==\", value: aspirin}}\n"
        "  - {id: d, severity: caution, label: {en: F, es: F}, when: {item: sig, op: \"!=\", value: x}}\n"
        "  - {id: e, severity: caution, label: {en: F, es: F}, when: {item: smoker, op: answered, value: true}}\n"
        "  - {id: g, severity: caution, label: {en: F, es: F}, when: {item: smoker, op: \"==\"}}\n"
        "  - {id: h, severity: caution, label: {en: F, es: F}, when: {item: smoker}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 7u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "\">=\""), "'>=' compares numbers and dates, but 'smoker' is a yes_no item; use == or !="));
    EXPECT_TRUE(hasError(r, locate(y, "includes"), "'includes' is for multi and body_map items, but 'sleep' is a single item; use == or !="));
    EXPECT_TRUE(hasError(r, locate(y, "\"==\""), "'meds' is a multi item (several answers); use includes or excludes, not '=='"));
    EXPECT_TRUE(hasError(r, locate(y, "\"!=\""), "'sig' is a signature item; only answered / not_answered apply"));
    EXPECT_TRUE(hasError(r, locate(y, "true}}\n  - {id: g"), "'answered' takes no value; remove 'value'"));
    EXPECT_TRUE(hasError(r, locate(y, "{item: smoker, op: \"==\"}"), "'==' needs a value to compare with; add value: ..."));
    EXPECT_TRUE(hasError(r, locate(y, "{item: smoker}"), "this condition has no op; add op: answered, or op: \"==\" and a value"));
}

TEST(FormsValidate, ShowIfLooksOnlyBackwards) {
    const std::string y = withItems(
        "      - {id: a, type: yes_no, label: {en: A, es: A}, show_if: {item: b, op: answered}}\n"
        "      - {id: b, type: yes_no, label: {en: B, es: B}, show_if: {item: b, op: answered}}\n"
        "      - {id: c, type: info, label: {en: C, es: C}}\n"
        "      - {id: d, type: yes_no, label: {en: D, es: D}, show_if: {item: c, op: answered}}\n"
        "  - id: p2\n    title: {en: P, es: P}\n    show_if: {item: e, op: answered}\n    items:\n" +
        yesNo("e"));
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "b, op"),
                         "show_if refers to 'b', which comes later in the form (line 10); a question can only depend "
                         "on answers given before it: move 'b' earlier"));
    EXPECT_TRUE(hasError(r, locate(y, "b, op", 1), "show_if of 'b' refers to 'b' itself; a question cannot depend on its own answer"));
    EXPECT_TRUE(hasError(r, locate(y, "c, op"), "show_if refers to 'c', an info item, which has no answer"));
    EXPECT_TRUE(hasError(r, locate(y, "e, op"),
                         "show_if of a page refers to 'e', which is on this page; a page can only depend on answers from earlier pages"));
}

TEST(FormsValidate, ConditionShape) {
    const std::string y = withItems(
        yesNo("a") + yesNo("b") +
        "      - {id: c, type: yes_no, label: {en: C, es: C}, show_if: {all: [{item: a, op: answered}], item: b}}\n"
        "      - {id: d, type: yes_no, label: {en: D, es: D}, show_if: {any: []}}\n"
        "      - {id: e, type: yes_no, label: {en: E, es: E}, show_if: {not: [{item: a, op: answered}]}}\n"
        "      - {id: g, type: yes_no, label: {en: G, es: G}, show_if: {item: a, op: answered, vlaue: 1}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "item: b}"),
                         "'item' cannot stand next to 'all'; a condition is either {item, op, value} or a single all: / "
                         "any: / not: (nest them to combine)"));
    EXPECT_TRUE(hasError(r, locate(y, "[]"), "'any' has no conditions; list at least one"));
    EXPECT_TRUE(hasError(r, locate(y, "[{item: a, op: answered}]}}\n      - {id: g"),
                         "show_if must be a map of 'key: value' lines, not a list"));
    EXPECT_TRUE(hasError(r, locate(y, "vlaue"), "unknown key 'vlaue' in show_if; did you mean 'value'?"));
}

// [SECTION] Bounds, options, pages

TEST(FormsValidate, ScaleAndNumberBounds) {
    const std::string y = withItems(
        "      - {id: a, type: number, label: {en: A, es: A}, min: 5, max: 5}\n"
        "      - {id: b, type: scale, label: {en: B, es: B}, max: -1}\n"
        "      - {id: c, type: scale, label: {en: C, es: C}, min: 0, max: 100}\n"
        "      - {id: d, type: scale, label: {en: D, es: D}, min: 0.5}\n"
        "      - {id: e, type: number, label: {en: E, es: E}, step: 0}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 5u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "5}"), "'max' must be greater than 'min' (min 5, max 5)"));
    EXPECT_TRUE(hasError(r, locate(y, "-1"), "'max' must be greater than 'min' (min 0, max -1)"));
    EXPECT_TRUE(hasError(r, locate(y, "100"),
                         "a scale from 0 to 100 has too many buttons; use at most 21 values (e.g. 0 to 10) or a number item"));
    EXPECT_TRUE(hasError(r, locate(y, "0.5"), "scale bounds are whole numbers; a scale shows one button per value"));
    Pos step = locate(y, "step: 0");
    step.col += 6;  // the value
    EXPECT_TRUE(hasError(r, step, "'step' must be greater than 0"));
}

TEST(FormsValidate, OptionsRowsAndPages) {
    const std::string y =
        "id: t\nversion: 1\ntitle: {en: T, es: T}\nlanguages: [en, es]\npages:\n"
        "  - id: p\n    title: {en: P, es: P}\n    items:\n"
        "      - {id: a, type: single, label: {en: A, es: A}, options: []}\n"
        "      - {id: b, type: single, label: {en: B, es: B}, options: [{value: x, label: {en: X, es: X}}]}\n"
        "      - {id: c, type: matrix, label: {en: C, es: C}, options: [{value: x, label: {en: X, es: X}}, {value: y, label: {en: Y, es: Y}}], rows: []}\n"
        "      - {id: d, type: multi, label: {en: D, es: D}, max_selected: 5, options: [{value: x, label: {en: X, es: X}, score: 1}]}\n"
        "      - {id: e, type: single, label: {en: E, es: E}, options: [{value: Yes Please, label: {en: X, es: X}}, {label: {en: Y, es: Y}}]}\n"
        "      - {id: f, type: single, label: {en: F, es: F}, options: [{value: 1a, label: {en: X, es: X}}, {value: 1, label: {en: Y, es: Y}}]}\n"
        "  - id: empty\n    title: {en: E, es: E}\n    items: []\n";
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 10u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "[]}"), "single item 'a' needs at least 2 options to choose from"));
    EXPECT_TRUE(hasError(r, locate(y, "[{value: x, label: {en: X, es: X}}]"), "single item 'b' needs at least 2 options to choose from"));
    EXPECT_TRUE(hasError(r, locate(y, "[]}\n      - {id: d"), "matrix item 'c' has no rows; add rows: [{id: ..., label: ...}]"));
    EXPECT_TRUE(hasError(r, locate(y, "5, options"), "'max_selected' must be a whole number from 0 to 1, not 5"));
    EXPECT_TRUE(hasError(r, locate(y, "1}]}"),
                         "'score' is used on single and matrix options, not multi; a multi item counts selected options in a 'count' score"));
    EXPECT_TRUE(hasError(r, locate(y, "Yes Please"),
                         "option value 'Yes Please' is not valid; ids are lowercase letters, digits and _, start with a "
                         "letter, and have at most 64 characters (e.g. 'yes_please')"));
    // Values start with a letter, as forms/README.md and form.schema.json say.
    EXPECT_TRUE(hasError(r, Pos{14, 72}, "option value '1a' is not valid; ids are lowercase letters, digits and _, "
                                         "start with a letter, and have at most 64 characters"));
    EXPECT_EQ(locate(y, "1a,").col, 72);
    EXPECT_TRUE(hasError(r, locate(y, "1, label"), "option value '1' is not valid; ids are lowercase letters, digits "
                                                  "and _, start with a letter, and have at most 64 characters"));
    EXPECT_TRUE(hasError(r, locate(y, "{label: {en: Y"), "an option of 'e' has no 'value'; add value: a_short_id (it is what the record stores)"));
    EXPECT_TRUE(hasError(r, locate(y, "[]\n"), "page 'empty' has no items; add at least one or remove the page"));
}

TEST(FormsValidate, InfoItemsTakeNoAnswer) {
    const std::string y = withItems("      - {id: a, type: info, label: {en: A, es: A}, required: true}\n");
    EXPECT_TRUE(hasError(load(y), locate(y, "true"),
                         "info items show text and take no answer, so they cannot be required; remove 'required'"));
    const std::string onlyInfo = withItems("      - {id: a, type: info, label: {en: A, es: A}}\n");
    EXPECT_TRUE(onlyError(load(onlyInfo), Pos{1, 1}, "the form has only info items; add at least one question"));
}

// [SECTION] Languages

TEST(FormsValidate, EveryTextHasEveryLanguageAndNoOther) {
    const std::string y = withItems(
        "      - id: a\n        type: scale\n"
        "        label: {en: Pain}\n"
        "        help: {en: H, es: H, fr: H}\n"
        "        min_label: Nothing\n"
        "        max_label: {en: Worst, es: \"\"}\n",
        "flags:\n  - {id: f, severity: urgent, label: {en: F, es: F}, explain: {es: E}, when: {item: a, op: answered}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 5u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "{en: Pain}"), "'label' has no 'es' text; every text needs each language in languages (en, es)"));
    EXPECT_TRUE(hasError(r, locate(y, "fr"), "'help' has a 'fr' text, but 'fr' is not in languages (en, es); add it to languages or remove this text"));
    EXPECT_TRUE(hasError(r, locate(y, "Nothing"),
                         "'min_label' is a single text, but the form has languages en, es; write it as {en: ..., es: ...}"));
    EXPECT_TRUE(hasError(r, locate(y, "\"\""), "the 'es' text of 'max_label' is empty; write the translation"));
    EXPECT_TRUE(hasError(r, locate(y, "{es: E}"), "'explain' has no 'en' text; every text needs each language in languages (en, es)"));
}

TEST(FormsValidate, MisspeltLanguageIsOneErrorAtLanguages) {
    std::string y = withItems(yesNo("a") + yesNo("b"));
    y.replace(y.find("[en, es]"), 8, "[en, sp]");
    const LoadResult r = load(y);
    // Not two errors per text ("has an 'es' text", "has no 'sp' text"): the list is what is wrong.
    EXPECT_TRUE(onlyError(r, Pos{4, 17},
                          "'sp' is in languages, but no text uses it; the texts use 'es' instead: did you mean 'es'?"));
    EXPECT_EQ(locate(y, "sp]").col, 17);
}

TEST(FormsValidate, UndeclaredLanguageSuggestionEndsTheMessage) {
    const std::string y = withItems("      - {id: a, type: yes_no, label: {en: A, es: A, esp: A}}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "esp"),
                          "'label' has a 'esp' text, but 'esp' is not in languages (en, es); add it to languages or "
                          "remove this text; did you mean 'es'?"));
}

TEST(FormsValidate, LanguagesList) {
    const std::string y = "id: t\nversion: 1\ntitle: {en: T}\nlanguages: [en, en, English]\npages:\n"
                          "  - id: p\n    title: {en: P}\n    items:\n      - {id: a, type: yes_no, label: {en: A}}\n";
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "en,", 1), "language 'en' is listed twice"));
    EXPECT_TRUE(hasError(r, locate(y, "English"), "language 'English' is not a language code; use ISO 639-1 codes such as en, es"));
}

// [SECTION] Scores

TEST(FormsValidate, ScoreItemsMustBeNumeric) {
    const std::string y = withItems(
        "      - {id: name, type: text, label: {en: N, es: N}}\n"
        "      - {id: born, type: date, label: {en: B, es: B}}\n"
        "      - {id: meds, type: multi, label: {en: M, es: M}, options: [{value: a, label: {en: A, es: A}}]}\n"
        "      - {id: sleep, type: single, label: {en: S, es: S}, options: [{value: well, label: {en: W, es: W}, score: 0}, {value: badly, label: {en: B, es: B}}]}\n"
        "      - {id: hello, type: info, label: {en: H, es: H}}\n"
        "      - {id: w, type: number, label: {en: W, es: W}}\n" +
        yesNo("smoker"),
        "scores:\n"
        "  - {id: a, label: {en: S, es: S}, method: mean, items: [name, born, meds, sleep, hello, smoker]}\n"
        "  - {id: b, label: {en: S, es: S}, method: count, items: [meds, name, smoker]}\n"
        "  - {id: c, label: {en: S, es: S}, items: [w, smoker], reverse: [w, smokr]}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 7u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "name, born"), "score 'a' cannot average 'name', a text item; use number, scale, yes_no, single or matrix items"));
    EXPECT_TRUE(hasError(r, locate(y, "born, meds"), "score 'a' cannot average 'born', a date item; use number, scale, yes_no, single or matrix items"));
    EXPECT_TRUE(hasError(r, locate(y, "meds, sleep"),
                         "score 'a' cannot average 'meds', a multi item; use number, scale, yes_no, single or matrix items, or method: count"));
    EXPECT_TRUE(hasError(r, locate(y, "sleep, hello"),
                         "score 'a' uses 'sleep', but its option 'badly' (line 12) has no 'score'; give every option a score: N"));
    EXPECT_TRUE(hasError(r, locate(y, "hello, smoker"), "score 'a' lists 'hello', an info item, which has no answer"));
    EXPECT_TRUE(hasError(r, locate(y, "w, smokr"), "'w' is reverse-scored but has no min and max; reverse scoring uses min + max - value"));
    EXPECT_TRUE(hasError(r, locate(y, "smokr"), "reverse lists 'smokr', which is not in the items of score 'c'; did you mean 'smoker'?"));
}

TEST(FormsValidate, ScoreOptionsAndBands) {
    const std::string y = withItems(
        yesNo("a") + yesNo("b"),
        "scores:\n"
        "  - id: s\n    label: {en: S, es: S}\n    method: max\n    items: [a, b, a]\n"
        "    missing: {min_answered: 3, prorate: true}\n"
        "    bands:\n"
        "      - {min: 0, max: 1, label: {en: L, es: L}}\n"
        "      - {min: 1, max: 2, label: {en: M, es: M}}\n"
        "      - {min: 4, max: 3, label: {en: H, es: H}}\n"
        "  - {id: t, label: {en: T, es: T}, method: count, items: [a], reverse: [a]}\n"
        "  - {id: u, label: {en: U, es: U}, items: []}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 7u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "a]\n"), "score 's' lists 'a' twice (a matrix id includes all its rows)"));
    EXPECT_TRUE(hasError(r, locate(y, "3, prorate"), "'min_answered' must be a whole number from 1 to 2, not 3"));
    EXPECT_TRUE(hasError(r, locate(y, "true}"), "'prorate' scales up a sum; it has no meaning for method: max"));
    EXPECT_TRUE(hasError(r, locate(y, "{min: 1"),
                         "band 1..2 overlaps band 0..1 (line 22); bands include both ends, so each must start above the previous max"));
    EXPECT_TRUE(hasError(r, locate(y, "3, label"), "band max 3 is below its min 4"));
    EXPECT_TRUE(hasError(r, locate(y, "[a]}"), "'reverse' has no meaning for method: count; remove it"));
    EXPECT_TRUE(hasError(r, locate(y, "[]}"), "score 'u' has no items; list the items it adds up"));
}

TEST(FormsValidate, BandsLeaveNoGap) {
    const std::string y = withItems(
        "      - {id: p1, type: scale, label: {en: P, es: P}}\n"
        "      - {id: p2, type: scale, label: {en: P, es: P}}\n",
        "scores:\n"
        "  - id: mean_pain\n    label: {en: S, es: S}\n    method: mean\n    items: [p1, p2]\n"
        "    bands:\n"
        "      - {min: 0, max: 3.9, label: {en: L, es: L}}\n"
        "      - {min: 4.5, max: 6.9, label: {en: M, es: M}}\n"   // 4 to 4.4 has no band
        "      - {min: 7, max: 10, label: {en: H, es: H}}\n"
        "  - id: total\n    label: {en: T, es: T}\n    items: [p1, p2]\n"
        "    bands:\n"
        "      - {min: 0, max: 3, label: {en: L, es: L}}\n"       // fine: a sum of scales is whole
        "      - {min: 4, max: 9, label: {en: M, es: M}}\n"
        "      - {min: 12, max: 20, label: {en: H, es: H}}\n");    // 10 and 11 have no band
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_EQ(r.errors[0].format(), "forms/t.yaml:18:9: error: no band covers 4 to 4.4: the band before (line 17) ends "
                                    "at 3.9; start this band at 4 (the score is rounded to 1 decimal)");
    EXPECT_EQ(locate(y, "{min: 4.5").line, 18);
    EXPECT_TRUE(hasError(r, locate(y, "{min: 12"), "no band covers 10 to 11: the band before (line 25) ends at 9; "
                                                   "start this band at 10 (the score is a whole number)"));
}

TEST(FormsValidate, BandsOutsideWhatTheScoreCanReach) {
    const std::string y = withItems(
        yesNo("a") + yesNo("b") + "      - {id: where, type: body_map, label: {en: W, es: W}}\n",
        "scores:\n"
        "  - id: yeses\n    label: {en: S, es: S}\n    items: [a, b]\n"
        "    bands:\n"
        "      - {min: 0, max: 2, label: {en: L, es: L}}\n"
        "      - {min: 3, max: 5, label: {en: M, es: M}}\n"        // a sum of two yes_no is 0 to 2
        "  - id: areas\n    label: {en: A, es: A}\n    method: count\n    items: [where]\n    decimals: 0\n"
        "    bands:\n"
        "      - {min: 0, max: 6, label: {en: L, es: L}}\n"
        "      - {min: 7, max: 100, label: {en: M, es: M}}\n");   // fine: open-ended at the top
    const LoadResult r = load(y);
    EXPECT_TRUE(onlyError(r, Pos{22, 9}, "band 3..5 can never apply: score 'yeses' goes from 0 to 2")) << dump(r);
    EXPECT_EQ(locate(y, "{min: 3").line, 22);
}

TEST(FormsValidate, BodyMapScoresReadBodyMapsOnly) {
    const std::string y = withItems(
        "      - {id: where, type: body_map, label: {en: W, es: W}, detail: [intensity]}\n"
        "      - {id: plain, type: body_map, label: {en: P, es: P}}\n"
        "      - {id: pain, type: scale, label: {en: P, es: P}}\n",
        "scores:\n"
        "  - {id: a, label: {en: A, es: A}, method: wpi, items: [where, pain]}\n"
        "  - {id: b, label: {en: B, es: B}, method: worst_region, items: [plain]}\n"
        "  - {id: c, label: {en: C, es: C}, method: generalized_pain, items: [where], reverse: [where]}\n"
        "  - {id: d, label: {en: D, es: D}, method: mean, items: [where]}\n"
        "  - id: e\n    label: {en: E, es: E}\n    method: wpi\n    items: [where, plain]\n"
        "    bands:\n"
        "      - {min: 0, max: 6, label: {en: L, es: L}}\n"
        "      - {min: 7, max: 19, label: {en: H, es: H}}\n"
        "      - {min: 20, max: 30, label: {en: X, es: X}}\n"   // the index stops at 19
        "  - {id: f, label: {en: F, es: F}, method: painful_regions, items: [where, plain], missing: {prorate: true}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 6u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "pain]}"), "score 'a' has method: wpi, which reads body-map regions, but 'pain' is "
                                                "a scale item; list body_map items only"));
    EXPECT_TRUE(hasError(r, locate(y, "plain]}"), "score 'b' has method: worst_region, which compares how strong the "
                                                 "pain is in each region, but 'plain' does not ask; add detail: "
                                                 "[intensity] to it"));
    EXPECT_TRUE(hasError(r, locate(y, "[where]}"), "'reverse' has no meaning for method: generalized_pain; remove it"));
    EXPECT_TRUE(hasError(r, locate(y, "where]}\n  - id: e"),
                         "score 'd' cannot average 'where', a body_map item; use number, scale, yes_no, single or "
                         "matrix items, or method: count, painful_regions, wpi, generalized_pain or worst_region"));
    EXPECT_TRUE(hasError(r, locate(y, "{min: 20"), "band 20..30 can never apply: score 'e' goes from 0 to 19"));
    EXPECT_TRUE(hasError(r, locate(y, "true}"), "'prorate' scales up a sum; it has no meaning for method: painful_regions"));
}

TEST(FormsValidate, ScoreIdMustDifferFromItemIds) {
    const std::string y = withItems(yesNo("pain"), "scores:\n  - {id: pain, label: {en: S, es: S}, items: [pain]}\n");
    EXPECT_TRUE(onlyError(load(y), locate(y, "pain, label"),
                          "score id 'pain' is also the id of an item (line 9); give the score its own id, e.g. 'pain_score'"));
}

TEST(FormsValidate, WholeMatrixAndItsRowCountTwice) {
    const std::string y = withItems(
        "      - id: m\n        type: matrix\n        label: {en: M, es: M}\n"
        "        options: [{value: no, label: {en: N, es: N}, score: 0}, {value: yes, label: {en: Y, es: Y}, score: 1}]\n"
        "        rows: [{id: r1, label: {en: R, es: R}}, {id: r2, label: {en: R, es: R}}]\n",
        "scores:\n  - {id: s, label: {en: S, es: S}, items: [m.r1, m], missing: {min_answered: 2}}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "m]"), "score 's' lists 'm' twice (a matrix id includes all its rows)"));
    // Only m.r1 counted, so min_answered may be 1 at most.
    EXPECT_TRUE(hasError(r, locate(y, "2}}"), "'min_answered' must be a whole number from 1 to 1, not 2"));
}

// [SECTION] All errors, not only the first

TEST(FormsValidate, ReportsEveryErrorAndNoForm) {
    const std::string y = withItems(
        "      - {id: a, type: yes_no, label: {en: A}}\n"          // missing es
        "      - {id: b, type: scael, label: {en: B, es: B}}\n"    // bad type
        "      - {id: a, type: yes_no, label: {en: C, es: C}}\n"   // duplicate id
        "      - {id: d, type: yes_no, label: {en: D, es: D}, show_if: {item: zzz, op: answered}}\n",
        "scores:\n  - {id: s, label: {en: S, es: S}, method: avg, items: [a]}\n");
    const LoadResult r = load(y);
    EXPECT_EQ(r.form, nullptr);
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.errors.size(), 5u) << dump(r);
    // In file order, whatever order the checks ran in.
    for (size_t i = 1; i < r.errors.size(); ++i)
        EXPECT_LE(std::make_pair(r.errors[i - 1].where.line, r.errors[i - 1].where.col),
                  std::make_pair(r.errors[i].where.line, r.errors[i].where.col));
    for (const auto& e : r.errors) EXPECT_EQ(e.where.file, "forms/t.yaml");
}

TEST(FormsValidate, ErrorFloodIsCapped) {
    std::string items;
    for (int i = 0; i < 300; ++i) items += "      - {id: a" + std::to_string(i) + ", type: nope, label: {en: A, es: A}}\n";
    const LoadResult r = load(withItems(items));
    ASSERT_EQ(r.errors.size(), 101u);
    EXPECT_EQ(r.errors.back().message, "too many errors; fix the ones above first");
    EXPECT_EQ(r.errors.back().where.line, 0);
}
