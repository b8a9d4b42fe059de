// Date entry for people who should not have to type or step through numbers: the day as a grid of
// large numbers 1-31 (seven to a row, not a calendar), the month as twelve named buttons, the year
// as a decade then a year (1948 = "1940s", "1948": two taps, nothing jumps). What is picked so far
// lives in UiState (PartialDate); the answer is sent once day, month and year are all set.
#include <algorithm>
#include <ctime>
#include <initializer_list>
#include <string>
#include <vector>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

int daysIn(int month, int year) {
    for (int d = 31; d >= 28; --d)
        if (forms::Date{year > 0 ? year : 2000, month, d}.valid()) return d;  // no year yet: 29 Feb allowed
    return 31;
}

int currentYear() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

/// @brief One button of a picker grid.
struct Cell {
    std::string key, label;
    bool selected = false;
    bool dimmed = false;  ///< looks disabled, yet a tap is reported (to explain why it cannot be chosen)
};

/// Width a button needs to show @p label on one line (with its radio mark when @p mark).
float needFor(const Frame& f, std::string_view label, Mark mark) {
    const float markW = mark == Mark::None ? 0.0f : f.em * 1.4f;  // as button() lays it out
    return textWidth(f, FontRole::BodyBold, label) + 2 * f.px(f.theme.padEm) + markW + f.em * 0.2f;
}

/// The first of @p choices whose columns across @p width are at least @p need wide (else the last).
int fitColumns(const Frame& f, float width, float need, std::initializer_list<int> choices) {
    int cols = 1;
    for (int c : choices) {
        cols = c;
        if (columnWidth(f, width, c) >= need) break;
    }
    return cols;
}

/// Draws @p cells in rows of @p cols, @p cellW wide, from (@p x, @p y); @p y moves past the grid.
/// Returns the index tapped, or -1. Day cells (Mark::None) show "selected" by a corner check.
int grid(Frame& f, const std::vector<Cell>& cells, int cols, float cellW, Mark mark, FontRole font, float x,
         float& y) {
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    int tapped = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
        const int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        const ImVec2 pos(x + static_cast<float>(c) * (cellW + gap), y + static_cast<float>(r) * (target + gap));
        ImGui::SetCursorScreenPos(pos);
        const Cell& cell = cells[i];
        ButtonSpec spec{cell.key, cell.label, WidgetKind::Choice};
        spec.look = cell.selected ? Look::Selected : cell.dimmed ? Look::Dimmed : Look::Plain;
        spec.mark = mark;
        spec.font = font;
        if (button(f, spec, ImVec2(cellW, target))) tapped = static_cast<int>(i);
        if (cell.selected && mark == Mark::None) {  // colour is never the only sign of a choice
            const float sz = f.em * 0.6f;
            drawCheck(ImGui::GetWindowDrawList(), ImVec2(pos.x + cellW - sz - f.em * 0.12f, pos.y + f.em * 0.12f),
                      sz, col(f.pal.selectedText));
        }
    }
    const int rows = (static_cast<int>(cells.size()) + cols - 1) / cols;
    y += static_cast<float>(rows) * (target + gap) - gap;
    return tapped;
}

void sectionLabel(Frame& f, const std::string& label, float x, float& y, float width) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    text(f, FontRole::BodyBold, label, f.pal.text, width);
    y += f.em * 1.5f;
}

}  // namespace

void drawDate(Frame& f, const session::ItemView& iv, float width) {
    const forms::Item& item = *iv.item;
    auto found = f.state.dates.find(item.id);
    if (found == f.state.dates.end()) {
        PartialDate pd;
        if (const auto* d = answerAs<forms::Date>(iv)) pd = PartialDate{d->day, d->month, d->year, d->year / 10 * 10};
        found = f.state.dates.emplace(item.id, pd).first;
    }
    PartialDate& pd = found->second;
    const PartialDate before = pd;
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm), pad = f.px(f.theme.padEm);
    const float sectionGap = f.px(1.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string base = "item/" + item.id;
    const int thisYear = currentYear();
    const int lastYear = item.pastOnly ? thisYear : thisYear + 10;
    const int firstDecade = (thisYear - 110) / 10 * 10, lastDecade = lastYear / 10 * 10;

    // Geometry: the day grid, with the months beside it when three month columns fit there.
    const float dayNeed = std::max(target * 1.2f, textWidth(f, FontRole::Question, "31") + 2 * pad + f.em * 1.2f);
    const float dayW = std::min(dayNeed, columnWidth(f, width, 7));
    const float dayGridW = 7 * dayW + 6 * gap;
    float monthNeed = 0;
    for (int m = 1; m <= 12; ++m)
        monthNeed = std::max(monthNeed, needFor(f, f.tr("ui.month." + std::to_string(m)), Mark::Radio));
    const float besideX = dayGridW + sectionGap * 1.5f;
    const bool sideBySide = width - besideX > 0 && columnWidth(f, width - besideX, 3) >= monthNeed;

    // Day: 1-31; days the chosen month lacks look disabled and explain themselves when tapped.
    const int maxDay = pd.month ? daysIn(pd.month, pd.year) : 31;
    std::vector<Cell> days;
    for (int d = 1; d <= 31; ++d)
        days.push_back(Cell{base + "/day/" + std::to_string(d), std::to_string(d), pd.day == d, d > maxDay});
    float y = origin.y;
    sectionLabel(f, f.tr("ui.date.day"), origin.x, y, dayGridW);
    if (const int d = grid(f, days, 7, dayW, Mark::None, FontRole::Question, origin.x, y); d >= 0) {
        if (d + 1 > maxDay) {
            pd.missingDay = d + 1;
        } else {
            pd.day = d + 1;
            pd.missingDay = 0;
        }
    }
    if (pd.missingDay && pd.month) {
        y += gap;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        const std::string n = std::to_string(daysIn(pd.month, pd.year));
        const std::string msg = f.fmt("ui.date.no_such_day", {f.tr("ui.month." + std::to_string(pd.month)), n});
        errorLine(f, msg, sideBySide ? dayGridW : width);
        registerLastText(f, "notice/" + item.id, msg, FontRole::BodyBold);
        y = ImGui::GetItemRectMax().y;
    }
    const float dayBottom = y;

    // Month by name, as many columns as the longest name allows in this font.
    const float monthX = sideBySide ? origin.x + besideX : origin.x;
    const float monthW = sideBySide ? width - besideX : width;
    y = sideBySide ? origin.y : dayBottom + sectionGap;
    sectionLabel(f, f.tr("ui.date.month"), monthX, y, monthW);
    const int monthCols = fitColumns(f, monthW, monthNeed, {6, 4, 3, 2});
    std::vector<Cell> months;
    for (int m = 1; m <= 12; ++m)
        months.push_back(Cell{base + "/month/" + std::to_string(m), f.tr("ui.month." + std::to_string(m)), pd.month == m});
    if (const int m = grid(f, months, monthCols, columnWidth(f, monthW, monthCols), Mark::Radio, FontRole::BodyBold,
                           monthX, y);
        m >= 0) {
        pd.month = m + 1;
    }
    const float monthBottom = y;

    // Year: the decades, then the years of the chosen one (and a way back to the decades).
    y = std::max(dayBottom, monthBottom) + sectionGap;
    sectionLabel(f, f.tr("ui.date.year"), origin.x, y, width);
    std::vector<Cell> years;
    std::vector<int> values;  // the year (or decade) of each cell; 0 = back to the decades
    if (pd.decade == 0) {
        for (int d = firstDecade; d <= lastDecade; d += 10) {
            const std::string label = f.fmt("ui.date.decade", {std::to_string(d), std::to_string(d + 9)});
            years.push_back(Cell{base + "/decade/" + std::to_string(d), label, pd.year / 10 * 10 == d});
            values.push_back(d);
        }
    } else {
        for (int yr = pd.decade; yr <= std::min(pd.decade + 9, lastYear); ++yr) {
            years.push_back(Cell{base + "/year/" + std::to_string(yr), std::to_string(yr), pd.year == yr});
            values.push_back(yr);
        }
        years.push_back(Cell{base + "/decades", f.tr("ui.date.other_decades")});
        values.push_back(0);
    }
    float yearNeed = 0;
    for (const auto& c : years) yearNeed = std::max(yearNeed, needFor(f, c.label, Mark::Radio));
    const int yearCols = fitColumns(f, width, yearNeed, {6, 4, 3, 2});
    if (const int i = grid(f, years, yearCols, columnWidth(f, width, yearCols), Mark::Radio, FontRole::BodyBold,
                           origin.x, y);
        i >= 0) {
        const int v = values[static_cast<size_t>(i)];
        if (v == 0) pd.decade = 0;                   // back to the decades; the year stays chosen
        else if (pd.decade == 0) pd.decade = v;      // a decade opens its years; no year is set yet
        else pd.year = v;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - origin.y));

    // A day the new month (or a non-leap February) lacks is not kept: the patient is told instead.
    if (pd.month && pd.day > daysIn(pd.month, pd.year)) {
        pd.missingDay = pd.day;
        pd.day = 0;
    } else if (pd.month && pd.missingDay && pd.missingDay <= daysIn(pd.month, pd.year)) {
        pd.missingDay = 0;
    }

    const bool changed = pd.day != before.day || pd.month != before.month || pd.year != before.year;
    if (!changed) return;
    if (pd.day && pd.month && pd.year) {
        const forms::Date d{pd.year, pd.month, pd.day};
        if (d.valid()) f.emit(session::SetAnswer{item.id, forms::Answer{d}});
    } else if (iv.answer) {
        f.emit(session::ClearAnswer{item.id});  // no longer a whole date
    }
}

}  // namespace kiosk::ui
