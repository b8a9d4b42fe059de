#include "kiosk/app/shell/gl_texture_sink.h"

#include <GL/gl.h>
#include <vector>

#include "kiosk/app/shell/logo_texture.h"

namespace kiosk::app {

GlTextureSink::~GlTextureSink() {
    for (auto& [slot, t] : m_textures) glDeleteTextures(1, &t.id);
}

void* GlTextureSink::upload(int slot, const unsigned char* argb, int width, int height, int stride) {
    if (argb == nullptr || width <= 0 || height <= 0) return nullptr;
    // ImGui's OpenGL backend blends straight alpha: the same conversion as the logo's.
    const std::vector<unsigned char> rgba = argb32PremultipliedToRgba(argb, width, height, stride);
    while (glGetError() != GL_NO_ERROR) {
    }  // forget older errors: the check below is about this upload
    Texture& t = m_textures[slot];
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    if (t.id == 0) {
        glGenTextures(1, &t.id);
        glBindTexture(GL_TEXTURE_2D, t.id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, t.id);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (t.width == width && t.height == height) {  // a mark changed: same size, new pixels
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        t.width = width;
        t.height = height;
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &t.id);
        m_textures.erase(slot);
        return nullptr;  // the figure falls back to outlines drawn by ImGui
    }
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(t.id));
}

}  // namespace kiosk::app
