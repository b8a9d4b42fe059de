// The signature picture of a FHIR export: a PNG any reader opens, the pad's size, ink where the
// strokes run and white elsewhere (read back with cairo's own PNG reader); its image data one
// zlib stream that inflates whole, checksum included, however many pieces it was joined from.
#include <cairo.h>
#include <zlib.h>

#include <cstring>
#include <limits>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/export/fhir_common.h"
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

namespace {

/// The data of the PNG's IDAT chunks, joined (the zlib stream of its image).
std::string idatOf(const std::string& png) {
    std::string data;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(png[k])); };
        const std::uint32_t length = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
        if (png.compare(at + 4, 4, "IDAT") == 0) data.append(png, at + 8, length);
        at += 12 + length;
    }
    return data;
}

}  // namespace

TEST(FhirSignature, ItsImageIsOneZlibStreamThatInflatesWholeChecksumIncluded) {
    // Ink in the first and the last row, and runs of blank and inked rows between: the stream is
    // joined from many pieces (fhir_signature.cpp), and must read as one, Adler-32 and all.
    kiosk::forms::Signature sig;
    sig.strokes = {{{0.05f, 0.0f}, {0.95f, 0.0f}},    // the top row
                   {{0.2f, 0.3f}, {0.3f, 0.35f}},     // a short stroke
                   {{0.5f, 0.5f}},                    // a tap
                   {{0.1f, 0.7f}, {0.9f, 0.72f}},     // a long one
                   {{0.05f, 1.0f}, {0.95f, 1.0f}}};   // the bottom row
    const std::string png = signaturePng(sig);
    const std::string zlibStream = idatOf(png);
    ASSERT_FALSE(zlibStream.empty());
    constexpr int kRow = (kSignatureWidth + 7) / 8 + 1;  // a filter byte and 1 bit a pixel
    std::string rows(static_cast<std::size_t>(kRow) * kSignatureHeight + 1, '\x55');  // one byte to spare
    uLongf size = static_cast<uLongf>(rows.size());
    ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(rows.data()), &size,
                         reinterpret_cast<const Bytef*>(zlibStream.data()), static_cast<uLong>(zlibStream.size())),
              Z_OK);  // uncompress checks the Adler-32 at the end
    ASSERT_EQ(size, static_cast<uLongf>(kRow) * kSignatureHeight);
    const Decoded d = decode(png);
    ASSERT_EQ(cairo_surface_status(d.surface.get()), CAIRO_STATUS_SUCCESS);
    int inked = 0;
    for (int y = 0; y < kSignatureHeight; ++y) {
        ASSERT_EQ(rows[static_cast<std::size_t>(y) * kRow], 0) << y;  // filter: none
        for (int x = 0; x < kSignatureWidth; ++x) {
            const auto byte = static_cast<unsigned char>(rows[static_cast<std::size_t>(y) * kRow + 1 + x / 8]);
            const bool ink = (byte >> (7 - x % 8)) & 1;  // palette index 1: black
            ASSERT_EQ(ink, d.grey(x, y) < 128) << x << "," << y;
            inked += ink;
        }
    }
    EXPECT_GT(inked, 4 * kSignatureWidth / 2);  // the four lines at least
    EXPECT_LT(d.grey(kSignatureWidth / 2, 0), 64);                       // the top row's line
    EXPECT_LT(d.grey(kSignatureWidth / 2, kSignatureHeight - 1), 64);   // the bottom row's
}

TEST(FhirSignature, PointsOffThePadOrNoNumbersLeaveNothingForTheNextPicture) {
    // Only the rows a signature's points can reach are cleared for the next one: points past
    // the pad's edges and points that are no number must still leave no ink behind.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    kiosk::forms::Signature odd;
    odd.strokes = {{{0.1f, -0.5f}, {0.9f, 1.5f}},  // through the pad and beyond both edges
                   {{0.2f, 0.5f}, {nan, 0.3f}, {0.4f, 0.9f}},
                   {{0.3f, 0.02f}, {0.7f, 0.02f}}};
    const Decoded drawn = decode(signaturePng(odd));
    ASSERT_EQ(cairo_surface_status(drawn.surface.get()), CAIRO_STATUS_SUCCESS);
    EXPECT_LT(drawn.grey(kSignatureWidth / 2, kSignatureHeight / 50), 64);  // the stroke near the top
    const Decoded next = decode(signaturePng(kiosk::forms::Signature{}));
    ASSERT_EQ(cairo_surface_status(next.surface.get()), CAIRO_STATUS_SUCCESS);
    for (int y = 0; y < kSignatureHeight; ++y)
        for (int x = 0; x < kSignatureWidth; ++x) ASSERT_GT(next.grey(x, y), 192) << x << "," << y;
}

TEST(FhirSignature, AKeptPictureIsABoundedBase64Png) {
    using kiosk::exports::fhir::isKeptPicture;
    using kiosk::exports::fhir::kMaxSignaturePicture;
    kiosk::forms::Signature sig;
    sig.strokes = {{{0.1f, 0.5f}, {0.9f, 0.5f}}};
    EXPECT_TRUE(isKeptPicture(kiosk::exports::fhir::base64(signaturePng(sig))));
    const std::string longest = "iVBORw0KGgo" + std::string(kMaxSignaturePicture - 11, 'A');
    EXPECT_TRUE(isKeptPicture(longest));
    EXPECT_FALSE(isKeptPicture(longest + "AAAA"));
    EXPECT_TRUE(isKeptPicture("iVBORw0KGgoAAAANSUhEUg=="));
    EXPECT_TRUE(isKeptPicture("iVBORw0KGgoAAAANSUhEUgA="));
    EXPECT_FALSE(isKeptPicture("iVBORw0KGgoAAAANSUhE=g=="));
    EXPECT_FALSE(isKeptPicture("iVBORw0KGgoAAAANSUhEUg=A"));
    EXPECT_FALSE(isKeptPicture(""));
    EXPECT_FALSE(isKeptPicture("R0lGODlhAQABAAAAACw="));
}
