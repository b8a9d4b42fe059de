#include "kiosk/export/pdf_layout.h"

namespace kiosk::exports::pdf {
namespace {

/// Bytes of the UTF-8 character starting at @p s[i] (1 for a stray continuation byte).
std::size_t charLength(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return i + n <= s.size() ? n : 1;
}

}  // namespace

void useFont(cairo_t* cr, const Style& style) {
    cairo_select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL,
                           style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, style.size);
}

Flow::Flow(cairo_t* measure, PageFrame frame) : m_measure(measure), m_frame(frame) { newPage(); }

void Flow::newPage() {
    m_pages.emplace_back();
    m_y = m_frame.top;
}

void Flow::keep(double height) {
    if (m_y + height > bottom() && m_y > m_frame.top) newPage();
}

double Flow::textWidth(std::string_view s, const Style& style) const {
    useFont(m_measure, style);
    const std::string text(s);
    cairo_text_extents_t e;
    cairo_text_extents(m_measure, text.c_str(), &e);
    return e.x_advance;
}

std::vector<std::string> Flow::wrap(std::string_view s, const Style& style, double width) const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find('\n', start), s.size());
        const std::string_view para = s.substr(start, end - start);
        std::string line;
        std::size_t i = 0;
        while (i < para.size()) {
            std::size_t j = para.find(' ', i);
            if (j == std::string_view::npos) j = para.size();
            std::string word(para.substr(i, j - i));
            const std::string tryLine = line.empty() ? word : line + " " + word;
            if (textWidth(tryLine, style) <= width) {
                line = tryLine;
            } else {
                if (!line.empty()) lines.push_back(line);
                line.clear();
                // A word wider than the whole line: broken between characters.
                while (!word.empty() && textWidth(word, style) > width) {
                    std::size_t cut = 0;
                    while (cut < word.size()) {
                        const std::size_t next = cut + charLength(word, cut);
                        if (cut > 0 && textWidth(word.substr(0, next), style) > width) break;
                        cut = next;
                    }
                    lines.push_back(word.substr(0, cut));
                    word = word.substr(cut);
                }
                line = word;
            }
            i = j + 1;
        }
        lines.push_back(line);
        if (end == s.size()) break;
        start = end + 1;
    }
    return lines;
}

void Flow::text(std::string_view s, const Style& style, double indent) {
    const double lh = lineHeight(style);
    for (const std::string& line : wrap(s, style, width() - indent)) {
        keep(lh);
        Op op;
        op.kind = Op::Kind::Text;
        op.style = style;
        op.x = left() + indent;
        op.y = m_y + style.size;  // baseline
        op.text = line;
        add(std::move(op));
        m_y += lh;
    }
}

void drawPage(cairo_t* cr, const Page& page, const FigureFn& figure) {
    for (const Op& op : page.ops) {
        cairo_set_source_rgb(cr, op.style.colour.r, op.style.colour.g, op.style.colour.b);
        switch (op.kind) {
            case Op::Kind::Text:
                useFont(cr, op.style);
                cairo_move_to(cr, op.x, op.y);
                cairo_show_text(cr, op.text.c_str());
                break;
            case Op::Kind::FillRect:
                cairo_rectangle(cr, op.x, op.y, op.w, op.h);
                cairo_fill(cr);
                break;
            case Op::Kind::StrokeRect:
                cairo_set_line_width(cr, op.style.size);
                cairo_rectangle(cr, op.x, op.y, op.w, op.h);
                cairo_stroke(cr);
                break;
            case Op::Kind::Polyline:
                if (op.points.empty()) break;
                cairo_set_line_width(cr, op.style.size);
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
                cairo_move_to(cr, op.points[0].first, op.points[0].second);
                for (std::size_t i = 1; i < op.points.size(); ++i) cairo_line_to(cr, op.points[i].first, op.points[i].second);
                if (op.points.size() == 1) cairo_line_to(cr, op.points[0].first + 0.1, op.points[0].second);
                cairo_stroke(cr);
                break;
            case Op::Kind::Figure:
                if (figure) {
                    cairo_save(cr);
                    figure(cr, op.x, op.y, op.w, op.h);
                    cairo_restore(cr);
                }
                break;
        }
    }
}

}  // namespace kiosk::exports::pdf
