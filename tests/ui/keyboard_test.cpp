// Keyboard layouts and editing rules as plain functions.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/ui/keyboard.h"

namespace kiosk::ui {
namespace {

const KeyDef& keyIn(const std::vector<std::vector<KeyDef>>& rows, const std::string& id) {
    for (const auto& r : rows)
        for (const auto& k : r)
            if (k.id == id) return k;
    static KeyDef none;
    ADD_FAILURE() << "no key " << id;
    return none;
}

bool has(const std::vector<std::vector<KeyDef>>& rows, const std::string& id) {
    for (const auto& r : rows)
        for (const auto& k : r)
            if (k.id == id) return true;
    return false;
}

TEST(UiKeyboard, TextLayoutHasSpanishLettersAndPunctuation) {
    const auto rows = keyboardRows(KeyboardLayout::Text, false);
    for (const char* k : {"ñ", "á", "é", "í", "ó", "ú", "ü", "¿", "¡", "shift", "backspace", "space", "done", "1"})
        EXPECT_TRUE(has(rows, k)) << k;
    EXPECT_FALSE(has(rows, "newline"));
    EXPECT_TRUE(has(keyboardRows(KeyboardLayout::Text, true), "newline"));
}

TEST(UiKeyboard, PhoneEmailAndNumberLayouts) {
    const auto phone = keyboardRows(KeyboardLayout::Phone, false);
    for (const char* k : {"0", "9", "-", "(", ")", "+"}) EXPECT_TRUE(has(phone, k)) << k;
    EXPECT_FALSE(has(phone, "a"));
    const auto email = keyboardRows(KeyboardLayout::Email, false);
    for (const char* k : {"@", ".", ".com", "a", "0"}) EXPECT_TRUE(has(email, k)) << k;
    EXPECT_FALSE(has(keyboardRows(KeyboardLayout::Number, false, 0), "."));
    EXPECT_TRUE(has(keyboardRows(KeyboardLayout::Number, false, 1), "."));
    EXPECT_TRUE(has(keyboardRows(KeyboardLayout::Number, false, 0, true), "-"));
}

TEST(UiKeyboard, UpperCaseOfAccentedLetters) {
    EXPECT_EQ(upperLetter("a"), "A");
    EXPECT_EQ(upperLetter("ñ"), "Ñ");
    EXPECT_EQ(upperLetter("á"), "Á");
    EXPECT_EQ(upperLetter("ü"), "Ü");
    EXPECT_EQ(upperLetter("¿"), "¿");
    EXPECT_EQ(upperLetter("@"), "@");
}

TEST(UiKeyboard, NameLayoutCapitalisesWordsAndShiftIsOneShot) {
    const auto rows = keyboardRows(KeyboardLayout::Name, false);
    KeyboardState kb;
    kb.layout = KeyboardLayout::Name;
    kb.shift = true;
    for (const char* k : {"j", "o", "s", "é", "space", "l", "u", "i", "s"}) applyKey(kb, keyIn(rows, k), 40, 0);
    EXPECT_EQ(kb.buffer, "José Luis");
    KeyboardState t;
    t.layout = KeyboardLayout::Text;
    const auto trows = keyboardRows(KeyboardLayout::Text, false);
    applyKey(t, keyIn(trows, "shift"), 40, 0);
    applyKey(t, keyIn(trows, "ñ"), 40, 0);
    applyKey(t, keyIn(trows, "a"), 40, 0);
    EXPECT_EQ(t.buffer, "Ña");
}

TEST(UiKeyboard, MaxLengthCountsCodePointsAndBackspaceRemovesOne) {
    const auto rows = keyboardRows(KeyboardLayout::Text, false);
    KeyboardState kb;
    for (int i = 0; i < 5; ++i) applyKey(kb, keyIn(rows, "ñ"), 3, 0);
    EXPECT_EQ(kb.buffer, "ñññ");
    EXPECT_EQ(codePoints(kb.buffer), 3);
    EXPECT_FALSE(applyKey(kb, keyIn(rows, "a"), 3, 0));
    applyKey(kb, keyIn(rows, "backspace"), 3, 0);
    EXPECT_EQ(kb.buffer, "ññ");
}

TEST(UiKeyboard, NumberPadRules) {
    const auto rows = keyboardRows(KeyboardLayout::Number, false, 2, true);
    KeyboardState kb;
    kb.layout = KeyboardLayout::Number;
    for (const char* k : {"0", "0", "7", ".", "2", ".", "5", "9"}) applyKey(kb, keyIn(rows, k), 24, 2);
    EXPECT_EQ(kb.buffer, "7.25");  // no leading zeros, one point, two decimals
    KeyboardState neg;
    neg.layout = KeyboardLayout::Number;
    applyKey(neg, keyIn(rows, "-"), 24, 2);
    applyKey(neg, keyIn(rows, "3"), 24, 2);
    EXPECT_FALSE(applyKey(neg, keyIn(rows, "-"), 24, 2));
    EXPECT_EQ(neg.buffer, "-3");
    EXPECT_EQ(formatNumber(7.25, 1), "7.2");
    EXPECT_EQ(formatNumber(8, 0), "8");
}

TEST(UiKeyboard, SpaceNeverLeadsOrDoubles) {
    const auto rows = keyboardRows(KeyboardLayout::Text, false);
    KeyboardState kb;
    applyKey(kb, keyIn(rows, "space"), 40, 0);
    applyKey(kb, keyIn(rows, "a"), 40, 0);
    applyKey(kb, keyIn(rows, "space"), 40, 0);
    applyKey(kb, keyIn(rows, "space"), 40, 0);
    EXPECT_EQ(kb.buffer, "a ");
}

}  // namespace
}  // namespace kiosk::ui
