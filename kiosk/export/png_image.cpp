#include "kiosk/export/png_image.h"

#include <cairo.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace kiosk::exports {
namespace {

core::Error pngError(core::ErrorCode code, const std::string& what, const std::string& path) {
    return core::makeError(code, what, core::SourceLoc{path});
}

/// Width and height from the PNG signature + IHDR chunk (the first 24 bytes), so that an absurd
/// image is refused before cairo allocates it. {0, 0} when the file does not start like a PNG.
std::array<std::uint32_t, 2> pngSize(const std::string& path) {
    static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::array<unsigned char, 24> head{};
    std::ifstream in(path, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(head.data()), head.size())) return {0, 0};
    if (std::memcmp(head.data(), kSignature, 8) != 0 || std::memcmp(head.data() + 12, "IHDR", 4) != 0) return {0, 0};
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t{head[at]} << 24) | (std::uint32_t{head[at + 1]} << 16) |
               (std::uint32_t{head[at + 2]} << 8) | std::uint32_t{head[at + 3]};
    };
    return {be32(16), be32(20)};
}

std::string megabytes(std::uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

}  // namespace

core::Result<PngSurface> readPng(const std::string& path, const PngLimits& limits) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return pngError(core::ErrorCode::NotFound, "no such file", path);
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (ec) return pngError(core::ErrorCode::Io, "cannot read the file: " + ec.message(), path);
    if (bytes > limits.maxBytes)
        return pngError(core::ErrorCode::Invalid,
                        "the file is " + megabytes(bytes) + "; at most " + megabytes(limits.maxBytes) + " is supported",
                        path);
    const auto [w, h] = pngSize(path);
    if (w == 0 || h == 0) return pngError(core::ErrorCode::Invalid, "not a PNG image", path);
    if (w > limits.maxSide || h > limits.maxSide)
        return pngError(core::ErrorCode::Invalid,
                        "the image is " + std::to_string(w) + "x" + std::to_string(h) + " px; at most " +
                            std::to_string(limits.maxSide) + " px on a side is supported",
                        path);
    PngSurface png(cairo_image_surface_create_from_png(path.c_str()), cairo_surface_destroy);
    if (const cairo_status_t status = cairo_surface_status(png.get()); status != CAIRO_STATUS_SUCCESS)
        return pngError(core::ErrorCode::Invalid, std::string("cannot read the PNG: ") + cairo_status_to_string(status),
                        path);
    return png;
}

}  // namespace kiosk::exports
