#pragma once
// Drawing the body-map figure with cairo: filled, antialiased regions with outlines between them,
// marked regions tinted by intensity and carrying their number (colour is never the only cue).
// Plain cairo on a cairo_t the caller owns: the kiosk draws into an image for a texture, the
// therapist's PDF onto a PDF surface, both from the same bodymap::Figure.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>

#include "kiosk/bodymap/figure.h"

namespace kiosk::bodymap {

/// @brief A colour for cairo: red, green, blue and alpha from 0 to 1.
struct Colour {
    double r = 0, g = 0, b = 0, a = 1;
};
/// 0xRRGGBB -> Colour (opaque).
Colour colourOf(unsigned rgb);
/// WCAG 2.1 contrast ratio of two opaque colours (1..21).
double contrast(Colour a, Colour b);

/// The tint of a region marked with intensity 0..10, light yellow to dark red (ColorBrewer YlOrRd,
/// stretched to 11 steps): the same meaning on the kiosk and on paper.
const std::array<Colour, 11>& intensityTints();
/// Whichever of @p dark and @p light reads better on @p tint (for the number written on it).
Colour numberColourOn(Colour tint, Colour dark, Colour light);

/// @brief How the figure looks; sizes are in the cairo device units the caller draws in.
struct FigureStyle {
    Colour fill;             ///< a region nobody marked
    Colour outline;          ///< the lines between regions
    double outlineWidth = 1.5;
    Colour unrated;          ///< a marked region whose intensity is not given (yet); a check mark shows
    Colour highlight;        ///< outline of the region being edited, or the two a tap could mean
    double highlightWidth = 4;
    Colour textDark, textLight;  ///< numbers on tints: whichever contrasts more
    double numberHeight = 16;    ///< the largest number drawn; smaller in a narrow region
    /// false: drawFigure leaves the numbers and check marks out and the caller writes them from
    /// markLabels() (the kiosk does, from its own font atlas: its first body-map frame then needs
    /// no cairo font, which costs a fontconfig lookup). true for paper.
    bool labels = true;
};

/// @brief A marked region as the figure shows it.
struct FigureMark {
    std::string_view region;
    int intensity = -1;  ///< 0..10, or -1 when not given
};

/// @brief Where a view's box lands on the device: device = origin + (view - box origin) * scale.
struct Placement {
    double scale = 1, x = 0, y = 0;  ///< device position of the view box's top-left corner
    ViewBox box;
    double toDeviceX(double vx) const { return x + (vx - box.x) * scale; }
    double toDeviceY(double vy) const { return y + (vy - box.y) * scale; }
    Point toView(double dx, double dy) const {
        return Point{static_cast<float>(box.x + (dx - x) / scale), static_cast<float>(box.y + (dy - y) / scale)};
    }
};
/// The largest placement of @p box inside the device rectangle (x, y, w, h), aspect kept, centred.
Placement fitView(const ViewBox& box, double x, double y, double w, double h);

/// @brief What a marked region carries on the figure: its intensity as a number, or a check mark
///        while no intensity is given (colour is never the only cue).
struct MarkLabel {
    std::string_view region;
    std::string text;     ///< "0".."10"; "" = a check mark (checkMarkStroke())
    double x = 0, y = 0;  ///< device centre: the region's deepest point
    double height = 0;    ///< device height of the digits or the check mark: small regions get smaller ones
    Colour colour;        ///< style.textDark or style.textLight, whichever reads better on the tint
};
/// The labels of @p marks on @p view, in the order of @p marks (marks on the other view skipped).
std::vector<MarkLabel> markLabels(const Figure& figure, View view, const Placement& at, const FigureStyle& style,
                                  const std::vector<FigureMark>& marks);

/// @brief The check mark of a label with no number: a stroke through three points, device units.
struct CheckStroke {
    std::array<std::array<double, 2>, 3> points;
    double width = 0;
};
CheckStroke checkMarkStroke(const MarkLabel& label);

/// @brief Draws @p view of @p figure at @p at: every region filled (its tint when marked), the
///        outlines, then the @p highlighted regions' outlines on top, then (style.labels) each
///        marked region's label (markLabels(): its number at its deepest point, or a check mark
///        when no intensity is given; numbers in cairo's "Noto Sans" bold). Paints no background.
///        Leaves the cairo_t's state as it found it.
///
///        For the therapist's PDF: make the cairo_t on a PDF surface, pick a Placement with
///        fitView() for the box on the page (device units are points there), a FigureStyle in
///        print colours (style.labels = true), the record's marks as FigureMark, no highlight.
void drawFigure(cairo_t* cr, const Figure& figure, View view, const Placement& at, const FigureStyle& style,
                const std::vector<FigureMark>& marks, const std::vector<std::string_view>& highlighted);

}  // namespace kiosk::bodymap
