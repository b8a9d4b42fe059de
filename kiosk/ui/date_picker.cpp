// Date entry for people who should not have to type or step through numbers: the day as a grid of
// large numbers 1-31 (seven to a row, not a calendar), the month as twelve named buttons, the year
// as a decade then a year (1948 = "1940s", "1948": two taps, nothing jumps). What is picked so far
// lives in UiState (PartialDate); the answer is sent once day, month and year are all set.
#include <algorithm>
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

/// @brief One button of a picker grid.
struct Cell {
    std::string key, label;
    bool selected = false;
    bool dimmed = false;  ///< looks disabled, yet a tap is reported (to explain why it cannot be chosen)
    int span = 1;         ///< columns it covers (a cell that does not fit in its row starts the next)
    Mark mark = Mark::Radio;
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

/// Width of @p cols columns of @p cellW with the theme's gap between them.
float spanWidth(const Frame& f, int cols, float cellW) {
    return static_cast<float>(cols) * cellW + static_cast<float>(cols - 1) * f.px(f.theme.gapEm);
}

/// Draws @p cells in rows of @p cols, @p cellW wide, from (@p x, @p y); @p y moves past the grid.
/// Returns the index tapped, or -1. Day cells (Mark::None) show "selected" by a corner check.
int grid(Frame& f, const std::vector<Cell>& cells, int cols, float cellW, FontRole font, float x, float& y) {
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    int tapped = -1, slot = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        const Cell& cell = cells[i];
        const int span = std::clamp(cell.span, 1, cols);
        if (slot % cols + span > cols) slot += cols - slot % cols;  // on to the next row
        const int c = slot % cols, r = slot / cols;
        slot += span;
        const ImVec2 pos(x + static_cast<float>(c) * (cellW + gap),
                         y + static_cast<float>(r) * (target + gap));
        const float w = spanWidth(f, span, cellW);
        ImGui::SetCursorScreenPos(pos);
        ButtonSpec spec{cell.key, cell.label, WidgetKind::Choice};
        spec.look = cell.selected ? Look::Selected : cell.dimmed ? Look::Dimmed : Look::Plain;
        spec.mark = cell.mark;
        spec.font = font;
        if (button(f, spec, ImVec2(w, target))) tapped = static_cast<int>(i);
        if (cell.selected && cell.mark == Mark::None) {  // colour is never the only sign of a choice
            const float sz = f.em * 0.6f;
            drawCheck(ImGui::GetWindowDrawList(), ImVec2(pos.x + w - sz - f.em * 0.12f, pos.y + f.em * 0.12f),
                      sz, col(f.pal.selectedText));
        }
    }
    const int rows = (slot + cols - 1) / cols;
    y += static_cast<float>(rows) * (target + gap) - gap;
    return tapped;
}

/// A short error note filling the box at @p pos of @p size (a warning mark and words in the error
/// colour, smaller if they must be, never larger than the box): it moves nothing around it.
void noticeBox(Frame& f, const std::string& msg, ImVec2 pos, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = f.px(0.25f), bar = f.px(0.2f);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), col(f.pal.errorBackground), f.px(0.2f));
    dl->AddRectFilled(pos, ImVec2(pos.x + bar, pos.y + size.y), col(f.pal.error));
    const LabelLayout lay = layoutLabel(f, FontRole::BodyBold, msg, size.x - bar - 2 * pad, size.y - 2 * pad);
    ImFont* font = f.fonts.bodyBold ? f.fonts.bodyBold : ImGui::GetFont();
    const float fs = f.em * lay.scale;
    float y = pos.y + (size.y - lay.size.y) * 0.5f;
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    for (auto line : lay.lines) {
        dl->AddText(font, fs, ImVec2(pos.x + bar + pad, y), col(f.pal.error), line.data(), line.data() + line.size());
        y += fs;
    }
    dl->PopClipRect();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(size);  // the item rect the registry records (no layout: the cursor is put back)
}

void sectionLabel(Frame& f, const std::string& label, float x, float& y, float width) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    text(f, FontRole::BodyBold, label, f.pal.text, width);
    y += f.em * 1.5f;
}

/// @brief Where the three sections go. Columns: Day | Month | Year side by side (the whole picker on
/// one screen, before and after a decade opens). DayMonth: Day | Month, Year below. Stacked: one
/// under another. Always in the order Day, Month, Year. x positions are relative to the item.
struct Layout {
    enum Kind { Columns, DayMonth, Stacked } kind = Stacked;
    float dayW = 0;  ///< one day cell
    float monthX = 0, monthW = 0;
    int monthCols = 2;
    float yearX = 0, yearW = 0;
    int yearCols = 2;
};

/// Chooses the layout by measuring: the widest month name and year label in this font against
/// @p width, day cells between the touch target (@p dayMin) and a comfortable size (@p dayNeed).
Layout chooseLayout(const Frame& f, float width, float dayMin, float dayNeed, float monthNeed,
                    float yearNeed) {
    const float gap = f.px(f.theme.gapEm), between = f.px(1.5f);  // space between sections
    const auto dayGrid = [&](float cell) { return spanWidth(f, 7, cell); };
    Layout l;
    // Day (7 columns) | Month (2) | Year (2): 31 days in 5 rows, 12 months and up to 12 decades in 6.
    {
        const float fixed = 2 * between + spanWidth(f, 2, monthNeed) + spanWidth(f, 2, yearNeed);
        const float dayW = std::min(dayNeed, (width - fixed - 6 * gap) / 7);
        if (dayW >= dayMin) {
            const float spare = width - fixed - dayGrid(dayW);  // shared by the month and year columns
            l.kind = Layout::Columns;
            l.dayW = dayW;
            l.monthX = dayGrid(dayW) + between;
            l.monthW = spanWidth(f, 2, monthNeed) + spare / 2;
            l.yearX = l.monthX + l.monthW + between;
            l.yearW = width - l.yearX;
            return l;
        }
    }
    // Day | Month (3 or 2 columns), the year across the whole width below.
    for (int cols : {3, 2}) {
        const float monthArea = spanWidth(f, cols, monthNeed);
        const float dayW = std::min(dayNeed, (width - between - monthArea - 6 * gap) / 7);
        if (dayW < dayMin) continue;
        l.kind = Layout::DayMonth;
        l.dayW = dayW;
        l.monthX = dayGrid(dayW) + between;
        l.monthW = width - l.monthX;
        l.monthCols = cols;
        l.yearW = width;
        l.yearCols = fitColumns(f, width, yearNeed, {6, 4, 3, 2});
        return l;
    }
    l.dayW = std::min(dayNeed, columnWidth(f, width, 7));
    l.monthW = l.yearW = width;
    l.monthCols = fitColumns(f, width, monthNeed, {6, 4, 3, 2});
    l.yearCols = fitColumns(f, width, yearNeed, {6, 4, 3, 2});
    return l;
}

/// "Other decades" fills the rest of the last row of years, or a row of its own when only one
/// column is left there (so it is never narrower than two columns).
int otherSpan(int yearCount, int cols) {
    const int left = cols - yearCount % cols;
    return left >= std::min(2, cols) ? left : cols;
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
    const int thisYear = f.today.year;
    const int lastYear = item.pastOnly ? thisYear : thisYear + 10;
    const int firstDecade = (thisYear - 110) / 10 * 10, lastDecade = lastYear / 10 * 10;

    // The year section: the decades, or the years of the chosen one and a way back to the decades.
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
    }

    // Geometry, measured in this font: the widest month name, the widest thing the year section
    // can show (decades, years, "Other decades" over two columns) so nothing moves when a decade opens.
    const float dayNeed = std::max(target * 1.2f, textWidth(f, FontRole::Question, "31") + 2 * pad + f.em * 1.2f);
    float monthNeed = 0;
    for (int m = 1; m <= 12; ++m)
        monthNeed = std::max(monthNeed, needFor(f, f.tr("ui.month." + std::to_string(m)), Mark::Radio));
    const std::string otherLabel = f.tr("ui.date.other_decades");
    float yearNeed = (needFor(f, otherLabel, Mark::None) - gap) / 2;
    yearNeed = std::max(yearNeed, needFor(f, std::to_string(lastYear), Mark::Radio));
    for (int d = firstDecade; d <= lastDecade; d += 10) {
        const std::string label = f.fmt("ui.date.decade", {std::to_string(d), std::to_string(d + 9)});
        yearNeed = std::max(yearNeed, needFor(f, label, Mark::Radio));
    }
    for (const Cell& c : years) yearNeed = std::max(yearNeed, needFor(f, c.label, Mark::Radio));
    const Layout lay = chooseLayout(f, width, target, dayNeed, monthNeed, yearNeed);
    if (pd.decade != 0) {
        Cell other{base + "/decades", otherLabel};
        other.mark = Mark::None;
        other.span = otherSpan(static_cast<int>(years.size()), lay.yearCols);
        years.push_back(other);
        values.push_back(0);
    }

    // Day: 1-31; days the chosen month lacks look disabled and explain themselves when tapped.
    const int maxDay = pd.month ? daysIn(pd.month, pd.year) : 31;
    std::vector<Cell> days;
    for (int d = 1; d <= 31; ++d) {
        Cell c{base + "/day/" + std::to_string(d), std::to_string(d), pd.day == d, d > maxDay};
        c.mark = Mark::None;
        days.push_back(c);
    }
    const float dayGridW = spanWidth(f, 7, lay.dayW);
    float y = origin.y;
    sectionLabel(f, f.tr("ui.date.day"), origin.x, y, dayGridW);
    if (const int d = grid(f, days, 7, lay.dayW, FontRole::Question, origin.x, y); d >= 0) {
        if (d + 1 > maxDay) {
            pd.missingDay = d + 1;
        } else {
            pd.day = d + 1;
            pd.missingDay = 0;
        }
    }
    if (pd.missingDay && pd.month) {
        // In the four free cells after 31, where it pushes nothing: a note that appeared below the
        // grid once moved the month and year buttons under the patient's finger.
        const std::string n = std::to_string(daysIn(pd.month, pd.year));
        const std::string msg = f.fmt("ui.date.no_such_day", {f.tr("ui.month." + std::to_string(pd.month)), n});
        const float cellX = origin.x + 3 * (lay.dayW + gap);
        noticeBox(f, msg, ImVec2(cellX, y - target), ImVec2(spanWidth(f, 4, lay.dayW), target));
        registerLastText(f, "notice/" + item.id, msg, FontRole::BodyBold);
    }
    const float dayBottom = y;

    // Month by name.
    const float monthX = origin.x + lay.monthX;
    y = lay.kind == Layout::Stacked ? dayBottom + sectionGap : origin.y;
    const float monthTop = y;
    sectionLabel(f, f.tr("ui.date.month"), monthX, y, lay.monthW);
    std::vector<Cell> months;
    for (int m = 1; m <= 12; ++m)
        months.push_back(Cell{base + "/month/" + std::to_string(m), f.tr("ui.month." + std::to_string(m)), pd.month == m});
    if (const int m = grid(f, months, lay.monthCols, columnWidth(f, lay.monthW, lay.monthCols),
                           FontRole::BodyBold, monthX, y);
        m >= 0) {
        pd.month = m + 1;
    }
    const float monthBottom = y;

    // Year: a decade, then a year of it.
    const float yearX = origin.x + lay.yearX;
    y = lay.kind == Layout::Columns ? origin.y
        : lay.kind == Layout::DayMonth ? std::max(dayBottom, monthBottom) + sectionGap
                                       : monthBottom + sectionGap;
    const float yearTop = y;
    sectionLabel(f, f.tr("ui.date.year"), yearX, y, lay.yearW);
    if (const int i = grid(f, years, lay.yearCols, columnWidth(f, lay.yearW, lay.yearCols),
                           FontRole::BodyBold, yearX, y);
        i >= 0) {
        const int v = values[static_cast<size_t>(i)];
        if (v == 0) pd.decade = 0;                   // back to the decades; the year stays chosen
        else if (pd.decade == 0) pd.decade = v;      // a decade opens its years; no year is set yet
        else pd.year = v;
    }
    const float bottom = std::max({dayBottom, monthBottom, y});
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, bottom - origin.y));

    // Where the sections lie one under another (larger text on a small screen), a choice brings
    // the next section, still empty, into view when it lies below the visible area.
    const float visibleBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    const auto bringIntoView = [&](float top, float sectionBottom) {
        if (sectionBottom > visibleBottom)  // content y, applied next frame
            f.state.scroll.scrollToY = top - ImGui::GetWindowPos().y + ImGui::GetScrollY();
    };
    if (lay.kind == Layout::Stacked && pd.day && pd.day != before.day && !pd.month)
        bringIntoView(monthTop, monthBottom);
    else if (lay.kind != Layout::Columns && pd.month && pd.month != before.month && !pd.year && !pd.decade)
        bringIntoView(yearTop, y);

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
