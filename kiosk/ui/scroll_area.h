#pragma once
// A vertical scroll area moved by dragging a finger, with a fling that slows down by itself
// (ImGui 1.86 has no touch scrolling). A drag past the threshold is never a tap.
#include <string>

#include <imgui.h>

#include "kiosk/ui/frame.h"

namespace kiosk::ui {

/// Opens the area at the cursor (an ImGui child window); @p owner names what is scrolled
/// (a page id): when it changes the area starts at the top.
void beginScrollArea(Frame& f, const char* id, const std::string& owner, ImVec2 size);
/// Closes the area and draws a position indicator (visual only; dragging is the way to scroll).
/// While more lies below, the last lines fade out and ScrollState::moreBelow is set.
void endScrollArea(Frame& f);
/// "There is more below" (a down arrow and words) centred in the free part of the bottom bar
/// between Back and Next, so it never covers an answer or the signature pad. Visual only.
void drawMoreBelowCue(Frame& f, float left, float right, float top, float height);
/// True while a drag or a fling moves the area (the kiosk then needs a frame per display refresh).
bool scrollAnimating(const ScrollState& s, const Theme& theme);

}  // namespace kiosk::ui
