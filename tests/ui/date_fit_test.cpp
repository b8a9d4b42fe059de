// The date-of-birth page of forms/intake.yaml fits the screen (UX.md: "nothing needs scrolling at
// 1280x800 unless the list is long"): with normal text, every button of the date picker lies wholly
// inside the visible scroll area, before a decade is opened, after it is opened and after a year is
// picked (and with the note about a day the month lacks), at 1280x800 and 1920x1080, in English and Spanish.
#include <string>

#include "intake_e2e_fixture.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

class DateFitTest : public IntakeE2e, public ::testing::WithParamInterface<Display> {
protected:
    void SetUp() override {
        IntakeE2e::SetUp();
        const Display d = GetParam();
        startUi(static_cast<float>(d.w), static_cast<float>(d.h));
        startIntake(d.lang);
        advanceTo("birth", Patient{});
        ASSERT_EQ(pageId(), "birth");
        ui->frames(2);
    }

    /// Every widget of the date item is drawn whole inside the scroll area, above the Back / Next bar.
    void expectAllVisible(const std::string& when) {
        ui->frames(2);
        const float navTop = ui->rect("back").y;
        int n = 0;
        for (const WidgetInfo* w : ui->registry().withPrefix(kItem)) {
            ++n;
            EXPECT_NEAR(w->visible.w, w->rect.w, 0.5f) << when << ": " << w->key << " cut at the side";
            EXPECT_NEAR(w->visible.h, w->rect.h, 0.5f)
                << when << ": " << w->key << " cut off (scrolling needed)";
            EXPECT_GE(w->rect.y, 0.0f) << when << ": " << w->key;
            EXPECT_LT(w->rect.bottom(), navTop) << when << ": " << w->key << " under the bottom bar";
            EXPECT_LE(w->rect.right(), ui->width()) << when << ": " << w->key;
        }
        EXPECT_GE(n, 31 + 12 + 11) << when;  // days, months, and decades or years
    }
    static constexpr const char* kItem = "item/date_of_birth/";
};

TEST_P(DateFitTest, TheWholePickerShowsWithoutScrolling) {
    expectAllVisible("decades");
    const int year = pickerYear() - 69;
    const std::string decade = std::to_string(year / 10 * 10);
    ASSERT_TRUE(ui->tap(std::string(kItem) + "decade/" + decade));
    ASSERT_TRUE(ui->exists(std::string(kItem) + "year/" + std::to_string(year)));
    expectAllVisible("years of the " + decade + "s");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "year/" + std::to_string(year)));
    ASSERT_TRUE(ui->tap(std::string(kItem) + "day/14"));
    ASSERT_TRUE(ui->tap(std::string(kItem) + "month/3"));
    expectAllVisible("a whole date picked");
    ASSERT_NE(answer<forms::Date>("date_of_birth"), nullptr);
    EXPECT_EQ(*answer<forms::Date>("date_of_birth"), (forms::Date{year, 3, 14}));
    // A day the month lacks: the explanation shows too, and everything still fits.
    ASSERT_TRUE(ui->tap(std::string(kItem) + "day/31"));
    ASSERT_TRUE(ui->tap(std::string(kItem) + "month/2"));
    expectAllVisible("a day February lacks");
    const TextInfo* notice = ui->registry().findText("notice/date_of_birth");
    ASSERT_NE(notice, nullptr);
    EXPECT_LT(notice->rect.bottom(), ui->rect("back").y);
}

INSTANTIATE_TEST_SUITE_P(Ui, DateFitTest, kioskDisplays(), displayName);

}  // namespace
}  // namespace kiosk::ui::test
