#include "kiosk/ui/figure_raster.h"

#include <cairo.h>

namespace kiosk::ui {

void* FigureRaster::texture(TextureSink* sink, const bodymap::Figure& figure, bodymap::View view, int width,
                            int height, const bodymap::Colour& background, const bodymap::FigureStyle& style,
                            std::string_view styleKey, const std::vector<bodymap::FigureMark>& marks,
                            const std::vector<std::string_view>& highlighted) {
    if (sink == nullptr || width <= 0 || height <= 0) return nullptr;
    std::string key = std::to_string(width) + "x" + std::to_string(height) + "/" + std::string(styleKey) + "/";
    for (const auto& m : marks) key += std::string(m.region) + ":" + std::to_string(m.intensity) + ",";
    key += "/";
    for (std::string_view h : highlighted) key += std::string(h) + ",";
    Slot& slot = m_slots[view == bodymap::View::Front ? 0 : 1];
    if (slot.key == key && slot.texture) return slot.texture;

    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return nullptr;
    }
    cairo_t* cr = cairo_create(surface);
    // Opaque on the page's own colour: the texture needs no blending and edges stay crisp.
    cairo_set_source_rgb(cr, background.r, background.g, background.b);
    cairo_paint(cr);
    const bodymap::Placement at = bodymap::fitView(figure.geometry.box(view), 0, 0, width, height);
    bodymap::drawFigure(cr, figure, view, at, style, marks, highlighted);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    ++m_draws;
    const int slotNo = m_firstSlot + (view == bodymap::View::Front ? 0 : 1);
    slot.texture = sink->upload(slotNo, cairo_image_surface_get_data(surface), width, height,
                                cairo_image_surface_get_stride(surface));
    slot.key = slot.texture ? key : std::string();
    cairo_surface_destroy(surface);
    return slot.texture;
}

void FigureRaster::forget() {
    for (Slot& s : m_slots) s.key.clear();
}

}  // namespace kiosk::ui
