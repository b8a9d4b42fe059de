// `repeats: true` on number and date items: a list of values, bounded by max_answers, each value
// checked as the single answer would be; what the form file may not combine with it.
#include <gtest/gtest.h>

#include "form_test_util.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/conditions.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

TEST(FormsRepeatsList, NumberAndDateItemsTakeAListBoundedByMaxAnswers) {
    const LoadResult r = load(withItems(
        "      - {id: visits, type: number, label: {en: V, es: V}, min: 0, max: 20, repeats: true}\n"
        "      - {id: falls, type: date, label: {en: F, es: F}, past_only: true, repeats: true, max_answers: 3}\n"
        "      - {id: once, type: number, label: {en: O, es: O}}\n"));
    ASSERT_TRUE(r.form) << dump(r);
    EXPECT_TRUE(r.form->findItem("visits")->repeats);
    EXPECT_EQ(r.form->findItem("visits")->maxAnswers, 10) << "the default bound";
    EXPECT_TRUE(r.form->findItem("falls")->repeats);
    EXPECT_EQ(r.form->findItem("falls")->maxAnswers, 3);
    EXPECT_FALSE(r.form->findItem("once")->repeats);
}

TEST(FormsRepeatsList, WhatCannotGoWithItIsAnErrorWhereItIs) {
    const std::string y = withItems(
        "      - {id: a, type: number, label: {en: A, es: A}, max_answers: 4}\n"
        "      - {id: b, type: date, label: {en: B, es: B}, repeats: true, max_answers: 51}\n"
        "      - {id: c, type: number, label: {en: C, es: C}, repeats: true, initial: 3}\n"
        "      - {id: d, type: scale, label: {en: D, es: D}, repeats: true}\n",
        "scores:\n  - {id: s, label: {en: S, es: S}, method: sum, items: [c]}\n");
    const LoadResult r = load(y);
    EXPECT_FALSE(r.form);
    EXPECT_EQ(r.errors.size(), 5u) << dump(r);
    EXPECT_TRUE(hasError(r, locate(y, "4}"), "'max_answers' is for items with repeats: true; add it or remove 'max_answers'"));
    EXPECT_TRUE(hasError(r, locate(y, "51}"), "'max_answers' must be a whole number from 2 to 50, not 51"));
    EXPECT_TRUE(hasError(r, locate(y, "3}"),
                         "'initial' is not for items with repeats: true: the patient adds each value; remove 'initial'"));
    EXPECT_TRUE(hasError(r, locate(y, "repeats", 2),
                         "'repeats' is used by text, number, date items, not by scale items; remove it or change the type"));
    EXPECT_TRUE(hasError(r, locate(y, "c]"),
                         "score 's' cannot use 'c': it repeats (several values); use method: count, or an item without repeats"));
}

TEST(FormsRepeatsList, EachValueIsCheckedAndTheListIsBounded) {
    const LoadResult r = load(withItems(
        "      - {id: visits, type: number, label: {en: V, es: V}, min: 0, max: 20, repeats: true, max_answers: 3}\n"
        "      - {id: falls, type: date, label: {en: F, es: F}, past_only: true, repeats: true}\n"));
    ASSERT_TRUE(r.form) << dump(r);
    const Item& visits = *r.form->findItem("visits");
    const Item& falls = *r.form->findItem("falls");
    EXPECT_FALSE(checkAnswer(visits, Answer{NumberList{2, 5, 20}}, std::nullopt));
    const auto outOfRange = checkAnswer(visits, Answer{NumberList{2, 25}}, std::nullopt);
    ASSERT_TRUE(outOfRange);
    EXPECT_EQ(describe(visits, *outOfRange), "answer to 'visits[1]' is out of range: must be 0 to 20");
    const auto tooMany = checkAnswer(visits, Answer{NumberList{1, 2, 3, 4}}, std::nullopt);
    ASSERT_TRUE(tooMany);
    EXPECT_EQ(describe(visits, *tooMany), "answer to 'visits' has too many values: at most 3");
    const auto single = checkAnswer(visits, Answer{2.0}, std::nullopt);
    ASSERT_TRUE(single);
    EXPECT_EQ(describe(visits, *single), "answer to 'visits' has the wrong type: expected a list of numbers, e.g. [2, 5]");
    const Date today{2026, 12, 6};
    EXPECT_FALSE(checkAnswer(falls, Answer{DateList{{2026, 1, 3}, {2026, 10, 30}}}, today));
    const auto future = checkAnswer(falls, Answer{DateList{{2026, 1, 3}, {2027, 1, 1}}}, today);
    ASSERT_TRUE(future);
    EXPECT_EQ(describe(falls, *future), "answer to 'falls[1]' is in the future: the item allows past dates only");
}

TEST(FormsRepeatsList, AConditionOnItHoldsWhenAnyValueMatches) {
    const std::string y = withItems(
        "      - {id: visits, type: number, label: {en: V, es: V}, repeats: true}\n"
        "      - {id: many, type: yes_no, label: {en: M, es: M}, show_if: {item: visits, op: '>=', value: 5}}\n");
    const LoadResult r = load(y);
    ASSERT_TRUE(r.form) << dump(r);
    const Condition& c = *r.form->findItem("many")->showIf;
    EXPECT_TRUE((evaluate(c, *r.form, Answers{{"visits", NumberList{1, 6}}})));
    EXPECT_FALSE(evaluate(c, *r.form, Answers{{"visits", NumberList{1, 4}}}));
    EXPECT_FALSE(evaluate(c, *r.form, Answers{}));
}
