#include "kiosk/ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <chrono>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

constexpr float kMinLabelScale = 0.6f;  // below this a label is too small to read at arm's length
constexpr float kCentredLineHeight = 1.25f;  // centred text (welcome, messages) is set a little looser

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

float lineWidth(ImFont* font, float size, std::string_view s) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

bool isSpace(char c) { return c == ' ' || c == '\n'; }

float widestWord(ImFont* font, float size, std::string_view s) {
    float widest = 0;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && isSpace(s[i])) ++i;
        size_t j = i;
        while (j < s.size() && !isSpace(s[j])) ++j;
        if (j > i) widest = std::max(widest, lineWidth(font, size, s.substr(i, j - i)));
        i = j;
    }
    return widest;
}

/// Greedy wrap that breaks only at spaces (and at '\n'); a word wider than @p width stays whole on
/// its own line (ImGui's own wrap would cut it mid-word).
std::vector<std::string_view> wrapAtSpaces(ImFont* font, float size, std::string_view s, float width) {
    std::vector<std::string_view> lines;
    size_t start = std::string_view::npos, end = 0;  // the line being filled: [start, end)
    for (size_t i = 0; i <= s.size();) {
        if (i == s.size() || s[i] == '\n') {
            if (start != std::string_view::npos) lines.push_back(s.substr(start, end - start));
            start = std::string_view::npos;
            ++i;
            continue;
        }
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && !isSpace(s[j])) ++j;
        if (start == std::string_view::npos) {
            start = i;
        } else if (lineWidth(font, size, s.substr(start, j - start)) > width) {
            lines.push_back(s.substr(start, end - start));
            start = i;
        }
        end = j;
        i = j;
    }
    return lines;
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
    ImGui::Dummy(ImVec2(std::max(1.0f, size.x), std::max(1.0f, std::ceil(size.y))));  // whole pixels (Frame::px)
}

void centredText(Frame& f, FontRole role, std::string_view s, Rgb color, float width) {
    // Wrap (between words only), then centre each line: ImGui wraps left-aligned only.
    ImFont* font = roleFont(f, role);
    const float size = roleSize(f, role);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float y = start.y;
    for (auto line : wrapAtSpaces(font, size, s, width)) {
        const float w = lineWidth(font, size, line);
        ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(start.x + (width - w) * 0.5f, y), col(color),
                                            line.data(), line.data() + line.size());
        y += size * kCentredLineHeight;
    }
    ImGui::Dummy(ImVec2(width, std::max(1.0f, std::ceil(y - start.y))));
}

float centredTextHeight(const Frame& f, FontRole role, std::string_view s, float width) {
    const float size = roleSize(f, role);
    return std::max(1.0f, size * kCentredLineHeight *
                              static_cast<float>(wrapAtSpaces(roleFont(f, role), size, s, width).size()));
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

LabelLayout layoutLabel(const Frame& f, FontRole role, std::string_view s, float width, float maxHeight) {
    ImFont* font = roleFont(f, role);
    const float full = roleSize(f, role);
    width = std::max(1.0f, width);
    LabelLayout out;
    // A word never splits: when the widest one does not fit, the whole label gets smaller.
    const float widest = widestWord(font, full, s);
    if (widest > width) out.scale = width / widest * 0.995f;
    for (int shrink = 0;; ++shrink) {
        const float size = full * out.scale;
        out.lines = wrapAtSpaces(font, size, s, width);
        out.size = ImVec2(0, size * static_cast<float>(out.lines.size()));
        for (auto l : out.lines) out.size.x = std::max(out.size.x, lineWidth(font, size, l));
        // Too many lines for a fixed-size button: smaller still, down to a floor that stays legible.
        if (maxHeight <= 0 || out.size.y <= maxHeight || out.scale <= kMinLabelScale || shrink > 20) break;
        out.scale = std::max(kMinLabelScale, out.scale * 0.93f);
    }
    return out;
}

float buttonHeight(const Frame& f, std::string_view label, float width, Mark mark, FontRole font) {
    const float pad = f.px(f.theme.padEm);
    const float markW = mark == Mark::None ? 0.0f : f.em * 1.4f;
    const float h = layoutLabel(f, font, label, width - 2 * pad - markW, 0.0f).size.y + 2 * pad;
    return std::max(f.px(f.theme.targetEm), std::ceil(h));
}

WidgetInfo& registerLastItem(Frame& f, std::string_view key, WidgetKind kind, std::string_view label,
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
    return f.registry.add(std::move(info));
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
        if (spec.mark == Mark::Speaker) {
            drawSpeaker(dl, bmin, box, col(c.text), selected);
        } else if (spec.mark == Mark::Radio) {
            const ImVec2 centre((bmin.x + bmax.x) * 0.5f, (bmin.y + bmax.y) * 0.5f);
            dl->AddCircle(centre, box * 0.5f, col(c.text), 24, bt);
        } else {
            dl->AddRect(bmin, bmax, col(c.text), box * 0.15f, 0, bt);
        }
        if (selected && spec.mark != Mark::Speaker) drawCheck(dl, bmin, box, col(c.text));
        textX += box + f.em * 0.4f;
        avail -= box + f.em * 0.4f;
    }
    ImFont* font = roleFont(f, spec.font);
    const LabelLayout label = layoutLabel(f, spec.font, spec.label, avail, size.y - pad);
    const float fs = roleSize(f, spec.font) * label.scale;
    const float textY = pos.y + (size.y - label.size.y) * 0.5f;
    float y = textY;
    for (auto line : label.lines) {
        const float lw = lineWidth(font, fs, line);
        const float x = spec.mark == Mark::None ? pos.x + (size.x - lw) * 0.5f : textX;  // centred unless marked
        dl->AddText(font, fs, ImVec2(x, y), col(c.text), line.data(), line.data() + line.size());
        y += fs;
    }

    WidgetInfo& info = registerLastItem(f, spec.key, spec.kind, spec.label, spec.enabled, selected,
                                        spec.look == Look::Dimmed && spec.enabled);
    for (auto line : label.lines) info.labelLines.emplace_back(line);
    const float labelX = spec.mark == Mark::None ? pos.x + (size.x - label.size.x) * 0.5f : textX;
    info.labelRect = Rect{labelX, textY, label.size.x, label.size.y};
    info.labelScale = label.scale;
    if (!tapped || !spec.enabled || f.state.scroll.suppressClick || f.state.scroll.dragging) return false;
    return meantTap(f, spec);
}

bool meantTap(Frame& f, const ButtonSpec& spec) {
    UiState& s = f.state;
    if (s.pressKey.empty() || s.pressKey != s.shownKey) return false;  // pressed on the screen before
    const auto debounce = std::chrono::duration<double>(f.theme.tapDebounceSeconds);
    // Any widget, not only navigation: the second tap of a double tap on Start chose the option
    // that page 1 shows under the finger (seen on a real-tap walk).
    if (f.now - s.shownAt < debounce) return false;
    // Nor when the kiosk has just moved the page (a revealed question scrolled into view): the
    // second tap of a double tap on "Yes" opened the keyboard of the question it revealed.
    if (f.now - s.scroll.jumpedAt < debounce) return false;
    if (spec.navigation) {
        // Both taps of a double tap can land before the next page shows (a slow draft save): the
        // second is still the same finger's, not a Next on the page after (seen on a real-tap walk).
        const std::string key(spec.key);
        if (key == s.lastNavigation && f.now - s.lastNavigationAt < debounce) return false;
        s.lastNavigation = key;
        s.lastNavigationAt = f.now;
    }
    if (spec.kind == WidgetKind::Toggle || spec.mark == Mark::Check) {
        const std::string key(spec.key);
        if (key == s.lastToggle && f.now - s.lastToggleAt < debounce) return false;
        s.lastToggle = key;
        s.lastToggleAt = f.now;
    }
    return true;
}

void drawSpeaker(ImDrawList* dl, ImVec2 pos, float sz, ImU32 colour, bool waves) {
    // The body (a small box) and the cone (a trapezium), filled, in the left 55 % of the box.
    const float midY = pos.y + sz * 0.5f;
    dl->AddRectFilled(ImVec2(pos.x, midY - sz * 0.16f), ImVec2(pos.x + sz * 0.22f, midY + sz * 0.16f), colour);
    dl->AddQuadFilled(ImVec2(pos.x + sz * 0.2f, midY - sz * 0.16f), ImVec2(pos.x + sz * 0.52f, midY - sz * 0.42f),
                      ImVec2(pos.x + sz * 0.52f, midY + sz * 0.42f), ImVec2(pos.x + sz * 0.2f, midY + sz * 0.16f), colour);
    if (!waves) return;
    const float t = std::max(2.0f, sz * 0.08f);
    const ImVec2 c(pos.x + sz * 0.45f, midY);
    for (float r : {sz * 0.25f, sz * 0.45f}) {
        dl->PathArcTo(c, r, -0.9f, 0.9f, 12);
        dl->PathStroke(colour, false, t);
    }
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
