#pragma once
// Building blocks every screen uses: big buttons that register themselves (STYLE.md #6), text in
// the theme's fonts, check marks drawn as lines (Noto Sans has no U+2713) and the error line.
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/frame.h"

namespace kiosk::ui {

enum class Look { Plain, Selected, Primary, Dimmed };
/// Indicator at the left of a choice: none, a radio circle, a check box (check mark when selected), or
/// a loudspeaker (Read aloud; sound waves when selected, i.e. on).
enum class Mark { None, Radio, Check, Speaker };

/// @brief One big button: key is its test id ("next"), label what the patient reads.
struct ButtonSpec {
    std::string_view key;
    std::string_view label;
    WidgetKind kind = WidgetKind::Button;
    Look look = Look::Plain;
    Mark mark = Mark::None;
    bool enabled = true;  ///< false: drawn dimmed and taps do nothing
    FontRole font = FontRole::BodyBold;
    /// Changes the screen (Next, Back, Send, Start, Change...): ignores a second tap on the same
    /// button within Theme::tapDebounceSeconds (both taps can land before the next page shows).
    bool navigation = false;
};

/// Draws @p spec at the cursor with @p size, registers it, and returns true on a tap (press and
/// release on it, not the end of a scroll drag) that the finger meant: never one whose press began
/// on another screen, never any within the debounce after its screen appeared (the second half of
/// a double tap on the button that brought the screen up) or of the kiosk scrolling the page itself
/// (a revealed question brought into view), never a navigation button twice in it,
/// never a second tap on the same toggle or check box within the debounce.
bool button(Frame& f, const ButtonSpec& spec, ImVec2 size);
/// The rules of button() for a tap on a widget drawn another way (a field, a pad): true when the
/// finger meant it. A toggle's accepted tap is remembered for the debounce.
bool meantTap(Frame& f, const ButtonSpec& spec);
/// @brief A label broken into lines at spaces only, and the scale it needs to fit.
struct LabelLayout {
    float scale = 1;                      ///< < 1 when a word is wider than the space, or lines too many
    std::vector<std::string_view> lines;  ///< views into the label
    ImVec2 size;                          ///< px, at that scale
};
/// Lays @p s out in @p width: breaks only between words; when one word is wider than @p width the
/// whole label gets a smaller font (never a split word); when @p maxHeight > 0 and the lines are
/// taller, smaller again down to a legible floor.
LabelLayout layoutLabel(const Frame& f, FontRole role, std::string_view s, float width, float maxHeight);

/// Height a button of @p width needs for @p label: at least the touch target, more if it wraps.
float buttonHeight(const Frame& f, std::string_view label, float width, Mark mark,
                   FontRole font = FontRole::BodyBold);

/// Wrapped text at the cursor, advancing it.
void text(Frame& f, FontRole role, std::string_view s, Rgb color, float wrapWidth);
/// Text whose lines are centred in @p width starting at the cursor x.
void centredText(Frame& f, FontRole role, std::string_view s, Rgb color, float width);
/// Height centredText() takes for @p s in @p width.
float centredTextHeight(const Frame& f, FontRole role, std::string_view s, float width);
/// Width of @p s in @p role on one line.
float textWidth(const Frame& f, FontRole role, std::string_view s);
/// Height of @p s in @p role wrapped at @p width.
float textHeight(const Frame& f, FontRole role, std::string_view s, float width);

/// A check mark of size @p sz (px) with its box's top-left at @p pos.
void drawCheck(ImDrawList* dl, ImVec2 pos, float sz, ImU32 col);
/// A loudspeaker in a box of size @p sz (px) at @p pos; with @p waves, two sound waves beside it.
void drawSpeaker(ImDrawList* dl, ImVec2 pos, float sz, ImU32 col, bool waves);
/// The error band under a question: a warning icon and the message in the error colour.
void errorLine(Frame& f, std::string_view message, float width);

/// Registers the last ImGui item as a widget (rect and the visible part under the clip rect).
WidgetInfo& registerLastItem(Frame& f, std::string_view key, WidgetKind kind, std::string_view label,
                             bool enabled, bool selected = false, bool dimmed = false);

/// Records the last ImGui item (drawn with text()) as text @p key for tests.
void registerLastText(Frame& f, std::string_view key, std::string_view s, FontRole role);

/// Width of each of @p count equal items across @p width with the theme's gap.
float columnWidth(const Frame& f, float width, int count);

ImU32 col(Rgb c, float alpha = 1.0f);

}  // namespace kiosk::ui
