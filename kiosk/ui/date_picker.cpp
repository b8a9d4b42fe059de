// Date entry for people who should not have to type: day and year with big - / + steppers
// (year also by tens), the month as twelve named buttons. Nothing is sent until all three are set.
#include <algorithm>
#include <ctime>
#include <string>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

int daysIn(int month, int year) {
    for (int d = 31; d >= 28; --d)
        if (forms::Date{year > 0 ? year : 2000, month, d}.valid()) return d;
    return 31;
}

int currentYear() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

/// [label] [-] value [+] with optional [-10] [+10]; returns the delta tapped (0 if none).
int stepperRow(Frame& f, const std::string& base, const std::string& label, const std::string& value,
               bool tens, float x, float y) {
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    text(f, FontRole::BodyBold, label, f.pal.text, f.px(12.0f));
    const float rowY = y + f.em * 1.5f;
    const float stepW = target * 1.25f, valueW = f.px(4.5f);
    struct Step { const char* id; const char* text; int delta; };
    std::vector<Step> steps;
    if (tens) steps.push_back({"minus10", "\xE2\x80\x93" "10", -10});
    steps.push_back({"minus", "\xE2\x80\x93", -1});
    steps.push_back({"", "", 0});  // the value
    steps.push_back({"plus", "+", 1});
    if (tens) steps.push_back({"plus10", "+10", 10});
    int delta = 0;
    float cx = x;
    for (const auto& s : steps) {
        ImGui::SetCursorScreenPos(ImVec2(cx, rowY));
        if (s.delta == 0) {
            // The value is not a control: plain large figures with a line under them, no button look.
            ImGui::GetWindowDrawList()->AddLine(ImVec2(cx + f.em * 0.3f, rowY + target - 2),
                                                ImVec2(cx + valueW - f.em * 0.3f, rowY + target - 2),
                                                col(f.pal.text), 2.0f);
            ImGui::SetCursorScreenPos(ImVec2(cx, rowY + (target - f.px(f.theme.questionEm) * 1.2f) * 0.5f));
            centredText(f, FontRole::Question, value, f.pal.buttonText, valueW);
            cx += valueW + gap;
            continue;
        }
        const std::string key = base + "/" + s.id;
        ButtonSpec spec{key, s.text, WidgetKind::Stepper};
        spec.font = s.delta == 1 || s.delta == -1 ? FontRole::Title : FontRole::Question;
        if (button(f, spec, ImVec2(stepW, target))) delta = s.delta;
        cx += stepW + gap;
    }
    return delta;
}

}  // namespace

void drawDate(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    auto found = f.state.dates.find(item.id);
    if (found == f.state.dates.end()) {
        PartialDate pd;
        if (const auto* d = answerAs<forms::Date>(iv)) pd = PartialDate{d->day, d->month, d->year};
        found = f.state.dates.emplace(item.id, pd).first;
    }
    PartialDate& pd = found->second;
    const PartialDate before = pd;
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string base = "item/" + item.id;
    const int thisYear = currentYear();
    const int startYear = item.pastOnly ? thisYear - 60 : thisYear;

    // Day and year side by side when there is room, else stacked.
    const float dayW = 2 * target * 1.25f + f.px(4.5f) + 2 * gap;
    const bool sideBySide = width >= dayW + f.px(2.0f) + 4 * target * 1.25f + f.px(4.5f) + 4 * gap;
    const int dDay = stepperRow(f, base + "/day", f.tr("ui.date.day"),
                                pd.day ? std::to_string(pd.day) : "\xE2\x80\x94", false, origin.x, origin.y);
    const float rowH = f.em * 1.5f + target;
    const float yearX = sideBySide ? origin.x + dayW + f.px(2.0f) : origin.x;
    const float yearY = sideBySide ? origin.y : origin.y + rowH + gap;
    const int dYear = stepperRow(f, base + "/year", f.tr("ui.date.year"),
                                 pd.year ? std::to_string(pd.year) : "\xE2\x80\x94", true, yearX, yearY);
    if (dDay != 0) {
        const int maxDay = pd.month ? daysIn(pd.month, pd.year) : 31;
        pd.day = pd.day == 0 ? (dDay > 0 ? 1 : maxDay) : (pd.day + dDay - 1 + maxDay) % maxDay + 1;  // wraps
    }
    if (dYear != 0) {
        pd.year = pd.year == 0 ? startYear : pd.year + dYear;
        pd.year = std::clamp(pd.year, 1900, item.pastOnly ? thisYear : thisYear + 100);
    }

    // Month by name: two rows of six.
    float y = yearY + rowH + gap;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    text(f, FontRole::BodyBold, f.tr("ui.date.month"), f.pal.text, width);
    y += f.em * 1.5f;
    const int cols = width >= f.px(36.0f) ? 6 : 3;
    const float w = columnWidth(f, width, cols);
    for (int m = 1; m <= 12; ++m) {
        const int c = (m - 1) % cols, r = (m - 1) / cols;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(c) * (w + gap),
                                         y + static_cast<float>(r) * (target + gap)));
        const std::string key = base + "/month/" + std::to_string(m);
        ButtonSpec spec{key, f.tr("ui.month." + std::to_string(m)), WidgetKind::Choice};
        spec.look = pd.month == m ? Look::Selected : Look::Plain;
        spec.mark = Mark::Radio;
        if (button(f, spec, ImVec2(w, target))) pd.month = m;
    }
    y += static_cast<float>(12 / cols) * (target + gap) - gap;
    if (pd.month && pd.day > daysIn(pd.month, pd.year)) pd.day = daysIn(pd.month, pd.year);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - origin.y));

    const bool changed = pd.day != before.day || pd.month != before.month || pd.year != before.year;
    if (changed && pd.day && pd.month && pd.year) {
        const forms::Date d{pd.year, pd.month, pd.day};
        if (d.valid()) f.emit(session::SetAnswer{item.id, forms::Answer{d}});
    }
}

}  // namespace kiosk::ui
