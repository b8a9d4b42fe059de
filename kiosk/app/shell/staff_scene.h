#pragma once
// A full-screen message for staff when the kiosk cannot take patients: the form or the config
// failed to load. The kiosk keeps running and shows what is wrong instead of exiting to a desktop.
#include <string>
#include <vector>

#include "kiosk/app/shell/kiosk_loop.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::app {

/// @brief Draws a title and lines of plain text in the kiosk's theme; no patient ever sees patient
///        data here.
class StaffMessageScene final : public Scene {
  public:
    StaffMessageScene(std::string title, std::vector<std::string> lines, ui::FontSizeSet fonts);

    /// Adds the kiosk's fonts (ui::findFontFiles, as the patient screens find them) to the ImGui
    /// atlas for a display @p displayHeight px high, and returns the ones this scene draws with.
    /// When the fonts cannot be found or read (one reason this scene may be showing) it falls back
    /// to ImGui's built-in font scaled up, and the set it returns is empty.
    static ui::FontSizeSet addFonts(float displayHeight);

    bool draw(SteadyTime now) override;
    std::optional<SteadyTime> nextWake(SteadyTime) const override { return std::nullopt; }
    std::array<float, 3> clearColor() const override;

  private:
    std::string m_title;
    std::vector<std::string> m_lines;
    ui::FontSizeSet m_fonts;
    ui::Theme m_theme;
};

}  // namespace kiosk::app
