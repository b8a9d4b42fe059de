#include "kiosk/ui/scroll_area.h"

#include <imgui_internal.h>  // SetNextWindowScroll: scroll set before Begin applies this frame

#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

bool scrollAnimating(const ScrollState& s, const Theme& theme) {
    return s.dragging || std::fabs(s.velocity) >= theme.kineticStopPxPerSecond;
}

void beginScrollArea(Frame& f, const char* id, const std::string& owner, ImVec2 size) {
    ScrollState& s = f.state.scroll;
    if (s.owner != owner) {
        const float keepScrollTo = s.scrollToY;
        s = ScrollState{};
        s.owner = owner;
        s.scrollToY = keepScrollTo;
    }
    s.suppressClick = false;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const Rect area{pos.x, pos.y, size.x, size.y};
    const float dt = std::max(io.DeltaTime, 1e-4f);
    const ImVec2 mouse = io.MousePos;

    if (io.MouseClicked[0] && area.contains(mouse.x, mouse.y)) {
        const bool onCanvas = std::any_of(f.state.noScrollRects.begin(), f.state.noScrollRects.end(),
                                          [&](const Rect& r) { return r.contains(mouse.x, mouse.y); });
        if (!onCanvas) {
            s.pressed = true;
            s.dragging = false;
            s.velocity = 0;
            s.pressX = mouse.x;
            s.pressY = mouse.y;
        }
    }
    if (s.pressed) {
        if (io.MouseDown[0]) {
            const float dy = std::fabs(io.MouseDelta.y) < 1e4f ? io.MouseDelta.y : 0.0f;
            if (!s.dragging && std::fabs(mouse.y - s.pressY) > f.px(f.theme.dragThresholdEm)) {
                s.dragging = true;
                s.offset -= mouse.y - s.pressY - dy;  // catch up the travel below the threshold
            }
            if (s.dragging) {
                s.offset -= dy;
                s.velocity = 0.5f * s.velocity + 0.5f * (-dy / dt);
            }
        } else {
            s.suppressClick = s.dragging;  // the release ends a scroll: no button fires
            s.pressed = false;
            s.dragging = false;
        }
    } else if (std::fabs(s.velocity) >= f.theme.kineticStopPxPerSecond) {
        s.offset += s.velocity * dt;
        s.velocity *= std::exp(-f.theme.kineticDecayPerSecond * dt);
    } else {
        s.velocity = 0;
    }
    if (area.contains(mouse.x, mouse.y) && io.MouseWheel != 0.0f) s.offset -= io.MouseWheel * f.px(3.0f);
    if (s.scrollToY >= 0) {
        s.offset = s.scrollToY - f.px(1.0f);
        s.scrollToY = -1;
        s.velocity = 0;
    }
    const float clamped = std::clamp(s.offset, 0.0f, std::max(0.0f, s.maxOffset));
    if (clamped != s.offset) s.velocity = 0;
    s.offset = clamped;

    ImGui::SetNextWindowScroll(ImVec2(0.0f, s.offset));
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
}

void endScrollArea(Frame& f) {
    ScrollState& s = f.state.scroll;
    s.maxOffset = ImGui::GetScrollMaxY();
    const ImVec2 wpos = ImGui::GetWindowPos(), wsize = ImGui::GetWindowSize();
    if (s.maxOffset > 0) {
        // Where we are in the page, drawn wide enough to see; not a control.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float w = f.px(0.3f);
        const float x = wpos.x + wsize.x - w - f.px(0.1f);
        const float total = wsize.y + s.maxOffset;
        const float h = std::max(f.px(2.0f), wsize.y * wsize.y / total);
        const float y = wpos.y + (wsize.y - h) * (s.offset / s.maxOffset);
        dl->AddRectFilled(ImVec2(x, wpos.y), ImVec2(x + w, wpos.y + wsize.y), col(f.pal.bar), w * 0.5f);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), col(f.pal.buttonBorder), w * 0.5f);
    }
    ImGui::EndChild();
}

}  // namespace kiosk::ui
