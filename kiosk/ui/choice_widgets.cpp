#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

std::string keyOf(const forms::Item& item, std::string_view suffix) {
    return "item/" + item.id + "/" + std::string(suffix);
}

/// Lays out @p labels as big choice buttons: two or three short ones side by side in one row (a
/// short question then takes one line of buttons, not a column), two columns when there are many
/// short ones, else a single column of comfortable width. "Short" means every label fits on one
/// line of its button. Returns the index tapped, or -1.
int choiceList(Frame& f, const std::vector<std::string>& keys, const std::vector<std::string>& labels,
               const std::vector<bool>& selected, Mark mark, float width) {
    const int n = static_cast<int>(labels.size());
    const float gap = f.px(f.theme.gapEm);
    const float target = f.px(f.theme.targetEm);
    auto allOnOneLine = [&](float w) {
        return std::all_of(labels.begin(), labels.end(),
                           [&](const std::string& l) { return buttonHeight(f, l, w, mark) <= target; });
    };
    int cols = 1;
    float w = std::min(width, f.px(30.0f));
    const float inRow = std::min(columnWidth(f, width, std::max(1, n)), f.px(16.0f));
    const float half = columnWidth(f, width, 2);
    if (n >= 2 && n <= 3 && allOnOneLine(inRow)) {
        cols = n;
        w = inRow;
    } else if (n >= 5 && allOnOneLine(half)) {
        cols = 2;
        w = half;
    }
    int tapped = -1;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    for (int row = 0; row * cols < n; ++row) {
        float rowH = 0;
        const size_t first = static_cast<size_t>(row) * static_cast<size_t>(cols);  // the row's first option
        for (int c = 0; c < cols && row * cols + c < n; ++c)
            rowH = std::max(rowH, buttonHeight(f, labels[first + static_cast<size_t>(c)], w, mark));
        for (int c = 0; c < cols && row * cols + c < n; ++c) {
            const size_t i = first + static_cast<size_t>(c);
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(c) * (w + gap), y));
            ButtonSpec spec{keys[i], labels[i], WidgetKind::Choice};
            spec.look = selected[i] ? Look::Selected : Look::Plain;
            spec.mark = mark;
            if (button(f, spec, ImVec2(w, rowH))) tapped = static_cast<int>(i);
        }
        y += rowH + gap;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, std::max(1.0f, y - origin.y - gap)));
    return tapped;
}

}  // namespace

std::vector<std::string> toggleMulti(const forms::Item& item, std::vector<std::string> chosen,
                                     const std::string& value) {
    auto it = std::find(chosen.begin(), chosen.end(), value);
    if (it != chosen.end()) {
        chosen.erase(it);
        return chosen;
    }
    const forms::Option* opt = item.findOption(value);
    const bool exclusive = opt && opt->exclusive;
    chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                                [&](const std::string& v) {
                                    const forms::Option* o = item.findOption(v);
                                    return exclusive || (o && o->exclusive);
                                }),
                 chosen.end());
    // Keep the form's option order in the answer, whatever the tapping order.
    chosen.push_back(value);
    std::vector<std::string> ordered;
    for (const auto& o : item.options)
        if (std::find(chosen.begin(), chosen.end(), o.value) != chosen.end()) ordered.push_back(o.value);
    return ordered;
}

void drawSingle(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<std::string>(iv);
    std::vector<std::string> keys, labels;
    std::vector<bool> selected;
    for (const auto& o : item.options) {
        keys.push_back(keyOf(item, o.value));
        labels.push_back(f.text(o.label));
        selected.push_back(current && *current == o.value);
    }
    const int tapped = choiceList(f, keys, labels, selected, Mark::Radio, width);
    if (tapped >= 0)  // tapping the chosen option again keeps it: a double tap must not undo it
        f.emit(session::SetAnswer{item.id, forms::Answer{item.options[static_cast<size_t>(tapped)].value}});
}

void drawMulti(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<std::vector<std::string>>(iv);
    const std::vector<std::string> chosen = current ? *current : std::vector<std::string>{};
    // The form's own help usually says "Choose all that apply.": say that once. A limit is a rule
    // the patient must know, so "Choose up to N." shows whatever the help says.
    if (item.help.empty() || item.maxSelected > 0) {
        const std::string hint = item.maxSelected > 0
                                     ? f.fmt("ui.choose_up_to", {std::to_string(item.maxSelected)})
                                     : f.tr("ui.choose_all_that_apply");
        text(f, FontRole::Body, hint, f.pal.mutedText, width);
        registerLastText(f, "hint/" + item.id, hint, FontRole::Body);
    }
    std::vector<std::string> keys, labels;
    std::vector<bool> selected;
    for (const auto& o : item.options) {
        keys.push_back(keyOf(item, o.value));
        labels.push_back(f.text(o.label));
        selected.push_back(std::find(chosen.begin(), chosen.end(), o.value) != chosen.end());
    }
    const int tapped = choiceList(f, keys, labels, selected, Mark::Check, width);
    if (tapped < 0) return;
    auto next = toggleMulti(item, chosen, item.options[static_cast<size_t>(tapped)].value);
    if (next.empty())
        f.emit(session::ClearAnswer{item.id});
    else
        f.emit(session::SetAnswer{item.id, forms::Answer{std::move(next)}});
}

void drawYesNo(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<bool>(iv);
    const float w = std::min(columnWidth(f, width, 2), f.px(12.0f));
    const float gap = f.px(f.theme.gapEm);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int i = 0;
    for (bool value : {true, false}) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(i++) * (w + gap), origin.y));
        const std::string key = keyOf(item, value ? "yes" : "no");
        ButtonSpec spec{key, f.tr(value ? "ui.yes" : "ui.no"), WidgetKind::Choice};
        spec.look = current && *current == value ? Look::Selected : Look::Plain;
        spec.mark = Mark::Radio;
        if (button(f, spec, ImVec2(w, f.px(f.theme.targetEm))))
            f.emit(session::SetAnswer{item.id, forms::Answer{value}});
    }
}

std::optional<int> scaleRow(Frame& f, const std::string& keyBase, int lo, int hi, std::optional<int> current,
                            std::string_view minLabel, std::string_view maxLabel, float width) {
    int count = std::min(hi - lo + 1, 11);
    // On a narrow (portrait) screen eleven across leave no room for "10": two rows instead.
    if (count > 6 && columnWidth(f, width, count) < f.px(1.6f)) count = (count + 1) / 2;
    const float gap = f.px(f.theme.gapEm);
    const float w = std::min(columnWidth(f, width, count), f.px(4.5f));
    const float target = f.px(f.theme.targetEm) * 1.1f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    std::optional<int> tapped;
    float y = origin.y;
    for (int v = lo; v <= hi;) {
        for (int c = 0; c < count && v <= hi; ++c, ++v) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(c) * (w + gap), y));
            const std::string key = keyBase + "/" + std::to_string(v);
            const std::string label = std::to_string(v);
            ButtonSpec spec{key, label, WidgetKind::Choice};
            spec.look = current == v ? Look::Selected : Look::Plain;
            spec.font = FontRole::Question;
            if (button(f, spec, ImVec2(w, target))) tapped = v;
            if (spec.look == Look::Selected)  // colour + a check mark in the corner
                drawCheck(ImGui::GetWindowDrawList(), ImVec2(ImGui::GetItemRectMin().x + f.em * 0.15f,
                                                             ImGui::GetItemRectMin().y + f.em * 0.15f),
                          f.em * 0.9f, col(f.pal.selectedText));
        }
        y += target + gap;
    }
    // End labels under the first and last targets ("No pain" ... "Worst pain imaginable").
    const float rowW = static_cast<float>(count) * w + static_cast<float>(count - 1) * gap;
    const float labelW = std::max(w, rowW * 0.45f);
    const float labelY = y - gap * 0.5f;
    float h = 0;
    if (!minLabel.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, labelY));
        text(f, FontRole::Body, minLabel, f.pal.text, labelW);
        h = std::max(h, ImGui::GetItemRectSize().y);
    }
    if (!maxLabel.empty()) {
        const float tw = std::min(labelW, textWidth(f, FontRole::Body, maxLabel));
        ImGui::SetCursorScreenPos(ImVec2(origin.x + rowW - tw, labelY));
        text(f, FontRole::Body, maxLabel, f.pal.text, tw + 1);
        h = std::max(h, ImGui::GetItemRectSize().y);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, labelY - origin.y + h));
    return tapped;
}

void drawScale(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const int lo = static_cast<int>(std::lround(item.min.value_or(0)));
    const int hi = std::max(lo, static_cast<int>(std::lround(item.max.value_or(10))));
    const auto* current = answerAs<double>(iv);
    const std::optional<int> now = current ? std::optional<int>(static_cast<int>(std::lround(*current))) : std::nullopt;
    if (auto v = scaleRow(f, "item/" + item.id, lo, hi, now, f.text(item.minLabel), f.text(item.maxLabel), width))
        f.emit(session::SetAnswer{item.id, forms::Answer{static_cast<double>(*v)}});
}

void drawMatrix(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<forms::MatrixAnswer>(iv);
    const int n = static_cast<int>(item.options.size());
    const float gap = f.px(f.theme.gapEm);
    const float w = columnWidth(f, width, std::max(1, n));
    float h = 0;
    for (const auto& o : item.options) h = std::max(h, buttonHeight(f, f.text(o.label), w, Mark::None));
    const float x = ImGui::GetCursorScreenPos().x;
    const float top = ImGui::GetCursorScreenPos().y;
    const float rowGap = f.px(0.6f);
    float y = top;
    for (const auto& row : item.rows) {
        // Row label, then its buttons close under it; rows apart by a gap (no ImGui item spacing).
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        text(f, FontRole::BodyBold, f.text(row.label), f.pal.text, width);
        const ImVec2 origin(x, ImGui::GetItemRectMax().y + f.px(0.15f));
        int c = 0;
        for (const auto& o : item.options) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(c++) * (w + gap), origin.y));
            const std::string key = keyOf(item, row.id + "/" + o.value);
            const bool sel = current && current->count(row.id) && current->at(row.id) == o.value;
            ButtonSpec spec{key, f.text(o.label), WidgetKind::Choice};
            spec.look = sel ? Look::Selected : Look::Plain;
            if (button(f, spec, ImVec2(w, h))) {
                forms::MatrixAnswer next = current ? *current : forms::MatrixAnswer{};
                next[row.id] = o.value;
                f.emit(session::SetAnswer{item.id, forms::Answer{std::move(next)}});
            }
            if (sel) drawCheck(ImGui::GetWindowDrawList(),  // colour + a check mark at the left
                               ImVec2(ImGui::GetItemRectMin().x + f.em * 0.4f,
                                      ImGui::GetItemRectMin().y + (h - f.em * 1.1f) * 0.5f),
                               f.em * 1.1f, col(f.pal.selectedText));
        }
        y = origin.y + h + rowGap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, top));
    ImGui::Dummy(ImVec2(width, std::max(1.0f, y - rowGap - top)));
}

void drawConsent(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    const auto* current = answerAs<bool>(iv);
    const bool agreed = current && *current;
    const std::string key = keyOf(item, "agree");
    const std::string& label = f.tr("ui.consent_agree");
    const float w = std::min(width, f.px(16.0f));
    ButtonSpec spec{key, label, WidgetKind::Toggle};
    spec.look = agreed ? Look::Selected : Look::Plain;
    spec.mark = Mark::Check;
    if (button(f, spec, ImVec2(w, f.px(f.theme.targetEm) * 1.2f))) {
        if (agreed)
            f.emit(session::ClearAnswer{item.id});
        else
            f.emit(session::SetAnswer{item.id, forms::Answer{true}});
    }
}

}  // namespace kiosk::ui
