#include "kiosk/bodymap/figure.h"

#include <algorithm>
#include <utility>

#include "kiosk/bodymap/hit_test.h"

namespace kiosk::bodymap {

const Inside* Figure::insideOf(std::string_view id) const {
    for (size_t i = 0; i < geometry.regions.size() && i < inside.size(); ++i)
        if (geometry.regions[i].id == id) return &inside[i];
    return nullptr;
}

Figure makeFigure(Geometry geometry) {
    Figure f{std::move(geometry), {}};
    f.inside.reserve(f.geometry.regions.size());
    for (const RegionShape& r : f.geometry.regions) f.inside.push_back(deepestPoint(r));
    return f;
}

Pick pick(const Figure& figure, View view, Point p, const FingerSize& finger) {
    const auto& regions = figure.geometry.regions;
    const auto small = [&](size_t i) { return i < figure.inside.size() && figure.inside[i].radius < finger.small; };
    size_t hit = regions.size();
    for (size_t i = 0; i < regions.size() && hit == regions.size(); ++i)
        if (regions[i].view == view && contains(regions[i], p)) hit = i;
    if (hit < regions.size() && !small(hit)) return Pick{Pick::Kind::One, regions[hit].id, {}};

    // The other regions near enough to matter, nearest first.
    const double within = hit < regions.size() ? finger.ambiguous : finger.reach;
    std::vector<std::pair<double, size_t>> near;
    for (size_t i = 0; i < regions.size(); ++i) {
        if (i == hit || regions[i].view != view) continue;
        const double d = distanceTo(regions[i], p);
        if (d <= within) near.emplace_back(d, i);
    }
    std::sort(near.begin(), near.end());
    if (hit < regions.size()) {
        // How far the tap is from the border between the two: its depth in one plus its gap to the other.
        const double depth = edgeDistance(regions[hit], p);
        if (!near.empty() && small(near[0].second) && depth + near[0].first <= finger.ambiguous)
            return Pick{Pick::Kind::Ambiguous, regions[hit].id, regions[near[0].second].id};
        return Pick{Pick::Kind::One, regions[hit].id, {}};
    }
    if (near.empty()) return Pick{};
    if (near.size() >= 2 && small(near[0].second) && small(near[1].second) &&
        near[1].first - near[0].first <= finger.ambiguous)
        return Pick{Pick::Kind::Ambiguous, regions[near[0].second].id, regions[near[1].second].id};
    return Pick{Pick::Kind::One, regions[near[0].second].id, {}};
}

}  // namespace kiosk::bodymap
