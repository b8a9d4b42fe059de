#include "kiosk/bodymap/regions.h"

#include <deque>
#include <string>

namespace kiosk::bodymap {
namespace {

// Paired regions list the patient's right side first (it is on the viewer's left of the front view).
std::vector<Region> makeRegions() {
    struct Base { std::string_view id; View view; std::string_view group; bool paired; };
    static constexpr Base kBase[] = {
        // front
        {"head_front", View::Front, "head_neck", false},
        {"face", View::Front, "head_neck", true},
        {"jaw", View::Front, "head_neck", true},
        {"neck_front", View::Front, "head_neck", true},
        {"shoulder_front", View::Front, "shoulders_arms", true},
        {"chest", View::Front, "chest_abdomen", true},
        {"upper_arm_front", View::Front, "shoulders_arms", true},
        {"elbow_front", View::Front, "shoulders_arms", true},
        {"forearm_front", View::Front, "shoulders_arms", true},
        {"wrist_front", View::Front, "hands", true},
        {"palm", View::Front, "hands", true},
        {"abdomen_upper", View::Front, "chest_abdomen", true},
        {"abdomen_lower", View::Front, "chest_abdomen", true},
        {"groin", View::Front, "hips_legs", true},
        {"hip_front", View::Front, "hips_legs", true},
        {"thigh_front", View::Front, "hips_legs", true},
        {"knee_front", View::Front, "hips_legs", true},
        {"shin", View::Front, "hips_legs", true},
        {"ankle_front", View::Front, "feet", true},
        {"foot_top", View::Front, "feet", true},
        // back
        {"head_back", View::Back, "head_neck", false},
        {"neck_back", View::Back, "head_neck", true},
        {"trapezius", View::Back, "back", true},
        {"shoulder_back", View::Back, "shoulders_arms", true},
        {"shoulder_blade", View::Back, "back", true},
        {"upper_back", View::Back, "back", true},
        {"mid_back", View::Back, "back", true},
        {"lower_back", View::Back, "back", true},
        {"sacrum", View::Back, "back", false},
        {"buttock", View::Back, "hips_legs", true},
        {"upper_arm_back", View::Back, "shoulders_arms", true},
        {"elbow_back", View::Back, "shoulders_arms", true},
        {"forearm_back", View::Back, "shoulders_arms", true},
        {"hand_back", View::Back, "hands", true},
        {"hamstring", View::Back, "hips_legs", true},
        {"knee_back", View::Back, "hips_legs", true},
        {"calf", View::Back, "hips_legs", true},
        {"achilles", View::Back, "feet", true},
        {"heel", View::Back, "feet", true},
        {"sole", View::Back, "feet", true},
    };
    // The ids must outlive the string_views: a deque never moves what it holds.
    static std::deque<std::string> ids;
    std::vector<Region> out;
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

const std::vector<Region>& regions() {
    static const std::vector<Region> kRegions = makeRegions();
    return kRegions;
}

const Region* findRegion(std::string_view id) {
    for (const auto& r : regions())
        if (r.id == id) return &r;
    return nullptr;
}

const std::vector<std::string_view>& painKinds() {
    static const std::vector<std::string_view> kKinds{"aching", "burning", "sharp", "numbness",
                                                      "pins_needles", "stiffness"};
    return kKinds;
}

}  // namespace kiosk::bodymap
