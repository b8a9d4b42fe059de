#pragma once
// The body-map regions a patient can mark: stable anatomical ids for the record (e.g. "trapezius_l"),
// the view they belong to, and the translation key of their plain-words name ("region.trapezius_l").
// This list is what forms, answers and records agree on; the drawn outlines are in geometry.h.
#include <string_view>
#include <vector>

namespace kiosk::bodymap {

/// Which figure a region is on: the patient seen from the front or from the back.
enum class View { Front, Back };

struct Region {
    std::string_view id;     ///< e.g. "shoulder_blade_l"; _l/_r are the patient's left/right
    View view;
    std::string_view group;  ///< coarse area for lists: head_neck, shoulders_arms, back, chest_abdomen, hips_legs, hands, feet
};

/// Every region, front then back, in a stable order.
const std::vector<Region>& regions();
const Region* findRegion(std::string_view id);

/// The pain kinds a body_map item with `detail: [kind]` offers; translation keys "pain_kind.<id>".
const std::vector<std::string_view>& painKinds();

}  // namespace kiosk::bodymap
