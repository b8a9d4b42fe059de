// Every item type, driven by taps and drags, produces the right answer (dates: date_picker_test.cpp).
#include "kiosk/bodymap/regions.h"

#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

TEST_F(UiTest, NameKeyboardCapitalisesEachWord) {
    goToPage("about");
    ASSERT_TRUE(ui->tap("item/first_name"));
    for (const char* k : {"a", "n", "a", "space", "m", "a", "r", "í", "a"}) ui->tap(std::string("keyboard/") + k);
    ASSERT_NE(answer<std::string>("first_name"), nullptr);
    EXPECT_EQ(*answer<std::string>("first_name"), "Ana María");
    ui->tap("keyboard/backspace");
    EXPECT_EQ(*answer<std::string>("first_name"), "Ana Marí");  // one code point, not one byte
    ui->tap("keyboard/done");
    EXPECT_FALSE(ui->exists("keyboard/a"));
}

TEST_F(UiTest, TypingThroughTheDriverUsesShiftForCapitals) {
    goToPage("notes");
    ui->type("comments", "Me duele la ESPALDA\nDesde ayer");
    ASSERT_NE(answer<std::string>("comments"), nullptr);
    EXPECT_EQ(*answer<std::string>("comments"), "Me duele la ESPALDA\nDesde ayer");
}

TEST_F(UiTest, ClearingTheLastCharacterClearsTheAnswer) {
    goToPage("about");
    ui->type("first_name", "Jo");
    ui->tap("item/first_name");
    ui->tap("keyboard/backspace");
    ui->tap("keyboard/backspace");
    EXPECT_EQ(session.answers.count("first_name"), 0u);
    EXPECT_NE(lastOf<session::ClearAnswer>(ui->actions()), nullptr);
}

TEST_F(UiTest, PhonePadTypesDigitsAndSymbols) {
    goToPage("about");
    ui->type("phone", "+34(91)555-0101");
    ASSERT_NE(answer<std::string>("phone"), nullptr);
    EXPECT_EQ(*answer<std::string>("phone"), "+34(91)555-0101");
    ASSERT_TRUE(ui->tap("item/phone"));
    EXPECT_FALSE(ui->exists("keyboard/a"));  // digits only
}

TEST_F(UiTest, EmailKeyboardHasAtAndDotCom) {
    goToPage("about");
    ASSERT_TRUE(ui->tap("item/email"));
    for (const char* k : {"a", "n", "a", "@", "m", "a", "i", "l", ".com"}) ui->tap(std::string("keyboard/") + k);
    ASSERT_NE(answer<std::string>("email"), nullptr);
    EXPECT_EQ(*answer<std::string>("email"), "ana@mail.com");
}

TEST_F(UiTest, ScaleHasElevenTargetsWithEndLabels) {
    goToPage("pain");
    for (int v = 0; v <= 10; ++v) EXPECT_TRUE(ui->exists("item/pain_now/" + std::to_string(v))) << v;
    EXPECT_FALSE(ui->exists("item/pain_now/11"));
    ui->tap("item/pain_now/7");
    ASSERT_NE(answer<double>("pain_now"), nullptr);
    EXPECT_EQ(*answer<double>("pain_now"), 7.0);
    ui->frame();
    EXPECT_TRUE(ui->find("item/pain_now/7")->selected);
    EXPECT_FALSE(ui->find("item/pain_now/6")->selected);
    // all eleven on one row, left to right
    EXPECT_EQ(ui->rect("item/pain_now/0").y, ui->rect("item/pain_now/10").y);
    EXPECT_LT(ui->rect("item/pain_now/0").x, ui->rect("item/pain_now/10").x);
}

TEST_F(UiTest, YesNoAndSingleChoice) {
    goToPage("pain");
    ui->tap("item/night_pain/no");
    ASSERT_NE(answer<bool>("night_pain"), nullptr);
    EXPECT_FALSE(*answer<bool>("night_pain"));
    ui->tap("item/night_pain/yes");
    EXPECT_TRUE(*answer<bool>("night_pain"));
    ui->tap("item/since/months");
    EXPECT_EQ(*answer<std::string>("since"), "months");
    ui->tap("item/since/months");  // a second tap keeps the choice
    EXPECT_EQ(*answer<std::string>("since"), "months");
    ui->tap("item/since/years");
    EXPECT_EQ(*answer<std::string>("since"), "years");
}

TEST_F(UiTest, MultiSelectWithExclusiveNone) {
    goToPage("pain");
    using V = std::vector<std::string>;
    ui->tap("item/helps/heat");
    ui->tap("item/helps/rest");
    EXPECT_EQ(*answer<V>("helps"), (V{"rest", "heat"}));  // form order
    ui->tap("item/helps/none");
    EXPECT_EQ(*answer<V>("helps"), (V{"none"}));
    ui->tap("item/helps/cold");
    EXPECT_EQ(*answer<V>("helps"), (V{"cold"}));
    ui->tap("item/helps/cold");
    EXPECT_EQ(session.answers.count("helps"), 0u);
}

TEST_F(UiTest, NumberUnitStandsBesideTheFieldEvenWhenEmpty) {
    goToPage("more");
    ASSERT_EQ(session.answers.count("sleep_hours"), 0u);
    const TextInfo* unit = ui->registry().findText("unit/sleep_hours");
    ASSERT_NE(unit, nullptr);
    EXPECT_EQ(unit->text, "hours");
    const Rect field = ui->rect("item/sleep_hours"), plus = ui->rect("item/sleep_hours/plus");
    EXPECT_GE(unit->rect.x, field.right());  // between the field and "+", on the field's line
    EXPECT_LE(unit->rect.right(), plus.x);
    EXPECT_GT(unit->rect.y + unit->rect.h * 0.5f, field.y);
    EXPECT_LT(unit->rect.y + unit->rect.h * 0.5f, field.bottom());
    EXPECT_EQ(ui->find("item/sleep_hours")->label, "Tap here to type");  // as on every field
    session.lang = "es";
    ui->frames(2);
    EXPECT_EQ(ui->registry().findText("unit/sleep_hours")->text, "horas");
}

// Issue 20: the first tap of + or - jumped to the middle (8.0 hours) whichever was tapped. It moves
// one step from the middle in the direction tapped.
TEST_F(UiTest, NumberSteppersStartFromTheMiddleTowardTheTap) {
    goToPage("more");
    ui->tap("item/sleep_hours/plus");  // 0..24: one step up from 12, not 0 and not 12 itself
    EXPECT_EQ(*answer<double>("sleep_hours"), 12.5);
    ui->tap("item/sleep_hours/plus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 13.0);
    session.answers.erase("sleep_hours");
    ui->tap("item/sleep_hours/minus");  // minus from empty goes down from there
    EXPECT_EQ(*answer<double>("sleep_hours"), 11.5);
    for (int i = 0; i < 8; ++i) ui->tap("item/sleep_hours/minus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 7.5);  // 9 taps from empty, not 15
    session.answers["sleep_hours"] = 0.5;
    ui->tap("item/sleep_hours/minus");
    ui->tap("item/sleep_hours/minus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 0.0);  // clamped at min
}

TEST_F(UiTest, NumberStepperStartOnTheStepAndWithOneBound) {
    form->pages[2].items[0].max = 15;  // 0..15 by 0.5: from 7.5
    goToPage("more");
    ui->tap("item/sleep_hours/minus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 7.0);
    form->pages[2].items[0].min = 3;
    form->pages[2].items[0].max.reset();  // only a minimum: from there
    session.answers.erase("sleep_hours");
    ui->tap("item/sleep_hours/minus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 3.0) << "never below the minimum";
    session.answers.erase("sleep_hours");
    ui->tap("item/sleep_hours/plus");
    EXPECT_EQ(*answer<double>("sleep_hours"), 3.5);
}

TEST_F(UiTest, NumberByPad) {
    goToPage("more");
    session.answers["sleep_hours"] = 0.0;
    ui->tap("item/sleep_hours");  // the pad starts from the current value, "0.0"
    for (int i = 0; i < 3; ++i) ui->tap("keyboard/backspace");
    EXPECT_EQ(session.answers.count("sleep_hours"), 0u);
    for (const char* k : {"7", ".", "5", ".", "5"}) ui->tap(std::string("keyboard/") + k);  // 2nd "." and 2nd decimal refused
    EXPECT_EQ(*answer<double>("sleep_hours"), 7.5);
    EXPECT_FALSE(ui->exists("keyboard/a"));
    ui->tap("keyboard/done");
    ui->frame();
    EXPECT_EQ(ui->find("item/sleep_hours")->label, "7.5");
    EXPECT_EQ(ui->registry().findText("unit/sleep_hours")->text, "hours");
}

// Issue 20: Spanish showed "7.5" in the field but "7,5" on the review: one format per language.
TEST_F(UiTest, SpanishWritesDecimalsWithACommaInTheFieldAndOnThePad) {
    session.lang = "es";
    goToPage("more");
    ui->tap("item/sleep_hours");
    EXPECT_EQ(ui->find("keyboard/.")->label, ",");
    for (const char* k : {"7", ".", "5"}) ui->tap(std::string("keyboard/") + k);
    EXPECT_EQ(*answer<double>("sleep_hours"), 7.5);
    EXPECT_EQ(ui->find("item/sleep_hours")->label, "7,5") << "while typing";
    ui->tap("keyboard/done");
    ui->frame();
    EXPECT_EQ(ui->find("item/sleep_hours")->label, "7,5");
    session.lang = "en";
    ui->frames(2);
    EXPECT_EQ(ui->find("item/sleep_hours")->label, "7.5");
}

TEST_F(UiTest, MatrixRowsAreLinesOfOptions) {
    goToPage("more");
    ui->tap("item/mood/interest/1");
    ui->tap("item/mood/down/2");
    ui->tap("item/mood/interest/0");
    const auto* m = answer<forms::MatrixAnswer>("mood");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(*m, (forms::MatrixAnswer{{"interest", "0"}, {"down", "2"}}));
    EXPECT_EQ(ui->rect("item/mood/interest/0").y, ui->rect("item/mood/interest/2").y);
    EXPECT_LT(ui->rect("item/mood/interest/0").y, ui->rect("item/mood/down/0").y);
}

TEST_F(UiTest, ConsentIsABigAgreeToggle) {
    goToPage("more");
    ui->tap("item/consent/agree");
    EXPECT_TRUE(*answer<bool>("consent"));
    ui->frame();
    EXPECT_TRUE(ui->find("item/consent/agree")->selected);
    ui->tap("item/consent/agree");
    EXPECT_EQ(session.answers.count("consent"), 0u);
}

TEST_F(UiTest, SignatureStrokesAreNormalisedVectorsAndDoNotScroll) {
    goToPage("more");
    ASSERT_TRUE(ui->scrollIntoView("item/signature/pad"));
    const Rect pad = ui->rect("item/signature/pad");
    ui->drag(pad.x + pad.w * 0.1f, pad.y + pad.h * 0.5f, pad.x + pad.w * 0.9f, pad.y + pad.h * 0.2f, 8);
    const auto* sig = answer<forms::Signature>("signature");
    ASSERT_NE(sig, nullptr);
    ASSERT_EQ(sig->strokes.size(), 1u);
    const auto& s = sig->strokes[0];
    ASSERT_GE(s.size(), 5u);
    EXPECT_NEAR(s.front().x, 0.1f, 0.01f);
    EXPECT_NEAR(s.front().y, 0.5f, 0.01f);
    EXPECT_NEAR(s.back().x, 0.9f, 0.01f);
    EXPECT_NEAR(s.back().y, 0.2f, 0.01f);
    EXPECT_EQ(ui->rect("item/signature/pad").y, pad.y);  // drawing did not scroll the page
    ui->drag(pad.x + pad.w * 0.5f, pad.y + pad.h * 0.3f, pad.x + pad.w * 0.5f, pad.y + pad.h * 0.8f, 4);
    EXPECT_EQ(answer<forms::Signature>("signature")->strokes.size(), 2u);
    ui->tap("item/signature/clear");  // redo = clear and sign again
    EXPECT_EQ(session.answers.count("signature"), 0u);
}

TEST_F(UiTest, BodyMapListMarksRefinesAndClears) {
    goToPage("body");
    ASSERT_FALSE(bodymap::regions().empty());
    const std::string region(bodymap::regions().front().id);
    const std::string base = "item/pain_map/" + region;
    ui->tap(base);
    const auto* m = answer<forms::BodyMapAnswer>("pain_map");
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->size(), 1u);
    EXPECT_EQ((*m)[0].region, region);
    ui->tap(base + "/intensity/6");
    ui->tap(base + "/kind/burning");
    m = answer<forms::BodyMapAnswer>("pain_map");
    EXPECT_EQ((*m)[0].intensity, 6);
    EXPECT_EQ((*m)[0].kinds, (std::vector<std::string>{"burning"}));
    ui->tap(base);  // tapped again: still marked, its details kept (only Clear clears)
    m = answer<forms::BodyMapAnswer>("pain_map");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ((*m)[0], (forms::BodyMark{region, 6, {"burning"}}));
    ui->tap(base + "/remove");
    EXPECT_EQ(session.answers.count("pain_map"), 0u);
    ui->tap("item/pain_map/undo");  // and it comes back with everything the patient said
    m = answer<forms::BodyMapAnswer>("pain_map");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ((*m)[0], (forms::BodyMark{region, 6, {"burning"}}));
}

TEST_F(UiTest, EveryRegionHasAToggle) {
    goToPage("body");
    for (const auto& r : bodymap::regions())
        EXPECT_TRUE(ui->exists("item/pain_map/" + std::string(r.id))) << r.id;
}

}  // namespace
}  // namespace kiosk::ui::test
