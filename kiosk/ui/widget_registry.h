#pragma once
// What the last frame drew that a finger can touch (STYLE.md #6): key, kind, translated label,
// rectangle and enabled flag of every interactive widget. Tests find widgets by key ("next",
// "item/pain_now/7", "keyboard/a") and tap the rectangle's centre; nothing in the kiosk reads it back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

enum class WidgetKind {
    Button,   ///< an action: Next, Back, Start, Submit, Edit, I'm still here
    Choice,   ///< one option of a single / multi / yes-no / scale / matrix / body-map item
    Toggle,   ///< on/off: larger text, high contrast, I agree
    Field,    ///< a text or number display that opens a keyboard
    Key,      ///< a key of an on-screen keyboard, number pad or PIN pad
    Stepper,  ///< a - / + button of a number or date
    Canvas,   ///< signature pad
    Region,   ///< a region of the drawn body map: a small square at its deepest point; the figure
              ///< around it takes the tap and picks the region a fingertip means (bodymap::pick)
    Hidden,   ///< the staff corner: not a patient target, excluded from spacing checks
};
const char* toString(WidgetKind kind);

/// @brief An axis-aligned rectangle in screen pixels.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
    Rect intersect(const Rect& o) const;
    bool empty() const { return w <= 0 || h <= 0; }
};

/// Gap between two rectangles: the larger of the horizontal and vertical separations
/// (negative when they overlap on both axes).
float gapBetween(const Rect& a, const Rect& b);

/// @brief One widget as drawn in the last frame.
struct WidgetInfo {
    std::string key;       ///< stable id: "next", "item/<item>/<option>", "keyboard/<key>"
    WidgetKind kind = WidgetKind::Button;
    std::string label;     ///< translated text on it (what the patient reads)
    Rect rect;             ///< full rectangle (may lie partly outside a scrolled area)
    Rect visible;          ///< the part a finger can reach (clipped by scroll areas); empty if none
    bool enabled = true;   ///< a tap does something
    bool selected = false; ///< shows as chosen (colour + check mark)
    bool dimmed = false;   ///< looks disabled but stays tappable (Next with answers missing)
    std::vector<std::string> labelLines;  ///< the label as drawn, line by line (button()); empty if drawn otherwise
    Rect labelRect;        ///< where those lines lie
    float labelScale = 1;  ///< < 1: the label was drawn smaller so that its longest word fits
};

/// @brief A piece of text tests need to locate (a question, its error, the progress line).
struct TextInfo {
    std::string key;   ///< "question/<item>", "error/<item>", "title", "progress"
    std::string text;
    Rect rect;
    float fontPx = 0;  ///< glyph height it was drawn at
};

/// @brief A scroll area of the frame: how far its content reaches below what it shows.
struct ScrollInfo {
    std::string area;     ///< "page", "welcome", "review"
    float offset = 0;     ///< px scrolled
    float maxOffset = 0;  ///< px of content below the area when scrolled to the top (0 = all fits)
};

class WidgetRegistry {
public:
    void beginFrame() {
        m_widgets.clear();
        m_texts.clear();
        m_scrolls.clear();
    }
    WidgetInfo& add(WidgetInfo info) { return m_widgets.emplace_back(std::move(info)); }
    void addText(TextInfo info) { m_texts.push_back(std::move(info)); }
    const std::vector<TextInfo>& texts() const { return m_texts; }
    const TextInfo* findText(std::string_view key) const;
    void addScroll(ScrollInfo info) { m_scrolls.push_back(std::move(info)); }
    const ScrollInfo* findScroll(std::string_view area) const;

    const std::vector<WidgetInfo>& widgets() const { return m_widgets; }
    const WidgetInfo* find(std::string_view key) const;
    /// Keys starting with @p prefix, in drawing order.
    std::vector<const WidgetInfo*> withPrefix(std::string_view prefix) const;

private:
    std::vector<WidgetInfo> m_widgets;
    std::vector<TextInfo> m_texts;
    std::vector<ScrollInfo> m_scrolls;
};

}  // namespace kiosk::ui
