#include "kiosk/app/shell/staff_scene.h"

#include <algorithm>
#include <imgui.h>

#include "kiosk/ui/font_files.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::app {

StaffMessageScene::StaffMessageScene(std::string title, std::vector<std::string> lines, ui::FontSizeSet fonts)
    : m_title(std::move(title)),
      m_lines(std::move(lines)),
      m_fonts(fonts) {}

ui::FontSizeSet StaffMessageScene::addFonts(float displayHeight) {
    ImGuiIO& io = ImGui::GetIO();
    const ui::Theme theme;
    if (auto files = ui::findFontFiles()) {
        if (auto fonts = ui::addKioskFonts(*io.Fonts, theme, displayHeight, files->regular, files->bold)) {
            io.FontDefault = fonts->normal.body;
            return fonts->normal;
        }
    }
    io.Fonts->AddFontDefault();
    io.FontGlobalScale = std::max(18.0f, theme.emPx(displayHeight, false)) / 13.0f;  // 13 px: ImGui's own
    return {};
}

std::array<float, 3> StaffMessageScene::clearColor() const {
    const ui::Rgb bg = m_theme.normal.background;
    return {bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f};
}

bool StaffMessageScene::draw(SteadyTime) {
    const ui::Palette& pal = m_theme.normal;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::col(pal.background));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::col(pal.text));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##staff_message", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float margin = vp->Size.x * 0.06f;
    ImGui::SetCursorPos(ImVec2(margin, vp->Size.y * 0.12f));
    ImGui::PushTextWrapPos(vp->Size.x - margin);
    if (m_fonts.title) ImGui::PushFont(m_fonts.title);
    ImGui::TextUnformatted(m_title.c_str());
    if (m_fonts.title) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
    for (const auto& line : m_lines) {
        ImGui::SetCursorPosX(margin);
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    return false;
}

}  // namespace kiosk::app
