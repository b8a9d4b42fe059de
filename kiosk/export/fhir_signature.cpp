#include "kiosk/export/fhir_signature.h"

#include "kiosk/export/fhir_common.h"

#include <cairo.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::exports::fhir {
namespace {

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

constexpr int kRowBytes = (kSignatureWidth + 7) / 8;  // 1 bit a pixel
constexpr std::size_t kImageBytes = static_cast<std::size_t>(kRowBytes + 1) * kSignatureHeight;  // + filter bytes

/// The 8-bit alpha surface signatures are drawn on, one per thread, kept from one signature to
/// the next (an export draws one per intake). An A8 surface because cairo and pixman draw into it
/// on their fast paths (an A1 one takes twice as long); each pixel is then one bit of the PNG.
/// Only the rows a signature may have inked are cleared and read again.
struct Canvas {
    Surface surface{cairo_image_surface_create(CAIRO_FORMAT_A8, kSignatureWidth, kSignatureHeight),
                    cairo_surface_destroy};
    int dirtyFrom = 0, dirtyTo = kSignatureHeight;  ///< the rows the last signature may have inked

    static Canvas& mine() {
        thread_local Canvas canvas;
        return canvas;
    }
    unsigned char* row(int y) {
        return cairo_image_surface_get_data(surface.get()) +
               static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface.get());
    }
};

/// The rows [from, to) that @p signature's ink can reach: its points' heights, widened by more than
/// the pen's half width and its round caps; every row when a point is no number.
std::pair<int, int> inkRows(const forms::Signature& signature, double penWidth) {
    double top = kSignatureHeight, bottom = 0;
    for (const forms::Stroke& stroke : signature.strokes)
        for (const forms::Point& p : stroke) {
            const double y = static_cast<double>(p.y) * kSignatureHeight;
            if (!std::isfinite(y) || !std::isfinite(static_cast<double>(p.x))) return {0, kSignatureHeight};
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    if (top > bottom) return {0, 0};  // no point at all
    const double margin = penWidth / 2 + 3;
    const int from = static_cast<int>(std::clamp(std::floor(top - margin), 0.0, double{kSignatureHeight}));
    const int to = static_cast<int>(std::clamp(std::ceil(bottom + margin) + 1, 0.0, double{kSignatureHeight}));
    return {from, std::max(from, to)};
}

/// Draws the strokes into the canvas, cleared where the last ones were: non-zero alpha is ink.
/// Returns the rows it may have inked.
std::pair<int, int> draw(Canvas& canvas, const forms::Signature& signature) {
    constexpr double kPen = 3;
    cairo_surface_t* surface = canvas.surface.get();
    cairo_surface_flush(surface);
    for (int y = canvas.dirtyFrom; y < canvas.dirtyTo; ++y) std::memset(canvas.row(y), 0, kSignatureWidth);
    cairo_surface_mark_dirty(surface);
    const auto rows = inkRows(signature, kPen);
    canvas.dirtyFrom = rows.first;
    canvas.dirtyTo = rows.second;
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface), cairo_destroy);
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);  // 1 bit a pixel in the end: nothing to smooth into
    cairo_set_line_width(cr.get(), kPen);
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
    return rows;
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

/// The PNG's image data before compression: each row a filter byte (none) and its pixels, a bit
/// each, first pixel highest, 1 = ink; only the rows in @p inkable can hold any, the others are
/// zeros. Read eight pixels at a time: where they are all blank, their byte is zero.
void filteredRows(Canvas& canvas, std::pair<int, int> inkable, unsigned char* rows, std::vector<char>& inked) {
    static_assert(kSignatureWidth % 8 == 0, "whole bytes a row");
    for (int y = 0; y < kSignatureHeight; ++y) {
        unsigned char* out = rows + static_cast<std::ptrdiff_t>(y) * (kRowBytes + 1);
        out[0] = 0;  // filter type none: filters gain nothing on 1-bit rows and cost a pass
        bool ink = false;
        if (y >= inkable.first && y < inkable.second) {
            const unsigned char* in = canvas.row(y);
            for (int i = 0; i < kRowBytes; ++i, in += 8) {
                std::uint64_t word = 0;
                std::memcpy(&word, in, 8);
                unsigned bits = 0;
                if (word != 0)
                    for (int k = 0; k < 8; ++k) bits |= (in[k] >= 0x80 ? 0x80u : 0u) >> k;
                out[1 + i] = static_cast<unsigned char>(bits);
                ink = ink || bits != 0;
            }
        } else {
            std::memset(out + 1, 0, kRowBytes);
        }
        inked[static_cast<std::size_t>(y)] = ink;
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
/// white, 1 black: a blank row is all zeros, one run for deflate), the image as one IDAT chunk,
/// the end. libpng reports errors by
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

void keepSignaturePictures(forms::Answers& answers) {
    std::string png;
    for (auto& [id, answer] : answers)
        if (auto* signature = std::get_if<forms::Signature>(&answer); signature != nullptr && !signature->empty()) {
            signature->picture.clear();
            if (signaturePng(*signature, png)) signature->picture = base64(png);
            if (!isKeptPicture(signature->picture)) signature->picture.clear();  // never one the exports refuse
        }
}

bool isKeptPicture(std::string_view text) {
    static constexpr std::string_view kPngStart = "iVBORw0KGgo";  // the 8-byte PNG signature, base64
    if (text.size() > kMaxSignaturePicture || text.size() % 4 != 0 || text.substr(0, kPngStart.size()) != kPngStart)
        return false;
    const std::size_t padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : text.back() == '=' ? 1 : 0;
    const std::size_t body = text.size() - padding;
    for (std::size_t i = 0; i < body; ++i) {
        const char ch = text[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' || ch == '/'))
            return false;
    }
    for (std::size_t i = body; i < text.size(); ++i)
        if (text[i] != '=') return false;
    return true;
}

std::string signaturePng(const forms::Signature& signature) {
    std::string png;
    png.reserve(2048);
    (void)signaturePng(signature, png);
    return png;
}

bool signaturePng(const forms::Signature& signature, std::string& png) {
    png.clear();
    Canvas& canvas = Canvas::mine();
    if (cairo_surface_status(canvas.surface.get()) != CAIRO_STATUS_SUCCESS) return false;
    const auto inkable = draw(canvas, signature);
    Encoder& e = Encoder::mine();
    filteredRows(canvas, inkable, e.rows.data(), e.inked);
    if (compress(e) && writePng(reinterpret_cast<const unsigned char*>(e.zlib.data()), e.zlib.size(), png))
        return true;
    png.clear();
    return false;
}

}  // namespace kiosk::exports::fhir
