#include "kiosk/export/fhir_signature.h"

#include <cairo.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace kiosk::exports::fhir {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

constexpr int kRowBytes = (kSignatureWidth + 7) / 8;  // 1 bit a pixel
constexpr std::size_t kImageBytes = static_cast<std::size_t>(kRowBytes + 1) * kSignatureHeight;  // + filter bytes

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

/// What one thread keeps from picture to picture: the PNG's filtered rows, the deflate stream
/// (its state made once; deflateReset() between pieces), and the compressed text of runs of
/// blank rows, made the first time a run of that length is met.
struct Encoder {
    std::vector<unsigned char> rows = std::vector<unsigned char>(kImageBytes);
    std::vector<char> inked = std::vector<char>(kSignatureHeight);  ///< rows with ink, from filteredRows()
    std::string zlib;  ///< the image's zlib stream, the IDAT chunk's data
    std::string piece;  ///< deflate()'s output, reused
    /// A run of blank rows: its deflated text and the Adler-32 of its bytes.
    struct BlankRun {
        std::string text;
        uLong adler = 0;
    };
    std::vector<BlankRun> blankRuns = std::vector<BlankRun>(kSignatureHeight + 1);
    std::string finalBlock;
    z_stream z{};
    bool ready = false;

    Encoder() {
        // Raw deflate (no header: the pieces are joined into one zlib stream). Run-length deflate
        // finds the runs of one byte 1-bit rows are made of without searching for matches; a
        // window as large as the picture's bits (15 kB) never slides.
        ready = deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, -14, 5, Z_RLE) == Z_OK;
        if (ready) ready = deflatePiece(nullptr, 0, Z_FINISH, finalBlock);  // an empty last block
    }
    ~Encoder() {
        if (ready) deflateEnd(&z);
    }
    Encoder(const Encoder&) = delete;
    Encoder& operator=(const Encoder&) = delete;

    /// @p data deflated afresh (nothing it refers to lies before it), ending on a byte boundary
    /// (Z_SYNC_FLUSH) or as the last block (Z_FINISH), into @p out.
    bool deflatePiece(const unsigned char* data, std::size_t size, int flush, std::string& out) {
        if (deflateReset(&z) != Z_OK) return false;
        out.resize(deflateBound(&z, size) + 16);
        z.next_in = const_cast<unsigned char*>(data);  // zlib's API is not const-correct; it only reads
        z.avail_in = static_cast<uInt>(size);
        z.next_out = reinterpret_cast<unsigned char*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int r = deflate(&z, flush);
        if (r != (flush == Z_FINISH ? Z_STREAM_END : Z_OK) || z.avail_in != 0 || z.avail_out == 0) return false;
        out.resize(out.size() - z.avail_out);
        return true;
    }

    /// @p n blank rows (all zeros), deflated.
    const BlankRun* blankRun(int n) {
        BlankRun& run = blankRuns[static_cast<std::size_t>(n)];
        if (run.text.empty()) {
            const std::vector<unsigned char> zeros(static_cast<std::size_t>(n) * (kRowBytes + 1), 0);
            if (!deflatePiece(zeros.data(), zeros.size(), Z_SYNC_FLUSH, run.text)) {
                run.text.clear();
                return nullptr;
            }
            run.adler = adler32(adler32(0L, Z_NULL, 0), zeros.data(), static_cast<uInt>(zeros.size()));
        }
        return &run;
    }

    static Encoder& mine() {
        thread_local Encoder encoder;
        return encoder;
    }
};

/// cairo's A1 keeps the first pixel of a byte in its lowest bit (on a little-endian machine);
/// PNG wants it in the highest: the byte with its bits in the other order.
const std::array<unsigned char, 256>& bitsReversed() {
    static const std::array<unsigned char, 256> table = [] {
        std::array<unsigned char, 256> t{};
        for (int b = 0; b < 256; ++b) {
            int r = 0;
            for (int i = 0; i < 8; ++i)
                if (b & (1 << i)) r |= 1 << (7 - i);
            t[static_cast<std::size_t>(b)] = static_cast<unsigned char>(r);
        }
        return t;
    }();
    return table;
}

/// The PNG's image data before compression: each row a filter byte (none) and its bits, first
/// pixel highest, 1 = ink. A row with no ink (most of them) is zeros as it stands.
void filteredRows(const unsigned char* bits, int stride, unsigned char* rows, std::vector<char>& inked) {
    const auto& reversed = bitsReversed();
    for (int y = 0; y < kSignatureHeight; ++y) {
        const unsigned char* in = bits + static_cast<std::ptrdiff_t>(y) * stride;
        unsigned char* out = rows + static_cast<std::ptrdiff_t>(y) * (kRowBytes + 1);
        out[0] = 0;  // filter type none: filters gain nothing on 1-bit rows and cost a pass
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        bool ink = false;
        int i = 0;
        for (; i + 8 <= kRowBytes; i += 8) {  // eight bytes at a time: where they hold no ink, zeros stay zeros
            std::uint64_t word = 0;
            std::memcpy(&word, in + i, 8);
            if (word == 0) {
                std::memset(out + 1 + i, 0, 8);
                continue;
            }
            ink = true;
            for (int k = i; k < i + 8; ++k) out[1 + k] = reversed[in[k]];
        }
        for (; i < kRowBytes; ++i) {
            out[1 + i] = reversed[in[i]];
            ink = ink || in[i] != 0;
        }
        inked[static_cast<std::size_t>(y)] = ink;
#else
        (void)reversed;
        std::memcpy(out + 1, in, kRowBytes);
        inked[static_cast<std::size_t>(y)] = std::any_of(in, in + kRowBytes, [](unsigned char b) { return b != 0; });
#endif
    }
}

/// The zlib stream of the picture into e.zlib. Most rows of a signature are blank: deflate would
/// step through each of their bytes. Instead the stream is pieced together: each run of inked rows
/// deflated afresh, each run of blank rows the kept text of a run that long, every piece ending on a
/// byte boundary (an empty stored block, as Z_SYNC_FLUSH ends one), then an empty last block; the
/// Adler-32 of the whole joined from the pieces' (adler32_combine). Any inflater reads it as one stream.
bool compress(Encoder& e) {
    if (!e.ready) return false;
    constexpr std::size_t kRow = kRowBytes + 1;
    e.zlib.assign("\x78\x01", 2);  // deflate, 32 kB window at most, no dictionary, fastest (RFC 1950)
    uLong adler = adler32(0L, Z_NULL, 0);
    for (int y = 0; y < kSignatureHeight;) {
        const bool ink = e.inked[static_cast<std::size_t>(y)] != 0;
        int end = y + 1;
        while (end < kSignatureHeight && (e.inked[static_cast<std::size_t>(end)] != 0) == ink) ++end;
        const unsigned char* run = e.rows.data() + static_cast<std::size_t>(y) * kRow;
        const std::size_t size = static_cast<std::size_t>(end - y) * kRow;
        if (ink) {
            if (!e.deflatePiece(run, size, Z_SYNC_FLUSH, e.piece)) return false;
            e.zlib += e.piece;
            adler = adler32(adler, run, static_cast<uInt>(size));
        } else {
            const Encoder::BlankRun* blank = e.blankRun(end - y);
            if (blank == nullptr) return false;
            e.zlib += blank->text;
            adler = adler32_combine(adler, blank->adler, static_cast<z_off_t>(size));
        }
        y = end;
    }
    e.zlib += e.finalBlock;
    for (int shift = 24; shift >= 0; shift -= 8) e.zlib += static_cast<char>((adler >> shift) & 0xff);
    return true;
}

void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void flush(png_structp) {}

/// libpng writes the file around the compressed image: signature, header, palette (index 0
/// white, 1 black: a blank row is all zeros, one run for deflate, and cairo's ink bits are the
/// palette indices as they are), the image as one IDAT chunk, the end. libpng reports errors by
/// longjmp: this function holds no object with a destructor across it.
bool writePng(const unsigned char* idat, std::size_t idatSize, std::string& out) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png == nullptr) return false;
    png_infop info = png_create_info_struct(png);
    if (info == nullptr || setjmp(png_jmpbuf(png))) {  // NOLINT(cert-err52-cpp): libpng's error path
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, &out, append, flush);
    png_set_IHDR(png, info, kSignatureWidth, kSignatureHeight, 1, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[2] = {{255, 255, 255}, {0, 0, 0}};
    png_set_PLTE(png, info, palette, 2);
    png_write_info(png, info);
    static const png_byte kIdat[5] = "IDAT", kIend[5] = "IEND";
    png_write_chunk(png, kIdat, idat, idatSize);
    png_write_chunk(png, kIend, nullptr, 0);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

std::string signaturePng(const forms::Signature& signature) {
    std::string png;
    png.reserve(2048);
    (void)signaturePng(signature, png);
    return png;
}

bool signaturePng(const forms::Signature& signature, std::string& png) {
    png.clear();
    cairo_surface_t* surface = canvas();
    if (surface == nullptr) return false;
    draw(surface, signature);
    Encoder& e = Encoder::mine();
    filteredRows(cairo_image_surface_get_data(surface), cairo_image_surface_get_stride(surface), e.rows.data(),
                 e.inked);
    if (compress(e) && writePng(reinterpret_cast<const unsigned char*>(e.zlib.data()), e.zlib.size(), png))
        return true;
    png.clear();
    return false;
}

}  // namespace kiosk::exports::fhir
