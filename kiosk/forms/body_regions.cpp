#include "kiosk/forms/body_regions.h"

#include <deque>
#include <string>

namespace kiosk::forms {
namespace {

// Paired regions list the patient's right side first (it is on the viewer's left of the front view).
std::vector<BodyRegion> makeRegions() {
    struct Base { std::string_view id; BodyView view; std::string_view group; bool paired; };
    static constexpr Base kBase[] = {
        // front
        {"head_front", BodyView::Front, "head_neck", false},
        {"face", BodyView::Front, "head_neck", true},
        {"jaw", BodyView::Front, "head_neck", true},
        {"neck_front", BodyView::Front, "head_neck", true},
        {"shoulder_front", BodyView::Front, "shoulders_arms", true},
        {"chest", BodyView::Front, "chest_abdomen", true},
        {"upper_arm_front", BodyView::Front, "shoulders_arms", true},
        {"elbow_front", BodyView::Front, "shoulders_arms", true},
        {"forearm_front", BodyView::Front, "shoulders_arms", true},
        {"wrist_front", BodyView::Front, "hands", true},
        {"palm", BodyView::Front, "hands", true},
        {"abdomen_upper", BodyView::Front, "chest_abdomen", true},
        {"abdomen_lower", BodyView::Front, "chest_abdomen", true},
        {"groin", BodyView::Front, "hips_legs", true},
        {"hip_front", BodyView::Front, "hips_legs", true},
        {"thigh_front", BodyView::Front, "hips_legs", true},
        {"knee_front", BodyView::Front, "hips_legs", true},
        {"shin", BodyView::Front, "hips_legs", true},
        {"ankle_front", BodyView::Front, "feet", true},
        {"foot_top", BodyView::Front, "feet", true},
        // back
        {"head_back", BodyView::Back, "head_neck", false},
        {"neck_back", BodyView::Back, "head_neck", true},
        {"trapezius", BodyView::Back, "back", true},
        {"shoulder_back", BodyView::Back, "shoulders_arms", true},
        {"shoulder_blade", BodyView::Back, "back", true},
        {"upper_back", BodyView::Back, "back", true},
        {"mid_back", BodyView::Back, "back", true},
        {"lower_back", BodyView::Back, "back", true},
        {"sacrum", BodyView::Back, "back", false},
        {"buttock", BodyView::Back, "hips_legs", true},
        {"upper_arm_back", BodyView::Back, "shoulders_arms", true},
        {"elbow_back", BodyView::Back, "shoulders_arms", true},
        {"forearm_back", BodyView::Back, "shoulders_arms", true},
        {"hand_back", BodyView::Back, "hands", true},
        {"hamstring", BodyView::Back, "hips_legs", true},
        {"knee_back", BodyView::Back, "hips_legs", true},
        {"calf", BodyView::Back, "hips_legs", true},
        {"achilles", BodyView::Back, "feet", true},
        {"heel", BodyView::Back, "feet", true},
        {"sole", BodyView::Back, "feet", true},
    };
    // The ids must outlive the string_views: a deque never moves what it holds.
    static std::deque<std::string> ids;
    std::vector<BodyRegion> out;
    for (const Base& b : kBase) {
        if (!b.paired) {
            out.push_back({b.id, b.view, b.group});
            continue;
        }
        for (const char* side : {"_r", "_l"}) {
            ids.push_back(std::string(b.id) + side);
            out.push_back({ids.back(), b.view, b.group});
        }
    }
    return out;
}

}  // namespace

const std::vector<BodyRegion>& bodyRegions() {
    static const std::vector<BodyRegion> regions = makeRegions();
    return regions;
}

const BodyRegion* findBodyRegion(std::string_view id) {
    for (const auto& r : bodyRegions())
        if (r.id == id) return &r;
    return nullptr;
}

const std::vector<std::string_view>& painKinds() {
    static const std::vector<std::string_view> kinds{"aching", "burning", "sharp", "numbness",
                                                     "pins_needles", "stiffness"};
    return kinds;
}

}  // namespace kiosk::forms
