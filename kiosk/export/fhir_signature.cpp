#include "kiosk/export/fhir_signature.h"

#include <cairo.h>
#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <memory>

namespace kiosk::exports::fhir {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

/// Draws the strokes into a 1-bit surface: set bits are ink.
Surface draw(const forms::Signature& signature) {
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_A1, kSignatureWidth, kSignatureHeight),
                    cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return surface;
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);  // 1 bit a pixel: nothing to smooth into
    cairo_set_line_width(cr.get(), 3);
    cairo_set_line_cap(cr.get(), CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr.get(), CAIRO_LINE_JOIN_ROUND);
    for (const forms::Stroke& stroke : signature.strokes) {
        if (stroke.empty()) continue;
        cairo_move_to(cr.get(), stroke.front().x * kSignatureWidth, stroke.front().y * kSignatureHeight);
        // A tap (one point) still leaves a dot.
        if (stroke.size() == 1) cairo_rel_line_to(cr.get(), 0, 0);
        for (const forms::Point& p : stroke) cairo_line_to(cr.get(), p.x * kSignatureWidth, p.y * kSignatureHeight);
    }
    cairo_stroke(cr.get());  // one path: every stroke tessellated in one pass
    cairo_surface_flush(surface.get());
    return surface;
}

void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void flush(png_structp) {}

/// libpng reports errors by longjmp: this function holds no object with a destructor across it.
bool writePng(const unsigned char* bits, int stride, std::string& out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png == nullptr) return false;
    png_infop info = png_create_info_struct(png);
    if (info == nullptr || setjmp(png_jmpbuf(png))) {  // NOLINT(cert-err52-cpp): libpng's error path
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &out, append, flush);
    png_set_IHDR(png, info, kSignatureWidth, kSignatureHeight, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Rows of 1-bit ink are mostly white: long runs of one byte. Filters gain nothing there and
    // cost a pass each; run-length deflate finds those runs without searching for matches.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, info);
    // cairo's A1 keeps the first pixel in the lowest bit on a little-endian machine and 1 = ink;
    // PNG's grey wants the first pixel in the highest bit and 1 = white.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    png_set_packswap(png);
#endif
    png_set_invert_mono(png);
    for (int y = 0; y < kSignatureHeight; ++y)
        png_write_row(png, bits + static_cast<std::ptrdiff_t>(y) * stride);  // libpng copies the row first
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

std::string signaturePng(const forms::Signature& signature) {
    const Surface surface = draw(signature);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
    std::string png;
    png.reserve(2048);
    if (!writePng(cairo_image_surface_get_data(surface.get()), cairo_image_surface_get_stride(surface.get()), png))
        return {};
    return png;
}

}  // namespace kiosk::exports::fhir
