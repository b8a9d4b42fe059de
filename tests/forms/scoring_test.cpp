#include "kiosk/forms/scoring.h"

#include <gtest/gtest.h>

#include "kiosk/bodymap/regions.h"
#include "support/form_builder.h"

using namespace kiosk::testing;

namespace {

Score score(std::string id, ScoreMethod method, std::vector<std::string> items) {
    Score s;
    s.id = std::move(id);
    s.method = method;
    s.items = std::move(items);
    return s;
}

ScoreBand band(double min, double max, std::string label) {
    ScoreBand b;
    b.min = min;
    b.max = max;
    b.label = txt(std::move(label));
    return b;
}

// Four 0..4 items, like a short functional questionnaire.
std::vector<Option> freq() { return {opt("never", 0), opt("rarely", 1), opt("sometimes", 2), opt("often", 3), opt("always", 4)}; }

Form fourItems() {
    return form({page("p", {single("q1", freq()), single("q2", freq()), single("q3", freq()),
                            single("q4", freq()), scale("pain"), number("hours", 0, 24),
                            yesNo("y1"), yesNo("y2"), yesNo("y3"),
                            multi("aids", {opt("cane", 1), opt("walker", 2), opt("none")}),
                            bodyMap("map"), text("note"),
                            matrix("m", {"a", "b", "c"}, {opt("no", 0), opt("some", 1), opt("lots", 2)})})});
}

}  // namespace

TEST(FormsScoring, SumOfOptionScoresWithBands) {
    const Form f = fourItems();
    Score s = score("func", ScoreMethod::Sum, {"q1", "q2", "q3", "q4"});
    s.bands = {band(0, 4, "low"), band(5, 10, "moderate"), band(11, 16, "high")};
    const Answers a{{"q1", std::string("often")}, {"q2", std::string("always")},
                    {"q3", std::string("never")}, {"q4", std::string("rarely")}};
    const ScoreOutcome o = computeScore(s, f, a);
    ASSERT_TRUE(o.value);
    EXPECT_DOUBLE_EQ(*o.value, 3 + 4 + 0 + 1);
    EXPECT_EQ(o.answered, 4);
    EXPECT_EQ(o.total, 4);
    ASSERT_NE(o.band, nullptr);
    EXPECT_EQ(o.band->label.get("en"), "moderate");
}

TEST(FormsScoring, BandsAreInclusiveAtBothEnds) {
    const Form f = fourItems();
    Score s = score("p", ScoreMethod::Max, {"pain"});
    s.bands = {band(0, 3, "mild"), band(4, 6, "moderate"), band(7, 10, "severe")};
    auto label = [&](double v) {
        const ScoreOutcome o = computeScore(s, f, {{"pain", v}});
        return o.band ? o.band->label.get("en") : std::string("none");
    };
    EXPECT_EQ(label(0), "mild");
    EXPECT_EQ(label(3), "mild");
    EXPECT_EQ(label(4), "moderate");
    EXPECT_EQ(label(6), "moderate");
    EXPECT_EQ(label(7), "severe");
    EXPECT_EQ(label(10), "severe");
    s.bands = {band(0, 3, "mild")};
    EXPECT_EQ(label(5), "none");
}

TEST(FormsScoring, ReverseUsesOptionMinAndMax) {
    const Form f = fourItems();
    Score s = score("func", ScoreMethod::Sum, {"q1", "q2"});
    s.reverse = {"q2"};
    // q1 often = 3; q2 rarely = 1 reversed over 0..4 = 0 + 4 - 1 = 3
    const ScoreOutcome o = computeScore(s, f, {{"q1", std::string("often")}, {"q2", std::string("rarely")}});
    ASSERT_TRUE(o.value);
    EXPECT_DOUBLE_EQ(*o.value, 6);
}

TEST(FormsScoring, ReverseUsesItemMinAndMaxForNumbersAndScales) {
    const Form f = fourItems();
    Score s = score("x", ScoreMethod::Sum, {"pain", "hours"});
    s.reverse = {"pain", "hours"};
    // pain 2 over 0..10 -> 8; hours 6 over 0..24 -> 18
    const ScoreOutcome o = computeScore(s, f, {{"pain", 2.0}, {"hours", 6.0}});
    ASSERT_TRUE(o.value);
    EXPECT_DOUBLE_EQ(*o.value, 26);
}

TEST(FormsScoring, YesNoCountsOneAndZeroAndReverses) {
    const Form f = fourItems();
    const Answers a{{"y1", true}, {"y2", false}, {"y3", true}};
    EXPECT_DOUBLE_EQ(*computeScore(score("s", ScoreMethod::Sum, {"y1", "y2", "y3"}), f, a).value, 2);
    Score r = score("s", ScoreMethod::Sum, {"y1", "y2", "y3"});
    r.reverse = {"y1"};
    EXPECT_DOUBLE_EQ(*computeScore(r, f, a).value, 1);
    Score c = score("c", ScoreMethod::Count, {"y1", "y2", "y3"});
    EXPECT_DOUBLE_EQ(*computeScore(c, f, a).value, 2) << "count of yes";
    c.reverse = {"y2"};
    EXPECT_DOUBLE_EQ(*computeScore(c, f, a).value, 3) << "a reversed no counts";
}

TEST(FormsScoring, MatrixIdMeansAllRowsAndRowsCanBeNamed) {
    const Form f = fourItems();
    const Answers a{{"m", MatrixAnswer{{"a", "lots"}, {"b", "some"}, {"c", "no"}}}};
    const ScoreOutcome all = computeScore(score("m", ScoreMethod::Sum, {"m"}), f, a);
    EXPECT_EQ(all.total, 3);
    EXPECT_EQ(all.answered, 3);
    EXPECT_DOUBLE_EQ(*all.value, 3);
    Score rows = score("r", ScoreMethod::Sum, {"m.a", "m.b"});
    rows.reverse = {"m.a"};  // lots=2 over 0..2 -> 0
    EXPECT_DOUBLE_EQ(*computeScore(rows, f, a).value, 1);
}

TEST(FormsScoring, ProrateScalesASumUpToAllItems) {
    const Form f = fourItems();
    Score s = score("func", ScoreMethod::Sum, {"q1", "q2", "q3", "q4"});
    s.prorate = true;
    s.minAnswered = 3;
    // 3 + 2 + 4 = 9 over 3 answered of 4 -> 9 * 4 / 3 = 12
    const ScoreOutcome o = computeScore(
        s, f, {{"q1", std::string("often")}, {"q2", std::string("sometimes")}, {"q3", std::string("always")}});
    ASSERT_TRUE(o.value);
    EXPECT_DOUBLE_EQ(*o.value, 12);
    EXPECT_EQ(o.answered, 3);
    EXPECT_EQ(o.total, 4);
    s.prorate = false;
    EXPECT_DOUBLE_EQ(*computeScore(s, f, {{"q1", std::string("often")}, {"q2", std::string("sometimes")},
                                          {"q3", std::string("always")}}).value, 9);
}

TEST(FormsScoring, MinAnsweredLeavesTheScoreEmpty) {
    const Form f = fourItems();
    Score s = score("func", ScoreMethod::Sum, {"q1", "q2", "q3", "q4"});
    s.minAnswered = 3;
    const ScoreOutcome o = computeScore(s, f, {{"q1", std::string("often")}, {"q2", std::string("never")}});
    EXPECT_FALSE(o.value);
    EXPECT_EQ(o.answered, 2);
    EXPECT_EQ(o.total, 4);
    EXPECT_EQ(o.band, nullptr);
    EXPECT_FALSE(computeScore(score("x", ScoreMethod::Sum, {"q1"}), f, {}).value)
        << "default min_answered is 1";
}

TEST(FormsScoring, MeanRoundsToDecimals) {
    const Form f = fourItems();
    Score s = score("mean", ScoreMethod::Mean, {"q1", "q2", "q3"});
    s.decimals = 2;
    // (3 + 1 + 1) / 3 = 1.6666.. -> 1.67
    const Answers a{{"q1", std::string("often")}, {"q2", std::string("rarely")}, {"q3", std::string("rarely")}};
    EXPECT_DOUBLE_EQ(*computeScore(s, f, a).value, 1.67);
    s.decimals = 0;
    EXPECT_DOUBLE_EQ(*computeScore(s, f, a).value, 2);
    s.decimals = 1;
    EXPECT_DOUBLE_EQ(*computeScore(s, f, a).value, 1.7);
    EXPECT_DOUBLE_EQ(roundTo(2.5, 0), 3) << "half away from zero";
}

TEST(FormsScoring, ProratedValueIsRoundedAfterProrating) {
    const Form f = fourItems();
    Score s = score("func", ScoreMethod::Sum, {"q1", "q2", "q3"});
    s.prorate = true;
    s.decimals = 1;
    // (3 + 1) * 3 / 2 = 6.0 ; (3 + 2) * 3 / 2 = 7.5 ; then 1 of 3: 1 * 3 = 3
    EXPECT_DOUBLE_EQ(*computeScore(s, f, {{"q1", std::string("often")}, {"q2", std::string("sometimes")}}).value, 7.5);
    Score t = score("t", ScoreMethod::Sum, {"q1", "q2", "q3"});
    t.prorate = true;
    t.decimals = 0;
    // 1 + 0 = 1 over 2 of 3 -> 1.5 -> 2
    EXPECT_DOUBLE_EQ(*computeScore(t, f, {{"q1", std::string("rarely")}, {"q2", std::string("never")}}).value, 2);
}

TEST(FormsScoring, CountAndMaxOverMixedTypes) {
    const Form f = fourItems();
    const Answers a{{"aids", std::vector<std::string>{"cane", "walker"}},
                    {"map", BodyMapAnswer{{"neck_back_l", {}, {}}, {"lower_back_l", {}, {}}, {"calf_r", {}, {}}}},
                    {"note", std::string("x")},
                    {"pain", 7.0}};
    EXPECT_DOUBLE_EQ(*computeScore(score("c", ScoreMethod::Count, {"aids"}), f, a).value, 2);
    EXPECT_DOUBLE_EQ(*computeScore(score("c", ScoreMethod::Count, {"map"}), f, a).value, 3);
    EXPECT_DOUBLE_EQ(*computeScore(score("c", ScoreMethod::Count, {"note", "pain", "q1"}), f, a).value, 2)
        << "answered items count 1 each";
    EXPECT_DOUBLE_EQ(*computeScore(score("s", ScoreMethod::Sum, {"aids"}), f, a).value, 3)
        << "multi sums its selected option scores";
    EXPECT_DOUBLE_EQ(*computeScore(score("m", ScoreMethod::Max, {"pain", "map"}), f, a).value, 7);
    const ScoreOutcome textOnly = computeScore(score("t", ScoreMethod::Sum, {"note"}), f, a);
    EXPECT_FALSE(textOnly.value) << "text has no numeric value";
    EXPECT_EQ(textOnly.answered, 0);
}

TEST(FormsScoring, EveryScoreOfTheFormInOrder) {
    Form f = fourItems();
    f.scores = {score("a", ScoreMethod::Sum, {"pain"}), score("b", ScoreMethod::Count, {"y1", "y2"})};
    const auto out = computeScores(f, {{"pain", 3.0}, {"y1", true}});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].score->id, "a");
    EXPECT_DOUBLE_EQ(*out[0].value, 3);
    EXPECT_EQ(out[1].score->id, "b");
    EXPECT_DOUBLE_EQ(*out[1].value, 1);
    EXPECT_EQ(out[1].answered, 1);
}

TEST(FormsFlags, RaisedWhenTheConditionHolds) {
    Form f = fourItems();
    Flag urgent;
    urgent.id = "night_pain";
    urgent.severity = Severity::Urgent;
    urgent.when = allOf({cmp("y1", CondOp::Eq, true), cmp("pain", CondOp::Ge, 8.0)});
    Flag caution;
    caution.id = "walker";
    caution.when = cmp("aids", CondOp::Includes, std::string("walker"));
    f.flags = {urgent, caution};
    EXPECT_TRUE(raisedFlags(f, {}).empty());
    auto raised = raisedFlags(f, {{"y1", true}, {"pain", 9.0}});
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0]->id, "night_pain");
    raised = raisedFlags(f, {{"y1", true}, {"pain", 9.0}, {"aids", std::vector<std::string>{"walker"}}});
    ASSERT_EQ(raised.size(), 2u);
    EXPECT_EQ(raised[1]->id, "walker");
}

// [SECTION] Body-map methods (painful_regions, wpi, generalized_pain, worst_region)
namespace {

Form twoMaps() {
    return form({page("p", {bodyMap("now", {BodyDetail::Intensity}), bodyMap("before", {BodyDetail::Intensity}),
                            scale("pain")})});
}

double valueOf(ScoreMethod m, const Answers& a, std::vector<std::string> items = {"now"}) {
    const Form f = twoMaps();
    const ScoreOutcome o = computeScore(score("s", m, std::move(items)), f, a);
    EXPECT_TRUE(o.value) << "no value";
    return o.value.value_or(-1);
}

}  // namespace

TEST(FormsScoringBodyMap, PainfulRegionsLeaveOutTheOnesRatedZero) {
    const Answers a{{"now", BodyMapAnswer{{"calf_l", 0, {}}, {"calf_r", 3, {}}, {"neck_back_l", std::nullopt, {}}}}};
    EXPECT_EQ(valueOf(ScoreMethod::PainfulRegions, a), 2);  // calf_r, and the unrated neck
    EXPECT_EQ(valueOf(ScoreMethod::Count, a), 3);           // count still counts every mark
}

TEST(FormsScoringBodyMap, WidespreadPainIndexCountsEachAreaOnce) {
    // Front and back of one shoulder, elbow and forearm of one arm: one area each.
    const Answers a{{"now", BodyMapAnswer{{"shoulder_front_r", 5, {}}, {"shoulder_back_r", 4, {}},
                                          {"elbow_back_l", 2, {}}, {"forearm_front_l", 2, {}},
                                          {"knee_back_l", 3, {}}, {"sole_l", 8, {}}, {"mid_back_r", 4, {}}}}};
    // shoulder_girdle_r, lower_arm_l, lower_leg_l (the knee), upper_back (the mid back); the
    // sole is in no area.
    EXPECT_EQ(valueOf(ScoreMethod::Wpi, a), 4);
    EXPECT_EQ(valueOf(ScoreMethod::PainfulRegions, a), 7);
}

TEST(FormsScoringBodyMap, AllNineteenAreas) {
    BodyMapAnswer all;
    for (const auto& r : kiosk::bodymap::regions()) all.push_back(BodyMark{std::string(r.id), 1, {}});
    const Answers a{{"now", all}};
    EXPECT_EQ(valueOf(ScoreMethod::Wpi, a), 19);
    EXPECT_EQ(valueOf(ScoreMethod::PainfulRegions, a), 74);
    EXPECT_EQ(valueOf(ScoreMethod::GeneralizedPain, a), 1);
}

TEST(FormsScoringBodyMap, GeneralizedPainNeedsFourOfFiveRegionsWithoutJawChestAbdomen) {
    // Left upper, right upper, left lower: three regions.
    BodyMapAnswer three{{"upper_arm_front_l", 4, {}}, {"wrist_back_r", 4, {}}, {"hamstring_l", 4, {}}};
    EXPECT_EQ(valueOf(ScoreMethod::GeneralizedPain, {{"now", three}}), 0);
    // The chest and the jaw lie in the axial and right upper regions but do not count.
    BodyMapAnswer withChest = three;
    withChest.push_back({"chest_r", 6, {}});
    withChest.push_back({"abdomen_l", 6, {}});
    EXPECT_EQ(valueOf(ScoreMethod::GeneralizedPain, {{"now", withChest}}), 0);
    // The neck does: four regions.
    BodyMapAnswer four = three;
    four.push_back({"neck_back_l", 2, {}});
    EXPECT_EQ(valueOf(ScoreMethod::GeneralizedPain, {{"now", four}}), 1);
    // Rated 0 is no pain there.
    four.back().intensity = 0;
    EXPECT_EQ(valueOf(ScoreMethod::GeneralizedPain, {{"now", four}}), 0);
}

TEST(FormsScoringBodyMap, WorstRegionNamesTheFirstStrongest) {
    const Form f = twoMaps();
    const Answers a{{"now", BodyMapAnswer{{"calf_l", 6, {}}, {"lower_back_r", 8, {}}, {"knee_front_l", 8, {}},
                                          {"neck_back_l", std::nullopt, {}}}}};
    const ScoreOutcome o = computeScore(score("w", ScoreMethod::WorstRegion, {"now"}), f, a);
    ASSERT_TRUE(o.value);
    EXPECT_EQ(*o.value, 8);
    EXPECT_EQ(o.region, "lower_back_r");
    // No rating at all: no value (and no region).
    const ScoreOutcome none = computeScore(score("w", ScoreMethod::WorstRegion, {"now"}), f,
                                           {{"now", BodyMapAnswer{{"calf_l", std::nullopt, {}}}}});
    EXPECT_FALSE(none.value);
    EXPECT_EQ(none.region, "");
}

TEST(FormsScoringBodyMap, SeveralItemsAreTakenTogetherAndNothingMarkedIsNoValue) {
    const Form f = twoMaps();
    const Answers a{{"now", BodyMapAnswer{{"calf_l", 2, {}}}}, {"before", BodyMapAnswer{{"calf_l", 5, {}}, {"calf_r", 1, {}}}}};
    const ScoreOutcome o = computeScore(score("s", ScoreMethod::PainfulRegions, {"now", "before"}), f, a);
    EXPECT_EQ(o.value, 2);  // calf_l once
    EXPECT_EQ(o.answered, 2);
    EXPECT_EQ(o.total, 2);
    const ScoreOutcome w = computeScore(score("w", ScoreMethod::WorstRegion, {"now", "before"}), f, a);
    EXPECT_EQ(w.value, 5);
    EXPECT_EQ(w.region, "calf_l");
    const ScoreOutcome empty = computeScore(score("s", ScoreMethod::Wpi, {"now"}), f, {});
    EXPECT_FALSE(empty.value);  // as count: an unanswered body map gives no score
    EXPECT_EQ(empty.answered, 0);
}
