// The body map's side column and the pieces the list shares (body_map.h): the panel of the region
// in focus, Undo after Clear, the question before Clear all, the choice between two small
// neighbours, the marked areas as tappable rows, and the intensity legend.
//
// [SECTION] Names and actions
// [SECTION] The panel
// [SECTION] The side column
#include <algorithm>
#include <cctype>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/ui/body_map.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

std::string keyOf(const forms::Item& item, std::string_view rest) { return "item/" + item.id + "/" + std::string(rest); }

std::string named(const Frame& f, std::string_view prefix, std::string_view id) {
    const std::string key = std::string(prefix) + std::string(id);
    if (f.catalog.has(f.lang, key) || f.catalog.has("en", key)) return f.tr(key);
    std::string s(id);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

BodyMapUi& uiOf(Frame& f, const forms::Item& item) { return f.state.bodyMaps[item.id]; }

const forms::BodyMark* findMark(const forms::BodyMapAnswer& marks, std::string_view region) {
    for (const auto& m : marks)
        if (m.region == region) return &m;
    return nullptr;
}

/// A framed panel: @p body draws inside it at the cursor, within the inner width it is given.
template <class Body>
void panel(Frame& f, float width, Rgb border, Body&& body) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float pad = f.px(f.theme.padEm);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // background behind the contents
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    body(width - 2 * pad);
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, col(f.pal.bar), f.px(f.theme.roundingEm));
    dl->AddRect(start, end, col(border), f.px(f.theme.roundingEm), 0, f.px(0.12f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, end.y - start.y));
}

/// The theme's gap between the last item and the next (ImGui adds its item spacing on both sides).
void verticalGap(const Frame& f) {
    ImGui::Dummy(ImVec2(1, std::max(0.0f, f.px(f.theme.gapEm) - 2 * ImGui::GetStyle().ItemSpacing.y)));
}

/// Buttons side by side across @p width (each as tall as the longest label needs); the index tapped or -1.
int buttonRow(Frame& f, const std::vector<ButtonSpec>& specs, float width) {
    const int n = static_cast<int>(specs.size());
    const float w = columnWidth(f, width, n), gap = f.px(f.theme.gapEm);
    float h = f.px(f.theme.targetEm);
    for (const auto& s : specs) h = std::max(h, buttonHeight(f, s.label, w, s.mark));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    int tapped = -1;
    for (int i = 0; i < n; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i) * (w + gap), at.y));
        if (button(f, specs[static_cast<size_t>(i)], ImVec2(w, h))) tapped = i;
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(width, h));
    return tapped;
}

}  // namespace

// [SECTION] Names and actions
std::string regionName(const Frame& f, std::string_view id) { return named(f, "region.", id); }

std::string markSummary(const Frame& f, const forms::Item& item, const forms::BodyMark& mark) {
    std::string s = regionName(f, mark.region);
    if (asksDetail(item, forms::BodyDetail::Intensity))
        s += ": " + (mark.intensity ? std::to_string(*mark.intensity) : f.tr("ui.body.not_rated"));
    for (const auto& k : mark.kinds) s += ", " + named(f, "pain_kind_short.", k);
    return s;
}

bool asksDetail(const forms::Item& item, forms::BodyDetail d) {
    return std::find(item.detail.begin(), item.detail.end(), d) != item.detail.end();
}

void sendMarks(Frame& f, const forms::Item& item, forms::BodyMapAnswer marks) {
    if (marks.empty())
        f.emit(session::ClearAnswer{item.id});
    else
        f.emit(session::SetAnswer{item.id, forms::Answer{std::move(marks)}});
}

void dropStaleFocus(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks) {
    BodyMapUi& ui = uiOf(f, item);
    if (!ui.focus.empty() && !findMark(marks, ui.focus)) ui.focus.clear();
}

void revealPanel(Frame& f, const forms::Item& item, float topContentY, float topScreenY, float bottomScreenY) {
    BodyMapUi& ui = uiOf(f, item);
    if (!ui.scrollToPanel) return;
    ui.scrollToPanel = false;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    if (topScreenY < top || bottomScreenY > bottom) f.state.scroll.scrollToY = topContentY;
}

void chooseRegion(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, std::string_view region) {
    BodyMapUi& ui = uiOf(f, item);
    ui.choiceA.clear();
    ui.choiceB.clear();
    ui.confirmClearAll = false;
    if (!findMark(marks, region)) {
        forms::BodyMapAnswer next = marks;
        next.push_back(forms::BodyMark{std::string(region), std::nullopt, {}});
        ui.undo.reset();  // the marks changed: what Undo would restore may no longer fit
        sendMarks(f, item, std::move(next));
    }
    ui.focus = std::string(region);
    ui.scrollToPanel = true;
}

// [SECTION] The panel
void drawMarkPanel(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    const forms::BodyMark* found = findMark(marks, ui.focus);
    if (!found) return;
    forms::BodyMark mark = *found;
    const size_t index = static_cast<size_t>(found - marks.data());
    const std::string base = keyOf(item, mark.region);
    const float gap = f.px(f.theme.gapEm);
    enum class Then { Nothing, Change, Clear, Done } then = Then::Nothing;
    panel(f, width, f.pal.selected, [&](float inner) {
        // The name, with Clear and Done beside it: the panel stays short enough to show whole.
        const std::string clearKey = base + "/remove", doneKey = base + "/done";
        const ButtonSpec clear{clearKey, f.tr("ui.body.remove"), WidgetKind::Button};
        ButtonSpec done{doneKey, f.tr("ui.body.done"), WidgetKind::Button};
        done.look = Look::Selected;
        const float buttonsW = std::min(f.px(16.0f), inner * 0.45f);
        const ImVec2 head = ImGui::GetCursorScreenPos();
        text(f, FontRole::Question, regionName(f, mark.region), f.pal.text, inner - buttonsW - gap);
        registerLastText(f, base + "/name", regionName(f, mark.region), FontRole::Question);
        const float nameBottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(head.x + inner - buttonsW, head.y));
        switch (buttonRow(f, {clear, done}, buttonsW)) {
            case 0: then = Then::Clear; break;
            case 1: then = Then::Done; break;
            default: break;
        }
        const float rowBottom = std::max(nameBottom, ImGui::GetItemRectMax().y);
        ImGui::SetCursorScreenPos(ImVec2(head.x, rowBottom + gap * 0.5f));
        ImGui::Dummy(ImVec2(inner, 1));
        if (asksDetail(item, forms::BodyDetail::Intensity)) {
            text(f, FontRole::Body, f.tr("ui.body.how_strong"), f.pal.text, inner);
            if (auto v = scaleRow(f, base + "/intensity", 0, 10, mark.intensity, f.tr("ui.body.no_pain"),
                                  f.tr("ui.body.worst_pain"), inner)) {
                mark.intensity = *v;
                then = Then::Change;
            }
        }
        if (asksDetail(item, forms::BodyDetail::Kind)) {
            text(f, FontRole::Body, f.tr("ui.body.what_kind"), f.pal.text, inner);
            const auto& kinds = bodymap::painKinds();
            // Three across when every name fits on one line, else two.
            const float w3 = columnWidth(f, inner, 3);
            const bool three = std::all_of(kinds.begin(), kinds.end(), [&](std::string_view k) {
                return buttonHeight(f, named(f, "pain_kind.", k), w3, Mark::Check) <= f.px(f.theme.targetEm);
            });
            const int cols = three ? 3 : 2;
            const float w = columnWidth(f, inner, cols);
            float rowH = f.px(f.theme.targetEm);
            for (std::string_view k : kinds) rowH = std::max(rowH, buttonHeight(f, named(f, "pain_kind.", k), w, Mark::Check));
            const ImVec2 grid = ImGui::GetCursorScreenPos();
            int i = 0;
            for (std::string_view k : kinds) {
                const int row = i / cols, column = i % cols;
                ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(column) * (w + gap),
                                                 grid.y + static_cast<float>(row) * (rowH + gap)));
                ++i;
                const std::string key = base + "/kind/" + std::string(k);
                const std::string label = named(f, "pain_kind.", k);
                const bool on = std::find(mark.kinds.begin(), mark.kinds.end(), k) != mark.kinds.end();
                ButtonSpec spec{key, label, WidgetKind::Choice};
                spec.look = on ? Look::Selected : Look::Plain;
                spec.mark = Mark::Check;
                if (!button(f, spec, ImVec2(w, rowH))) continue;
                std::vector<std::string> ordered;  // the catalogue's order, whatever the tapping order
                for (std::string_view kk : kinds) {
                    const bool had = std::find(mark.kinds.begin(), mark.kinds.end(), kk) != mark.kinds.end();
                    if (kk == k ? !on : had) ordered.emplace_back(kk);
                }
                mark.kinds = std::move(ordered);
                then = Then::Change;
            }
            const int rows = (i + cols - 1) / cols;
            ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + static_cast<float>(rows) * (rowH + gap)));
            ImGui::Dummy(ImVec2(inner, 1));
        }
    });
    forms::BodyMapAnswer next = marks;
    switch (then) {
        case Then::Change:
            next[index] = mark;
            ui.undo.reset();
            sendMarks(f, item, std::move(next));
            break;
        case Then::Clear:
            ui.undo = *found;
            ui.undoAt = index;
            ui.focus.clear();
            next.erase(next.begin() + static_cast<long>(index));
            sendMarks(f, item, std::move(next));
            break;
        case Then::Done: ui.focus.clear(); break;
        case Then::Nothing: break;
    }
}

void drawUndoLine(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    if (!ui.undo || findMark(marks, ui.undo->region)) return;
    panel(f, width, f.pal.buttonBorder, [&](float inner) {
        text(f, FontRole::Body, f.fmt("ui.body.cleared", {regionName(f, ui.undo->region)}), f.pal.text, inner);
        const std::string key = keyOf(item, "undo");
        ButtonSpec undo{key, f.tr("ui.body.undo"), WidgetKind::Button};
        if (buttonRow(f, {undo}, std::min(inner, f.px(12.0f))) != 0) return;
        forms::BodyMapAnswer next = marks;
        next.insert(next.begin() + static_cast<long>(std::min(ui.undoAt, next.size())), *ui.undo);
        ui.focus = ui.undo->region;
        ui.undo.reset();
        sendMarks(f, item, std::move(next));
    });
}

// [SECTION] The side column
namespace {

void drawChoice(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    panel(f, width, f.pal.selected, [&](float inner) {
        text(f, FontRole::Question, f.tr("ui.body.which"), f.pal.text, inner);
        const std::string a = ui.choiceA, b = ui.choiceB;
        const std::string ka = keyOf(item, "choose/" + a), kb = keyOf(item, "choose/" + b);
        const std::string na = regionName(f, a), nb = regionName(f, b);
        const ButtonSpec first{ka, na, WidgetKind::Choice}, second{kb, nb, WidgetKind::Choice};
        const float w = inner;
        const float h = std::max(buttonHeight(f, na, w, Mark::None), buttonHeight(f, nb, w, Mark::None));
        if (button(f, first, ImVec2(w, h))) chooseRegion(f, item, marks, a);
        verticalGap(f);
        if (button(f, second, ImVec2(w, h))) chooseRegion(f, item, marks, b);
    });
}

void drawConfirmClearAll(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    panel(f, width, f.pal.error, [&](float inner) {
        text(f, FontRole::Question, f.count("ui.body.clear_all_question", static_cast<long long>(marks.size())), f.pal.text,
             inner);
        const std::string yesKey = keyOf(item, "clear_all/yes"), noKey = keyOf(item, "clear_all/no");
        ButtonSpec yes{yesKey, f.tr("ui.body.clear_all_yes"), WidgetKind::Button};
        ButtonSpec no{noKey, f.tr("ui.body.clear_all_no"), WidgetKind::Button};
        no.look = Look::Selected;
        switch (buttonRow(f, {yes, no}, inner)) {
            case 0: {
                const bool back = ui.showBack;  // the view the patient chose stays
                ui = BodyMapUi{};
                ui.showBack = back;
                f.emit(session::ClearAnswer{item.id});
                break;
            }
            case 1: ui.confirmClearAll = false; break;
            default: break;
        }
    });
}

void drawMarkedList(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    text(f, FontRole::BodyBold, f.tr("ui.body.marked_title"), f.pal.text, width);
    if (marks.empty()) {
        text(f, FontRole::Body, f.tr("ui.body.none_marked"), f.pal.mutedText, width);
        return;
    }
    // Two columns where there is room, so that many marks still leave the legend in view.
    const int cols = width >= f.px(30.0f) ? 2 : 1;
    const float w = columnWidth(f, width, cols), gap = f.px(f.theme.gapEm);
    std::vector<std::string> labels;
    for (const forms::BodyMark& m : marks) labels.push_back(markSummary(f, item, m));
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    float y = grid.y;
    for (size_t i = 0; i < marks.size(); i += static_cast<size_t>(cols)) {
        float rowH = 0;
        for (size_t j = i; j < marks.size() && j < i + static_cast<size_t>(cols); ++j)
            rowH = std::max(rowH, buttonHeight(f, labels[j], w, Mark::None, FontRole::Body));
        for (size_t j = i; j < marks.size() && j < i + static_cast<size_t>(cols); ++j) {
            const forms::BodyMark& m = marks[j];
            ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(j - i) * (w + gap), y));
            const std::string key = keyOf(item, "row/" + m.region);
            ButtonSpec spec{key, labels[j], WidgetKind::Choice};
            spec.look = ui.focus == m.region ? Look::Selected : Look::Plain;
            spec.font = FontRole::Body;
            if (button(f, spec, ImVec2(w, rowH))) chooseRegion(f, item, marks, m.region);
        }
        y += rowH + gap;
    }
    ImGui::SetCursorScreenPos(grid);
    ImGui::Dummy(ImVec2(width, y - grid.y - gap));
}

void drawLegend(Frame& f, float width) {
    text(f, FontRole::Body, f.tr("ui.body.legend"), f.pal.mutedText, width);
    const float gap = f.px(0.2f);
    const float side = std::min(f.px(2.0f), (width - 10 * gap) / 11);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const auto& tints = bodymap::intensityTints();
    const bodymap::Colour dark = bodymap::colourOf(0x1B1B1B), light = bodymap::colourOf(0xFFFFFF);
    const auto rgb = [](const bodymap::Colour& c) {
        return Rgb{static_cast<std::uint8_t>(c.r * 255 + 0.5), static_cast<std::uint8_t>(c.g * 255 + 0.5),
                   static_cast<std::uint8_t>(c.b * 255 + 0.5)};
    };
    for (int v = 0; v <= 10; ++v) {
        const ImVec2 mn(at.x + static_cast<float>(v) * (side + gap), at.y);
        const ImVec2 mx(mn.x + side, mn.y + side);
        const bodymap::Colour tint = tints[static_cast<size_t>(v)];
        dl->AddRectFilled(mn, mx, col(rgb(tint)), f.px(0.15f));
        dl->AddRect(mn, mx, col(f.pal.figureOutline), f.px(0.15f), 0, 1.0f);
        const std::string s = std::to_string(v);
        const float fs = side * 0.6f;
        const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, s.c_str());
        dl->AddText(font, fs, ImVec2(mn.x + (side - ts.x) / 2, mn.y + (side - ts.y) / 2),
                    col(rgb(bodymap::numberColourOn(tint, dark, light))), s.c_str());
    }
    ImGui::Dummy(ImVec2(width, side));
}

}  // namespace

void drawBodySide(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width) {
    BodyMapUi& ui = uiOf(f, item);
    const float gap = f.px(f.theme.gapEm);
    ImGui::BeginGroup();
    if (ui.confirmClearAll && !marks.empty()) {
        drawConfirmClearAll(f, item, marks, width);
    } else if (!ui.choiceA.empty() && !ui.asList) {
        drawChoice(f, item, marks, width);
    } else if (!ui.focus.empty() && !ui.asList) {
        drawMarkPanel(f, item, marks, width);
    } else {
        drawUndoLine(f, item, marks, width);
        if (!ui.asList)
            text(f, FontRole::Body, f.tr(marks.empty() ? "ui.body.tap_hint" : "ui.body.change_hint"), f.pal.text, width);
    }
    ImGui::Dummy(ImVec2(width, gap));
    // Clear all and the way to the list first: they stay in view however many areas are marked.
    std::vector<ButtonSpec> row;
    const std::string clearKey = keyOf(item, "clear_all");
    const std::string switchKey = keyOf(item, ui.asList ? "as_drawing" : "as_list");
    if (!marks.empty()) row.push_back(ButtonSpec{clearKey, f.tr("ui.body.clear_all"), WidgetKind::Button});
    if (f.bodyFigure)
        row.push_back(ButtonSpec{switchKey, f.tr(ui.asList ? "ui.body.as_drawing" : "ui.body.as_list"),
                                 WidgetKind::Button});
    const int tapped = row.empty() ? -1 : buttonRow(f, row, width);
    if (tapped >= 0 && row[static_cast<size_t>(tapped)].key == clearKey) {
        ui.confirmClearAll = true;
        ui.choiceA.clear();
        ui.choiceB.clear();
    } else if (tapped >= 0) {
        ui.asList = !ui.asList;
        ui.choiceA.clear();
        ui.choiceB.clear();
    }
    ImGui::Dummy(ImVec2(width, gap));
    if (!ui.asList) {  // the list shows its marks on its own buttons
        drawMarkedList(f, item, marks, width);
        ImGui::Dummy(ImVec2(width, gap));
        if (asksDetail(item, forms::BodyDetail::Intensity)) drawLegend(f, width);
        // The credit follows the legend at the line spacing: the column then fits beside the figure
        // at 1280x800 (with a gap it went 8-11 px below the fold, too little for the scroll cue).
    }
    if (f.bodyFigure && !ui.asList) text(f, FontRole::Body, f.tr("ui.body.credit"), f.pal.mutedText, width);
    ImGui::EndGroup();
}

}  // namespace kiosk::ui
