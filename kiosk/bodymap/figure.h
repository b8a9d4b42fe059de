#pragma once
// bodymap::Figure: a loaded geometry with what is measured once per region (its deepest point,
// where a number is written and tests tap), and pick(): what a fingertip on the figure means.
// A finger is not a point: a tap beside a small region (the wrist, an ankle) still finds it, and a
// tap between two small neighbours is left to the patient instead of guessed.
#include <string_view>
#include <vector>

#include "kiosk/bodymap/geometry.h"
#include "kiosk/bodymap/measure.h"

namespace kiosk::bodymap {

/// @brief Geometry plus per-region measures, index for index with geometry.regions.
struct Figure {
    Geometry geometry;
    std::vector<Inside> inside;  ///< deepestPoint() of each region

    const Inside* insideOf(std::string_view id) const;
};

/// Measures every region of @p geometry (a few milliseconds for CHOIR's 74).
Figure makeFigure(Geometry geometry);

/// @brief How big a fingertip is, in the view's units (the caller converts from screen pixels).
struct FingerSize {
    double reach = 0;      ///< a tap on no region picks the nearest region this close
    double ambiguous = 0;  ///< how near a border between two small regions a tap must be to mean either
    double small = 0;      ///< a region whose deepest point is nearer its edge than this is small
};

/// @brief What a tap means: nothing, one region, or one of two small neighbours (ask which).
struct Pick {
    enum class Kind { None, One, Ambiguous };
    Kind kind = Kind::None;
    std::string_view first;   ///< One, Ambiguous: the region (the nearer one when ambiguous)
    std::string_view second;  ///< Ambiguous only
};

/// @brief The region(s) a tap at @p p on @p view means. Inside a region that is not small: that
///        region. Inside a small region: it, unless the tap is within `ambiguous` of the border
///        with another small region (its depth inside plus its distance to the other; then both).
///        On no region: the nearest within `reach`, unless the next nearest is also small and no
///        more than `ambiguous` farther (then both). Ids point into @p figure.
Pick pick(const Figure& figure, View view, Point p, const FingerSize& finger);

}  // namespace kiosk::bodymap
