#pragma once
// The body-map regions a patient can mark: the 74 segments of the CHOIR body map, each with a stable
// anatomical id for the record (e.g. "lower_back_l"), its CHOIR code, the view it is drawn on, the
// translation key of its plain-words name ("region.lower_back_l"), and where it counts in the 2016
// ACR Widespread Pain Index. This list is what forms, answers and records agree on; the drawn
// outlines are in geometry.h. Ids of the earlier list that no longer exist resolve through aliases().
#include <string_view>
#include <vector>

namespace kiosk::bodymap {

/// Which figure a region is on: the patient seen from the front or from the back.
enum class View { Front, Back };

/// @brief The five body regions of the 2016 fibromyalgia criteria ("generalized pain" is pain in
///        at least 4 of them): left/right upper, left/right lower, axial. Sides are the patient's.
enum class WpiRegion { LeftUpper, RightUpper, LeftLower, RightLower, Axial };
std::string_view toString(WpiRegion region);  ///< "left_upper", ..., "axial"

/// @brief One of the 19 areas of the Widespread Pain Index (each counts once when painful).
struct WpiArea {
    std::string_view id;     ///< e.g. "shoulder_girdle_l", "lower_back"
    WpiRegion region;        ///< the criteria's region for this area
    bool countsForGeneralized;  ///< false for jaw, chest and abdomen (the criteria leave them out)
};
/// The 19 areas in the criteria's order (left upper, right upper, left lower, right lower, axial).
const std::vector<WpiArea>& wpiAreas();
const WpiArea* findWpiArea(std::string_view id);

struct Region {
    std::string_view id;     ///< e.g. "shoulder_back_l"; _l/_r are the patient's left/right
    View view;
    std::string_view group;  ///< coarse area for lists: head_neck, shoulders_arms, back, chest_abdomen, hips_legs, hands, feet
    int choir;               ///< CHOIR body map segment: 101-136 front, 201-238 back
    std::string_view wpiArea;  ///< a wpiAreas() id, or "" where the index has no area (head, hands, feet)
    WpiRegion wpiRegion;     ///< the body region it lies in (for a region with a WPI area, that area's)
};

/// Every region, front then back, head to foot, each pair right side first, in a stable order.
const std::vector<Region>& regions();
const Region* findRegion(std::string_view id);
const Region* findRegionByChoir(int code);

/// @brief A region id of the earlier list (before the drawn map) and the region(s) it became.
struct Alias {
    std::string_view old;
    std::vector<std::string_view> now;  ///< one or two current ids
};
/// Every old id that is no longer a region, so that old records and answer files still load.
const std::vector<Alias>& aliases();

/// The current region ids @p id stands for: {id} for a current id, the alias' regions for an old
/// one, empty for an unknown id.
std::vector<std::string_view> resolveRegion(std::string_view id);

/// The pain kinds a body_map item with `detail: [kind]` offers; translation keys "pain_kind.<id>".
const std::vector<std::string_view>& painKinds();

}  // namespace kiosk::bodymap
