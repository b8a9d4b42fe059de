// Body map, list form (behind "Show as a list", and where no figure is loaded): regions grouped by
// area as toggle buttons, the panel of the region in focus under its group (brought into view when
// it opens), then Undo, Clear all and "Show the drawing" (body_map.h). Tapping a region marks it
// and opens its panel; tapping it again never clears it: "Clear" in the panel does, with Undo.
#include <algorithm>
#include <string>

#include "kiosk/bodymap/regions.h"
#include "kiosk/ui/body_map.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

void drawBodyMapList(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<forms::BodyMapAnswer>(iv);
    const forms::BodyMapAnswer marks = current ? *current : forms::BodyMapAnswer{};
    BodyMapUi& ui = f.state.bodyMaps[item.id];
    dropStaleFocus(f, item, marks);
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const int cols = width >= f.px(40.0f) ? 3 : 2;
    const float w = columnWidth(f, width, cols);

    // Groups in the order they first appear, each with its regions (front then back).
    std::vector<std::string_view> groups;
    for (const auto& r : bodymap::regions())
        if (std::find(groups.begin(), groups.end(), r.group) == groups.end()) groups.push_back(r.group);
    for (std::string_view g : groups) {
        text(f, FontRole::BodyBold, f.catalog.has(f.lang, "region_group." + std::string(g))
                                        ? f.tr("region_group." + std::string(g)) : std::string(g),
             f.pal.text, width);
        // Rows as tall as the group's longest name needs at full size: a long name wraps onto a
        // second line rather than being drawn smaller (Larger text must never make text smaller).
        float rowH = target;
        for (const auto& r : bodymap::regions())
            if (r.group == g) rowH = std::max(rowH, buttonHeight(f, regionName(f, r.id), w, Mark::Check));
        const ImVec2 grid = ImGui::GetCursorScreenPos();
        int i = 0;
        bool focusHere = false;
        for (const auto& r : bodymap::regions()) {
            if (r.group != g) continue;
            const int row = i / cols, column = i % cols;
            ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(column) * (w + gap),
                                             grid.y + static_cast<float>(row) * (rowH + gap)));
            ++i;
            const bool on = std::any_of(marks.begin(), marks.end(),
                                        [&](const forms::BodyMark& m) { return m.region == r.id; });
            focusHere = focusHere || (on && ui.focus == r.id);
            const std::string key = "item/" + item.id + "/" + std::string(r.id);
            const std::string label = regionName(f, r.id);
            ButtonSpec spec{key, label, WidgetKind::Choice};
            spec.look = on ? Look::Selected : Look::Plain;
            spec.mark = Mark::Check;
            if (button(f, spec, ImVec2(w, rowH))) chooseRegion(f, item, marks, r.id);
        }
        const int rows = (i + cols - 1) / cols;
        ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + static_cast<float>(rows) * (rowH + gap)));
        ImGui::Dummy(ImVec2(width, 1));
        if (focusHere) {
            const float topContent = ImGui::GetCursorPosY(), topScreen = ImGui::GetCursorScreenPos().y;
            drawMarkPanel(f, item, marks, width);
            revealPanel(f, item, topContent, topScreen, ImGui::GetItemRectMax().y);  // it opens in view
            ImGui::Dummy(ImVec2(width, gap));
        }
    }
    if (ui.focus.empty()) ui.scrollToPanel = false;  // else its panel shows next frame, with the new mark
    drawBodySide(f, item, marks, width);
}

}  // namespace kiosk::ui
