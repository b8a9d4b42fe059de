#include "kiosk/export/fhir_signature.h"

#include <cairo.h>
#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace kiosk::exports::fhir {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

/// The 1-bit surface signatures are drawn on, one per thread, kept from one signature to the
/// next (an export draws one per intake) and cleared before each.
cairo_surface_t* canvas() {
    thread_local Surface surface(cairo_image_surface_create(CAIRO_FORMAT_A1, kSignatureWidth, kSignatureHeight),
                                 cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    cairo_surface_flush(surface.get());
    std::memset(cairo_image_surface_get_data(surface.get()), 0,
                static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get())) * kSignatureHeight);
    cairo_surface_mark_dirty(surface.get());
    return surface.get();
}

/// Draws the strokes into the cleared canvas: set bits are ink.
void draw(cairo_surface_t* surface, const forms::Signature& signature) {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface), cairo_destroy);
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
    cairo_surface_flush(surface);
}

/// Where libpng and zlib take their memory while one picture is written: one block per thread,
/// handed out front to back and taken back whole when the picture is done, so a picture costs
/// no malloc of zlib's 100 kB state and no page faults of giving it back to the system.
class Arena {
public:
    void reset() { m_used = 0; }
    void* take(std::size_t size) {
        size = (size + 15) & ~std::size_t{15};
        if (size <= m_block.size() - m_used) {
            void* p = m_block.data() + m_used;
            m_used += size;
            return p;
        }
        return std::malloc(size);  // more than a picture ever asks: the heap's
    }
    void give(void* p) {
        const auto* b = static_cast<const unsigned char*>(p);
        if (b < m_block.data() || b >= m_block.data() + m_block.size()) std::free(p);
    }
    static Arena& mine() {
        thread_local Arena arena;
        return arena;
    }

private:
    std::vector<unsigned char> m_block = std::vector<unsigned char>(256 * 1024);
    std::size_t m_used = 0;
};

png_voidp arenaTake(png_structp png, png_alloc_size_t size) {
    return static_cast<Arena*>(png_get_mem_ptr(png))->take(size);
}
void arenaGive(png_structp png, png_voidp p) {
    if (p != nullptr) static_cast<Arena*>(png_get_mem_ptr(png))->give(p);
}

void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void flush(png_structp) {}

/// libpng reports errors by longjmp: this function holds no object with a destructor across it.
bool writePng(const unsigned char* bits, int stride, std::string& out) {
    Arena& arena = Arena::mine();
    arena.reset();
    png_structp png = png_create_write_struct_2(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr, &arena, arenaTake,
                                                arenaGive);
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
    // A window as large as the picture's bits (15 kB): zlib never slides it (a slide walks the
    // whole hash table). Run-length deflate looks nothing up in the hash: a small one is cleared
    // faster for each picture.
    png_set_compression_window_bits(png, 14);
    png_set_compression_mem_level(png, 5);
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
    cairo_surface_t* surface = canvas();
    if (surface == nullptr) return {};
    draw(surface, signature);
    std::string png;
    png.reserve(2048);
    if (!writePng(cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface), png)) return {};
    return png;
}

}  // namespace kiosk::exports::fhir
