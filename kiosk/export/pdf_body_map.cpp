#include "kiosk/export/pdf_body_map.h"

#include <cairo.h>

#include <algorithm>

#include "kiosk/bodymap/draw_figure.h"

namespace kiosk::exports {
namespace {

/// Print colours: a white body with mid-grey lines reads on any printer, tints carry the intensity.
/// A marked region is also outlined in black: the pale tints of intensities 0 to 2 are white on a
/// greyscale printer, and the outline keeps them apart from the unmarked body.
bodymap::FigureStyle printStyle(double height) {
    bodymap::FigureStyle s;
    s.fill = bodymap::colourOf(0xFFFFFF);
    s.outline = bodymap::colourOf(0x8A8A8A);
    s.outlineWidth = 0.5;
    s.unrated = bodymap::colourOf(0xBDBDBD);
    s.highlight = bodymap::colourOf(0x000000);
    s.highlightWidth = 1.4;
    s.textDark = bodymap::colourOf(0x000000);
    s.textLight = bodymap::colourOf(0xFFFFFF);
    s.numberHeight = std::max(6.0, height / 28);
    return s;
}

}  // namespace

BodyMapFigure bodyMapFigureOf(std::shared_ptr<const bodymap::Figure> figure) {
    if (!figure) return {};
    return [figure](cairo_t* cr, double x, double y, double w, double h, const std::vector<ReadMark>& marks) {
        std::vector<bodymap::FigureMark> drawn;
        std::vector<std::string_view> outlined;
        drawn.reserve(marks.size());
        outlined.reserve(marks.size());
        for (const ReadMark& m : marks) {
            drawn.push_back({m.region, m.intensity.value_or(-1)});
            outlined.push_back(m.region);
        }
        const bodymap::FigureStyle style = printStyle(h);
        const double half = w / 2;
        for (const bodymap::View view : {bodymap::View::Front, bodymap::View::Back}) {
            const bodymap::ViewBox& box = figure->geometry.box(view);
            if (box.empty()) continue;
            const double left = view == bodymap::View::Front ? x : x + half;
            bodymap::drawFigure(cr, *figure, view, bodymap::fitView(box, left, y, half, h), style, drawn, outlined);
        }
    };
}

}  // namespace kiosk::exports
