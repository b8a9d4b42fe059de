// The date-of-birth page of forms/intake.yaml fits the screen (UX.md: "nothing needs scrolling at
// 1280x800 unless the list is long"; issue 20: "with Larger text the date picker fits whole"): every
// button of the date picker lies wholly inside the visible scroll area, before a decade is opened,
// after it is opened and after a year is picked (and with the note about a day the month lacks), at
// 1280x800 and 1920x1080, in English and Spanish, with and without Larger text. Where the three
// sections do not fit at once, the picker shows one at a time (its tabs: "item/<id>/step/...").
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
        // All at once: days, months, and decades or years; in steps: the tabs and one section.
        EXPECT_GE(n, steps() ? 3 + 11 : 31 + 12 + 11) << when;
    }
    bool steps() const { return ui->exists(std::string(kItem) + "step/day"); }
    /// Opens @p section when the picker shows one at a time (else it is there already).
    void show(const std::string& section) {
        if (steps()) {
            ASSERT_TRUE(ui->tap(std::string(kItem) + "step/" + section));
        }
    }
    static constexpr const char* kItem = "item/date_of_birth/";
};

TEST_P(DateFitTest, TheWholePickerShowsWithoutScrolling) {
    if (GetParam().larger) {
        ASSERT_TRUE(ui->tap("toggle/larger_text"));
    }
    expectAllVisible("days");
    const int year = pickerYear() - 69;
    const std::string decade = std::to_string(year / 10 * 10);
    show("year");
    expectAllVisible("decades");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "decade/" + decade));
    ASSERT_TRUE(ui->exists(std::string(kItem) + "year/" + std::to_string(year)));
    expectAllVisible("years of the " + decade + "s");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "year/" + std::to_string(year)));
    show("day");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "day/14"));
    show("month");
    expectAllVisible("months");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "month/3"));
    expectAllVisible("a whole date picked");
    ASSERT_NE(answer<forms::Date>("date_of_birth"), nullptr);
    EXPECT_EQ(*answer<forms::Date>("date_of_birth"), (forms::Date{year, 3, 14}));
    // A day the month lacks: the explanation shows too, and everything still fits.
    show("day");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "day/31"));
    show("month");
    ASSERT_TRUE(ui->tap(std::string(kItem) + "month/2"));
    expectAllVisible("a day February lacks");
    const TextInfo* notice = ui->registry().findText("notice/date_of_birth");
    ASSERT_NE(notice, nullptr);
    EXPECT_LT(notice->rect.bottom(), ui->rect("back").y);
}

// The kiosk's two reference screens in both languages, and 1280x800 with Larger text (issue 20).
INSTANTIATE_TEST_SUITE_P(Ui, DateFitTest,
                         ::testing::Values(Display{1280, 800, false, "en"}, Display{1280, 800, false, "es"},
                                           Display{1920, 1080, false, "en"}, Display{1920, 1080, false, "es"},
                                           Display{1280, 800, true, "en"}, Display{1280, 800, true, "es"},
                                           Display{1920, 1080, true, "es"}),
                         displayName);


}  // namespace
}  // namespace kiosk::ui::test
