#pragma once
// Page layout for the therapist's PDF (pdf_intake.h): text flowed down pages and wrapped, measured
// with cairo (Noto Sans through fontconfig). Lines break between words; a word wider than the line
// (a long e-mail address, a run of letters) breaks between characters, never mid-character, so
// accents and long answers are always printed whole. Layout first, drawing after: the page count
// is known when the footers ("Page 2 of 3") are drawn.
#include <cairo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::exports::pdf {

struct Colour {
    double r = 0, g = 0, b = 0;
};

struct Style {
    double size = 10;  ///< points
    bool bold = false;
    Colour colour;
};

/// @brief One drawing operation on a page, in PDF points from the top-left.
struct Op {
    enum class Kind { Text, FillRect, StrokeRect, Polyline, Figure };
    Kind kind = Kind::Text;
    Style style;                ///< Text: font and colour; others: colour (and size as line width)
    double x = 0, y = 0;        ///< Text: baseline start; rects and figures: top-left
    double w = 0, h = 0;
    std::string text;
    std::vector<std::pair<double, double>> points;  ///< Polyline
};

struct Page {
    std::vector<Op> ops;
};

/// @brief Page size and the body's margins, in points.
struct PageFrame {
    double width = 595.276, height = 841.89;  ///< A4
    double left = 56, right = 56, top = 72, bottom = 64;  ///< the header and footer sit in top / bottom
};

/// @brief Lays content down pages; see the file comment.
class Flow {
public:
    /// @p measure: any cairo context (font metrics only).
    Flow(cairo_t* measure, PageFrame frame);

    /// @p s as a paragraph (each '\n' starts a line), wrapped to the body width less @p indent.
    void text(std::string_view s, const Style& style, double indent = 0);
    /// Vertical space.
    void gap(double points) { m_y += points; }
    /// Starts a new page unless @p height fits below.
    void keep(double height);
    void newPage();
    /// Adds @p op to the current page (coordinates as they are).
    void add(Op op) { m_pages.back().ops.push_back(std::move(op)); }

    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    double left() const { return m_frame.left; }
    double width() const { return m_frame.width - m_frame.left - m_frame.right; }
    double bottom() const { return m_frame.height - m_frame.bottom; }
    std::size_t pageIndex() const { return m_pages.size() - 1; }
    Page& page(std::size_t i) { return m_pages[i]; }

    /// The lines @p s wraps into at @p width.
    std::vector<std::string> wrap(std::string_view s, const Style& style, double width) const;
    double textWidth(std::string_view s, const Style& style) const;
    static double lineHeight(const Style& style) { return style.size * 1.32; }

    std::vector<Page> take() { return std::move(m_pages); }

private:
    cairo_t* m_measure;
    PageFrame m_frame;
    std::vector<Page> m_pages;
    double m_y = 0;
};

/// Sets @p cr's font to @p style (Noto Sans, regular or bold, at its size).
void useFont(cairo_t* cr, const Style& style);

/// @brief Draws a figure (the body map) into a box the layout reserved: (x, y, w, h) in points.
using FigureFn = std::function<void(cairo_t* cr, double x, double y, double w, double h)>;

/// Draws @p page's operations on @p cr; Figure ops call @p figure when it is set.
void drawPage(cairo_t* cr, const Page& page, const FigureFn& figure = {});

}  // namespace kiosk::exports::pdf
