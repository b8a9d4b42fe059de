#include "kiosk/bodymap/hit_test.h"

namespace kiosk::bodymap {

bool contains(const RegionShape& region, Point p) {
    // Crossing test (W. R. Franklin's PNPOLY): count edges a ray to the right of p crosses. An edge
    // counts when it spans p.y half-open ([min, max)), which is what makes shared edges exclusive.
    bool inside = false;
    const double px = p.x, py = p.y;
    for (const Polygon& poly : region.polygons) {
        for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
            const double xi = poly[i].x, yi = poly[i].y, xj = poly[j].x, yj = poly[j].y;
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

std::optional<std::string_view> hitTest(const Geometry& geometry, View view, Point p) {
    for (const RegionShape& region : geometry.regions)
        if (region.view == view && contains(region, p)) return std::string_view(region.id);
    return std::nullopt;
}

}  // namespace kiosk::bodymap
