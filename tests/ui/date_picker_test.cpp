// The date picker (kiosk/ui/date_picker.cpp): a day grid, month names, decade then year; few taps,
// no jumps, days a month lacks explained, and month names whole at every size.
#include "kiosk/core/clock.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

/// The machine's year, as the picker counts by default (UiOptions::clock unset).
int thisYear() { return core::systemClock().localToday().year; }

/// New Year's Day 2032 in the kiosk's time zone, while UTC still says 2031.
const core::FixedClock kNewYear2032(*core::parseUtcIso("2031-12-31T23:30:00Z"), {}, core::CalendarDay{2032, 1, 1});

class DateTest : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        goToPage("about");
    }
    int taps = 0;
    void tap(const std::string& suffix) {
        ASSERT_TRUE(ui->tap("item/dob/" + suffix)) << suffix;
        ++taps;
    }
    const forms::Date* dob() const { return answer<forms::Date>("dob"); }
};

TEST_F(DateTest, FifteenthOfMarch1948TakesFourTaps) {
    tap("day/15");
    tap("month/3");
    tap("decade/1940");
    EXPECT_EQ(dob(), nullptr);  // nothing until day, month and year are all set
    tap("year/1948");
    ASSERT_NE(dob(), nullptr);
    EXPECT_EQ(*dob(), (forms::Date{1948, 3, 15}));
    EXPECT_LE(taps, 6);
    ui->frame();
    EXPECT_TRUE(ui->find("item/dob/day/15")->selected);
    EXPECT_FALSE(ui->find("item/dob/day/16")->selected);
    EXPECT_EQ(ui->find("item/dob/month/3")->label, "March");
    EXPECT_TRUE(ui->find("item/dob/month/3")->selected);
    EXPECT_TRUE(ui->find("item/dob/year/1948")->selected);
}

TEST_F(DateTest, EveryDayIsOneTapOnAGridOfSevenColumns) {
    for (int d = 1; d <= 31; ++d) ASSERT_TRUE(ui->exists("item/dob/day/" + std::to_string(d))) << d;
    EXPECT_FALSE(ui->exists("item/dob/day/32"));
    EXPECT_FALSE(ui->exists("item/dob/day/plus"));
    EXPECT_EQ(ui->rect("item/dob/day/1").y, ui->rect("item/dob/day/7").y);
    EXPECT_GT(ui->rect("item/dob/day/8").y, ui->rect("item/dob/day/7").y);
    EXPECT_EQ(ui->rect("item/dob/day/8").x, ui->rect("item/dob/day/1").x);
    tap("month/1");
    tap("decade/1950");
    tap("year/1952");
    tap("day/28");
    EXPECT_EQ(dob()->day, 28);
    tap("day/3");  // another day replaces it: no stepping, no wrapping
    EXPECT_EQ(dob()->day, 3);
}

TEST_F(DateTest, ADecadeOpensItsYearsWithoutChoosingOne) {
    const int first = (thisYear() - 110) / 10 * 10;
    EXPECT_TRUE(ui->exists("item/dob/decade/" + std::to_string(first)));
    EXPECT_TRUE(ui->exists("item/dob/decade/" + std::to_string(thisYear() / 10 * 10)));
    EXPECT_FALSE(ui->exists("item/dob/decade/" + std::to_string(thisYear() / 10 * 10 + 10)));  // past only
    EXPECT_EQ(ui->find("item/dob/decade/1940")->label, "1940s");
    tap("day/2");
    tap("month/6");
    tap("decade/1940");
    EXPECT_EQ(dob(), nullptr);  // no year picked for the patient
    for (int y = 1940; y <= 1949; ++y) EXPECT_TRUE(ui->exists("item/dob/year/" + std::to_string(y))) << y;
    EXPECT_FALSE(ui->exists("item/dob/year/1950"));
    EXPECT_FALSE(ui->exists("item/dob/decade/1950"));
    tap("year/1947");
    EXPECT_EQ(dob()->year, 1947);
    // Back to the decades: the chosen year stays, its decade shows as chosen.
    tap("decades");
    EXPECT_EQ(dob()->year, 1947);
    EXPECT_TRUE(ui->find("item/dob/decade/1940")->selected);
    EXPECT_FALSE(ui->find("item/dob/decade/1950")->selected);
    tap("decade/1950");
    EXPECT_EQ(dob()->year, 1947);  // opening another decade changes nothing yet
    tap("year/1951");
    EXPECT_EQ(dob()->year, 1951);
}

TEST_F(DateTest, TheCurrentDecadeShowsNoFutureYears) {
    tap("decade/" + std::to_string(thisYear() / 10 * 10));
    EXPECT_TRUE(ui->exists("item/dob/year/" + std::to_string(thisYear())));
    EXPECT_FALSE(ui->exists("item/dob/year/" + std::to_string(thisYear() + 1)));
}

TEST_F(DateTest, TheYearsFollowTheInjectedClocksLocalDay) {
    UiOptions options;
    options.clock = &kNewYear2032;
    start(1920, 1080, options);
    goToPage("about");
    EXPECT_TRUE(ui->exists("item/dob/decade/2030"));
    EXPECT_FALSE(ui->exists("item/dob/decade/2040"));
    EXPECT_TRUE(ui->exists("item/dob/decade/1920")) << "110 years back: 1922";
    EXPECT_FALSE(ui->exists("item/dob/decade/1910"));
    tap("decade/2030");
    EXPECT_TRUE(ui->exists("item/dob/year/2032")) << "the local day, not the UTC one";
    EXPECT_FALSE(ui->exists("item/dob/year/2033"));
}

TEST_F(DateTest, DaysTheMonthLacksLookDisabledAndExplainWhenTapped) {
    tap("month/4");
    ui->frame();
    EXPECT_TRUE(ui->find("item/dob/day/31")->dimmed);
    EXPECT_TRUE(ui->find("item/dob/day/31")->enabled);  // still tappable: it explains itself
    EXPECT_FALSE(ui->find("item/dob/day/30")->dimmed);
    EXPECT_EQ(ui->registry().findText("notice/dob"), nullptr);
    tap("decade/1960");
    tap("year/1961");
    tap("day/31");
    EXPECT_EQ(dob(), nullptr);
    EXPECT_FALSE(ui->find("item/dob/day/31")->selected);
    ASSERT_NE(ui->registry().findText("notice/dob"), nullptr);
    EXPECT_EQ(ui->registry().findText("notice/dob")->text,
              "April has only 30 days.");  // short: it sits in the free cells after 31
    tap("day/30");
    EXPECT_EQ(*dob(), (forms::Date{1961, 4, 30}));
    ui->frame();
    EXPECT_EQ(ui->registry().findText("notice/dob"), nullptr);
}

TEST_F(DateTest, AMonthWithoutTheChosenDayClearsTheDayAndSaysSo) {
    tap("day/31");
    tap("month/1");
    tap("decade/1940");
    tap("year/1948");
    ASSERT_NE(dob(), nullptr);
    tap("month/2");  // 1948 is a leap year: 29 days
    EXPECT_EQ(dob(), nullptr);  // not quietly moved to another day
    EXPECT_NE(lastOf<session::ClearAnswer>(ui->actions()), nullptr);
    ASSERT_NE(ui->registry().findText("notice/dob"), nullptr);
    EXPECT_EQ(ui->registry().findText("notice/dob")->text,
              "February has only 29 days.");
    EXPECT_TRUE(ui->find("item/dob/day/30")->dimmed);
    EXPECT_FALSE(ui->find("item/dob/day/29")->dimmed);
    tap("day/29");
    EXPECT_EQ(*dob(), (forms::Date{1948, 2, 29}));
    tap("year/1947");  // not a leap year: the 29th goes too
    EXPECT_EQ(dob(), nullptr);
    EXPECT_TRUE(ui->find("item/dob/day/29")->dimmed);
}

TEST_F(DateTest, AStoredAnswerOpensOnItsDecade) {
    session.answers["dob"] = forms::Date{1948, 3, 15};
    ui->view().wipe();
    ui->frames(2);
    EXPECT_TRUE(ui->find("item/dob/year/1948")->selected);
    EXPECT_TRUE(ui->find("item/dob/day/15")->selected);
    EXPECT_TRUE(ui->find("item/dob/month/3")->selected);
}

// With larger text on a small screen the sections do not all fit: after a month is picked, the year
// section (still empty) is brought into view, whole, without dragging.
TEST_F(DateTest, LargerTextAtSmallSizeScrollsToTheYearAfterTheMonth) {
    start(1280, 800);
    ui->tap("toggle/larger_text");
    goToPage("about");
    tap("day/15");
    tap("month/3");
    ui->frames(2);
    const WidgetInfo* decade = ui->find("item/dob/decade/1940");
    ASSERT_NE(decade, nullptr);
    EXPECT_NEAR(decade->visible.h, decade->rect.h, 0.5f);
    const WidgetInfo* last = ui->registry().withPrefix("item/dob/decade/").back();
    EXPECT_NEAR(last->visible.h, last->rect.h, 0.5f) << last->key;
}

// Month names and year buttons never break mid-word: as many columns as the longest fits.
using DateSizesTest = SizedUiTest;

TEST_P(DateSizesTest, LabelsFitTheirButtonsOnOneLine) {
    goToPage("about");
    const float em = emPx(larger());
    const float pad = 0.6f * em, mark = 1.4f * em;  // Theme::padEm, the radio mark of button()
    auto fits = [&](const std::string& key) {
        const WidgetInfo* wi = ui->find(key);
        ASSERT_NE(wi, nullptr) << key;
        EXPECT_GE(wi->rect.w, boldWidth(wi->label, larger()) + 2 * pad + mark) << key << " \"" << wi->label << "\"";
        EXPECT_LE(wi->rect.right(), ui->width()) << key;
    };
    // Where the picker shows one section at a time, its tabs open the others.
    auto show = [&](const std::string& section) {
        if (ui->exists("item/dob/step/" + section)) ui->tap("item/dob/step/" + section);
    };
    show("month");
    for (int m = 1; m <= 12; ++m) fits("item/dob/month/" + std::to_string(m));
    show("year");
    for (int d = 1920; d <= 2000; d += 10) fits("item/dob/decade/" + std::to_string(d));
    ui->tap("item/dob/decade/1940");
    ui->frames(2);
    fits("item/dob/year/1948");
    fits("item/dob/decades");
}

INSTANTIATE_TEST_SUITE_P(Ui, DateSizesTest,
                         ::testing::Values(Display{1920, 1080, false, "en"}, Display{1920, 1080, true, "es"},
                                           Display{1280, 800, false, "es"}, Display{1280, 800, true, "es"},
                                           Display{1280, 800, true, "en"}, Display{1024, 768, true, "es"}));

}  // namespace
}  // namespace kiosk::ui::test
