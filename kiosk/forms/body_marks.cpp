#include "kiosk/forms/body_marks.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "kiosk/bodymap/regions.h"

namespace kiosk::forms {
namespace {

/// Folds @p add into @p into (same region): the stronger intensity, every kind once, in order.
void merge(BodyMark& into, const BodyMark& add) {
    if (add.intensity && (!into.intensity || *add.intensity > *into.intensity)) into.intensity = add.intensity;
    std::vector<std::string> kinds;
    const auto has = [](const std::vector<std::string>& v, std::string_view k) {
        return std::find(v.begin(), v.end(), k) != v.end();
    };
    for (std::string_view k : bodymap::painKinds())
        if (has(into.kinds, k) || has(add.kinds, k)) kinds.emplace_back(k);
    for (const auto& k : into.kinds)  // unknown kinds stay for checkAnswer to report
        if (!has(kinds, k)) kinds.push_back(k);
    for (const auto& k : add.kinds)
        if (!has(kinds, k)) kinds.push_back(k);
    into.kinds = std::move(kinds);
}

}  // namespace

BodyMapAnswer normalizeBodyMap(const BodyMapAnswer& marks) {
    const bool current = std::all_of(marks.begin(), marks.end(),
                                     [](const BodyMark& m) { return bodymap::findRegion(m.region) != nullptr; });
    if (current) return marks;  // today's answers: untouched (a duplicate is still reported)
    BodyMapAnswer out;
    std::vector<bool> viaAlias;  // per entry of out: an old id contributed to it
    for (const BodyMark& m : marks) {
        std::vector<std::string_view> now = bodymap::resolveRegion(m.region);
        const bool alias = !now.empty() && bodymap::findRegion(m.region) == nullptr;
        if (now.empty()) now.push_back(m.region);  // unknown: kept for the check to name
        for (std::string_view id : now) {
            auto it = std::find_if(out.begin(), out.end(), [&](const BodyMark& o) { return o.region == id; });
            const size_t at = static_cast<size_t>(it - out.begin());
            BodyMark moved{std::string(id), m.intensity, m.kinds};
            // Two current ids twice is a mistake the check reports; an old id meeting its region is not.
            if (it != out.end() && (alias || viaAlias[at])) {
                merge(*it, moved);
                viaAlias[at] = true;
            } else {
                out.push_back(std::move(moved));
                viaAlias.push_back(alias);
            }
        }
    }
    return out;
}

bool isPainful(const BodyMark& mark) { return !mark.intensity || *mark.intensity > 0; }

int painfulRegions(const BodyMapAnswer& marks) {
    std::set<std::string_view> regions;
    for (const BodyMark& m : marks)
        if (isPainful(m) && bodymap::findRegion(m.region)) regions.insert(m.region);
    return static_cast<int>(regions.size());
}

int widespreadPainIndex(const BodyMapAnswer& marks) {
    std::set<std::string_view> areas;
    for (const BodyMark& m : marks) {
        const bodymap::Region* r = bodymap::findRegion(m.region);
        if (r && isPainful(m) && !r->wpiArea.empty()) areas.insert(r->wpiArea);
    }
    return static_cast<int>(areas.size());
}

int generalizedPainRegions(const BodyMapAnswer& marks) {
    std::set<bodymap::WpiRegion> regions;
    for (const BodyMark& m : marks) {
        const bodymap::Region* r = bodymap::findRegion(m.region);
        const bodymap::WpiArea* a = r ? bodymap::findWpiArea(r->wpiArea) : nullptr;
        if (a && isPainful(m) && a->countsForGeneralized) regions.insert(a->region);
    }
    return static_cast<int>(regions.size());
}

std::optional<WorstRegion> worstRegion(const BodyMapAnswer& marks) {
    std::optional<WorstRegion> worst;
    for (const BodyMark& m : marks)
        if (m.intensity && (!worst || *m.intensity > worst->intensity)) worst = WorstRegion{m.region, *m.intensity};
    return worst;
}

}  // namespace kiosk::forms
