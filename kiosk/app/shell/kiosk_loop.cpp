#include "kiosk/app/shell/kiosk_loop.h"

#include <GLFW/glfw3.h>
#include <algorithm>

#include "kiosk/app/shell/watchdog.h"
#include "kiosk/app/shell/window.h"

namespace kiosk::app {

LoopStats runLoop(Window& window, Scene& scene, long maxFrames) {
    using Clock = std::chrono::steady_clock;
    LoopStats stats;
    int framesOwed = kSettleFrames;  // the first frames: ImGui lays windows out over two frames
    std::optional<SteadyTime> lastTick;
    Watchdog& watchdog = Watchdog::process();
    while (!window.shouldClose()) {
        if (framesOwed > 0) {
            window.beginFrame();
            if (scene.draw(Clock::now())) framesOwed = std::max(framesOwed, kSettleFrames);
            const auto bg = scene.clearColor();
            window.endFrame(bg[0], bg[1], bg[2]);
            window.swap();
            watchdog.firstFrame(Clock::now());  // READY=1 once the kiosk is on screen
            --framesOwed;
            ++stats.frames;
            if (maxFrames > 0 && stats.frames >= maxFrames) break;
        }
        // A frame limit (tests, measurements) must not wait forever for input that never comes.
        if (maxFrames > 0 && framesOwed == 0) break;
        if (scene.wantsExit()) {
            window.allowClose();
            break;
        }

        // Wait: not at all while frames are owed, until the scene's deadline, or for input only.
        auto wake = scene.nextWake(Clock::now());
        // A deadline that was already ticked and changed nothing must not spin the CPU.
        if (wake && lastTick && *wake <= *lastTick) wake = *lastTick + std::chrono::seconds(1);
        // An idle kiosk also wakes for the systemd watchdog, at its interval and no more often.
        const auto until = earliest(wake, watchdog.nextPing());
        if (framesOwed > 0) {
            glfwPollEvents();
        } else if (!until) {
            glfwWaitEvents();
        } else {
            const double seconds = std::chrono::duration<double>(*until - Clock::now()).count();
            if (seconds > 0) {
                glfwWaitEventsTimeout(seconds);
            } else {
                glfwPollEvents();
            }
        }
        ++stats.wakes;

        const auto now = Clock::now();
        watchdog.tick(now);  // only a loop that turns says it is alive
        if (window.takeInput()) {
            scene.onInput(now);
            framesOwed = std::max(framesOwed, kSettleFrames);
        }
        if (window.takeDamage()) framesOwed = std::max(framesOwed, 1);
        if (scene.pollChanges()) framesOwed = std::max(framesOwed, 1);
        if (wake && now >= *wake) {
            lastTick = now;
            if (scene.onTick(now)) framesOwed = std::max(framesOwed, 1);
        }
    }
    return stats;
}

}  // namespace kiosk::app
