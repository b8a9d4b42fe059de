// Keyboard layouts and editing rules as plain functions; Shift's mark and label on screen.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/ui/keyboard.h"
#include "ui_fixture.h"

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

// Issue 20: patients could not type "can't" or "3/15": no ? ! ' / or -, not even with Shift.
TEST(UiKeyboard, EveryFreeTextKeyboardHasDigitsAndThePunctuationPatientsWrite) {
    for (bool multiline : {false, true}) {
        const auto rows = keyboardRows(KeyboardLayout::Text, multiline);
        for (const char* k : {"?", "!", "'", "/", "-", ",", ".", "¿", "¡", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
            EXPECT_TRUE(has(rows, k)) << k << (multiline ? " (multiline)" : "");
        for (const auto& row : rows) {
            float units = 0;
            for (const auto& k : row) units += k.units;
            EXPECT_LE(units, 10.0f) << "a row wider than the keyboard";
        }
    }
    for (const char* k : {"'", "-"}) EXPECT_TRUE(has(keyboardRows(KeyboardLayout::Name, false), k)) << k;
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

/// Vertices drawn in the left strip of @p key where Shift's arrow goes (the label is centred
/// clear of it, the rounded corners lie outside it).
int verticesInArrowStrip(const Rect& key, float em) {
    const ImDrawData* dd = ImGui::GetDrawData();
    int n = 0;
    for (int l = 0; dd && l < dd->CmdListsCount; ++l)
        for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
            if (v.pos.x > key.x + em * 0.4f && v.pos.x < key.x + em * 1.0f && v.pos.y > key.y + key.h * 0.2f &&
                v.pos.y < key.bottom() - key.h * 0.2f)
                ++n;
    return n;
}

using ShiftKeyTest = test::SizedUiTest;

TEST_P(ShiftKeyTest, ShowsItsStateByColourAndAMarkUnderAWordThatFits) {
    goToPage("notes");
    ASSERT_TRUE(ui->tap("item/comments"));  // an empty text: Shift starts on
    const WidgetInfo* on = ui->find("keyboard/shift");
    ASSERT_NE(on, nullptr);
    EXPECT_TRUE(on->selected);
    const std::string label = on->label;
    const Rect key = on->rect;
    const float em = emPx(larger());
    const int onMark = verticesInArrowStrip(key, em);
    ASSERT_TRUE(ui->tap("keyboard/shift"));
    const WidgetInfo* off = ui->find("keyboard/shift");
    EXPECT_FALSE(off->selected);
    EXPECT_EQ(off->label, label);  // the state is in the colour and the mark, not in the word
    const int offMark = verticesInArrowStrip(key, em);
    EXPECT_GT(onMark, 0) << "a mark while on";
    EXPECT_GT(offMark, 0) << "a mark while off";
    EXPECT_NE(onMark, offMark) << "filled while on, outlined while off";
    // The whole word when it fits beside the arrow, else the short one, else the arrow alone (30 px
    // text at 1280x800, Larger text); never "Mayús.".
    const std::string full = ui->catalog().tr(lang(), "ui.keyboard.shift");
    const std::string shortLabel = ui->catalog().tr(lang(), "ui.keyboard.shift_short");
    auto room = [&](const std::string& s) { return (key.w - boldWidth(s, larger())) * 0.5f - 1.25f * em; };
    EXPECT_EQ(label, room(full) >= 0 ? full : room(shortLabel) >= 0 ? shortLabel : std::string());
    EXPECT_GE(room(label), -0.5f) << label << " overlaps the arrow";
}

INSTANTIATE_TEST_SUITE_P(Ui, ShiftKeyTest,
                         ::testing::Values(test::Display{1920, 1080, false, "en"},
                                           test::Display{1920, 1080, false, "es"},
                                           test::Display{1920, 1080, true, "es"},
                                           test::Display{1280, 800, false, "es"},
                                           test::Display{1280, 800, true, "es"}));

TEST(UiKeyboard, SpanishShiftIsAWordPeopleKnow) {
    const core::Catalog c = test::loadCatalog();
    EXPECT_EQ(c.tr("es", "ui.keyboard.shift"), "Mayúsculas");
    EXPECT_EQ(c.tr("es", "ui.keyboard.shift_short"), "Mayús");
}

}  // namespace
}  // namespace kiosk::ui
