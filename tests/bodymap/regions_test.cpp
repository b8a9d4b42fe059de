// The region catalogue answers and records agree on: the CHOIR body map's 74 segments with stable
// ids, each with a name in every language, a CHOIR code and a Widespread Pain Index place, and
// the ids of the earlier list still meaning something.
#include "kiosk/bodymap/regions.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "kiosk/core/i18n.h"

namespace kiosk::bodymap {
namespace {

TEST(BodymapRegions, IdsAreUniqueAndFrontComesFirst) {
    std::set<std::string_view> seen;
    std::set<int> codes;
    bool back = false;
    int front = 0;
    for (const Region& r : regions()) {
        EXPECT_TRUE(seen.insert(r.id).second) << r.id;
        EXPECT_TRUE(codes.insert(r.choir).second) << r.id;
        if (r.view == View::Back) back = true;
        else ++front;
        EXPECT_FALSE(back && r.view == View::Front) << r.id << " comes after a back region";
        EXPECT_FALSE(r.group.empty()) << r.id;
        // CHOIR numbers the front 101-136 and the back 201-238.
        const int base = r.view == View::Front ? 100 : 200, count = r.view == View::Front ? 36 : 38;
        EXPECT_TRUE(r.choir > base && r.choir <= base + count) << r.id;
    }
    EXPECT_EQ(regions().size(), 74u);
    EXPECT_EQ(front, 36);
}

TEST(BodymapRegions, PairedRegionsListTheRightSideFirst) {
    const auto& all = regions();
    for (size_t i = 0; i + 1 < all.size(); ++i) {
        const std::string id(all[i].id);
        if (id.size() > 2 && id.compare(id.size() - 2, 2, "_r") == 0) {
            EXPECT_EQ(std::string(all[i + 1].id), id.substr(0, id.size() - 2) + "_l");
        }
    }
}

TEST(BodymapRegions, FindRegion) {
    const Region* r = findRegion("lower_back_l");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->view, View::Back);
    EXPECT_EQ(r->group, "back");
    EXPECT_EQ(r->choir, 218);
    EXPECT_EQ(findRegionByChoir(218), r);
    EXPECT_EQ(findRegionByChoir(137), nullptr);
    EXPECT_EQ(findRegion("lower_back"), nullptr);
    EXPECT_EQ(findRegion(""), nullptr);
    EXPECT_EQ(painKinds().front(), "aching");
}

TEST(BodymapRegions, EveryRegionHasANameInEveryLanguage) {
    auto catalog = core::Catalog::loadDir(KIOSK_SOURCE_DIR "/assets/i18n");
    ASSERT_TRUE(catalog.ok()) << catalog.error().format();
    for (const char* lang : {"en", "es"})
        for (const Region& r : regions()) {
            const std::string key = "region." + std::string(r.id);
            EXPECT_TRUE(catalog->has(lang, key)) << lang << ": " << key;
            EXPECT_TRUE(catalog->has(lang, "region_group." + std::string(r.group))) << lang << ": " << r.group;
        }
}

// [SECTION] Widespread Pain Index
TEST(BodymapWpi, NineteenAreasInFiveRegions) {
    ASSERT_EQ(wpiAreas().size(), 19u);
    std::map<WpiRegion, int> perRegion;
    int generalized = 0;
    for (const WpiArea& a : wpiAreas()) {
        ++perRegion[a.region];
        generalized += a.countsForGeneralized ? 1 : 0;
    }
    EXPECT_EQ(perRegion[WpiRegion::LeftUpper], 4);   // jaw, shoulder girdle, upper arm, lower arm
    EXPECT_EQ(perRegion[WpiRegion::RightUpper], 4);
    EXPECT_EQ(perRegion[WpiRegion::LeftLower], 3);   // hip, upper leg, lower leg
    EXPECT_EQ(perRegion[WpiRegion::RightLower], 3);
    EXPECT_EQ(perRegion[WpiRegion::Axial], 5);       // neck, upper back, lower back, chest, abdomen
    EXPECT_EQ(generalized, 19 - 4);                  // jaw (2), chest and abdomen do not count
    EXPECT_FALSE(findWpiArea("chest")->countsForGeneralized);
    EXPECT_EQ(findWpiArea("sole"), nullptr);
}

TEST(BodymapWpi, EveryRegionHasAnAreaOrIsAKnownNone) {
    // The index has no area for the head, the hands or the feet: these, and only these, have none.
    const std::set<std::string_view> none = {
        "head_front_r", "head_front_l", "head_top_back_r", "head_top_back_l", "head_back_r", "head_back_l",
        "palm_r",       "palm_l",       "hand_back_r",     "hand_back_l",     "foot_top_r",  "foot_top_l",
        "sole_r",       "sole_l"};
    std::set<std::string_view> reached;
    for (const Region& r : regions()) {
        if (r.wpiArea.empty()) {
            EXPECT_TRUE(none.count(r.id)) << r.id << " has no WPI area";
            continue;
        }
        EXPECT_FALSE(none.count(r.id)) << r.id;
        const WpiArea* a = findWpiArea(r.wpiArea);
        ASSERT_NE(a, nullptr) << r.id << ": " << r.wpiArea;
        EXPECT_EQ(a->region, r.wpiRegion) << r.id;  // a region lies where its area does
        reached.insert(a->id);
        // A sided area is on the region's side; an axial one has no side.
        const bool left = r.id.substr(r.id.size() - 2) == "_l";
        const bool sided = a->region != WpiRegion::Axial;
        const bool leftArea = a->region == WpiRegion::LeftUpper || a->region == WpiRegion::LeftLower;
        EXPECT_TRUE(!sided || left == leftArea) << r.id;
    }
    EXPECT_EQ(reached.size(), 19u);  // every area can be marked
}

TEST(BodymapWpi, DecisionsForJointsAndTheMidBack) {
    // Written down in regions.cpp with the reasons: joints count toward the segment below them.
    EXPECT_EQ(findRegion("mid_back_l")->wpiArea, "upper_back");
    EXPECT_EQ(findRegion("elbow_front_r")->wpiArea, "lower_arm_r");
    EXPECT_EQ(findRegion("elbow_back_l")->wpiArea, "lower_arm_l");
    EXPECT_EQ(findRegion("knee_front_l")->wpiArea, "lower_leg_l");
    EXPECT_EQ(findRegion("knee_back_r")->wpiArea, "lower_leg_r");
    EXPECT_EQ(findRegion("face_r")->wpiArea, "jaw_r");
    EXPECT_EQ(findRegion("buttock_l")->wpiArea, "hip_l");
}

// [SECTION] Aliases
TEST(BodymapAliases, EveryIdOfTheEarlierListStillMeansARegion) {
    // The 77 ids records and answer files held before the drawn map.
    const char* kOld[] = {
        "head_front", "face_r", "face_l", "jaw_r", "jaw_l", "neck_front_r", "neck_front_l", "shoulder_front_r",
        "shoulder_front_l", "chest_r", "chest_l", "upper_arm_front_r", "upper_arm_front_l", "elbow_front_r",
        "elbow_front_l", "forearm_front_r", "forearm_front_l", "wrist_front_r", "wrist_front_l", "palm_r", "palm_l",
        "abdomen_upper_r", "abdomen_upper_l", "abdomen_lower_r", "abdomen_lower_l", "groin_r", "groin_l",
        "hip_front_r", "hip_front_l", "thigh_front_r", "thigh_front_l", "knee_front_r", "knee_front_l", "shin_r",
        "shin_l", "ankle_front_r", "ankle_front_l", "foot_top_r", "foot_top_l", "head_back", "neck_back_r",
        "neck_back_l", "trapezius_r", "trapezius_l", "shoulder_back_r", "shoulder_back_l", "shoulder_blade_r",
        "shoulder_blade_l", "upper_back_r", "upper_back_l", "mid_back_r", "mid_back_l", "lower_back_r",
        "lower_back_l", "sacrum", "buttock_r", "buttock_l", "upper_arm_back_r", "upper_arm_back_l", "elbow_back_r",
        "elbow_back_l", "forearm_back_r", "forearm_back_l", "hand_back_r", "hand_back_l", "hamstring_r",
        "hamstring_l", "knee_back_r", "knee_back_l", "calf_r", "calf_l", "achilles_r", "achilles_l", "heel_r",
        "heel_l", "sole_r", "sole_l"};
    ASSERT_EQ(std::size(kOld), 77u);
    for (const char* id : kOld) {
        const auto now = resolveRegion(id);
        ASSERT_FALSE(now.empty()) << id;
        for (std::string_view r : now) {
            const Region* region = findRegion(r);
            ASSERT_NE(region, nullptr) << id << " -> " << r;
            // An old id keeps its side.
            const std::string s(id);
            if (s.size() <= 2 || s[s.size() - 2] != '_') continue;
            EXPECT_EQ(r.substr(r.size() - 2), s.substr(s.size() - 2)) << id << " -> " << r;
        }
    }
    EXPECT_EQ(resolveRegion("sacrum"), (std::vector<std::string_view>{"lower_back_r", "lower_back_l"}));
    EXPECT_EQ(resolveRegion("trapezius_l"), (std::vector<std::string_view>{"shoulder_back_l"}));
    EXPECT_EQ(resolveRegion("knee_back_l"), (std::vector<std::string_view>{"knee_back_l"}));
    EXPECT_TRUE(resolveRegion("kneecap").empty());
}

TEST(BodymapAliases, NoAliasShadowsACurrentId) {
    for (const Alias& a : aliases()) {
        EXPECT_EQ(findRegion(a.old), nullptr) << a.old;
        EXPECT_FALSE(a.now.empty()) << a.old;
    }
}

}  // namespace
}  // namespace kiosk::bodymap
