#pragma once
// bodymap::Geometry: the outlines of the regions a patient can tap, front and back, as read from a
// geometry file in assets/body_map/ (format: assets/body_map/README.md). The kiosk's figure and the
// therapist's PDF both draw from it and hit_test.h finds the region under a finger. Plain data: no
// drawing, no screen coordinates (a drawer maps the view box onto its own rectangle).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/bodymap/regions.h"
#include "kiosk/core/error.h"
#include "kiosk/core/text_file.h"

namespace kiosk::bodymap {

/// @brief A point in a view's coordinates (x to the right, y down, as in SVG and the CHOIR data).
struct Point {
    float x = 0, y = 0;
};

/// One closed outline; the last point joins the first.
using Polygon = std::vector<Point>;

/// @brief The rectangle a view's coordinates live in (SVG viewBox: origin and size).
struct ViewBox {
    float x = 0, y = 0, width = 0, height = 0;
    bool empty() const { return !(width > 0 && height > 0); }  ///< the file has no such view
    bool contains(Point p) const { return p.x >= x && p.y >= y && p.x <= x + width && p.y <= y + height; }
};

/// @brief One region's outline on one view. Several polygons are read with the even-odd rule: two
///        pieces side by side, or a ring around a hole, are one region.
struct RegionShape {
    std::string id;                 ///< the id answers store, e.g. "knee_front_l"
    int choir = 0;                  ///< its CHOIR body map segment (101-136 front, 201-238 back); 0 = none
    View view = View::Front;
    std::vector<Polygon> polygons;  ///< each with 3 or more points inside its view's box
};

/// @brief Every region outline of both views, in file order, and where the drawing comes from.
struct Geometry {
    ViewBox front, back;               ///< empty() for a view the file does not draw
    std::vector<RegionShape> regions;  ///< ids unique, CHOIR codes unique where given
    std::string attribution;           ///< credit the source asks for, shown in the about text
    std::string license;               ///< e.g. "MIT"

    const ViewBox& box(View view) const { return view == View::Front ? front : back; }
    const RegionShape* find(std::string_view id) const;
};

/// Geometry files are small (CHOIR's 74 regions are ~40 kB); a finer clinic map fits well under this.
inline constexpr core::TextFileKind kGeometryFile{
    "body map file", 4 * 1024 * 1024, "A body map with a few hundred regions is well under 1 MB: is this the right file?"};

/// @brief Reads and checks a geometry file. Every error names @p path, and where in the file
///        (a JSON line:col for syntax, a path such as regions[3].polygons[0] for content).
core::Result<Geometry> loadGeometry(const std::string& path);

/// As loadGeometry, from text already read; @p displayPath names it in errors.
core::Result<Geometry> parseGeometry(std::string_view text, const std::string& displayPath);

}  // namespace kiosk::bodymap
