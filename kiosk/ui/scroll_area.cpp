#include "kiosk/ui/scroll_area.h"

#include <imgui_internal.h>  // SetNextWindowScroll: scroll set before Begin applies this frame

#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

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
    s.area = std::string(id).substr(id[0] == '#' && id[1] == '#' ? 2 : 0);
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
        const float to = std::clamp(s.scrollToY - f.px(1.0f), 0.0f, std::max(0.0f, s.maxOffset));
        if (std::fabs(to - s.offset) >= 1.0f) s.jumpedAt = f.now;
        s.offset = s.scrollToY - f.px(1.0f);
        s.velocity = 0;
        // Content that has just appeared (a question an answer revealed) counts in the area's height
        // a frame later: keep asking for a couple of frames rather than stop short of it.
        if (s.offset <= s.maxOffset + 0.5f || ++s.scrollToTries > 2) {
            s.scrollToY = -1;
            s.scrollToTries = 0;
        }
    }
    const float clamped = std::clamp(s.offset, 0.0f, std::max(0.0f, s.maxOffset));
    if (clamped != s.offset) s.velocity = 0;
    s.offset = clamped;

    // Whole pixels: ImGui lays lines out on whole pixels of the screen, so a fractional scroll would
    // round each line differently and the page's targets would shift by a pixel or two as it
    // scrolls (issue 20: targets never move between a patient's taps).
    ImGui::SetNextWindowScroll(ImVec2(0.0f, std::round(s.offset)));
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
}

namespace {

/// The last lines fade out: a page that goes on looks unfinished at its bottom edge.
void drawFadeOut(Frame& f, ImVec2 wpos, ImVec2 wsize) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bottom = wpos.y + wsize.y;
    const float fade = std::min(f.px(2.4f), wsize.y * 0.3f);
    dl->AddRectFilledMultiColor(ImVec2(wpos.x, bottom - fade), ImVec2(wpos.x + wsize.x, bottom),
                                col(f.pal.background, 0.0f), col(f.pal.background, 0.0f),
                                col(f.pal.background), col(f.pal.background));
}

}  // namespace

void endScrollArea(Frame& f) {
    ScrollState& s = f.state.scroll;
    s.maxOffset = ImGui::GetScrollMaxY();
    f.registry.addScroll(ScrollInfo{s.area, s.offset, s.maxOffset});
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
        s.moreBelow = s.offset < s.maxOffset - f.px(0.5f);
        if (s.moreBelow) drawFadeOut(f, wpos, wsize);
    }
    ImGui::EndChild();
}

void drawMoreBelowCue(Frame& f, float left, float right, float top, float height) {
    const std::string& words = f.tr("ui.scroll_more");
    const float pad = f.px(0.5f), arrow = f.em * 0.8f, h = f.em * 1.5f;
    const float full = pad * 3 + arrow + textWidth(f, FontRole::BodyBold, words);
    const bool withWords = full <= right - left;
    const float w = withWords ? full : h;  // a narrow bar keeps the arrow alone
    if (w > right - left) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 mn(left + (right - left - w) * 0.5f, top + (height - h) * 0.5f);
    const ImVec2 mx(mn.x + w, mn.y + h);
    dl->AddRectFilled(mn, mx, col(f.pal.background), h * 0.5f);
    dl->AddRect(mn, mx, col(f.pal.buttonBorder), h * 0.5f, 0, std::max(2.0f, f.px(f.theme.borderEm)));
    const float cx = withWords ? mn.x + pad + arrow * 0.5f : mn.x + w * 0.5f, cy = mn.y + h * 0.5f;
    dl->AddTriangleFilled(ImVec2(cx - arrow * 0.5f, cy - arrow * 0.3f), ImVec2(cx + arrow * 0.5f, cy - arrow * 0.3f),
                          ImVec2(cx, cy + arrow * 0.4f), col(f.pal.text));
    if (withWords) {
        ImFont* font = f.fonts.bodyBold ? f.fonts.bodyBold : ImGui::GetFont();
        dl->AddText(font, f.em, ImVec2(mn.x + pad * 2 + arrow, mn.y + (h - f.em) * 0.5f), col(f.pal.text), words.c_str());
    }
    f.registry.addText(TextInfo{"more_below", words, Rect{mn.x, mn.y, w, h}, f.em});
}

}  // namespace kiosk::ui
