#pragma once
// The body-map item's pieces shared by the drawn figure (body_map_figure.cpp) and the list behind
// "Show as a list" (body_map_list.cpp): names, the action of choosing a region, and the side
// column (body_map_panel.cpp) with the intensity panel, Undo, Clear all and the marked areas.
// A region is never cleared by a tap on it: only "Clear" in its panel (with Undo) or "Clear all"
// (after a question) removes marks.
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/bodymap/draw_figure.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"
#include "kiosk/ui/frame.h"

namespace kiosk::ui {

/// Plain-words name of a region ("Lower back, left side"); a readable id if the key is missing.
std::string regionName(const Frame& f, std::string_view id);
/// "Lower back, left side: 7, aching" for the list of marked areas.
std::string markSummary(const Frame& f, const forms::Item& item, const forms::BodyMark& mark);
bool asksDetail(const forms::Item& item, forms::BodyDetail d);
/// SetAnswer with @p marks, or ClearAnswer when none are left.
void sendMarks(Frame& f, const forms::Item& item, forms::BodyMapAnswer marks);
/// A tap meant @p region: it is marked (when it was not) and its panel opens (when the item asks
/// for detail or it is marked). A pending choice, question or undo is dropped.
void chooseRegion(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, std::string_view region);

/// Closes the panel of a region no longer marked (cleared on the review screen, or by a reset).
/// Called before this frame's taps: a region chosen by one of them is marked only next frame.
void dropStaleFocus(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks);

/// After drawing a panel that has just opened (BodyMapUi::scrollToPanel) from @p topContentY /
/// @p topScreenY to @p bottomScreenY: scrolls the page so that it shows, when it does not yet.
void revealPanel(Frame& f, const forms::Item& item, float topContentY, float topScreenY, float bottomScreenY);

/// The panel of the region in focus: its name, how strong (the scale row), what it feels like,
/// Clear and Done. Keys "item/<item>/<region>/intensity/<n>", ".../kind/<kind>", ".../remove",
/// ".../done". Draws nothing when no marked region is in focus.
void drawMarkPanel(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width);
/// "Lower back, left side was cleared. [Undo]" while the last cleared mark can come back.
void drawUndoLine(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width);

/// @brief The column beside (or under) the figure: the ambiguity question, the Clear all question,
///        the panel or the undo line and a hint, then the marked areas (each row opens its panel),
///        the intensity legend, Clear all and Show as a list.
void drawBodySide(Frame& f, const forms::Item& item, const forms::BodyMapAnswer& marks, float width);

/// @brief The figure with @p marks, front and back side by side (each titled, with the patient's
///        right and left), read-only, at the cursor, @p width wide and at most @p maxHeight tall:
///        the staff desk's record. Registers "<key>/front" and "<key>/back". Returns the size
///        drawn; nothing (0 x 0) without a figure (f.bodyFigure).
ImVec2 drawFigureReadOnly(Frame& f, const std::string& key, const std::vector<bodymap::FigureMark>& marks, float width,
                          float maxHeight);

/// The list form (body_map_list.cpp), with "Show the drawing" when a figure is loaded.
void drawBodyMapList(Frame& f, const session::ItemView& iv, float width);

}  // namespace kiosk::ui
