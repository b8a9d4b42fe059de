#include "kiosk/bodymap/draw_figure.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::bodymap {
namespace {

double linear(double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(Colour c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

void source(cairo_t* cr, Colour c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void path(cairo_t* cr, const RegionShape& region, const Placement& at) {
    for (const Polygon& poly : region.polygons) {
        cairo_move_to(cr, at.toDeviceX(poly.front().x), at.toDeviceY(poly.front().y));
        for (size_t i = 1; i < poly.size(); ++i) cairo_line_to(cr, at.toDeviceX(poly[i].x), at.toDeviceY(poly[i].y));
        cairo_close_path(cr);
    }
}

const FigureMark* markOf(const std::vector<FigureMark>& marks, std::string_view id) {
    for (const FigureMark& m : marks)
        if (m.region == id) return &m;
    return nullptr;
}

Colour tintOf(const FigureStyle& style, const FigureMark* m) {
    if (!m) return style.fill;
    if (m->intensity < 0 || m->intensity > 10) return style.unrated;
    return intensityTints()[static_cast<size_t>(m->intensity)];
}

/// The "marked, no number yet" cue.
void checkMark(cairo_t* cr, const MarkLabel& label) {
    const CheckStroke c = checkMarkStroke(label);
    cairo_move_to(cr, c.points[0][0], c.points[0][1]);
    cairo_line_to(cr, c.points[1][0], c.points[1][1]);
    cairo_line_to(cr, c.points[2][0], c.points[2][1]);
    cairo_set_line_width(cr, c.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
}

void number(cairo_t* cr, const MarkLabel& label) {
    cairo_select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, label.height / 0.72);  // digits are ~0.72 of the em
    cairo_text_extents_t e;
    cairo_text_extents(cr, label.text.c_str(), &e);
    cairo_move_to(cr, label.x - e.width / 2 - e.x_bearing, label.y - e.height / 2 - e.y_bearing);
    cairo_show_text(cr, label.text.c_str());
}

}  // namespace

Colour colourOf(unsigned rgb) {
    return Colour{((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0, 1};
}

double contrast(Colour a, Colour b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const std::array<Colour, 11>& intensityTints() {
    static const std::array<Colour, 11> tints = {
        colourOf(0xFFFFCC), colourOf(0xFFEDA0), colourOf(0xFED976), colourOf(0xFEB24C),
        colourOf(0xFD8D3C), colourOf(0xFC4E2A), colourOf(0xE31A1C), colourOf(0xCB0B22),
        colourOf(0xB10026), colourOf(0x940024), colourOf(0x760020)};
    return tints;
}

Colour numberColourOn(Colour tint, Colour dark, Colour light) {
    return contrast(tint, dark) >= contrast(tint, light) ? dark : light;
}

Placement fitView(const ViewBox& box, double x, double y, double w, double h) {
    Placement p;
    p.box = box;
    if (box.empty() || w <= 0 || h <= 0) return p;
    p.scale = std::min(w / box.width, h / box.height);
    p.x = x + (w - box.width * p.scale) / 2;
    p.y = y + (h - box.height * p.scale) / 2;
    return p;
}

std::vector<MarkLabel> markLabels(const Figure& figure, View view, const Placement& at, const FigureStyle& style,
                                  const std::vector<FigureMark>& marks) {
    std::vector<MarkLabel> out;
    for (const FigureMark& m : marks) {
        const RegionShape* r = figure.geometry.find(m.region);
        const Inside* in = figure.insideOf(m.region);
        if (!r || !in || r->view != view) continue;
        MarkLabel l;
        l.region = r->id;
        if (m.intensity >= 0 && m.intensity <= 10) l.text = std::to_string(m.intensity);
        // As large as the style allows, as small as the region needs: the circle at the deepest
        // point holds the label.
        l.height = std::min(style.numberHeight, in->radius * at.scale * 1.3);
        l.x = at.toDeviceX(in->point.x);
        l.y = at.toDeviceY(in->point.y);
        l.colour = numberColourOn(tintOf(style, &m), style.textDark, style.textLight);
        out.push_back(std::move(l));
    }
    return out;
}

CheckStroke checkMarkStroke(const MarkLabel& label) {
    const double x = label.x, y = label.y, h = label.height;
    return CheckStroke{{{{x - h * 0.45, y}, {x - h * 0.1, y + h * 0.35}, {x + h * 0.5, y - h * 0.4}}},
                       std::max(1.5, h * 0.18)};
}

void drawFigure(cairo_t* cr, const Figure& figure, View view, const Placement& at, const FigureStyle& style,
                const std::vector<FigureMark>& marks, const std::vector<std::string_view>& highlighted) {
    cairo_save(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_BEST);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);  // as hit_test.h reads several outlines
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const auto& regions = figure.geometry.regions;
    for (const RegionShape& r : regions) {
        if (r.view != view) continue;
        path(cr, r, at);
        source(cr, tintOf(style, markOf(marks, r.id)));
        cairo_fill(cr);
    }
    // Outlines after every fill, so a neighbour's fill never covers a shared edge.
    cairo_set_line_width(cr, style.outlineWidth);
    source(cr, style.outline);
    for (const RegionShape& r : regions) {
        if (r.view != view) continue;
        path(cr, r, at);
        cairo_stroke(cr);
    }
    cairo_set_line_width(cr, style.highlightWidth);
    source(cr, style.highlight);
    for (const RegionShape& r : regions) {
        if (r.view != view || std::find(highlighted.begin(), highlighted.end(), r.id) == highlighted.end()) continue;
        path(cr, r, at);
        cairo_stroke(cr);
    }
    if (style.labels) {
        for (const MarkLabel& l : markLabels(figure, view, at, style, marks)) {
            source(cr, l.colour);
            if (l.text.empty()) checkMark(cr, l);
            else number(cr, l);
        }
    }
    cairo_restore(cr);
}

}  // namespace kiosk::bodymap
