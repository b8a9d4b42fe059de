#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <string>

namespace kiosk::ui {
namespace {

float roleSize(const Frame& f, FontRole role) {
    switch (role) {
        case FontRole::Question: return f.px(f.theme.questionEm);
        case FontRole::Title: return f.px(f.theme.titleEm);
        default: return f.em;
    }
}

ImFont* roleFont(const Frame& f, FontRole role) {
    ImFont* font = f.fonts.get(role);
    return font ? font : ImGui::GetFont();
}

ImVec2 measure(const Frame& f, FontRole role, std::string_view s, float wrap) {
    return roleFont(f, role)->CalcTextSizeA(roleSize(f, role), FLT_MAX, wrap, s.data(),
                                            s.data() + s.size());
}

struct Colours {
    Rgb fill, text, border;
};

Colours coloursFor(const Frame& f, Look look) {
    const Palette& p = f.pal;
    switch (look) {
        case Look::Selected: return {p.selected, p.selectedText, p.selected};
        case Look::Primary: return {p.primary, p.primaryText, p.primary};
        case Look::Dimmed: return {p.dimmed, p.dimmedText, p.dimmedBorder};
        case Look::Plain: break;
    }
    return {p.button, p.buttonText, p.buttonBorder};
}

}  // namespace

ImU32 col(Rgb c, float alpha) { return toImU32(c, alpha); }

float columnWidth(const Frame& f, float width, int count) {
    const float gap = f.px(f.theme.gapEm);
    return std::max(1.0f, (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count));
}

float textWidth(const Frame& f, FontRole role, std::string_view s) {
    return measure(f, role, s, 0.0f).x;
}

float textHeight(const Frame& f, FontRole role, std::string_view s, float width) {
    return measure(f, role, s, width).y;
}

void text(Frame& f, FontRole role, std::string_view s, Rgb color, float wrapWidth) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size = measure(f, role, s, wrapWidth);
    ImGui::GetWindowDrawList()->AddText(roleFont(f, role), roleSize(f, role), pos, col(color),
                                        s.data(), s.data() + s.size(), wrapWidth);
    ImGui::Dummy(ImVec2(std::max(1.0f, size.x), std::max(1.0f, size.y)));
}

void centredText(Frame& f, FontRole role, std::string_view s, Rgb color, float width) {
    // Wrap first, then centre each line: ImGui wraps left-aligned only.
    ImFont* font = roleFont(f, role);
    const float size = roleSize(f, role);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const char* p = s.data();
    const char* end = s.data() + s.size();
    float y = start.y;
    const float lineH = size * 1.25f;
    while (p < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(font->Scale * size / font->FontSize, p, end, width);
        if (lineEnd == p) lineEnd = p + 1;
        const char* nl = std::find(p, lineEnd, '\n');
        if (nl < lineEnd) lineEnd = nl;
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, p, lineEnd).x;
        ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(start.x + (width - w) * 0.5f, y),
                                            col(color), p, lineEnd);
        y += lineH;
        p = lineEnd;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    ImGui::Dummy(ImVec2(width, std::max(1.0f, y - start.y)));
}

void drawCheck(ImDrawList* dl, ImVec2 pos, float sz, ImU32 c) {
    const float t = std::max(2.0f, sz * 0.14f);
    const ImVec2 a(pos.x + sz * 0.18f, pos.y + sz * 0.52f);
    const ImVec2 b(pos.x + sz * 0.42f, pos.y + sz * 0.76f);
    const ImVec2 d(pos.x + sz * 0.84f, pos.y + sz * 0.24f);
    dl->AddLine(a, b, c, t);
    dl->AddLine(b, d, c, t);
    dl->AddCircleFilled(b, t * 0.5f, c);  // round the joint
}

float buttonHeight(const Frame& f, std::string_view label, float width, Mark mark, FontRole font) {
    const float pad = f.px(f.theme.padEm);
    const float markW = mark == Mark::None ? 0.0f : f.em * 1.4f;
    const float h = measure(f, font, label, std::max(1.0f, width - 2 * pad - markW)).y + 2 * pad;
    return std::max(f.px(f.theme.targetEm), h);
}

void registerLastItem(Frame& f, std::string_view key, WidgetKind kind, std::string_view label,
                      bool enabled, bool selected, bool dimmed) {
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmn = dl->GetClipRectMin(), cmx = dl->GetClipRectMax();
    WidgetInfo info;
    info.key = std::string(key);
    info.kind = kind;
    info.label = std::string(label);
    info.rect = Rect{mn.x, mn.y, mx.x - mn.x, mx.y - mn.y};
    info.visible = info.rect.intersect(Rect{cmn.x, cmn.y, cmx.x - cmn.x, cmx.y - cmn.y});
    info.enabled = enabled;
    info.selected = selected;
    info.dimmed = dimmed;
    f.registry.add(std::move(info));
}

void registerLastText(Frame& f, std::string_view key, std::string_view s, FontRole role) {
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    f.registry.addText(TextInfo{std::string(key), std::string(s), Rect{mn.x, mn.y, mx.x - mn.x, mx.y - mn.y},
                                roleSize(f, role)});
}

bool button(Frame& f, const ButtonSpec& spec, ImVec2 size) {
    const std::string id = "##" + std::string(spec.key);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    const bool held = ImGui::IsItemActive() && !f.state.scroll.dragging;
    const Look look = spec.enabled ? spec.look : Look::Dimmed;
    const Colours c = coloursFor(f, look);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float rounding = f.px(f.theme.roundingEm);
    const float border = std::max(2.0f, f.px(f.theme.borderEm));
    dl->AddRectFilled(pos, max, col(c.fill), rounding);
    if (held) dl->AddRectFilled(pos, max, col(c.text, 0.18f), rounding);  // press feedback, no hover state
    dl->AddRect(pos, max, col(c.border), rounding, 0, border);

    const float pad = f.px(f.theme.padEm);
    float textX = pos.x + pad;
    float avail = size.x - 2 * pad;
    const bool selected = spec.look == Look::Selected;
    if (spec.mark != Mark::None) {
        const float box = f.em * 1.0f;
        const ImVec2 bmin(pos.x + pad, pos.y + (size.y - box) * 0.5f);
        const ImVec2 bmax(bmin.x + box, bmin.y + box);
        const float bt = std::max(2.0f, border);
        if (spec.mark == Mark::Radio) {
            const ImVec2 centre((bmin.x + bmax.x) * 0.5f, (bmin.y + bmax.y) * 0.5f);
            dl->AddCircle(centre, box * 0.5f, col(c.text), 24, bt);
        } else {
            dl->AddRect(bmin, bmax, col(c.text), box * 0.15f, 0, bt);
        }
        if (selected) drawCheck(dl, bmin, box, col(c.text));
        textX += box + f.em * 0.4f;
        avail -= box + f.em * 0.4f;
    }
    ImFont* font = roleFont(f, spec.font);
    const float fs = roleSize(f, spec.font);
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, avail, spec.label.data(),
                                          spec.label.data() + spec.label.size());
    if (spec.mark == Mark::None && ts.x <= avail) textX = pos.x + (size.x - ts.x) * 0.5f;
    dl->AddText(font, fs, ImVec2(textX, pos.y + (size.y - ts.y) * 0.5f), col(c.text),
                spec.label.data(), spec.label.data() + spec.label.size(), avail);

    registerLastItem(f, spec.key, spec.kind, spec.label, spec.enabled, selected,
                     spec.look == Look::Dimmed && spec.enabled);
    return tapped && spec.enabled && !f.state.scroll.suppressClick && !f.state.scroll.dragging;
}

void errorLine(Frame& f, std::string_view message, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = f.px(0.4f);
    const float icon = f.em * 1.1f;
    const float textW = width - 3 * pad - icon;
    const float h = std::max(icon, textHeight(f, FontRole::BodyBold, message, textW)) + 2 * pad;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), col(f.pal.errorBackground), f.px(0.2f));
    dl->AddRectFilled(pos, ImVec2(pos.x + f.px(0.25f), pos.y + h), col(f.pal.error));
    // Warning icon: a filled circle with "!" (shape + colour + words, never colour alone).
    const ImVec2 c(pos.x + pad * 1.5f + icon * 0.5f, pos.y + pad + icon * 0.5f);
    dl->AddCircleFilled(c, icon * 0.5f, col(f.pal.error), 24);
    const float t = std::max(2.0f, icon * 0.12f);
    dl->AddLine(ImVec2(c.x, c.y - icon * 0.28f), ImVec2(c.x, c.y + icon * 0.08f), col(f.pal.errorBackground), t);
    dl->AddCircleFilled(ImVec2(c.x, c.y + icon * 0.25f), t * 0.6f, col(f.pal.errorBackground));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 2 * pad + icon, pos.y + pad));
    text(f, FontRole::BodyBold, message, f.pal.error, textW);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, h));
}

}  // namespace kiosk::ui
