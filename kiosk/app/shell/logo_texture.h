#pragma once
// The clinic's logo (`clinic.logo`): a PNG read with cairo, converted to straight RGBA8 and uploaded
// as an OpenGL texture for the welcome screen. Reading is plain CPU work (any thread); uploading
// needs the GL context's thread. Every failure is an Error the caller logs: the kiosk runs without
// a logo rather than not at all.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::app {

/// Larger logos are refused: a welcome-screen logo is drawn a few hundred pixels high, and a huge
/// image would cost start-up time and video memory for nothing.
constexpr int kMaxLogoSide = 4096;

/// @brief A decoded logo: width x height pixels, 4 bytes each (R, G, B, A; not premultiplied).
struct LogoPixels {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

/// Converts cairo's ARGB32 (native-endian 0xAARRGGBB words, colour premultiplied by alpha; rows
/// @p stride bytes apart) to tightly packed straight RGBA8, as OpenGL and ImGui's blending expect.
std::vector<unsigned char> argb32PremultipliedToRgba(const unsigned char* data, int width, int height,
                                                     int stride);

/// Reads the PNG at @p path. NotFound when missing; Invalid when not a PNG or larger than
/// kMaxLogoSide on a side (checked from the header, before decoding).
core::Result<LogoPixels> readLogoPng(const std::string& path);

/// @brief A GL texture holding the logo; deleted with the object (keep it inside the window's life).
class LogoTexture {
  public:
    /// Uploads @p pixels (GL_LINEAR filtering). Call on the thread whose GL context is current.
    static core::Result<std::unique_ptr<LogoTexture>> upload(const LogoPixels& pixels);
    ~LogoTexture();
    LogoTexture(const LogoTexture&) = delete;
    LogoTexture& operator=(const LogoTexture&) = delete;

    /// The texture as ImGui's ImTextureID (void* in 1.86; the OpenGL3 backend reads it as a GLuint).
    // ImGui's ImTextureID is a void*: the GL texture name travels in it, as the GL backend expects.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    void* imguiId() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_id)); }
    int width() const { return m_width; }
    int height() const { return m_height; }

  private:
    LogoTexture() = default;
    unsigned int m_id = 0;  // GLuint
    int m_width = 0, m_height = 0;
};

/// readLogoPng + LogoTexture::upload, on the GL thread (when start-up time does not matter).
core::Result<std::unique_ptr<LogoTexture>> loadLogoTexture(const std::string& path);

}  // namespace kiosk::app
