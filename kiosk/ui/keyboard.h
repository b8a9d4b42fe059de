#pragma once
// On-screen keyboards: letters with Spanish accents, digits and the punctuation patients write
// (' - ? ! , . / ¿ ¡), names (capitalised), phone, email and the number pad. The layouts and the editing rules are plain functions (unit-tested); the panel draws
// them as big keys and sends SetAnswer/ClearAnswer on every key, so nothing typed is ever lost.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/frame.h"

namespace kiosk::ui {

/// @brief One key: id is the registry suffix ("a", "ñ", "space", "backspace", "shift", "done").
struct KeyDef {
    enum class Type { Char, Shift, Backspace, Space, NewLine, Done };
    std::string id;
    std::string text;   ///< what a Char key inserts (lower case); ".com" inserts all of it
    Type type = Type::Char;
    float units = 1.0f; ///< width in key widths
};

/// The rows of @p layout (columns() keys wide). Number pads offer "." only when @p decimals > 0
/// and "-" only when @p allowNegative.
std::vector<std::vector<KeyDef>> keyboardRows(KeyboardLayout layout, bool multiline, int decimals = 0,
                                              bool allowNegative = false);
/// Keys per full row: 10 for letters, 3 for pads.
int keyboardColumns(KeyboardLayout layout);

/// @brief Where one key of a keyboard goes: its top-left and width (its height is the row's).
struct KeySlot {
    const KeyDef* key;
    float x, y, w;
};
/// Lays @p rows out from (@p left, @p top), each row centred in @p gridW: @p unit px per key unit,
/// the theme's gap between keys and rows, rows @p rowH high. Shared by every on-screen keyboard.
std::vector<KeySlot> placeKeys(const Frame& f, const std::vector<std::vector<KeyDef>>& rows, float left, float top,
                               float gridW, float unit, float rowH);

/// Upper-case form of one UTF-8 letter (ASCII and Latin-1: á -> Á, ñ -> Ñ); others unchanged.
std::string upperLetter(std::string_view letter);
/// Number of code points in UTF-8 @p s.
int codePoints(std::string_view s);
/// Removes the last code point.
void popCodePoint(std::string& s);

/// Applies @p key to @p kb (insert, shift, backspace, space, new line) within @p maxLength code
/// points and the pad's number rules; returns false when the key changed nothing.
bool applyKey(KeyboardState& kb, const KeyDef& key, int maxLength, int decimals);

/// The layout for a text / number item.
KeyboardLayout layoutFor(const forms::Item& item);
/// Opens the keyboard for @p item, starting from its answer (if any).
void openKeyboard(UiState& state, const forms::Item& item, const forms::Answer* answer);
/// Number formatting shared by the field and the pad ("72.5"): the answer's own form, always '.'.
std::string formatNumber(double v, int decimals);
/// @p number ("7.5") as the patient's language writes it ("7,5"): the decimal separator of the
/// session catalogue (number.decimal_separator), the one the review uses.
std::string localNumber(const Frame& f, std::string number);

/// Height of the keyboard panel for @p item (the open layout).
float keyboardPanelHeight(const Frame& f, const forms::Item& item);
/// Draws the panel (question, what was typed, keys) at the cursor; sends answers as keys are tapped.
void drawKeyboardPanel(Frame& f, const forms::Item& item, float width);

}  // namespace kiosk::ui
