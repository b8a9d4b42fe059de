// Choice layout: two or three short options share one row (a short question costs one line of
// buttons, not a column); options that would wrap stay in a column; a multi-select says "Choose
// all that apply." once, whether the form's help says it or the widget does.
#include <algorithm>

#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

int textsSaying(const WidgetRegistry& registry, const std::string& s) {
    return static_cast<int>(std::count_if(registry.texts().begin(), registry.texts().end(),
                                          [&](const TextInfo& t) { return t.text == s; }));
}

TEST_F(UiTest, ThreeShortOptionsShareOneRow) {
    start(1280, 800);
    goToPage("pain");
    const Rect a = ui->rect("item/since/weeks"), b = ui->rect("item/since/months"), c = ui->rect("item/since/years");
    EXPECT_EQ(a.y, b.y);
    EXPECT_EQ(b.y, c.y);
    EXPECT_LT(a.right(), b.x);
    EXPECT_LT(b.right(), c.x);
    EXPECT_NEAR(a.h, ui->rect("item/night_pain/yes").h, 0.01f);  // one line each: a target high, as Yes / No
    EXPECT_EQ(ui->find("item/since/years")->labelLines.size(), 1u);
}

TEST_F(UiTest, OptionsThatWouldWrapInARowStayInAColumn) {
    form->pages[1].items[2].options[2].label = tx("More than a year, and it keeps coming back every winter");
    start(1280, 800);
    goToPage("pain");
    const Rect a = ui->rect("item/since/weeks"), c = ui->rect("item/since/years");
    EXPECT_EQ(a.x, c.x);
    EXPECT_LT(a.bottom(), c.y);
}

TEST_F(UiTest, LargerTextPutsOptionsBackInAColumnWhenTheyNoLongerFitARow) {
    form->pages[1].items[2].options[1].label = tx("For several months now");
    start(1280, 800);
    goToPage("pain");
    EXPECT_EQ(ui->rect("item/since/weeks").y, ui->rect("item/since/months").y);
    ui->tap("toggle/larger_text");
    ui->frames(2);
    EXPECT_EQ(ui->rect("item/since/weeks").x, ui->rect("item/since/months").x);
    EXPECT_LT(ui->rect("item/since/weeks").y, ui->rect("item/since/months").y);
}

TEST_F(UiTest, MultiSelectSaysChooseAllThatApplyOnce) {
    const std::string hint = ui->catalog().tr("en", "ui.choose_all_that_apply");
    goToPage("pain");  // "What helps?" has no help of its own: the widget says it
    ASSERT_NE(ui->registry().findText("hint/helps"), nullptr);
    EXPECT_EQ(textsSaying(ui->registry(), hint), 1);

    forms::Item& helps = form->pages[1].items[3];
    ASSERT_EQ(helps.id, "helps");
    helps.help = tx("Choose all that apply.", "Elija todas las que correspondan.");
    ui->frames(2);
    EXPECT_EQ(ui->registry().findText("hint/helps"), nullptr);
    ASSERT_NE(ui->registry().findText("help/helps"), nullptr);
    EXPECT_EQ(textsSaying(ui->registry(), hint), 1);  // the form's, not twice
    EXPECT_LT(ui->registry().findText("help/helps")->rect.bottom(), ui->rect("item/helps/rest").y);

    // A limit is a rule, not a hint: it shows even beside the form's own help.
    helps.maxSelected = 2;
    ui->frames(2);
    ASSERT_NE(ui->registry().findText("hint/helps"), nullptr);
    EXPECT_EQ(ui->registry().findText("hint/helps")->text, "Choose up to 2.");
}

}  // namespace
}  // namespace kiosk::ui::test
