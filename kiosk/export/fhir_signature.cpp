#include "kiosk/export/fhir_signature.h"

#include <cairo.h>

#include <memory>

namespace kiosk::exports::fhir {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string signaturePng(const forms::Signature& signature) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, kSignatureWidth, kSignatureHeight), cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_set_line_width(cr.get(), 3);
    cairo_set_line_cap(cr.get(), CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr.get(), CAIRO_LINE_JOIN_ROUND);
    for (const forms::Stroke& stroke : signature.strokes) {
        if (stroke.empty()) continue;
        cairo_move_to(cr.get(), stroke.front().x * kSignatureWidth, stroke.front().y * kSignatureHeight);
        // A tap (one point) still leaves a dot.
        if (stroke.size() == 1) cairo_rel_line_to(cr.get(), 0, 0);
        for (const forms::Point& p : stroke) cairo_line_to(cr.get(), p.x * kSignatureWidth, p.y * kSignatureHeight);
        cairo_stroke(cr.get());
    }
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS) return {};
    return png;
}

}  // namespace kiosk::exports::fhir
