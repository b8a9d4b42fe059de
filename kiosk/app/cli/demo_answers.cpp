#include "kiosk/app/cli/demo_answers.h"

#include <algorithm>
#include <cmath>

#include "kiosk/bodymap/regions.h"

namespace kiosk::app {
namespace {

using forms::ItemType;

std::string demoText(const forms::Item& item) {
    std::string text;
    switch (item.textKind) {
        case forms::TextKind::Name:  // "first_name" / "last_name" get one part each
            if (item.id.find("last") != std::string::npos || item.id.find("family") != std::string::npos) {
                text = "Demo";
            } else {
                text = item.id.find("first") != std::string::npos ? "Ana" : "Ana Demo";
            }
            break;
        case forms::TextKind::Phone:
            text = "555 0142";
            break;
        case forms::TextKind::Email:
            text = "ana@example.org";
            break;
        case forms::TextKind::Multiline:
            text = "Lower back pain since gardening last spring.";
            break;
        case forms::TextKind::Text:
            text = "Gardening";
            break;
    }
    if (item.maxLength > 0 && text.size() > static_cast<size_t>(item.maxLength))
        text.resize(static_cast<size_t>(item.maxLength));
    return text;
}

double clampTo(const forms::Item& item, double value) {
    if (item.min) value = std::max(value, *item.min);
    if (item.max) value = std::min(value, *item.max);
    return value;
}

forms::BodyMapAnswer demoBodyMap(const forms::Item& item) {
    forms::BodyMapAnswer marks;
    const bool intensity =
        std::find(item.detail.begin(), item.detail.end(), forms::BodyDetail::Intensity) != item.detail.end();
    const bool kind =
        std::find(item.detail.begin(), item.detail.end(), forms::BodyDetail::Kind) != item.detail.end();
    size_t picked = 0;
    for (const auto& region : bodymap::regions()) {
        // Prefer the lower back and a knee: what a pain clinic's demo should look like.
        if (region.id.find("lower_back") == std::string_view::npos &&
            region.id.find("knee") == std::string_view::npos)
            continue;
        forms::BodyMark mark;
        mark.region = std::string(region.id);
        if (intensity) mark.intensity = 6;
        if (kind && !bodymap::painKinds().empty()) mark.kinds.emplace_back(bodymap::painKinds().front());
        marks.push_back(std::move(mark));
        if (++picked == 2) break;
    }
    if (marks.empty() && !bodymap::regions().empty()) {
        marks.push_back(forms::BodyMark{std::string(bodymap::regions().front().id), std::nullopt, {}});
    }
    return marks;
}

forms::Signature demoSignature() {
    forms::Stroke stroke;
    for (int i = 0; i <= 20; ++i) {
        const float t = static_cast<float>(i) / 20.0f;
        stroke.push_back(forms::Point{0.1f + 0.8f * t, 0.5f + 0.25f * std::sin(t * 12.0f)});
    }
    return forms::Signature{{stroke}};
}

std::optional<forms::Answer> singleAnswer(const forms::Item& item);

}  // namespace

std::optional<forms::Answer> demoAnswer(const forms::Item& item) {
    std::optional<forms::Answer> one = singleAnswer(item);
    if (!item.repeats || !one) return one;
    if (const auto* n = std::get_if<double>(&*one)) return forms::Answer{forms::NumberList{*n}};  // a list of one
    if (const auto* d = std::get_if<forms::Date>(&*one)) return forms::Answer{forms::DateList{*d}};
    return one;
}

namespace {

std::optional<forms::Answer> singleAnswer(const forms::Item& item) {
    switch (item.type) {
        case ItemType::Info:
            return std::nullopt;
        case ItemType::Text:
            return demoText(item);
        case ItemType::Number:
            return clampTo(item, item.min ? std::ceil(*item.min) : 3.0);
        case ItemType::Date:
            return forms::Date{1956, 4, 12};
        case ItemType::YesNo:
        case ItemType::Consent:
            return true;
        case ItemType::Scale:
            return clampTo(item, 6.0);
        case ItemType::Single:
            if (item.options.empty()) return std::nullopt;
            return item.options.front().value;
        case ItemType::Multi: {
            std::vector<std::string> picked;
            for (const auto& o : item.options) {
                if (o.exclusive) continue;
                picked.push_back(o.value);
                const size_t want = static_cast<size_t>(std::max(1, item.minSelected));
                if (picked.size() >= want) break;
            }
            return picked;
        }
        case ItemType::Matrix: {
            forms::MatrixAnswer rows;
            if (item.options.empty()) return std::nullopt;
            for (const auto& row : item.rows)
                rows[row.id] = item.options[std::min<size_t>(1, item.options.size() - 1)].value;
            return rows;
        }
        case ItemType::BodyMap:
            return demoBodyMap(item);
        case ItemType::Signature:
            return demoSignature();
        case ItemType::List: {  // two entries (or what min_entries asks), every field answered
            forms::ListAnswer entries;
            const int n = std::min(item.maxEntries, std::max(2, item.minEntries));
            for (int i = 0; i < n; ++i) {
                forms::ListEntry entry;
                for (const forms::Item& field : item.fields)
                    if (auto a = singleAnswer(field)) entry.fields.emplace(field.id, std::move(*a));
                entries.push_back(std::move(entry));
            }
            return entries;
        }
    }
    return std::nullopt;
}

}  // namespace

}  // namespace kiosk::app
