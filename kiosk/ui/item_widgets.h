#pragma once
// One drawing function per item type. Each draws at the cursor within a width, registers its
// targets as "item/<item id>/..." and sends SetAnswer / ClearAnswer; none of them keeps answers.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/forms/model.h"
#include "kiosk/session/view_model.h"
#include "kiosk/ui/frame.h"

namespace kiosk::ui {

/// The question (or info text), its help, its error right under it, then the control.
void drawItem(Frame& f, const session::ItemView& iv, float width);

// Choices (choice_widgets.cpp)
void drawSingle(Frame& f, const session::ItemView& iv, float width);
void drawMulti(Frame& f, const session::ItemView& iv, float width);
void drawYesNo(Frame& f, const session::ItemView& iv, float width);
void drawScale(Frame& f, const session::ItemView& iv, float width);
/// The scale's row of numbered buttons lo..hi (11 per row) with end labels under the first and
/// last, keys "<keyBase>/<value>"; scale items and the body map's intensity both use it. Returns
/// the value tapped this frame.
std::optional<int> scaleRow(Frame& f, const std::string& keyBase, int lo, int hi, std::optional<int> current,
                            std::string_view minLabel, std::string_view maxLabel, float width);
void drawMatrix(Frame& f, const session::ItemView& iv, float width);
void drawConsent(Frame& f, const session::ItemView& iv, float width);
// Entry (entry_widgets.cpp, date_picker.cpp)
void drawTextField(Frame& f, const session::ItemView& iv, float width);
void drawNumber(Frame& f, const session::ItemView& iv, float width);
void drawDate(Frame& f, const session::ItemView& iv, float width);
/// A repeating number or date (repeat_widgets.cpp): one value at a time, "Add another", the list.
void drawRepeats(Frame& f, const session::ItemView& iv, float width);
/// A list item (list_widgets.cpp): a card per entry with the fields, Remove, "Add another".
void drawList(Frame& f, const session::ItemView& iv, float width);
/// The key a list field's widgets answer under on entry @p entry's card: "<list>.<entry>.<field>".
std::string listFieldKey(const forms::Item& list, int entry, const forms::Item& field);
/// Turns the answers sent since @p from under a list field's key into the list's own (SetAnswer /
/// ClearAnswer with the entry as slot and the field); called once the page (and keyboard) is drawn.
void routeListAnswers(ActionSink& out, std::size_t from);
// Drawing (signature_pad.cpp; body_map*.cpp: the figure, or the list behind "Show as a list")
void drawSignature(Frame& f, const session::ItemView& iv, float width);
void drawBodyMap(Frame& f, const session::ItemView& iv, float width);

/// The answer as @p T, or nullptr (unanswered or another type).
template <class T>
const T* answerAs(const session::ItemView& iv) {
    return iv.answer ? std::get_if<T>(iv.answer) : nullptr;
}

/// Multi-select toggle rule: exclusive options ("none of these") clear the others and vice versa.
std::vector<std::string> toggleMulti(const forms::Item& item, std::vector<std::string> chosen,
                                     const std::string& value);

}  // namespace kiosk::ui
