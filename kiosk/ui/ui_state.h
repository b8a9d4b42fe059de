#pragma once
// Transient UI state (STYLE.md #4): what a finger is doing, text being typed, scroll positions.
// Answers never live here; they are in session::Intake. wipe() forgets all of it between patients.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/session/view_model.h"
#include "kiosk/ui/widget_registry.h"

namespace kiosk::ui {

/// @brief Drag-to-scroll of one scroll area with a fling that decays (ImGui 1.86 has no touch scroll).
struct ScrollState {
    std::string owner;           ///< which page/screen the offset belongs to; reset when it changes
    std::string area;            ///< the open area's name ("page"), for the registry
    float offset = 0;            ///< px scrolled
    float maxOffset = 0;         ///< from the last frame's content height
    float velocity = 0;          ///< px/s of the fling (positive = content moves up)
    bool pressed = false;        ///< finger down inside the area
    bool dragging = false;       ///< moved past the threshold: this gesture scrolls, it is no tap
    bool suppressClick = false;  ///< this frame's release ends a drag: buttons ignore it
    float pressX = 0, pressY = 0;
    float scrollToY = -1;        ///< content y to bring into view next frame (first error), < 0 none
    int scrollToTries = 0;       ///< frames scrollToY waited for the content to grow that tall
    /// When the kiosk itself last moved the page (scrollToY: a revealed question, the first error,
    /// an opened panel): the page moved under the finger, so a tap this soon after is not meant
    /// for what is there now (widgets.h, meantTap).
    session::TimePoint jumpedAt{};
    bool moreBelow = false;      ///< this frame's area goes on below what shows (the bar says so)
};

enum class KeyboardLayout { Text, Name, Phone, Email, Number };

/// @brief The on-screen keyboard or number pad, open for one item.
struct KeyboardState {
    bool open = false;
    std::string item;       ///< item id being typed
    KeyboardLayout layout = KeyboardLayout::Text;
    std::string buffer;     ///< UTF-8 text typed so far (also the answer, sent on every key)
    bool shift = false;     ///< next letter upper case (one-shot)
    bool multiline = false; ///< offer a new-line key
    int slot = -1;          ///< a repeating number: the value of its list being typed (SetAnswer::slot)
};

/// @brief A date being picked: 0 = not chosen yet.
struct PartialDate {
    int day = 0, month = 0, year = 0;
    int decade = 0;      ///< decade whose years are shown (1940); 0 = the list of decades
    int missingDay = 0;  ///< a day the chosen month lacks (tapped, or dropped by a month change): explained
    int section = 0;     ///< where the picker shows one section at a time: 0 day, 1 month, 2 year
};

/// @brief What one body-map item's screen is doing (answers themselves are in the session).
struct BodyMapUi {
    std::string focus;                  ///< region whose panel is open; "" = none
    std::string choiceA, choiceB;       ///< a tap that could mean either: both offered as buttons
    bool showBack = false;              ///< narrow screens show one view: the back one
    bool asList = false;                ///< "Show as a list" was tapped
    bool confirmClearAll = false;       ///< "Clear all" asks first
    std::optional<forms::BodyMark> undo;  ///< the last mark cleared, until Undo or another change
    size_t undoAt = 0;                  ///< where it stood in the list of marks
    bool scrollToPanel = false;         ///< the panel opened below the figure: bring it into view
};

/// @brief Everything transient; see the header comment.
struct UiState {
    bool largerText = false;
    bool highContrast = false;
    ScrollState scroll;
    KeyboardState keyboard;
    std::map<std::string, PartialDate> dates;        ///< item id -> date being picked
    std::string strokeItem;                          ///< signature item of the stroke in progress
    forms::Stroke stroke;                            ///< points 0..1 of the stroke being drawn
    std::map<std::string, BodyMapUi> bodyMaps;       ///< body-map item id -> its panel, view, undo
    std::map<std::string, int> repeatSlot;           ///< repeating number/date item -> the value its control edits
    std::map<std::string, int> listCards;            ///< list item -> cards shown (an empty new one included)
    std::map<std::string, forms::Item> listFields;   ///< "<list>.<entry>.<field>" -> the field under that key
    std::vector<Rect> noScrollRects;                 ///< last frame: areas where a drag draws, not scrolls
    std::vector<Rect> noScrollNext;                  ///< this frame's, swapped in at the end of the frame

    // What the finger meant (issue 20): which screen a press began on, and when that screen and the
    // last toggle tap happened (Theme::tapDebounceSeconds).
    std::string shownKey;          ///< the screen on show: screen, page and overlay
    session::TimePoint shownAt{};  ///< when it first showed
    std::string pressKey;          ///< shownKey when the current press began; "" = on a screen's first frame
    std::string lastToggle;        ///< key of the last toggle that changed
    std::string lastNavigation;    ///< key of the last navigation button that acted
    session::TimePoint lastNavigationAt{};
    session::TimePoint lastToggleAt{};
    std::map<std::string, float> errorSpace;  ///< item -> height its error took on this page: kept
    int reviewReturnPage = -1;  ///< the page a "Change" from the review edited: the review opens there
    int itemsOfPage = -1;              ///< the page whose items itemsShown lists
    std::vector<std::string> itemsShown;  ///< last frame: to see a question an answer revealed

    // Transitions seen by the last frame (to wipe buffers and scroll to errors).
    session::Screen lastScreen = session::Screen::Welcome;
    int lastPage = -1;
    bool lastHasErrors = false;
    bool nextTapped = false;  ///< Next was tapped last frame: if refused, scroll to the first error

    /// Forgets what the patient typed or drew, keeps display choices (text size, contrast).
    void forgetPatientInput() {
        const bool larger = largerText, contrast = highContrast;
        *this = UiState{};
        largerText = larger;
        highContrast = contrast;
    }
};

}  // namespace kiosk::ui
