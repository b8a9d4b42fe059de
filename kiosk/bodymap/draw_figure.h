#pragma once
// Drawing the body-map figure with cairo: filled, antialiased regions with outlines between them,
// marked regions tinted by intensity and carrying their number (colour is never the only cue).
// Plain cairo on a cairo_t the caller owns: the kiosk draws into an image for a texture, the
// therapist's PDF onto a PDF surface, both from the same bodymap::Figure.
#include <array>
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

/// @brief Draws @p view of @p figure at @p at: every region filled (its tint when marked), the
///        outlines, then the @p highlighted regions' outlines on top, then each marked region's
///        number at its deepest point (or a check mark when no intensity is given). Paints no
///        background. Leaves the cairo_t's state as it found it.
void drawFigure(cairo_t* cr, const Figure& figure, View view, const Placement& at, const FigureStyle& style,
                const std::vector<FigureMark>& marks, const std::vector<std::string_view>& highlighted);

}  // namespace kiosk::bodymap
