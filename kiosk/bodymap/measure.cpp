#include "kiosk/bodymap/measure.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kiosk/bodymap/hit_test.h"

namespace kiosk::bodymap {
namespace {

double segmentDistance2(Point p, Point a, Point b) {  // squared: one sqrt per point, not per edge
    const double dx = double(b.x) - a.x, dy = double(b.y) - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((double(p.x) - a.x) * dx + (double(p.y) - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

double edgeDistanceOf(const RegionShape& region, Point p) {
    double best = std::numeric_limits<double>::infinity();
    for (const Polygon& poly : region.polygons)
        for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
            best = std::min(best, segmentDistance2(p, poly[j], poly[i]));
    return std::sqrt(best);
}

struct Box {
    float x0, y0, x1, y1;
};

Box bounds(const RegionShape& region) {
    Box b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(),
          std::numeric_limits<float>::lowest()};
    for (const Polygon& poly : region.polygons)
        for (Point p : poly) {
            b.x0 = std::min(b.x0, p.x);
            b.y0 = std::min(b.y0, p.y);
            b.x1 = std::max(b.x1, p.x);
            b.y1 = std::max(b.y1, p.y);
        }
    return b;
}

}  // namespace

double area(const RegionShape& region) {
    // Shoelace per outline; with the even-odd rule an outline inside another is a hole, so the
    // signed areas of nested outlines are combined by depth rather than by winding direction.
    double total = 0;
    for (size_t k = 0; k < region.polygons.size(); ++k) {
        const Polygon& poly = region.polygons[k];
        double a = 0;
        for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
            a += (double(poly[j].x) * poly[i].y) - (double(poly[i].x) * poly[j].y);
        int depth = 0;  // how many other outlines contain this one's first point
        for (size_t o = 0; o < region.polygons.size(); ++o)
            if (o != k && contains(RegionShape{"", 0, region.view, {region.polygons[o]}}, poly.front())) ++depth;
        total += (depth % 2 == 0 ? 1 : -1) * std::fabs(a) / 2;
    }
    return total;
}

double edgeDistance(const RegionShape& region, Point p) { return edgeDistanceOf(region, p); }

double distanceTo(const RegionShape& region, Point p) {
    return contains(region, p) ? 0.0 : edgeDistanceOf(region, p);
}

Inside deepestPoint(const RegionShape& region) {
    // A 12 x 12 grid over the bounding box, then 6 x 6 grids, each a third as wide, around the
    // best point so far: a few hundred distance checks per region (start-up measures all 74).
    const Box b = bounds(region);
    Inside best{Point{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2}, -1};
    double cx = best.point.x, cy = best.point.y;
    double w = double(b.x1) - b.x0, h = double(b.y1) - b.y0;
    for (int round = 0; round < 6; ++round) {
        const int steps = round == 0 ? 12 : 6;
        const double x0 = cx - w / 2, y0 = cy - h / 2;
        for (int iy = 0; iy <= steps; ++iy)
            for (int ix = 0; ix <= steps; ++ix) {
                const Point p{static_cast<float>(x0 + w * ix / steps), static_cast<float>(y0 + h * iy / steps)};
                if (!contains(region, p)) continue;
                const double d = edgeDistanceOf(region, p);
                if (d > best.radius) best = Inside{p, d};
            }
        cx = best.point.x;
        cy = best.point.y;
        w /= round == 0 ? 4 : 3;  // the first window keeps 3 coarse cells around the best
        h /= round == 0 ? 4 : 3;
    }
    if (best.radius < 0) best.radius = 0;  // a degenerate outline: its box centre
    return best;
}

}  // namespace kiosk::bodymap
