// Issue 19 in the bundled intake: the instruments join the pages of their topic (no page of their
// own, so issue 20's screen budget holds), take the place of our own questions they make redundant,
// and STarT Back is asked of low back pain only: the reason for the visit, or with no reason chosen,
// the lower back marked on the body map.
#include <gtest/gtest.h>

#include <algorithm>

#include "forms/form_test_util.h"
#include "kiosk/forms/conditions.h"

using namespace kiosk::forms;
using namespace kiosk::forms::test;

namespace {

std::shared_ptr<const Form> intake() {
    const auto r = loadForm(std::string(KIOSK_SOURCE_DIR) + "/forms/intake.yaml");
    EXPECT_TRUE(r.ok()) << dump(r);
    return r.form;
}

/// The id of the page @p item is on ("" when the form has no such item).
std::string pageOf(const Form& f, const std::string& item) {
    for (const Page& p : f.pages)
        for (const Item& i : p.items)
            if (i.id == item) return p.id;
    return "";
}

bool startBackShown(const Form& f, const Answers& a) { return computeVisibility(f, a).itemShown("start_back"); }

}  // namespace

TEST(IntakeInstruments, EachJoinsThePageOfItsTopicWithinThirteenPages) {
    const auto f = intake();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->pages.size(), 13u);  // + welcome, review, thank-you = 16 screens
    EXPECT_EQ(pageOf(*f, "pain_nrs_week"), "pain_ratings");
    EXPECT_EQ(pageOf(*f, "start_back"), "pain_time");
    EXPECT_EQ(pageOf(*f, "start_back_bother"), "pain_time");
    EXPECT_EQ(pageOf(*f, "sss_severity"), "sleep");
    EXPECT_EQ(pageOf(*f, "sss_six_months"), "sleep");
    EXPECT_EQ(pageOf(*f, "phq4"), "stress");
    EXPECT_EQ(pageOf(*f, "phq4_copyright"), "stress");
    EXPECT_EQ(pageOf(*f, "start_back_copyright"), "pain_time");
}

TEST(IntakeInstruments, OurQuestionsTheInstrumentsMakeRedundantAreGone) {
    const auto f = intake();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->findItem("pain_average"), nullptr);  // the pain NRS asks the average past week
    auto rows = [&](const std::string& id) {
        std::vector<std::string> out;
        for (const auto& r : f->findItem(id)->rows) out.push_back(r.id);
        return out;
    };
    // woke rested, daytime tiredness: the SSS; tense or on edge: GAD-2; pain and mood: PHQ-2 and
    // STarT Back; pain and sleep: "did pain wake you up?" stays in sleep_freq.
    EXPECT_EQ(rows("sleep_freq"), (std::vector<std::string>{"falling_asleep", "waking_night", "pain_wakes"}));
    EXPECT_EQ(rows("stress_feel"), (std::vector<std::string>{"overwhelmed", "hard_to_relax"}));
    EXPECT_EQ(rows("interference"), (std::vector<std::string>{"activity", "work"}));
    // The pain intensity score averages now, the NRS and worst; our own scores say they are not validated.
    EXPECT_EQ(f->findScore("pain_intensity")->items, (std::vector<std::string>{"pain_now", "pain_nrs_week", "pain_worst"}));
    for (const char* id : {"sleep_problems", "stress", "pain_interference"})
        EXPECT_NE(f->findScore(id)->note.get("en").find("Not a validated instrument"), std::string::npos) << id;
}

TEST(IntakeInstruments, StartBackIsAskedOfLowBackPainOnly) {
    const auto f = intake();
    ASSERT_TRUE(f);
    const BodyMapAnswer lowBack{{"lower_back_l", 6, {}}};
    const BodyMapAnswer knee{{"knee_front_r", 6, {}}};
    EXPECT_TRUE(startBackShown(*f, {{"visit_reason", std::string("low_back")}}));
    EXPECT_TRUE(startBackShown(*f, {{"visit_reason", std::string("low_back")}, {"pain_map", knee}}));
    // No reason chosen: the body map decides.
    EXPECT_TRUE(startBackShown(*f, {{"pain_map", lowBack}}));
    EXPECT_TRUE(startBackShown(*f, {{"pain_map", BodyMapAnswer{{"lower_back_r", std::nullopt, {}}}}}));
    EXPECT_FALSE(startBackShown(*f, {{"pain_map", knee}}));
    EXPECT_FALSE(startBackShown(*f, {}));
    // Another reason chosen: not the main complaint, even with the lower back marked.
    EXPECT_FALSE(startBackShown(*f, {{"visit_reason", std::string("limbs")}, {"pain_map", lowBack}}));
    EXPECT_FALSE(startBackShown(*f, {{"visit_reason", std::string("neck_shoulder")}}));
    // The whole instrument goes together: its single item and its copyright line too.
    const Visibility v = computeVisibility(*f, {{"visit_reason", std::string("low_back")}});
    EXPECT_TRUE(v.itemShown("start_back_bother"));
    EXPECT_TRUE(v.itemShown("start_back_copyright"));
    const Visibility none = computeVisibility(*f, {{"visit_reason", std::string("headache")}});
    EXPECT_FALSE(none.itemShown("start_back_bother"));
    EXPECT_FALSE(none.itemShown("start_back_copyright"));
    EXPECT_TRUE(none.itemShown("phq4"));  // PHQ-4, the SSS and the NRS go to everyone
    EXPECT_TRUE(none.itemShown("sss_severity"));
    EXPECT_TRUE(none.itemShown("pain_nrs_week"));
}
