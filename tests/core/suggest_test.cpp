#include <gtest/gtest.h>

#include "kiosk/core/suggest.h"

using namespace kiosk::core;

TEST(CoreSuggest, EditDistance) {
    EXPECT_EQ(editDistance("", ""), 0u);
    EXPECT_EQ(editDistance("abc", "abc"), 0u);
    EXPECT_EQ(editDistance("sleep_qualty", "sleep_quality"), 1u);  // deletion
    EXPECT_EQ(editDistance("lable", "label"), 1u);                  // swap of neighbours
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(editDistance("", "abc"), 3u);
}

TEST(CoreSuggest, SuggestsOnlyLikelyTypos) {
    const std::vector<std::string> keys = {"id", "type", "label", "help", "required", "show_if"};
    EXPECT_EQ(didYouMean("lable", keys), "; did you mean 'label'?");
    EXPECT_EQ(didYouMean("requird", keys), "; did you mean 'required'?");
    EXPECT_EQ(didYouMean("Type", keys), "; did you mean 'type'?");
    EXPECT_EQ(didYouMean("colour", keys), "");  // nothing close: no wild guess
    EXPECT_EQ(didYouMean("label", keys), "");   // an exact word is not a typo of itself
    EXPECT_EQ(closest("x", {}), "");
    EXPECT_EQ(closest(std::string(1000, 'a'), keys), "");
}

TEST(CoreSuggest, JoinList) {
    EXPECT_EQ(joinList({}), "");
    EXPECT_EQ(joinList({"a"}), "a");
    EXPECT_EQ(joinList({"a", "b", "c"}), "a, b, c");
}

TEST(CoreSuggest, AnswerIdsAndCommandsAllowTwoEditsOnShortWords) {
    EXPECT_EQ(closest("pain_nwo", {"pain_now", "name"}, 2), "pain_now");
    EXPECT_EQ(closest("nmae", {"pain_now", "name"}, 2), "name");
    EXPECT_EQ(closest("vaildte", {"validate", "simulate"}, 2), "validate");
    EXPECT_EQ(closest("completely_else", {"pain_now", "name"}, 2), "");
    EXPECT_EQ(didYouMean("nmae", {"name"}, 2), "; did you mean 'name'?");
}

TEST(CoreSuggest, FallsBackToIdsThatContainTheWordOrThatItContains) {
    const std::vector<std::string> ids = {"first_name", "pain_now", "pain_map", "oil_allergy", "pain_worst", "pain_average"};
    EXPECT_EQ(didYouMean("allergy", ids), "; did you mean 'oil_allergy'?");
    EXPECT_EQ(didYouMean("pain", ids), "; did you mean 'pain_now', 'pain_map' or 'pain_worst'?");  // at most 3
    EXPECT_EQ(didYouMean("first_name_of_patient", ids), "; did you mean 'first_name'?");           // it contains one
    EXPECT_EQ(suggestions("pain", ids, 1, 2), (std::vector<std::string>{"pain_now", "pain_map"}));
    EXPECT_EQ(didYouMean("pain_nwo", ids), "; did you mean 'pain_now'?");  // a close typo wins, alone
    EXPECT_EQ(didYouMean("ai", ids), "");      // too short to be a useful part
    EXPECT_EQ(didYouMean("id", {"id_card"}), "");
    EXPECT_EQ(didYouMean("x_id", {"id"}), "");  // nor is a short candidate
}
