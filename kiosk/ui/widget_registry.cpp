#include "kiosk/ui/widget_registry.h"

#include <algorithm>

namespace kiosk::ui {

const char* toString(WidgetKind kind) {
    switch (kind) {
        case WidgetKind::Button: return "button";
        case WidgetKind::Choice: return "choice";
        case WidgetKind::Toggle: return "toggle";
        case WidgetKind::Field: return "field";
        case WidgetKind::Key: return "key";
        case WidgetKind::Stepper: return "stepper";
        case WidgetKind::Canvas: return "canvas";
        case WidgetKind::Region: return "region";
        case WidgetKind::Hidden: return "hidden";
    }
    return "?";
}

Rect Rect::intersect(const Rect& o) const {
    const float x0 = std::max(x, o.x), y0 = std::max(y, o.y);
    const float x1 = std::min(right(), o.right()), y1 = std::min(bottom(), o.bottom());
    if (x1 <= x0 || y1 <= y0) return Rect{x0, y0, 0, 0};
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

float gapBetween(const Rect& a, const Rect& b) {
    const float dx = std::max(b.x - a.right(), a.x - b.right());
    const float dy = std::max(b.y - a.bottom(), a.y - b.bottom());
    return std::max(dx, dy);
}

const WidgetInfo* WidgetRegistry::find(std::string_view key) const {
    auto it = std::find_if(m_widgets.begin(), m_widgets.end(),
                           [&](const WidgetInfo& w) { return w.key == key; });
    return it == m_widgets.end() ? nullptr : &*it;
}

const TextInfo* WidgetRegistry::findText(std::string_view key) const {
    auto it = std::find_if(m_texts.begin(), m_texts.end(), [&](const TextInfo& t) { return t.key == key; });
    return it == m_texts.end() ? nullptr : &*it;
}

const ScrollInfo* WidgetRegistry::findScroll(std::string_view area) const {
    auto it = std::find_if(m_scrolls.begin(), m_scrolls.end(), [&](const ScrollInfo& s) { return s.area == area; });
    return it == m_scrolls.end() ? nullptr : &*it;
}

std::vector<const WidgetInfo*> WidgetRegistry::withPrefix(std::string_view prefix) const {
    std::vector<const WidgetInfo*> out;
    for (const auto& w : m_widgets)
        if (std::string_view(w.key).substr(0, prefix.size()) == prefix) out.push_back(&w);
    return out;
}

}  // namespace kiosk::ui
