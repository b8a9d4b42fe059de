#pragma once
// A full-screen message for staff when the kiosk cannot take patients: the form or the config
// failed to load. The kiosk keeps running and shows what is wrong instead of exiting to a desktop.
#include <string>
#include <vector>

#include "kiosk/app/kiosk_loop.h"

namespace kiosk::app {

/// @brief Draws a title and lines of plain text; no patient ever sees patient data here.
class StaffMessageScene final : public Scene {
  public:
    StaffMessageScene(std::string title, std::vector<std::string> lines);

    /// Adds a readable font to the ImGui atlas for a display @p displayHeight px high (Noto Sans,
    /// else DejaVu Sans, else ImGui's built-in font scaled up). Call before the atlas is built.
    static void addFonts(float displayHeight);

    bool draw(SteadyTime now) override;
    std::optional<SteadyTime> nextWake(SteadyTime) const override { return std::nullopt; }
    std::array<float, 3> clearColor() const override { return {0.98f, 0.93f, 0.86f}; }

  private:
    std::string m_title;
    std::vector<std::string> m_lines;
};

}  // namespace kiosk::app
