#pragma once
// Which region is under a point: exact point-in-polygon on the source outlines (concave shapes,
// pieces and holes included), so a tap lands where the figure shows it, on screen and in tests.
#include <optional>
#include <string_view>

#include "kiosk/bodymap/geometry.h"

namespace kiosk::bodymap {

/// True when @p p is inside @p region by the even-odd rule over all its polygons. A point on an
/// edge two regions share belongs to exactly one of them (edges are half-open), so a tap on a
/// boundary never hits two regions and never falls between them.
bool contains(const RegionShape& region, Point p);

/// @brief The id of the region of @p view under @p p (in the view box's coordinates), or nullopt
///        for a point on no region of that view. Regions of the other view are never hit. When
///        outlines overlap, the first in file order wins. The id points into @p geometry.
std::optional<std::string_view> hitTest(const Geometry& geometry, View view, Point p);

}  // namespace kiosk::bodymap
