// The drawn body map: front and back figures side by side on a landscape screen (one at a time with
// a Front / Back switch where there is no room), the side column beside or under them. The pixels
// come from cairo through FigureRaster; taps are picked on the geometry (bodymap::pick), so the
// widget works the same headless, where there are no pixels.
//
// [SECTION] Layout
// [SECTION] One view: picture, taps, registry
// [SECTION] The item
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/ui/body_map.h"
#include "kiosk/ui/figure_raster.h"
#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

using bodymap::View;

// [SECTION] Layout
enum class Arrange { SideBySide, OneBeside, OneAbove };

struct Layout {
    Arrange arrange = Arrange::SideBySide;
    float between = 0;           ///< between the front and the back side by side: wide enough that
                                 ///< one view's "Your left" is not read as the other's
    float viewW = 0, viewH = 0;  ///< one view's picture, px
    float sideW = 0;             ///< the side column
};

/// The largest figure that fits the screen below the cursor, and where the side column goes.
Layout layoutFor(const Frame& f, const bodymap::Figure& fig, float width, float headerH) {
    const float gap = f.px(f.theme.gapEm), target = f.px(f.theme.targetEm);
    const bodymap::ViewBox& box = fig.geometry.front.empty() ? fig.geometry.back : fig.geometry.front;
    const float aspect = box.width / box.height;
    // What the scroll area shows from here down when it is scrolled to the top.
    const float visible = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - gap;
    const float sideMin = f.px(19.0f);
    Layout l;
    l.viewH = std::max(f.px(12.0f), visible - headerH);
    l.viewW = l.viewH * aspect;
    // A wider gap between the views where the side column keeps room for two columns of marks.
    l.between = width - 2 * l.viewW - 5 * gap >= f.px(30.0f) ? 3 * gap : gap;
    if (width >= 2 * l.viewW + l.between + 2 * gap + sideMin) {
        l.sideW = std::min(width - 2 * l.viewW - l.between - 2 * gap, f.px(36.0f));
        return l;
    }
    l.viewH = std::max(f.px(12.0f), l.viewH - target - gap);  // room for the Front / Back switch
    l.viewW = l.viewH * aspect;
    if (width >= l.viewW + 2 * gap + sideMin) {
        l.arrange = Arrange::OneBeside;
        l.sideW = std::min(width - l.viewW - 2 * gap, f.px(36.0f));
        return l;
    }
    l.arrange = Arrange::OneAbove;
    l.viewW = std::min(l.viewW, width);
    l.viewH = l.viewW / aspect;
    l.sideW = width;
    return l;
}

// [SECTION] One view: picture, taps, registry
bodymap::FigureStyle styleOf(const Frame& f, double scale) {
    const auto colour = [](Rgb c) { return bodymap::Colour{c.r / 255.0, c.g / 255.0, c.b / 255.0, 1}; };
    bodymap::FigureStyle s;
    s.fill = colour(f.pal.figureFill);
    s.outline = colour(f.pal.figureOutline);
    s.outlineWidth = std::max(1.0, 1.3 * scale);
    s.unrated = colour(f.state.highContrast ? Rgb{0x7F, 0xB8, 0xFF} : Rgb{0x9F, 0xB7, 0xD4});
    s.highlight = colour(f.pal.selected);
    s.highlightWidth = std::max(3.0, static_cast<double>(f.px(0.16f)));
    s.textDark = bodymap::colourOf(0x1B1B1B);
    s.textLight = bodymap::colourOf(0xFFFFFF);
    s.numberHeight = f.px(0.75f);
    s.labels = false;  // written by drawLabels() from the atlas: no cairo font on the first frame
    return s;
}

Rgb rgbOf(const bodymap::Colour& c) {
    const auto ch = [](double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return Rgb{ch(c.r), ch(c.g), ch(c.b)};
}

/// The smallest bold face of the atlas at least @p size px (digits scale down sharper than up).
ImFont* boldFaceFor(const Frame& f, float size) {
    ImFont* best = nullptr;
    for (ImFont* font : {f.fonts.bodyBold, f.fonts.question, f.fonts.title}) {
        if (font == nullptr) continue;
        if (best == nullptr || (best->FontSize < size && font->FontSize > best->FontSize)) best = font;
    }
    return best ? best : ImGui::GetFont();
}

/// Each mark's number (or check mark) over the picture, where bodymap::markLabels puts it: the
/// same labels the cairo drawing writes on paper, drawn from the kiosk's own font atlas.
void drawLabels(const Frame& f, const bodymap::Figure& fig, View view, const bodymap::Placement& at,
                const bodymap::FigureStyle& style, const std::vector<bodymap::FigureMark>& marks) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const bodymap::MarkLabel& l : bodymap::markLabels(fig, view, at, style, marks)) {
        const ImU32 c = col(rgbOf(l.colour));
        if (l.text.empty()) {
            const bodymap::CheckStroke stroke = bodymap::checkMarkStroke(l);
            ImVec2 pts[3];
            for (size_t i = 0; i < 3; ++i)
                pts[i] = ImVec2(static_cast<float>(stroke.points[i][0]), static_cast<float>(stroke.points[i][1]));
            dl->AddPolyline(pts, 3, c, ImDrawFlags_None, static_cast<float>(stroke.width));
            continue;
        }
        // Size the face so that its digits are l.height tall, and centre the digits (not the line).
        ImFont* font = boldFaceFor(f, static_cast<float>(l.height) * 2);
        const ImFontGlyph* zero = font->FindGlyph('0');
        const float digitTop = zero ? zero->Y0 : font->FontSize * 0.25f, digitBottom = zero ? zero->Y1 : font->FontSize * 0.77f;
        const float size = static_cast<float>(l.height) * font->FontSize / std::max(1.0f, digitBottom - digitTop);
        const float k = size / font->FontSize;
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, l.text.c_str());
        dl->AddText(font, size,
                    ImVec2(static_cast<float>(l.x) - ts.x / 2, static_cast<float>(l.y) - (digitTop + digitBottom) / 2 * k),
                    c, l.text.c_str());
    }
}

/// The ImGui fallback when there are no pixels (no texture sink, or the upload failed): outlines.
void drawOutlines(const Frame& f, const bodymap::Figure& fig, View view, const bodymap::Placement& at) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<ImVec2> pts;
    for (const auto& r : fig.geometry.regions) {
        if (r.view != view) continue;
        for (const auto& poly : r.polygons) {
            pts.clear();
            for (const auto& p : poly)
                pts.emplace_back(static_cast<float>(at.toDeviceX(p.x)), static_cast<float>(at.toDeviceY(p.y)));
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col(f.pal.figureOutline), ImDrawFlags_Closed,
                            1.5f);
        }
    }
}

/// The picture of one view at @p pos, @p pw x @p ph px: the texture (outlines where there are no
/// pixels) and each mark's number. Returns where the view went, for taps.
bodymap::Placement paintView(Frame& f, View view, ImVec2 pos, int pw, int ph,
                             const std::vector<bodymap::FigureMark>& shown, const std::vector<std::string_view>& lit) {
    const bodymap::Figure& fig = *f.bodyFigure;
    const bodymap::Placement at = bodymap::fitView(fig.geometry.box(view), pos.x, pos.y, pw, ph);
    void* texture = nullptr;
    const bodymap::FigureStyle style = styleOf(f, at.scale);
    if (f.figureRaster)
        texture = f.figureRaster->texture(f.textures, fig, view, pw, ph,
                                          bodymap::Colour{f.pal.background.r / 255.0, f.pal.background.g / 255.0,
                                                          f.pal.background.b / 255.0, 1},
                                          style, f.state.highContrast ? "contrast" : "normal", shown, lit);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (texture)
        dl->AddImage(texture, pos, ImVec2(pos.x + static_cast<float>(pw), pos.y + static_cast<float>(ph)));
    else
        drawOutlines(f, fig, view, at);
    drawLabels(f, fig, view, at, style, shown);
    return at;
}

/// One view at the cursor, @p w x @p h px: the picture, a tap on it, a widget per region.
void drawView(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, View view, float w, float h) {
    const bodymap::Figure& fig = *f.bodyFigure;
    BodyMapUi& ui = f.state.bodyMaps[item.id];
    const ImVec2 raw = ImGui::GetCursorScreenPos();
    const ImVec2 pos(std::round(raw.x), std::round(raw.y));  // whole pixels: the texture stays sharp
    const int pw = static_cast<int>(std::lround(w)), ph = static_cast<int>(std::lround(h));
    std::vector<bodymap::FigureMark> shown;
    for (const auto& m : marks) shown.push_back(bodymap::FigureMark{m.region, m.intensity.value_or(-1)});
    std::vector<std::string_view> lit;
    for (const std::string* id : {&ui.focus, &ui.choiceA, &ui.choiceB})
        if (!id->empty()) lit.emplace_back(*id);
    const bodymap::Placement at = paintView(f, view, pos, pw, ph, shown, lit);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const std::string id = "##figure_" + std::string(view == View::Front ? "front" : "back");
    ImGui::SetCursorScreenPos(pos);
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(static_cast<float>(pw), static_cast<float>(ph))) &&
                        !f.state.scroll.suppressClick && !f.state.scroll.dragging;
    if (tapped) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const double target = f.px(f.theme.targetEm);
        // A fingertip in view units: it finds a region it lands beside (half a target away), and
        // asks which when it lands within a few pixels of the border of two narrow neighbours.
        const bodymap::FingerSize finger{0.5 * target / at.scale, 0.06 * target / at.scale, 0.3 * target / at.scale};
        const bodymap::Pick p = bodymap::pick(fig, view, at.toView(m.x, m.y), finger);
        switch (p.kind) {
            case bodymap::Pick::Kind::One: chooseRegion(f, item, marks, p.first); break;
            case bodymap::Pick::Kind::Ambiguous:
                ui.choiceA = std::string(p.first);
                ui.choiceB = std::string(p.second);
                ui.focus.clear();
                ui.confirmClearAll = false;
                ui.scrollToPanel = true;
                break;
            case bodymap::Pick::Kind::None:
                ui.focus.clear();
                ui.choiceA.clear();
                ui.choiceB.clear();
                break;
        }
    }
    // Each region as a small target at its deepest point: tests tap it, the pick does the rest.
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    const Rect clip{clipMin.x, clipMin.y, clipMax.x - clipMin.x, clipMax.y - clipMin.y};
    for (size_t i = 0; i < fig.geometry.regions.size() && i < fig.inside.size(); ++i) {
        const auto& r = fig.geometry.regions[i];
        if (r.view != view) continue;
        const float side = std::clamp(static_cast<float>(fig.inside[i].radius * at.scale), 4.0f, 24.0f);
        const float cx = static_cast<float>(at.toDeviceX(fig.inside[i].point.x));
        const float cy = static_cast<float>(at.toDeviceY(fig.inside[i].point.y));
        WidgetInfo info;
        info.key = "item/" + item.id + "/" + r.id;
        info.kind = WidgetKind::Region;
        info.label = regionName(f, r.id);
        info.rect = Rect{cx - side / 2, cy - side / 2, side, side};
        info.visible = info.rect.intersect(clip);
        info.selected = std::any_of(marks.begin(), marks.end(), [&](const forms::BodyMark& mk) { return mk.region == r.id; });
        f.registry.add(std::move(info));
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(static_cast<float>(pw), static_cast<float>(ph)));
}

/// "Front" over the view, and which side of the drawing is the patient's right and left.
void drawViewHeader(Frame& f, View view, float x, float y, float w, bool title, bool forStaff = false) {
    const bool front = view == View::Front;
    if (title) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        centredText(f, FontRole::BodyBold, f.tr(front ? "ui.body.front" : "ui.body.back"), f.pal.text, w);
    }
    // The viewer's left is the patient's right on the front, the patient's left on the back.
    const char* const right = forStaff ? "desk.detail.patient_right" : "ui.body.your_right";
    const char* const left = forStaff ? "desk.detail.patient_left" : "ui.body.your_left";
    const std::string leftWord = f.tr(front ? right : left);
    const std::string rightWord = f.tr(front ? left : right);
    // A corner of the picture each; never narrower than the longest word (words are not split).
    const auto widestWord = [&](const std::string& s) {
        float widest = 0;
        size_t start = 0;
        while (start <= s.size()) {
            const size_t end = std::min(s.find(' ', start), s.size());
            widest = std::max(widest, textWidth(f, FontRole::Body, std::string_view(s).substr(start, end - start)));
            start = end + 1;
        }
        return widest;
    };
    const float sideW = std::max({w * 0.34f, widestWord(leftWord) + 2, widestWord(rightWord) + 2});
    const float top = title ? y + textHeight(f, FontRole::BodyBold, "Ag", w) : y;
    ImGui::SetCursorScreenPos(ImVec2(x, top));
    text(f, FontRole::Body, leftWord, f.pal.mutedText, sideW);
    const float rw = std::min(sideW, textWidth(f, FontRole::Body, rightWord));
    ImGui::SetCursorScreenPos(ImVec2(x + w - rw, top));
    text(f, FontRole::Body, rightWord, f.pal.mutedText, rw + 1);
}

/// Front / Back as two big toggles, for screens that show one view at a time.
void drawViewSwitch(Frame& f, const forms::Item& item, BodyMapUi& ui, float width) {
    const float gap = f.px(f.theme.gapEm);
    const float w = std::min(columnWidth(f, width, 2), f.px(12.0f));
    const float h = f.px(f.theme.targetEm);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 2; ++i) {
        const bool back = i == 1;
        const std::string key = "item/" + item.id + "/view/" + (back ? "back" : "front");
        const std::string label = f.tr(back ? "ui.body.back" : "ui.body.front");
        ButtonSpec spec{key, label, WidgetKind::Toggle};
        spec.look = ui.showBack == back ? Look::Selected : Look::Plain;
        spec.mark = Mark::Radio;
        ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i) * (w + gap), at.y));
        if (button(f, spec, ImVec2(w, h))) ui.showBack = back;
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(width, h));
}

}  // namespace

// [SECTION] The item
void drawBodyMap(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    BodyMapUi& ui = f.state.bodyMaps[item.id];
    if (f.bodyFigure == nullptr || ui.asList) {
        drawBodyMapList(f, iv, width);
        return;
    }
    const auto* current = answerAs<forms::BodyMapAnswer>(iv);
    const forms::BodyMapAnswer marks = current ? *current : forms::BodyMapAnswer{};
    dropStaleFocus(f, item, marks);
    const bodymap::Figure& fig = *f.bodyFigure;
    const float gap = f.px(f.theme.gapEm);
    const float titleH = textHeight(f, FontRole::BodyBold, "Ag", width);
    const Layout l = layoutFor(f, fig, width, titleH);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float bottom = origin.y;
    float switchBottom = origin.y;

    if (l.arrange == Arrange::SideBySide) {
        for (View v : {View::Front, View::Back}) {
            const float x = origin.x + (v == View::Front ? 0 : l.viewW + l.between);
            ImGui::SetCursorScreenPos(ImVec2(x, origin.y + titleH));
            drawView(f, item, marks, v, l.viewW, l.viewH);
            drawViewHeader(f, v, x, origin.y, l.viewW, true);  // after the picture, which is opaque
        }
        bottom = origin.y + titleH + l.viewH;
    } else {
        ImGui::SetCursorScreenPos(origin);
        drawViewSwitch(f, item, ui, l.arrange == Arrange::OneAbove ? width : l.viewW + l.sideW + gap);
        const float top = ImGui::GetCursorScreenPos().y + gap;
        switchBottom = top;
        const View v = ui.showBack ? View::Back : View::Front;
        const float x = l.arrange == Arrange::OneAbove ? origin.x + (width - l.viewW) / 2 : origin.x;
        ImGui::SetCursorScreenPos(ImVec2(x, top));
        drawView(f, item, marks, v, l.viewW, l.viewH);
        drawViewHeader(f, v, x, top, l.viewW, false);
        bottom = top + l.viewH;
    }

    // The side column: beside the figure where there is room, else under it.
    const bool below = l.arrange == Arrange::OneAbove;
    const float sideX = below ? origin.x
                              : origin.x + (l.arrange == Arrange::SideBySide ? 2 * l.viewW + l.between + gap : l.viewW + gap) + gap;
    // One view beside the column: the column starts under the Front / Back switch, which spans it.
    const float sideY = below ? bottom + gap : l.arrange == Arrange::OneBeside ? switchBottom : origin.y;
    ImGui::SetCursorScreenPos(ImVec2(sideX, sideY));
    const float sideTop = ImGui::GetCursorPosY();
    drawBodySide(f, item, marks, l.sideW);
    const float sideBottom = ImGui::GetItemRectMax().y;
    // The panel opens in view: under the figure it may need the page scrolled to it.
    // (A region marked by this frame's tap gets its panel next frame: the reveal waits for it.)
    const bool panelShown = !ui.choiceA.empty() || std::any_of(marks.begin(), marks.end(), [&](const forms::BodyMark& m) {
                                return m.region == ui.focus;
                            });
    if (!below || (ui.focus.empty() && ui.choiceA.empty())) ui.scrollToPanel = false;
    if (panelShown) revealPanel(f, item, sideTop, sideY, std::min(sideBottom, sideY + f.displayH * 0.6f));
    bottom = std::max(bottom, sideBottom);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, bottom - origin.y));
}

// [SECTION] Read-only: the staff desk's record
ImVec2 drawFigureReadOnly(Frame& f, const std::string& key, const std::vector<bodymap::FigureMark>& marks, float width,
                          float maxHeight) {
    if (f.bodyFigure == nullptr) return ImVec2(0, 0);
    const bodymap::Figure& fig = *f.bodyFigure;
    const bodymap::ViewBox& box = fig.geometry.front.empty() ? fig.geometry.back : fig.geometry.front;
    const float aspect = box.width / box.height;
    const float between = 3 * f.px(f.theme.gapEm);
    const float titleH = textHeight(f, FontRole::BodyBold, "Ag", width);
    float viewH = std::max(1.0f, maxHeight - titleH), viewW = viewH * aspect;
    if (2 * viewW + between > width) {
        viewW = std::max(1.0f, (width - between) / 2);
        viewH = viewW / aspect;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const int pw = static_cast<int>(std::lround(viewW)), ph = static_cast<int>(std::lround(viewH));
    for (View v : {View::Front, View::Back}) {
        const float x = std::round(origin.x + (v == View::Front ? 0 : viewW + between));
        const ImVec2 pos(x, std::round(origin.y + titleH));
        paintView(f, v, pos, pw, ph, marks, {});
        drawViewHeader(f, v, x, origin.y, viewW, true, true);  // after the picture, which is opaque
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(viewW, viewH));
        registerLastItem(f, key + (v == View::Front ? "/front" : "/back"), WidgetKind::Hidden, "", false);
    }
    const ImVec2 size(2 * viewW + between, titleH + viewH);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
    return size;
}

}  // namespace kiosk::ui
