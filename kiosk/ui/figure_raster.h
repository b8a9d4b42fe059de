#pragma once
// The body-map figure as textures: each view drawn with cairo (bodymap/draw_figure.h) into an
// image, handed to the TextureSink, and drawn again only when what it shows changes (size,
// theme, marks, highlight). An unchanged figure costs a string compare per frame.
// Why cairo and not triangles for ImGui: ImGui 1.86 antialiases convex fills only (ear-clipped
// triangles would show seams inside each region), cairo antialiases the concave outlines and the
// fills alike, and the therapist's PDF draws the same figure with the same function.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/ui/texture_sink.h"

namespace kiosk::ui {

class FigureRaster {
public:
    /// @p firstSlot: the sink slots this raster draws into (front, then back), so that the patient's
    /// figure and the staff desk's each keep their own textures.
    explicit FigureRaster(int firstSlot = 0) : m_firstSlot(firstSlot) {}
    /// @brief The texture of @p view drawn at @p width x @p height px on @p background; nullptr
    ///        without a sink (headless) or when it cannot be made. @p styleKey names the style
    ///        (a theme), so that a change of theme redraws.
    void* texture(TextureSink* sink, const bodymap::Figure& figure, bodymap::View view, int width, int height,
                  const bodymap::Colour& background, const bodymap::FigureStyle& style, std::string_view styleKey,
                  const std::vector<bodymap::FigureMark>& marks, const std::vector<std::string_view>& highlighted);
    /// How many times a view was drawn since this raster was made (tests: only on a change).
    int draws() const { return m_draws; }
    /// Forgets what the textures show, so the next request draws afresh (between patients).
    void forget();

private:
    struct Slot {
        std::string key;  ///< what the texture shows; "" = nothing yet
        void* texture = nullptr;
    };
    Slot m_slots[2];  // front, back
    int m_firstSlot;
    int m_draws = 0;
};

}  // namespace kiosk::ui
