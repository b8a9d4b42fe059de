// Body map, list form (the drawn figure has its own issue): regions grouped by area as toggle
// buttons, and for the region in focus the detail the form asks for (intensity 0-10, kind of pain).
// Tap marks a region; tapping a marked one focuses it, tapping it again clears it.
#include <algorithm>
#include <string>

#include "kiosk/bodymap/regions.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

/// Plain-words name from the catalogue ("region.<id>"); a readable id if the key is missing.
std::string niceName(const Frame& f, std::string_view prefix, std::string_view id) {
    const std::string key = std::string(prefix) + std::string(id);
    if (f.catalog.has(f.lang, key) || f.catalog.has("en", key)) return f.tr(key);
    std::string s(id);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

bool wantsDetail(const forms::Item& item, forms::BodyDetail d) {
    return std::find(item.detail.begin(), item.detail.end(), d) != item.detail.end();
}

void send(Frame& f, const forms::Item& item, forms::BodyMapAnswer marks) {
    if (marks.empty())
        f.emit(session::ClearAnswer{item.id});
    else
        f.emit(session::SetAnswer{item.id, forms::Answer{std::move(marks)}});
}

void drawDetail(Frame& f, const forms::Item& item, forms::BodyMapAnswer marks, size_t index, float width) {
    forms::BodyMark& mark = marks[index];
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // panel background behind its contents
    dl->ChannelsSetCurrent(1);
    const float pad = f.px(f.theme.padEm);
    const float inner = width - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    text(f, FontRole::Question, niceName(f, "region.", mark.region), f.pal.text, inner);
    const std::string base = "item/" + item.id + "/" + mark.region;
    bool changed = false;
    if (wantsDetail(item, forms::BodyDetail::Intensity)) {
        text(f, FontRole::Body, f.tr("ui.body.how_strong"), f.pal.text, inner);
        const float w = std::min(columnWidth(f, inner, 11), f.px(4.0f));
        const ImVec2 row = ImGui::GetCursorScreenPos();
        for (int v = 0; v <= 10; ++v) {
            ImGui::SetCursorScreenPos(ImVec2(row.x + static_cast<float>(v) * (w + gap), row.y));
            const std::string key = base + "/intensity/" + std::to_string(v);
            const std::string label = std::to_string(v);
            ButtonSpec spec{key, label, WidgetKind::Choice};
            spec.look = mark.intensity == v ? Look::Selected : Look::Plain;
            if (button(f, spec, ImVec2(w, target))) {
                mark.intensity = v;
                changed = true;
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + target + gap));
    }
    if (wantsDetail(item, forms::BodyDetail::Kind)) {
        text(f, FontRole::Body, f.tr("ui.body.what_kind"), f.pal.text, inner);
        const auto& kinds = bodymap::painKinds();
        const int cols = inner >= f.px(36.0f) ? 3 : 2;
        const float w = columnWidth(f, inner, cols);
        const ImVec2 grid = ImGui::GetCursorScreenPos();
        int i = 0;
        for (std::string_view k : kinds) {
            const int row = i / cols, column = i % cols;
            ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(column) * (w + gap),
                                             grid.y + static_cast<float>(row) * (target + gap)));
            ++i;
            const std::string key = base + "/kind/" + std::string(k);
            const std::string label = niceName(f, "pain_kind.", k);
            const bool on = std::find(mark.kinds.begin(), mark.kinds.end(), k) != mark.kinds.end();
            ButtonSpec spec{key, label, WidgetKind::Choice};
            spec.look = on ? Look::Selected : Look::Plain;
            spec.mark = Mark::Check;
            if (button(f, spec, ImVec2(w, target))) {
                if (on) {
                    mark.kinds.erase(std::find(mark.kinds.begin(), mark.kinds.end(), k));
                } else {
                    mark.kinds.emplace_back(k);
                    std::vector<std::string> ordered;  // keep the catalogue order
                    for (std::string_view kk : kinds)
                        if (std::find(mark.kinds.begin(), mark.kinds.end(), kk) != mark.kinds.end())
                            ordered.emplace_back(kk);
                    mark.kinds = ordered;
                }
                changed = true;
            }
        }
        const int rows = (i + cols - 1) / cols;
        ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + static_cast<float>(rows) * (target + gap)));
    }
    const std::string removeKey = base + "/remove";
    ButtonSpec remove{removeKey, f.tr("ui.body.remove"), WidgetKind::Button};
    if (button(f, remove, ImVec2(std::min(inner, f.px(12.0f)), target))) {
        marks.erase(marks.begin() + static_cast<long>(index));  // `mark` is gone: not read below
        f.state.bodyFocus.erase(item.id);
        changed = true;
    }
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, col(f.pal.bar), f.px(f.theme.roundingEm));
    dl->AddRect(start, end, col(f.pal.selected), f.px(f.theme.roundingEm), 0, f.px(0.12f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, end.y - start.y));
    if (changed) send(f, item, std::move(marks));
}

}  // namespace

void drawBodyMapList(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<forms::BodyMapAnswer>(iv);
    const forms::BodyMapAnswer marks = current ? *current : forms::BodyMapAnswer{};
    const bool detail = !item.detail.empty();
    const std::string focus = f.state.bodyFocus.count(item.id) ? f.state.bodyFocus[item.id] : "";
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const int cols = width >= f.px(40.0f) ? 3 : 2;
    const float w = columnWidth(f, width, cols);

    // Groups in the order they first appear, each with its regions (front then back).
    std::vector<std::string_view> groups;
    for (const auto& r : bodymap::regions())
        if (std::find(groups.begin(), groups.end(), r.group) == groups.end()) groups.push_back(r.group);
    for (std::string_view g : groups) {
        text(f, FontRole::BodyBold, niceName(f, "region_group.", g), f.pal.text, width);
        // Rows as tall as the group's longest name needs at full size: a long name wraps onto a
        // second line rather than being drawn smaller (Larger text must never make text smaller).
        float rowH = target;
        for (const auto& r : bodymap::regions())
            if (r.group == g) rowH = std::max(rowH, buttonHeight(f, niceName(f, "region.", r.id), w, Mark::Check));
        const ImVec2 grid = ImGui::GetCursorScreenPos();
        int i = 0;
        const forms::BodyMark* focused = nullptr;
        for (const auto& r : bodymap::regions()) {
            if (r.group != g) continue;
            const int row = i / cols, column = i % cols;
            ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(column) * (w + gap),
                                             grid.y + static_cast<float>(row) * (rowH + gap)));
            ++i;
            auto it = std::find_if(marks.begin(), marks.end(),
                                   [&](const forms::BodyMark& m) { return m.region == r.id; });
            const bool on = it != marks.end();
            if (on && detail && focus == r.id) focused = &*it;
            const std::string key = "item/" + item.id + "/" + std::string(r.id);
            const std::string label = niceName(f, "region.", r.id);
            ButtonSpec spec{key, label, WidgetKind::Choice};
            spec.look = on ? Look::Selected : Look::Plain;
            spec.mark = Mark::Check;
            if (!button(f, spec, ImVec2(w, rowH))) continue;
            forms::BodyMapAnswer next = marks;
            if (!on) {
                next.push_back(forms::BodyMark{std::string(r.id), std::nullopt, {}});
                if (detail) f.state.bodyFocus[item.id] = std::string(r.id);
            } else if (detail && focus != r.id) {
                f.state.bodyFocus[item.id] = std::string(r.id);  // refine before clearing
                continue;
            } else {
                next.erase(next.begin() + (it - marks.begin()));
                f.state.bodyFocus.erase(item.id);
            }
            send(f, item, std::move(next));
        }
        const int rows = (i + cols - 1) / cols;
        ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + static_cast<float>(rows) * (rowH + gap)));
        ImGui::Dummy(ImVec2(width, 1));
        if (focused) {
            drawDetail(f, item, marks, static_cast<size_t>(focused - marks.data()), width);
            ImGui::Dummy(ImVec2(width, gap));
        }
    }
}

}  // namespace kiosk::ui
