// Date entry for people who should not have to type or step through numbers: the day as a grid of
// large numbers 1-31 (seven to a row, not a calendar), the month as twelve named buttons, the year
// as a decade then a year (1948 = "1940s", "1948": two taps, nothing jumps). What is picked so far
// lives in UiState (PartialDate); the answer is sent once day, month and year are all set.
// Where the three sections do not fit the screen at once (1280x800, Larger text), the picker shows
// one section at a time under three tabs ("Day: 14", "Month", "Year"), each choice moving on to the
// next one still empty: the picker always fits whole (issue 20: the Year block was below the fold).
//
// [SECTION] Helpers        cells, grids, the note about a missing day, layouts
// [SECTION] Steps          one section at a time
// [SECTION] drawDate       all at once, or in steps; then the answer
#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "kiosk/ui/item_widgets.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

// [SECTION] Helpers
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
int grid(Frame& f, const std::vector<Cell>& cells, int cols, float cellW, FontRole font, float x, float& y,
         float rowGap = -1) {
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    if (rowGap < 0) rowGap = gap;
    int tapped = -1, slot = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        const Cell& cell = cells[i];
        const int span = std::clamp(cell.span, 1, cols);
        if (slot % cols + span > cols) slot += cols - slot % cols;  // on to the next row
        const int c = slot % cols, r = slot / cols;
        slot += span;
        const ImVec2 pos(x + static_cast<float>(c) * (cellW + gap),
                         y + static_cast<float>(r) * (target + rowGap));
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
    y += static_cast<float>(rows) * (target + rowGap) - rowGap;
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

/// Height of a grid of @p rows rows of targets, @p rowGap apart (< 0: the theme's gap).
float gridHeight(const Frame& f, int rows, float rowGap = -1) {
    if (rowGap < 0) rowGap = f.px(f.theme.gapEm);
    return static_cast<float>(rows) * f.px(f.theme.targetEm) + static_cast<float>(std::max(0, rows - 1)) * rowGap;
}

int rowsOf(int cells, int cols) { return (cells + cols - 1) / std::max(1, cols); }

/// Height of the three sections at once in @p lay (Columns or DayMonth), the year section at its
/// tallest (decades, or a decade's years with "Other decades").
float allAtOnceHeight(const Frame& f, const Layout& lay, int decades, int yearCells) {
    const float label = f.em * 1.5f;
    const int yearRows = std::max(rowsOf(decades, lay.yearCols), rowsOf(yearCells, lay.yearCols));
    const float day = label + gridHeight(f, 5);
    const float month = label + gridHeight(f, rowsOf(12, lay.monthCols));
    const float year = label + gridHeight(f, yearRows);
    if (lay.kind == Layout::Columns) return std::max({day, month, year});
    return std::max(day, month) + f.px(1.0f) + year;
}

/// After the taps of a frame: a day the new month (or a non-leap February) lacks is not kept (the
/// patient is told instead), and a whole date is sent, a no longer whole one cleared.
void commitDate(Frame& f, const session::ItemView& iv, PartialDate& pd, const PartialDate& before) {
    if (pd.month && pd.day > daysIn(pd.month, pd.year)) {
        pd.missingDay = pd.day;
        pd.day = 0;
        pd.section = 0;  // in steps: back to the days, where the note is
    } else if (pd.month && pd.missingDay && pd.missingDay <= daysIn(pd.month, pd.year)) {
        pd.missingDay = 0;
    }
    const bool changed = pd.day != before.day || pd.month != before.month || pd.year != before.year;
    if (!changed) return;
    if (pd.day && pd.month && pd.year) {
        const forms::Date d{pd.year, pd.month, pd.day};
        if (d.valid()) f.emit(session::SetAnswer{iv.item->id, forms::Answer{d}});
    } else if (iv.answer) {
        f.emit(session::ClearAnswer{iv.item->id});  // no longer a whole date
    }
}

// [SECTION] Steps
/// What one section of the steps shows: its cells, how many columns, and the font.
struct StepGrid {
    std::vector<Cell> cells;
    int cols = 1;
    FontRole font = FontRole::BodyBold;
};

/// The first section after @p from (in the order day, month, year, round) still unset; @p from
/// itself when all are set.
int nextUnset(const PartialDate& pd, int from) {
    const bool set[3] = {pd.day != 0, pd.month != 0, pd.year != 0};
    for (int k = 1; k <= 3; ++k)
        if (!set[(from + k) % 3]) return (from + k) % 3;
    return from;
}

/// The widest of @p choices columns across @p width whose cells are at least @p need wide, else the last.
int widestFit(const Frame& f, float width, float need, std::initializer_list<int> choices) {
    int cols = 1;
    for (int c : choices) {
        cols = c;
        if (columnWidth(f, width, c) >= need) break;
    }
    return cols;
}

/// One section at a time under three tabs. @p days, @p months, @p years (with values) are the cells
/// of the three sections; tapped choices change @p pd.
void drawSteps(Frame& f, const forms::Item& item, float width, PartialDate& pd, const std::vector<Cell>& days,
               const std::vector<Cell>& months, const std::vector<Cell>& years, const std::vector<int>& values,
               float monthNeed, float yearNeed) {
    const float target = f.px(f.theme.targetEm), gap = f.px(f.theme.gapEm);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string base = "item/" + item.id;
    const int before = pd.section;

    // The tabs: what is chosen so far, and a way back to any section. Tabs and rows sit a little
    // closer than elsewhere (never below UX.md's 64 px targets and 12 px gaps at 1080p, scaled), so
    // that the picker fits whole under its question.
    const float scale = f.displayH / 1080.0f;
    const float tabH = std::max(target * 0.8f, f.theme.minTargetPxAt1080 * scale + 1);
    const float rowGap = std::max(gap * 0.6f, f.theme.minGapPxAt1080 * scale + 1);
    const char* names[3] = {"day", "month", "year"};
    const std::string chosen[3] = {pd.day ? std::to_string(pd.day) : "",
                                   pd.month ? f.tr("ui.month." + std::to_string(pd.month)) : "",
                                   pd.year ? std::to_string(pd.year) : ""};
    const float tabW = columnWidth(f, width, 3);
    for (int t = 0; t < 3; ++t) {
        const std::string label = chosen[t].empty() ? f.tr(std::string("ui.date.") + names[t])
                                                    : f.fmt("ui.date.chosen", {f.tr(std::string("ui.date.") + names[t]), chosen[t]});
        const std::string key = base + "/step/" + names[t];
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(t) * (tabW + gap), origin.y));
        ButtonSpec tab{key, label, WidgetKind::Choice};
        tab.look = pd.section == t ? Look::Selected : Look::Plain;
        tab.mark = Mark::Radio;
        if (button(f, tab, ImVec2(tabW, tabH))) pd.section = t;
    }

    // The section's grid, in a room as high as the tallest of the three, so nothing moves.
    StepGrid g;
    // Days in as few rows as cells nearly a target wide allow (12 x 3 leaves five free cells for
    // the note about a missing day), so that the picker fits whole under its question.
    const float dayCols = static_cast<float>(widestFit(f, width, target * 0.9f, {12, 11, 10, 8, 7}));
    if (pd.section == 0) {
        g.cells = days;
        g.cols = static_cast<int>(dayCols);
    } else if (pd.section == 1) {
        g.cells = months;
        g.cols = widestFit(f, width, monthNeed, {4, 3, 2});
    } else {
        g.cells = years;
        g.cols = widestFit(f, width, yearNeed, {6, 4, 3, 2});
        if (pd.decade != 0 && !g.cells.empty()) g.cells.back().span = otherSpan(static_cast<int>(g.cells.size()) - 1, g.cols);
    }
    const int roomRows = std::max({rowsOf(31, static_cast<int>(dayCols)),
                                   rowsOf(12, widestFit(f, width, monthNeed, {4, 3, 2})),
                                   rowsOf(static_cast<int>(std::max<size_t>(years.size(), 12)) + 1,
                                          widestFit(f, width, yearNeed, {6, 4, 3, 2}))});
    const float top = origin.y + tabH + rowGap;
    float y = top;
    const float cellW = columnWidth(f, width, g.cols);
    const int tapped = grid(f, g.cells, g.cols, cellW, g.font, origin.x, y, rowGap);
    if (pd.section == 0 && pd.missingDay && pd.month) {
        // In the free cells after 31 (the last row), where it pushes nothing.
        const int used = 31 % g.cols, free = used == 0 ? 0 : g.cols - used;
        const std::string msg = f.fmt("ui.date.no_such_day", {f.tr("ui.month." + std::to_string(pd.month)),
                                                              std::to_string(daysIn(pd.month, pd.year))});
        if (free > 0)
            noticeBox(f, msg, ImVec2(origin.x + static_cast<float>(used) * (cellW + gap), y - target),
                      ImVec2(spanWidth(f, free, cellW), target));
        registerLastText(f, "notice/" + item.id, msg, FontRole::BodyBold);
    }
    const float bottom = top + gridHeight(f, roomRows, rowGap);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, bottom - origin.y));

    if (tapped >= 0) {
        const int i = tapped;
        if (pd.section == 0) {
            const int maxDay = pd.month ? daysIn(pd.month, pd.year) : 31;
            if (i + 1 > maxDay) {
                pd.missingDay = i + 1;
            } else {
                pd.day = i + 1;
                pd.missingDay = 0;
                pd.section = nextUnset(pd, 0);
            }
        } else if (pd.section == 1) {
            pd.month = i + 1;
            pd.section = nextUnset(pd, 1);
        } else {
            const int v = values[static_cast<size_t>(i)];
            if (v == 0) {
                pd.decade = 0;  // back to the decades; the year stays chosen
            } else if (pd.decade == 0) {
                pd.decade = v;  // a decade opens its years; no year is set yet
            } else {
                pd.year = v;
                pd.section = nextUnset(pd, 2);
            }
        }
    }
    // A choice (or a tab) shows the whole picker when part of it lies below the visible area.
    const float visibleBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if ((tapped >= 0 || pd.section != before) && bottom > visibleBottom)
        f.state.scroll.scrollToY = origin.y - ImGui::GetWindowPos().y + ImGui::GetScrollY();  // content y
}

}  // namespace

// [SECTION] drawDate
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
    const int decades = (lastDecade - firstDecade) / 10 + 1;
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
    std::vector<Cell> months;
    for (int m = 1; m <= 12; ++m)
        months.push_back(Cell{base + "/month/" + std::to_string(m), f.tr("ui.month." + std::to_string(m)), pd.month == m});

    // All at once when the three sections fit the visible area together, else one at a time.
    // The page's visible height without a keyboard open: the choice never changes under a keyboard.
    const float visibleH = f.displayH - f.px(f.theme.topBarEm) - f.px(f.theme.bottomBarEm);
    if (lay.kind == Layout::Stacked || allAtOnceHeight(f, lay, decades, 12) > visibleH - f.em) {
        drawSteps(f, item, width, pd, days, months, years, values, monthNeed, yearNeed);
        commitDate(f, iv, pd, before);
        return;
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

    // Where the year lies under the day and month (DayMonth), picking a month brings the year
    // section, still empty, into view when it lies below the visible area.
    const float visibleBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (lay.kind == Layout::DayMonth && pd.month && pd.month != before.month && !pd.year && !pd.decade &&
        y > visibleBottom)
        f.state.scroll.scrollToY = yearTop - ImGui::GetWindowPos().y + ImGui::GetScrollY();  // content y
    (void)monthTop;
    commitDate(f, iv, pd, before);
}

}  // namespace kiosk::ui
