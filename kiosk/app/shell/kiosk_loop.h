#pragma once
// The event loop: render only when something changed (STYLE.md #13). It sleeps in glfwWaitEvents()
// until input arrives, or with a timeout when the scene has a deadline (an idle countdown second,
// the end of the thank-you screen). After input it draws a few frames so ImGui settles (a click is
// seen one frame after the press). An idle kiosk draws nothing and uses no CPU; under systemd it
// wakes only to send the watchdog's WATCHDOG=1 (watchdog.h).
#include <array>
#include <chrono>
#include <optional>

namespace kiosk::app {

class Window;

using SteadyTime = std::chrono::steady_clock::time_point;

/// @brief What the loop shows: the intake, or a staff message. The loop owns timing; a scene owns
///        what is drawn and when it next needs time to pass.
class Scene {
  public:
    virtual ~Scene() = default;
    /// Draws one frame between ImGui::NewFrame and ImGui::Render; true when state changed (an
    /// action was applied), so the loop draws again.
    virtual bool draw(SteadyTime now) = 0;
    /// Input arrived (touch, mouse, key): restarts idle timers.
    virtual void onInput(SteadyTime now) { (void)now; }
    /// Time passed without input; true when the picture changed and needs a frame.
    virtual bool onTick(SteadyTime now) {
        (void)now;
        return false;
    }
    /// When the scene next needs onTick() without input; nullopt = only on input.
    virtual std::optional<SteadyTime> nextWake(SteadyTime now) const = 0;
    /// Something outside input and time changed the picture (read aloud started or stopped on its
    /// worker, which wakes the loop with glfwPostEmptyEvent): true asks for a frame.
    virtual bool pollChanges() { return false; }
    /// Staff asked to leave the kiosk.
    virtual bool wantsExit() const { return false; }
    virtual std::array<float, 3> clearColor() const { return {0.96f, 0.96f, 0.95f}; }
};

/// @brief Loop statistics, for tests and the log.
struct LoopStats {
    long frames = 0;  ///< frames drawn and presented
    long wakes = 0;   ///< returns from waiting (input, a deadline, a window event)
};

/// Frames drawn after input so that ImGui's press/release and any state change settle on screen.
inline constexpr int kSettleFrames = 3;

/// Runs until the scene wants to exit (staff) or @p maxFrames frames were drawn (0 = no limit; tests
/// and screenshots; with a limit it also stops at the first moment it would wait for input). Close requests from outside are refused by the Window.
LoopStats runLoop(Window& window, Scene& scene, long maxFrames = 0);

}  // namespace kiosk::app
