#pragma once
// Measures of region outlines, in view coordinates: area, distance from a point (for a tap that
// lands beside a small region) and the point deepest inside (where a figure writes a region's
// number, and where tests tap). Pure geometry over bodymap::RegionShape, no drawing.
#include "kiosk/bodymap/geometry.h"

namespace kiosk::bodymap {

/// Area of @p region by the even-odd rule (a hole subtracts), in square view units.
double area(const RegionShape& region);

/// 0 for a point inside @p region (hit_test.h contains()), else the distance to its nearest edge.
double distanceTo(const RegionShape& region, Point p);
/// The distance from @p p to the nearest edge of @p region, whether @p p is inside or not.
double edgeDistance(const RegionShape& region, Point p);

/// @brief A point well inside a region and how far it is from the region's edge.
struct Inside {
    Point point;
    double radius = 0;  ///< distance to the nearest edge: the largest circle there fits
};
/// The point of @p region farthest from its edges (found on a grid and refined; within ~1% of
/// the region's size of the true pole of inaccessibility), never on an edge or in a hole.
Inside deepestPoint(const RegionShape& region);

}  // namespace kiosk::bodymap
