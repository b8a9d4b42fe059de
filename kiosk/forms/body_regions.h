#pragma once
// The body-map regions a patient can mark: stable anatomical ids for the record (e.g. "trapezius_l"),
// the view they belong to, and the translation key of their plain-words name ("region.trapezius_l").
// The widget's geometry lives in ui/; this list is what forms, answers and records agree on.
#include <string_view>
#include <vector>

namespace kiosk::forms {

enum class BodyView { Front, Back };

struct BodyRegion {
    std::string_view id;     ///< e.g. "shoulder_blade_l"; _l/_r are the patient's left/right
    BodyView view;
    std::string_view group;  ///< coarse area for lists: head_neck, shoulders_arms, back, chest_abdomen, hips_legs, hands, feet
};

/// Every region, front then back, in a stable order.
const std::vector<BodyRegion>& bodyRegions();
const BodyRegion* findBodyRegion(std::string_view id);

/// The pain kinds a body_map item with `detail: [kind]` offers; translation keys "pain_kind.<id>".
const std::vector<std::string_view>& painKinds();

}  // namespace kiosk::forms
