#pragma once
// Pixels the UI draws on the CPU (the body-map figure, with cairo) reach the screen as textures.
// ui/ never calls OpenGL: app/ implements this with GL; headless tests give none (or a fake), and
// the figure then draws no pixels while taps, marks and the registry work the same.
namespace kiosk::ui {

class TextureSink {
public:
    virtual ~TextureSink() = default;
    /// Puts cairo ARGB32 pixels (native-endian 0xAARRGGBB, premultiplied; @p stride bytes per row)
    /// into texture @p slot (a small number the caller picks), creating or resizing it. Returns the
    /// ImTextureID to draw it with, or nullptr when it cannot. The sink owns its textures.
    virtual void* upload(int slot, const unsigned char* argb, int width, int height, int stride) = 0;
};

}  // namespace kiosk::ui
