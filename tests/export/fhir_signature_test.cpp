// The signature picture of a FHIR export: a PNG any reader opens, the pad's size, ink where the
// strokes run and white elsewhere (read back with cairo's own PNG reader).
#include <cairo.h>

#include <cstring>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/export/fhir_signature.h"

namespace {

using kiosk::exports::fhir::kSignatureHeight;
using kiosk::exports::fhir::kSignatureWidth;
using kiosk::exports::fhir::signaturePng;

/// The PNG decoded into ARGB32 pixels, or null when it is not a PNG.
struct Decoded {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface{nullptr, cairo_surface_destroy};
    /// 0 (black) .. 255 (white): the green channel of pixel (x, y).
    int grey(int x, int y) const {
        const unsigned char* row = cairo_image_surface_get_data(surface.get()) +
                                   static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface.get());
        std::uint32_t px = 0;
        std::memcpy(&px, row + 4 * x, 4);
        return static_cast<int>((px >> 8) & 0xff);
    }
};

Decoded decode(const std::string& png) {
    struct Reader {
        const std::string* data;
        std::size_t at;
    } reader{&png, 0};
    Decoded d;
    d.surface.reset(cairo_image_surface_create_from_png_stream(
        [](void* closure, unsigned char* out, unsigned int length) {
            auto* r = static_cast<Reader*>(closure);
            if (r->at + length > r->data->size()) return CAIRO_STATUS_READ_ERROR;
            std::memcpy(out, r->data->data() + r->at, length);
            r->at += length;
            return CAIRO_STATUS_SUCCESS;
        },
        &reader));
    cairo_surface_flush(d.surface.get());
    return d;
}

TEST(FhirSignature, IsAPngOfThePadWithInkOnlyWhereTheStrokesRun) {
    kiosk::forms::Signature sig;
    sig.strokes = {{{0.1f, 0.5f}, {0.9f, 0.5f}},  // a horizontal line across the middle
                   {{0.5f, 0.9f}}};              // a tap: still a dot
    const std::string png = signaturePng(sig);
    ASSERT_EQ(png.compare(0, 8, "\x89PNG\r\n\x1a\n", 8), 0);
    const Decoded d = decode(png);
    ASSERT_EQ(cairo_surface_status(d.surface.get()), CAIRO_STATUS_SUCCESS);
    ASSERT_EQ(cairo_image_surface_get_width(d.surface.get()), kSignatureWidth);
    ASSERT_EQ(cairo_image_surface_get_height(d.surface.get()), kSignatureHeight);
    const int mid = kSignatureHeight / 2;
    // On the line, from its start to its end: black, whichever end of a byte the pixel falls in.
    for (int x = kSignatureWidth / 10 + 1; x < kSignatureWidth * 9 / 10 - 1; ++x) EXPECT_LT(d.grey(x, mid), 64) << x;
    // Off it: white, including just past each end and a few pixels above and below.
    EXPECT_GT(d.grey(kSignatureWidth / 10 - 4, mid), 192);
    EXPECT_GT(d.grey(kSignatureWidth * 9 / 10 + 4, mid), 192);
    EXPECT_GT(d.grey(kSignatureWidth / 2, mid - 6), 192);
    EXPECT_GT(d.grey(kSignatureWidth / 2, mid + 6), 192);
    EXPECT_GT(d.grey(2, 2), 192);
    EXPECT_GT(d.grey(kSignatureWidth - 3, kSignatureHeight - 3), 192);
    // The tap.
    EXPECT_LT(d.grey(kSignatureWidth / 2, kSignatureHeight * 9 / 10), 64);
}

TEST(FhirSignature, AnEmptyPadIsAllWhite) {
    const Decoded d = decode(signaturePng(kiosk::forms::Signature{}));
    ASSERT_EQ(cairo_surface_status(d.surface.get()), CAIRO_STATUS_SUCCESS);
    for (int y = 0; y < kSignatureHeight; y += 7)
        for (int x = 0; x < kSignatureWidth; x += 5) ASSERT_GT(d.grey(x, y), 192) << x << "," << y;
}

}  // namespace

TEST(FhirSignature, EachPictureHoldsOnlyItsOwnStrokes) {
    // Pictures are drawn one after another on one canvas: none may keep the ink of the one before.
    kiosk::forms::Signature first;
    first.strokes = {{{0.1f, 0.2f}, {0.9f, 0.2f}}};
    kiosk::forms::Signature second;
    second.strokes = {{{0.1f, 0.8f}, {0.9f, 0.8f}}};
    (void)signaturePng(first);
    const Decoded d = decode(signaturePng(second));
    ASSERT_EQ(cairo_surface_status(d.surface.get()), CAIRO_STATUS_SUCCESS);
    EXPECT_GT(d.grey(kSignatureWidth / 2, kSignatureHeight / 5), 192);      // the first's line: gone
    EXPECT_LT(d.grey(kSignatureWidth / 2, kSignatureHeight * 4 / 5), 64);   // the second's: there
    EXPECT_EQ(signaturePng(second), signaturePng(second));                  // the same strokes, the same bytes
}
