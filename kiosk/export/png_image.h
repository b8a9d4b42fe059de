#pragma once
// A PNG named in the settings file (the clinic's logo), read with cairo within bounds: the file's
// size and the image's sides are checked before anything is decoded (the sides from the PNG
// header), so a huge or hostile file costs nothing. The welcome screen (app/shell/logo_texture.h)
// and the therapist's PDF header (pdf_intake.h) both read the logo through here. Messages name the
// file and never hold anything of a patient.
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/core/error.h"

typedef struct _cairo_surface cairo_surface_t;

namespace kiosk::exports {

/// @brief How big a PNG may be.
struct PngLimits {
    std::uint32_t maxSide = 4096;              ///< pixels on either side
    std::uintmax_t maxBytes = 8u << 20;        ///< the file (8 MiB)
};

/// @brief A decoded PNG: a cairo image surface (ARGB32, or RGB24 when opaque), freed with the last copy.
using PngSurface = std::shared_ptr<cairo_surface_t>;

/// @brief Reads the PNG at @p path. NotFound when missing or not a file; Invalid when over a limit
///        ("the file is 9.1 MB; at most 8 MB", "the image is 20000x100 px; at most 4096 px on a
///        side"), not a PNG, or not decodable ("cannot read the PNG: ..."); located at @p path.
core::Result<PngSurface> readPng(const std::string& path, const PngLimits& limits = {});

}  // namespace kiosk::exports
