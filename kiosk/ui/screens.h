#pragma once
// The screens: each a plain function of the view model that sends actions (STYLE.md #3), drawn
// inside the kiosk's full-screen window. chrome.cpp holds the bars they share.
#include <string_view>

#include "kiosk/session/view_model.h"
#include "kiosk/ui/frame.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

void drawWelcome(Frame& f, const session::ViewModel& vm);
void drawPage(Frame& f, const session::ViewModel& vm);
void drawReview(Frame& f, const session::ViewModel& vm);
void drawSaving(Frame& f, const session::ViewModel& vm);
void drawSaveFailed(Frame& f, const session::ViewModel& vm);
void drawThankYou(Frame& f, const session::ViewModel& vm);
/// After a restart with a saved draft: continue it or start over; shows none of its answers.
void drawResume(Frame& f, const session::ViewModel& vm);
/// "Start over?" after Back on the first page with answers: keep them (big) or delete them.
void drawStartOverOverlay(Frame& f, const session::ViewModel& vm);
/// "Are you still there?" over everything (the answers underneath are not drawn: privacy).
void drawIdleOverlay(Frame& f, const session::ViewModel& vm);

// [chrome.cpp]
/// Top bar: @p left text (progress), the Read aloud button (with @p readAloud, when available) and
/// the Larger text / High contrast toggles on the right.
void drawTopBar(Frame& f, std::string_view left, bool readAloud = true);
/// The welcome screen's read-aloud switch ("readaloud/welcome"), @p w wide at the cursor; its height.
float readAloudSwitchHeight(const Frame& f, float w);
void drawReadAloudSwitch(Frame& f, float w);
/// One row of language buttons ("lang/xx"), each named in itself, centred in @p w at (@p x, @p y);
/// targetEm high. Tapping one sends SetLanguage.
void languageButtons(Frame& f, float x, float w, float y);
/// Bottom bar with Back on the left and the main action on the right, always in the same place.
/// Returns which was tapped: -1 back, +1 main, 0 none.
int drawBottomBar(Frame& f, const ButtonSpec* back, const ButtonSpec& main);
/// The content column (centred, width capped) of the area between the bars.
struct Column {
    float x, width;
};
Column contentColumn(const Frame& f);
/// A screen of calm centred text (saving, failed, thank you): title and lines, vertically centred.
void centredMessage(Frame& f, std::string_view title, std::initializer_list<std::string_view> lines,
                    float top, float bottom);

}  // namespace kiosk::ui
