#include "kiosk/app/shell/logo_texture.h"

#include "kiosk/export/png_image.h"

#include <GL/gl.h>
#include <cairo.h>
#include <cstdio>
#include <cstring>

namespace kiosk::app {
namespace {

core::Error logoError(core::ErrorCode code, const std::string& what, const std::string& path) {
    return core::makeError(code, "logo: " + what, core::SourceLoc{path});
}

std::string hex(unsigned v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x", v);
    return buf;
}

unsigned char unpremultiply(uint32_t channel, uint32_t alpha) {
    const uint32_t v = (channel * 255u + alpha / 2u) / alpha;  // rounded
    return static_cast<unsigned char>(v > 255u ? 255u : v);
}

}  // namespace

std::vector<unsigned char> argb32PremultipliedToRgba(const unsigned char* data, int width, int height,
                                                     int stride) {
    std::vector<unsigned char> out(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    unsigned char* dst = out.data();
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = data + static_cast<size_t>(y) * static_cast<size_t>(stride);
        for (int x = 0; x < width; ++x, dst += 4) {
            uint32_t px = 0;
            std::memcpy(&px, row + static_cast<size_t>(x) * 4, 4);
            const uint32_t a = px >> 24;
            if (a == 0) {  // fully transparent: its colour is gone; black keeps edges from glowing
                std::memset(dst, 0, 4);
                continue;
            }
            dst[0] = unpremultiply((px >> 16) & 0xFFu, a);
            dst[1] = unpremultiply((px >> 8) & 0xFFu, a);
            dst[2] = unpremultiply(px & 0xFFu, a);
            dst[3] = static_cast<unsigned char>(a);
        }
    }
    return out;
}

core::Result<LogoPixels> readLogoPng(const std::string& path) {
    exports::PngLimits limits;
    limits.maxSide = kMaxLogoSide;
    auto read = exports::readPng(path, limits);  // the PDF header's logo is read the same way
    if (!read) return logoError(read.error().code, read.error().message, path);
    cairo_surface_t* png = read->get();
    LogoPixels logo;
    logo.width = cairo_image_surface_get_width(png);
    logo.height = cairo_image_surface_get_height(png);
    // cairo gives RGB24 for opaque PNGs and ARGB32 otherwise: paint onto ARGB32 to have one layout.
    cairo_surface_t* argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, logo.width, logo.height);
    cairo_t* cr = cairo_create(argb);
    cairo_set_source_surface(cr, png, 0, 0);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(argb);
    const cairo_status_t status = cairo_surface_status(argb);
    if (status == CAIRO_STATUS_SUCCESS) {
        logo.rgba = argb32PremultipliedToRgba(cairo_image_surface_get_data(argb), logo.width, logo.height,
                                              cairo_image_surface_get_stride(argb));
    }
    cairo_surface_destroy(argb);
    if (status != CAIRO_STATUS_SUCCESS)
        return logoError(core::ErrorCode::Io, cairo_status_to_string(status), path);
    return logo;
}

core::Result<std::unique_ptr<LogoTexture>> LogoTexture::upload(const LogoPixels& pixels) {
    if (pixels.width <= 0 || pixels.height <= 0 ||
        pixels.rgba.size() != static_cast<size_t>(pixels.width) * static_cast<size_t>(pixels.height) * 4)
        return core::makeError(core::ErrorCode::Internal, "logo: no pixels to upload");
    while (glGetError() != GL_NO_ERROR) {
    }  // forget older errors: the check below is about this upload
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pixels.width, pixels.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 pixels.rgba.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
        glDeleteTextures(1, &id);
        return core::makeError(core::ErrorCode::Io,
                               "logo: OpenGL refused the texture (error 0x" + hex(err) + ")");
    }
    std::unique_ptr<LogoTexture> texture(new LogoTexture());
    texture->m_id = id;
    texture->m_width = pixels.width;
    texture->m_height = pixels.height;
    return texture;
}

LogoTexture::~LogoTexture() {
    if (m_id == 0) return;
    const GLuint id = m_id;
    glDeleteTextures(1, &id);
}

core::Result<std::unique_ptr<LogoTexture>> loadLogoTexture(const std::string& path) {
    auto pixels = readLogoPng(path);
    if (!pixels) return pixels.error();
    return LogoTexture::upload(*pixels);
}

}  // namespace kiosk::app
