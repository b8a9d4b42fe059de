#pragma once
// The kiosk's one window: GLFW on the primary monitor (or a sized window), an OpenGL 3.0 context,
// and the ImGui context with its GLFW + OpenGL3 backends. The only file that creates GL state.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/core/error.h"

struct GLFWwindow;

namespace kiosk::app {

/// @brief How to open the window.
struct WindowOptions {
    WindowMode mode;      ///< fullscreen on the primary monitor, or W x H without decorations
    bool hidden = false;  ///< never shown (screenshots render into an offscreen framebuffer)
    std::string title = "Intake Kiosk";
};

/// @brief Owns GLFW, the window, its GL context and the ImGui context + backends. Closing the window
///        from the outside (Alt+F4, a window manager) is refused: only allowClose() lets it close.
class Window {
  public:
    /// Opens the window; an Error when there is no display or no OpenGL 3.0 (message says which).
    /// With @p whileOpening, it is called with the display height once the ImGui context exists and
    /// before the (slow) GL context is made: start work that builds fonts into the ImGui atlas there,
    /// on another thread, then call attachImGui() once that work is done. Without it, open() attaches.
    static core::Result<std::unique_ptr<Window>> open(const WindowOptions& options,
                                                      const std::function<void(float)>& whileOpening = {});

    /// Connects ImGui to the window (GLFW input, OpenGL3 renderer). Nothing else may be using the
    /// ImGui context meanwhile: call it after the work started by open()'s whileOpening has finished.
    void attachImGui();
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    /// Uploads the font atlas (after the fonts were added to ImGui::GetIO().Fonts) and frees its CPU
    /// copy: an RGBA atlas for large kiosk fonts is several MB that are never read again.
    void uploadFonts();

    /// @brief A synthetic finger for offscreen rendering (screenshots): replaces the real pointer.
    struct Pointer {
        float x = 0, y = 0;
        bool down = false;
    };
    /// ImGui_Impl*_NewFrame + ImGui::NewFrame; @p pointer, if given, overrides mouse position/button.
    void beginFrame(const Pointer* pointer = nullptr);
    void endFrame(float r, float g, float b);  ///< ImGui::Render, clear, draw; no swap
    void swap();  ///< presents; the first call prints FIRST_FRAME_MS when KIOSK_BENCH=1

    /// Lets the next close request through (staff asked to leave the kiosk) and requests it.
    void allowClose();
    bool shouldClose() const;

    /// True once after any patient input (touch, mouse, key, scroll) since the last call.
    bool takeInput();
    /// True once after the window was resized or needs repainting (exposed) since the last call.
    bool takeDamage();

    GLFWwindow* handle() const { return m_window; }
    int framebufferWidth() const;
    int framebufferHeight() const;

  private:
    Window() = default;
    static Window* self(GLFWwindow* window);
    void installCallbacks();

    GLFWwindow* m_window = nullptr;
    bool m_imguiContext = false;
    bool m_imguiReady = false;
    bool m_firstSwapDone = false;
    bool m_closeAllowed = false;
    bool m_input = false;
    bool m_damage = false;
};

/// Prints "FIRST_FRAME_MS <CLOCK_REALTIME ms>" and flushes when KIOSK_BENCH=1 (bench/README.md).
void reportFirstFrame();

}  // namespace kiosk::app
