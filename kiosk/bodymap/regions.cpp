// The region catalogue: the CHOIR body map's 74 segments with our ids, and the Widespread Pain
// Index mapping with its reasons. The outlines of the same segments are in
// assets/body_map/choir_male.json (tools/choir_to_geometry.py); a test holds the two together.
//
// [SECTION] WPI areas   the 19 areas of the 2016 ACR criteria and their regions
// [SECTION] Regions     the 74 segments: id, view, list group, CHOIR code, WPI area and region
// [SECTION] Aliases     ids of the earlier list and the segments they became
#include "kiosk/bodymap/regions.h"

#include <algorithm>
#include <unordered_map>

namespace kiosk::bodymap {
namespace {

using R = WpiRegion;

// [SECTION] WPI areas
// Wolfe F et al., "2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria", Semin
// Arthritis Rheum 2016: 19 areas in 5 regions; jaw, chest and abdomen are not counted toward
// generalized pain (pain in at least 4 of the 5 regions).
std::vector<WpiArea> makeAreas() {
    return {
        {"jaw_l", R::LeftUpper, false},          {"shoulder_girdle_l", R::LeftUpper, true},
        {"upper_arm_l", R::LeftUpper, true},     {"lower_arm_l", R::LeftUpper, true},
        {"jaw_r", R::RightUpper, false},         {"shoulder_girdle_r", R::RightUpper, true},
        {"upper_arm_r", R::RightUpper, true},    {"lower_arm_r", R::RightUpper, true},
        {"hip_l", R::LeftLower, true},           {"upper_leg_l", R::LeftLower, true},
        {"lower_leg_l", R::LeftLower, true},     {"hip_r", R::RightLower, true},
        {"upper_leg_r", R::RightLower, true},    {"lower_leg_r", R::RightLower, true},
        {"neck", R::Axial, true},                {"upper_back", R::Axial, true},
        {"lower_back", R::Axial, true},          {"chest", R::Axial, false},
        {"abdomen", R::Axial, false},
    };
}

// [SECTION] Regions
// Which WPI area each segment counts toward. The criteria name areas, not outlines, so where a
// segment is not plainly one area we decided, the same way on both sides and both views:
// - Face (103/104) -> jaw: CHOIR has no jaw segment and the jaw is the painful part of the face
//   the index asks about; the cranium and back of the head count toward no area (the index has
//   no head area; headache belongs to the symptom scale).
// - Mid back (212/213) -> upper back: the index splits the spine into neck, upper back (thoracic)
//   and lower back (lumbar); CHOIR's mid back lies over the lower thoracic spine, above the
//   lumbar segments 218/219.
// - Elbows (113/114, 215/216) -> lower arm, and knees (129/130, 231/232) -> lower leg: a joint
//   counts toward the limb segment below it, so front and back of one joint always count once,
//   in the same area; the forearm muscles arise at the elbow (tennis and golfer's elbow are
//   forearm-tendon pain) and the patellar tendon attaches below the knee.
// - Wrists and ankles -> lower arm / lower leg: the ends of those segments. Palms, backs of the
//   hands, tops of the feet and soles count toward no area: the index has none for them.
// - Front hips (120/123), back hips (222/225) and buttocks (223/224) -> hip: the index's hip is
//   "hip (buttock, trochanter)". Groin (CHOIR "pubic", 121/122) -> abdomen: it is the lower belly
//   above the pubic bone, not the hip joint's side.
// - Neck front and back -> neck; shoulders front and back -> shoulder girdle.
// Regions without an area still lie in a body region (hands upper, feet lower, head axial), which
// the figure and the therapist's page may group by, but only WPI areas count toward the index and
// toward generalized pain.
std::vector<Region> makeRegions() {
    return {
        // front: the patient faces us, so the right side (odd CHOIR codes) is on the viewer's left
        {"head_front_r", View::Front, "head_neck", 101, "", R::Axial},
        {"head_front_l", View::Front, "head_neck", 102, "", R::Axial},
        {"face_r", View::Front, "head_neck", 103, "jaw_r", R::RightUpper},
        {"face_l", View::Front, "head_neck", 104, "jaw_l", R::LeftUpper},
        {"neck_front_r", View::Front, "head_neck", 105, "neck", R::Axial},
        {"neck_front_l", View::Front, "head_neck", 106, "neck", R::Axial},
        {"shoulder_front_r", View::Front, "shoulders_arms", 107, "shoulder_girdle_r", R::RightUpper},
        {"shoulder_front_l", View::Front, "shoulders_arms", 110, "shoulder_girdle_l", R::LeftUpper},
        {"chest_r", View::Front, "chest_abdomen", 108, "chest", R::Axial},
        {"chest_l", View::Front, "chest_abdomen", 109, "chest", R::Axial},
        {"upper_arm_front_r", View::Front, "shoulders_arms", 111, "upper_arm_r", R::RightUpper},
        {"upper_arm_front_l", View::Front, "shoulders_arms", 112, "upper_arm_l", R::LeftUpper},
        {"elbow_front_r", View::Front, "shoulders_arms", 113, "lower_arm_r", R::RightUpper},
        {"elbow_front_l", View::Front, "shoulders_arms", 114, "lower_arm_l", R::LeftUpper},
        {"forearm_front_r", View::Front, "shoulders_arms", 115, "lower_arm_r", R::RightUpper},
        {"forearm_front_l", View::Front, "shoulders_arms", 118, "lower_arm_l", R::LeftUpper},
        {"abdomen_r", View::Front, "chest_abdomen", 116, "abdomen", R::Axial},
        {"abdomen_l", View::Front, "chest_abdomen", 117, "abdomen", R::Axial},
        {"wrist_front_r", View::Front, "hands", 119, "lower_arm_r", R::RightUpper},
        {"wrist_front_l", View::Front, "hands", 124, "lower_arm_l", R::LeftUpper},
        {"palm_r", View::Front, "hands", 125, "", R::RightUpper},
        {"palm_l", View::Front, "hands", 128, "", R::LeftUpper},
        {"hip_front_r", View::Front, "hips_legs", 120, "hip_r", R::RightLower},
        {"hip_front_l", View::Front, "hips_legs", 123, "hip_l", R::LeftLower},
        {"groin_r", View::Front, "hips_legs", 121, "abdomen", R::Axial},
        {"groin_l", View::Front, "hips_legs", 122, "abdomen", R::Axial},
        {"thigh_front_r", View::Front, "hips_legs", 126, "upper_leg_r", R::RightLower},
        {"thigh_front_l", View::Front, "hips_legs", 127, "upper_leg_l", R::LeftLower},
        {"knee_front_r", View::Front, "hips_legs", 129, "lower_leg_r", R::RightLower},
        {"knee_front_l", View::Front, "hips_legs", 130, "lower_leg_l", R::LeftLower},
        {"shin_r", View::Front, "hips_legs", 131, "lower_leg_r", R::RightLower},
        {"shin_l", View::Front, "hips_legs", 132, "lower_leg_l", R::LeftLower},
        {"ankle_front_r", View::Front, "feet", 133, "lower_leg_r", R::RightLower},
        {"ankle_front_l", View::Front, "feet", 134, "lower_leg_l", R::LeftLower},
        {"foot_top_r", View::Front, "feet", 135, "", R::RightLower},
        {"foot_top_l", View::Front, "feet", 136, "", R::LeftLower},
        // back: we see the patient's back, so the left side (odd CHOIR codes) is on the viewer's left
        {"head_top_back_r", View::Back, "head_neck", 202, "", R::Axial},
        {"head_top_back_l", View::Back, "head_neck", 201, "", R::Axial},
        {"head_back_r", View::Back, "head_neck", 204, "", R::Axial},
        {"head_back_l", View::Back, "head_neck", 203, "", R::Axial},
        {"neck_back_r", View::Back, "head_neck", 206, "neck", R::Axial},
        {"neck_back_l", View::Back, "head_neck", 205, "neck", R::Axial},
        {"shoulder_back_r", View::Back, "shoulders_arms", 210, "shoulder_girdle_r", R::RightUpper},
        {"shoulder_back_l", View::Back, "shoulders_arms", 207, "shoulder_girdle_l", R::LeftUpper},
        {"upper_back_r", View::Back, "back", 209, "upper_back", R::Axial},
        {"upper_back_l", View::Back, "back", 208, "upper_back", R::Axial},
        {"mid_back_r", View::Back, "back", 213, "upper_back", R::Axial},
        {"mid_back_l", View::Back, "back", 212, "upper_back", R::Axial},
        {"lower_back_r", View::Back, "back", 219, "lower_back", R::Axial},
        {"lower_back_l", View::Back, "back", 218, "lower_back", R::Axial},
        {"upper_arm_back_r", View::Back, "shoulders_arms", 214, "upper_arm_r", R::RightUpper},
        {"upper_arm_back_l", View::Back, "shoulders_arms", 211, "upper_arm_l", R::LeftUpper},
        {"elbow_back_r", View::Back, "shoulders_arms", 216, "lower_arm_r", R::RightUpper},
        {"elbow_back_l", View::Back, "shoulders_arms", 215, "lower_arm_l", R::LeftUpper},
        {"forearm_back_r", View::Back, "shoulders_arms", 220, "lower_arm_r", R::RightUpper},
        {"forearm_back_l", View::Back, "shoulders_arms", 217, "lower_arm_l", R::LeftUpper},
        {"wrist_back_r", View::Back, "hands", 226, "lower_arm_r", R::RightUpper},
        {"wrist_back_l", View::Back, "hands", 221, "lower_arm_l", R::LeftUpper},
        {"hand_back_r", View::Back, "hands", 230, "", R::RightUpper},
        {"hand_back_l", View::Back, "hands", 227, "", R::LeftUpper},
        {"hip_back_r", View::Back, "hips_legs", 225, "hip_r", R::RightLower},
        {"hip_back_l", View::Back, "hips_legs", 222, "hip_l", R::LeftLower},
        {"buttock_r", View::Back, "hips_legs", 224, "hip_r", R::RightLower},
        {"buttock_l", View::Back, "hips_legs", 223, "hip_l", R::LeftLower},
        {"hamstring_r", View::Back, "hips_legs", 229, "upper_leg_r", R::RightLower},
        {"hamstring_l", View::Back, "hips_legs", 228, "upper_leg_l", R::LeftLower},
        {"knee_back_r", View::Back, "hips_legs", 232, "lower_leg_r", R::RightLower},
        {"knee_back_l", View::Back, "hips_legs", 231, "lower_leg_l", R::LeftLower},
        {"calf_r", View::Back, "hips_legs", 234, "lower_leg_r", R::RightLower},
        {"calf_l", View::Back, "hips_legs", 233, "lower_leg_l", R::LeftLower},
        {"ankle_back_r", View::Back, "feet", 236, "lower_leg_r", R::RightLower},
        {"ankle_back_l", View::Back, "feet", 235, "lower_leg_l", R::LeftLower},
        {"sole_r", View::Back, "feet", 238, "", R::RightLower},
        {"sole_l", View::Back, "feet", 237, "", R::LeftLower},
    };
}

// [SECTION] Aliases
// The earlier list had ids CHOIR does not draw. Each goes to the segment(s) covering the same
// place; where two old ids land on one segment, a record marking both keeps one mark there
// (forms::normalizeBodyMap: the highest intensity and every kind).
std::vector<Alias> makeAliases() {
    return {
        {"head_front", {"head_front_r", "head_front_l"}},  // forehead and top of the head
        {"head_back", {"head_back_r", "head_back_l"}},
        {"jaw_r", {"face_r"}},  // CHOIR's face segments reach down over the jaw
        {"jaw_l", {"face_l"}},
        {"abdomen_upper_r", {"abdomen_r"}},  // CHOIR's abdomen runs from the ribs to the groin
        {"abdomen_upper_l", {"abdomen_l"}},
        {"abdomen_lower_r", {"abdomen_r"}},
        {"abdomen_lower_l", {"abdomen_l"}},
        {"trapezius_r", {"shoulder_back_r"}},  // CHOIR's back of the shoulder starts at the neck
        {"trapezius_l", {"shoulder_back_l"}},
        {"shoulder_blade_r", {"upper_back_r"}},  // the upper back segments lie over the shoulder blades
        {"shoulder_blade_l", {"upper_back_l"}},
        // The base of the spine is low-back pain to a therapist; both sides, as the old id had none.
        {"sacrum", {"lower_back_r", "lower_back_l"}},
        {"achilles_r", {"ankle_back_r"}},  // the back of the ankle is where the tendon is
        {"achilles_l", {"ankle_back_l"}},
        {"heel_r", {"sole_r"}},  // the sole segment is drawn from the heel
        {"heel_l", {"sole_l"}},
    };
}

}  // namespace

std::string_view toString(WpiRegion region) {
    switch (region) {
        case WpiRegion::LeftUpper: return "left_upper";
        case WpiRegion::RightUpper: return "right_upper";
        case WpiRegion::LeftLower: return "left_lower";
        case WpiRegion::RightLower: return "right_lower";
        case WpiRegion::Axial: return "axial";
    }
    return "axial";
}

const std::vector<WpiArea>& wpiAreas() {
    static const std::vector<WpiArea> areas = makeAreas();  // built on first use: no init-order trap
    return areas;
}

const WpiArea* findWpiArea(std::string_view id) {
    for (const auto& a : wpiAreas())
        if (a.id == id) return &a;
    return nullptr;
}

const std::vector<Region>& regions() {
    static const std::vector<Region> all = makeRegions();
    return all;
}

const Region* findRegion(std::string_view id) {
    // Every body-map answer is checked, normalised and exported region by region: a hash lookup,
    // not a walk comparing 74 ids (most of one length).
    static const std::unordered_map<std::string_view, const Region*> byId = [] {
        std::unordered_map<std::string_view, const Region*> m;
        for (const auto& r : regions()) m.emplace(r.id, &r);
        return m;
    }();
    const auto it = byId.find(id);
    return it == byId.end() ? nullptr : it->second;
}

const Region* findRegionByChoir(int code) {
    for (const auto& r : regions())
        if (r.choir == code) return &r;
    return nullptr;
}

const std::vector<Alias>& aliases() {
    static const std::vector<Alias> all = makeAliases();
    return all;
}

std::vector<std::string_view> resolveRegion(std::string_view id) {
    if (const Region* r = findRegion(id)) return {r->id};
    for (const Alias& a : aliases())
        if (a.old == id) return a.now;
    return {};
}

const std::vector<std::string_view>& painKinds() {
    static const std::vector<std::string_view> kKinds{"aching", "burning", "sharp", "numbness",
                                                      "pins_needles", "stiffness"};
    return kKinds;
}

}  // namespace kiosk::bodymap
