#include "kiosk/app/staff_scene.h"

#include <algorithm>
#include <cstdio>
#include <imgui.h>

namespace kiosk::app {

StaffMessageScene::StaffMessageScene(std::string title, std::vector<std::string> lines)
    : m_title(std::move(title)),
      m_lines(std::move(lines)) {}

void StaffMessageScene::addFonts(float displayHeight) {
    ImGuiIO& io = ImGui::GetIO();
    const float size = std::max(18.0f, displayHeight / 40.0f);
    for (const char* path : {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}) {
        if (FILE* f = std::fopen(path, "rb")) {
            std::fclose(f);
            // Body text first (the default font), then the title size: both sharp, neither scaled.
            if (io.Fonts->AddFontFromFileTTF(path, size) && io.Fonts->AddFontFromFileTTF(path, size * 1.5f))
                return;
        }
    }
    io.Fonts->AddFontDefault();
    io.FontGlobalScale = size / 13.0f;
}

bool StaffMessageScene::draw(SteadyTime) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.98f, 0.93f, 0.86f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.10f, 0.10f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##staff_message", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float margin = vp->Size.x * 0.06f;
    ImGui::SetCursorPos(ImVec2(margin, vp->Size.y * 0.12f));
    ImGui::PushTextWrapPos(vp->Size.x - margin);
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    const bool titleFont = fonts->Fonts.Size > 1;
    if (titleFont) ImGui::PushFont(fonts->Fonts[1]);
    ImGui::TextUnformatted(m_title.c_str());
    if (titleFont) ImGui::PopFont();
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
