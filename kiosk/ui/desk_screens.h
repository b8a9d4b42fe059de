#pragma once
// The staff desk on screen: plain functions of staff::DeskView that send staff::DeskActions
// (STYLE.md #3); every rule (unlock, idle, audit, export) is the desk's (staff/desk.h). Big touch
// targets and the kiosk's theme, like the patient screens. Keys for tests: desk/row/<id>,
// desk/unlock, desk/pass/<key>, desk/review, desk/delete, desk/delete/yes|no, desk/export/<format>,
// desk/export_list/<format>, desk/back, desk/leave, desk/health, desk/lang/<code>, ...
#include <string>
#include <vector>

#include "kiosk/staff/desk_view.h"
#include "kiosk/ui/frame.h"

namespace kiosk::ui {

using DeskActions = std::vector<staff::DeskAction>;

/// @brief What the desk's screens keep between frames: which search panel is open, the days the
///        steppers show, the name being typed (a patient's name: wipe() clears it).
struct DeskUiState {
    enum class Panel { None, Days, Name };
    Panel panel = Panel::None;
    std::string from, to;  ///< the date steppers' days ("" = take the list's)
    KeyboardState name;    ///< the name search being typed
    bool passShift = false;
    staff::DeskScreen lastScreen = staff::DeskScreen::List;
    void wipe();
};

/// Draws the whole desk for @p v inside the kiosk's full-screen window; actions go to @p out.
void drawDesk(Frame& f, const staff::DeskView& v, DeskUiState& s, DeskActions& out);

}  // namespace kiosk::ui
