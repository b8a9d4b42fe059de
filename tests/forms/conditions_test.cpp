#include "kiosk/forms/conditions.h"

#include <gtest/gtest.h>

#include "support/form_builder.h"

using namespace kiosk::testing;

namespace {

Form allTypes() {
    return form({page("p1", {yesNo("yn"), consent("ok"), number("hours", 0, 24), scale("pain"),
                             text("note"), single("sex", {opt("f"), opt("m"), opt("x")}),
                             multi("where", {opt("neck"), opt("back"), opt("none")}), date("dob"),
                             matrix("m", {"r1", "r2"}, {opt("never", 0), opt("often", 2)}),
                             bodyMap("map"), signature("sig")})});
}

bool eval(const Form& f, const Condition& c, const Answers& a) { return evaluate(c, f, a); }

}  // namespace

TEST(FormsConditions, BoolEqualsAndNotEquals) {
    const Form f = allTypes();
    Answers a{{"yn", true}, {"ok", false}};
    EXPECT_TRUE(eval(f, cmp("yn", CondOp::Eq, true), a));
    EXPECT_FALSE(eval(f, cmp("yn", CondOp::Eq, false), a));
    EXPECT_TRUE(eval(f, cmp("yn", CondOp::Ne, false), a));
    EXPECT_TRUE(eval(f, cmp("ok", CondOp::Eq, false), a));
    EXPECT_FALSE(eval(f, cmp("yn", CondOp::Lt, true), a)) << "ordering means nothing for yes/no";
    EXPECT_FALSE(eval(f, cmp("yn", CondOp::Eq, 1.0), a)) << "a number literal does not match a bool";
}

TEST(FormsConditions, NumberComparisonsOnEveryOperator) {
    const Form f = allTypes();
    Answers a{{"pain", 4.0}};
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::Eq, 4.0), a));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Ne, 4.0), a));
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::Ge, 4.0), a));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Gt, 4.0), a));
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::Gt, 3.5), a));
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::Le, 4.0), a));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Lt, 4.0), a));
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::Lt, 5.0), a));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Eq, std::string("4")), a));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Includes, 4.0), a));
}

TEST(FormsConditions, StringsAndSingleChoice) {
    const Form f = allTypes();
    Answers a{{"sex", std::string("f")}, {"note", std::string("hello")}};
    EXPECT_TRUE(eval(f, cmp("sex", CondOp::Eq, std::string("f")), a));
    EXPECT_TRUE(eval(f, cmp("sex", CondOp::Ne, std::string("m")), a));
    EXPECT_FALSE(eval(f, cmp("sex", CondOp::Lt, std::string("m")), a));
    EXPECT_TRUE(eval(f, cmp("note", CondOp::Eq, std::string("hello")), a));
}

TEST(FormsConditions, MultiIncludesExcludesAndEqualityAsMembership) {
    const Form f = allTypes();
    Answers a{{"where", std::vector<std::string>{"neck", "back"}}};
    EXPECT_TRUE(eval(f, cmp("where", CondOp::Includes, std::string("back")), a));
    EXPECT_FALSE(eval(f, cmp("where", CondOp::Includes, std::string("none")), a));
    EXPECT_TRUE(eval(f, cmp("where", CondOp::Excludes, std::string("none")), a));
    EXPECT_FALSE(eval(f, cmp("where", CondOp::Excludes, std::string("neck")), a));
    EXPECT_TRUE(eval(f, cmp("where", CondOp::Eq, std::string("neck")), a));
    EXPECT_TRUE(eval(f, cmp("where", CondOp::Ne, std::string("none")), a));
    EXPECT_FALSE(eval(f, cmp("where", CondOp::Gt, std::string("neck")), a));
}

TEST(FormsConditions, DatesCompareWithIsoLiterals) {
    const Form f = allTypes();
    Answers a{{"dob", Date{1950, 3, 14}}};
    EXPECT_TRUE(eval(f, cmp("dob", CondOp::Eq, std::string("1950-03-14")), a));
    EXPECT_TRUE(eval(f, cmp("dob", CondOp::Lt, std::string("1960-01-01")), a));
    EXPECT_TRUE(eval(f, cmp("dob", CondOp::Ge, std::string("1950-03-14")), a));
    EXPECT_FALSE(eval(f, cmp("dob", CondOp::Gt, std::string("1950-03-14")), a));
    EXPECT_TRUE(eval(f, cmp("dob", CondOp::Ne, std::string("1950-03-15")), a));
    EXPECT_FALSE(eval(f, cmp("dob", CondOp::Lt, std::string("1960-13-01")), a)) << "bad literal";
    EXPECT_FALSE(eval(f, cmp("dob", CondOp::Ne, std::string("14/03/1950")), a)) << "bad literal";
}

TEST(FormsConditions, MatrixRowComparesItsOptionValue) {
    const Form f = allTypes();
    Answers a{{"m", MatrixAnswer{{"r1", "often"}}}};
    EXPECT_TRUE(eval(f, cmp("m.r1", CondOp::Eq, std::string("often")), a));
    EXPECT_FALSE(eval(f, cmp("m.r1", CondOp::Eq, std::string("never")), a));
    EXPECT_TRUE(eval(f, cmp("m.r1", CondOp::Answered), a));
    EXPECT_TRUE(eval(f, cmp("m.r2", CondOp::NotAnswered), a));
    EXPECT_FALSE(eval(f, cmp("m.r2", CondOp::Ne, std::string("often")), a)) << "unanswered row";
    EXPECT_FALSE(eval(f, cmp("m.r9", CondOp::NotAnswered), a)) << "unknown row is never true";
    EXPECT_TRUE(eval(f, cmp("m", CondOp::Answered), a));
    EXPECT_FALSE(eval(f, cmp("m", CondOp::Eq, std::string("often")), a));
}

TEST(FormsConditions, BodyMapByRegionId) {
    const Form f = allTypes();
    Answers a{{"map", BodyMapAnswer{{"lower_back_l", 6, {}}, {"neck_back_r", std::nullopt, {}}}}};
    EXPECT_TRUE(eval(f, cmp("map", CondOp::Includes, std::string("lower_back_l")), a));
    EXPECT_FALSE(eval(f, cmp("map", CondOp::Includes, std::string("lower_back_r")), a));
    EXPECT_TRUE(eval(f, cmp("map", CondOp::Excludes, std::string("knee_front_l")), a));
    EXPECT_FALSE(eval(f, cmp("map", CondOp::Excludes, std::string("neck_back_r")), a));
}

TEST(FormsConditions, UnansweredMakesEveryComparisonFalseLikeFhirEnableWhen) {
    const Form f = allTypes();
    const Answers none;
    for (CondOp op : {CondOp::Eq, CondOp::Ne, CondOp::Lt, CondOp::Le, CondOp::Gt, CondOp::Ge})
        EXPECT_FALSE(eval(f, cmp("pain", op, 3.0), none)) << static_cast<int>(op);
    EXPECT_FALSE(eval(f, cmp("yn", CondOp::Ne, true), none));
    EXPECT_FALSE(eval(f, cmp("where", CondOp::Excludes, std::string("neck")), none));
    EXPECT_FALSE(eval(f, cmp("map", CondOp::Excludes, std::string("neck_back_r")), none));
    EXPECT_TRUE(eval(f, cmp("pain", CondOp::NotAnswered), none));
    EXPECT_FALSE(eval(f, cmp("pain", CondOp::Answered), none));
}

TEST(FormsConditions, EmptyValuesCountAsNotAnswered) {
    const Form f = allTypes();
    Answers a{{"note", std::string()}, {"where", std::vector<std::string>{}}, {"sig", Signature{}}};
    EXPECT_TRUE(eval(f, cmp("note", CondOp::NotAnswered), a));
    EXPECT_TRUE(eval(f, cmp("where", CondOp::NotAnswered), a));
    EXPECT_TRUE(eval(f, cmp("sig", CondOp::NotAnswered), a));
    Answers signed_{{"sig", Signature{{{{0.1f, 0.2f}}}}}};
    EXPECT_TRUE(eval(f, cmp("sig", CondOp::Answered), signed_));
}

TEST(FormsConditions, AllAnyNotAndUnknownItems) {
    const Form f = allTypes();
    Answers a{{"pain", 7.0}, {"yn", true}};
    const Condition high = cmp("pain", CondOp::Ge, 6.0);
    const Condition no = cmp("yn", CondOp::Eq, false);
    EXPECT_TRUE(eval(f, allOf({high}), a));
    EXPECT_FALSE(eval(f, allOf({high, no}), a));
    EXPECT_TRUE(eval(f, anyOf({high, no}), a));
    EXPECT_FALSE(eval(f, anyOf({no}), a));
    EXPECT_TRUE(eval(f, notOf(no), a));
    EXPECT_FALSE(eval(f, notOf(high), a));
    EXPECT_TRUE(eval(f, allOf({}), a)) << "all of nothing holds";
    EXPECT_FALSE(eval(f, anyOf({}), a)) << "any of nothing does not";
    EXPECT_FALSE(eval(f, cmp("ghost", CondOp::NotAnswered), a)) << "unknown item";
    EXPECT_TRUE(eval(f, anyOf({cmp("yn", CondOp::Ne, true), cmp("yn", CondOp::NotAnswered)}), {}))
        << "the documented idiom for 'not yes, or unanswered'";
}

TEST(FormsVisibility, ItemsAndPagesFollowShowIf) {
    const Form f = form({
        page("p1", {yesNo("hurts"), shownIf(scale("pain"), cmp("hurts", CondOp::Eq, true))}),
        page("p2", {text("where")}, cmp("pain", CondOp::Ge, 5.0)),
        page("p3", {text("other")}),
    });
    Visibility v = computeVisibility(f, {});
    EXPECT_TRUE(v.pageShown(0));
    EXPECT_TRUE(v.itemShown("hurts"));
    EXPECT_FALSE(v.itemShown("pain"));
    EXPECT_FALSE(v.pageShown(1));
    EXPECT_FALSE(v.itemShown("where")) << "items of a hidden page are hidden";
    EXPECT_TRUE(v.pageShown(2));
    EXPECT_FALSE(v.pageShown(7));

    v = computeVisibility(f, {{"hurts", true}, {"pain", 6.0}});
    EXPECT_TRUE(v.itemShown("pain"));
    EXPECT_TRUE(v.pageShown(1));
    EXPECT_TRUE(v.itemShown("where"));
}

TEST(FormsVisibility, AHiddenItemsAnswerDoesNotCount) {
    // pain stays answered in the map, but "hurts" is no, so pain is hidden and its 9 must not
    // reveal page p2.
    const Form f = form({
        page("p1", {yesNo("hurts"), shownIf(scale("pain"), cmp("hurts", CondOp::Eq, true))}),
        page("p2", {text("where")}, cmp("pain", CondOp::Ge, 5.0)),
    });
    const Answers a{{"hurts", false}, {"pain", 9.0}, {"where", std::string("x")}};
    const Visibility v = computeVisibility(f, a);
    EXPECT_FALSE(v.itemShown("pain"));
    EXPECT_FALSE(v.pageShown(1));
    const Answers kept = shownAnswers(a, v);
    EXPECT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept.count("hurts"), 1u);
}

TEST(FormsVisibility, ChainsResolveInFormOrder) {
    const Form f = form({page("p1", {yesNo("a"), shownIf(yesNo("b"), cmp("a", CondOp::Eq, true)),
                                     shownIf(yesNo("c"), cmp("b", CondOp::Eq, true))})});
    EXPECT_TRUE(computeVisibility(f, {{"a", true}, {"b", true}}).itemShown("c"));
    EXPECT_FALSE(computeVisibility(f, {{"a", false}, {"b", true}}).itemShown("c"))
        << "b is hidden, so its yes does not count for c";
}
