#pragma once
// A PNG of one colour, written with cairo: a clinic logo for the logo and screenshot tests.
#include <cairo.h>

#include <string>

namespace kiosk::testing {

/// Writes a @p width x @p height PNG of the colour (@p r, @p g, @p b) at opacity @p a (0..1, stored
/// as is, not blended over anything). False when cairo cannot write it.
inline bool writeSolidPng(const std::string& path, int width, int height, double r, double g, double b,
                          double a = 1.0) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_destroy(cr);
    const bool ok = cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok;
}

}  // namespace kiosk::testing
