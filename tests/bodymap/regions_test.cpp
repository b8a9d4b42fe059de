// The region catalogue answers and records agree on: stable ids, each once, front then back.
#include "kiosk/bodymap/regions.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiosk::bodymap {
namespace {

TEST(BodymapRegions, IdsAreUniqueAndFrontComesFirst) {
    std::set<std::string_view> seen;
    bool back = false;
    for (const Region& r : regions()) {
        EXPECT_TRUE(seen.insert(r.id).second) << r.id;
        if (r.view == View::Back) back = true;
        EXPECT_FALSE(back && r.view == View::Front) << r.id << " comes after a back region";
        EXPECT_FALSE(r.group.empty()) << r.id;
    }
    EXPECT_EQ(regions().size(), 77u);  // 39 front, 38 back: the ids records hold today
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
    EXPECT_EQ(findRegion("lower_back"), nullptr);
    EXPECT_EQ(findRegion(""), nullptr);
    EXPECT_EQ(painKinds().front(), "aching");
}

}  // namespace
}  // namespace kiosk::bodymap
