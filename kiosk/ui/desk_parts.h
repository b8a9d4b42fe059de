#pragma once
// Internal to the desk's screens (desk_screens.cpp, desk_list.cpp, desk_detail.cpp): what one
// frame of the desk shares, and the bars every desk screen has.
#include <string>
#include <string_view>

#include "kiosk/ui/desk_screens.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui::desk {

struct Ctx {
    Frame& f;
    const staff::DeskView& v;
    DeskUiState& s;
    DeskActions& out;
    float top = 0, bottom = 0;  ///< the body between the bars
    float x = 0, width = 0;     ///< the content column

    void emit(staff::DeskAction a) { out.push_back(std::move(a)); }
};

/// A button sized to its label (at least @p minEm wide), at (@p x, @p y); true on a tap.
bool fitButton(Ctx& c, std::string_view key, std::string_view label, float x, float y, Look look = Look::Plain,
               bool enabled = true, float minEm = 6.0f);
/// The width fitButton() gives @p label.
float fitWidth(const Ctx& c, std::string_view label, float minEm = 6.0f);

/// "Export:" and a small button per format, ending at @p right on row @p y; @p id "" = the list,
/// or with @p selection the intakes chosen (desk/export_selected/<format>, off while none is).
/// "Export:" only where it ends right of @p left (what the row holds on its left).
void exportButtons(Ctx& c, float right, float y, const std::string& id, bool selection = false, float left = 0);

/// What the passphrase keyboard's tap asks of the screen: keys and shift are handled (TypeKey,
/// Backspace sent); OK and Cancel are the screen's to act on.
enum class PassKey { None, Ok, Cancel };
/// The passphrase keyboard (ui/staff_gate.h) across the column from @p y, keys <@p prefix><id>.
PassKey passKeys(Ctx& c, float y, std::string_view prefix, bool locked, bool canSubmit);

void drawList(Ctx& c);
void drawDetail(Ctx& c);
void drawChangePassphrase(Ctx& c);

}  // namespace kiosk::ui::desk
