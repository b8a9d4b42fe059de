#pragma once
// ui::TextureSink on OpenGL: the body-map figure's cairo pixels become textures ImGui draws.
// Lives on the GL thread, inside the window's life: its destructor deletes the textures.
#include <cstdint>
#include <map>

#include "kiosk/ui/texture_sink.h"

namespace kiosk::app {

class GlTextureSink final : public ui::TextureSink {
public:
    GlTextureSink() = default;
    ~GlTextureSink() override;
    GlTextureSink(const GlTextureSink&) = delete;
    GlTextureSink& operator=(const GlTextureSink&) = delete;

    void* upload(int slot, const unsigned char* argb, int width, int height, int stride) override;

private:
    struct Texture {
        unsigned int id = 0;  // GLuint
        int width = 0, height = 0;
    };
    std::map<int, Texture> m_textures;
};

}  // namespace kiosk::app
