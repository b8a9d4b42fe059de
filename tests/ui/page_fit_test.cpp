// UX.md "nothing needs scrolling at 1280x800 unless the list is long": every page of the bundled
// forms/intake.yaml, reached by taps on the real session, fits its scroll area in English and
// Spanish, the drawn body map too (its list, behind "Show as a list", is long by nature and may
// scroll). When a page does go on below the fold, a "Scroll for more" cue says so until the
// patient has scrolled to the end.

#include "intake_e2e_fixture.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

class PageFit : public IntakeE2e, public ::testing::WithParamInterface<Display> {};

TEST_P(PageFit, EveryPageOfTheIntakeFitsWithoutScrolling) {
    const Display d = GetParam();
    startUi(static_cast<float>(d.w), static_cast<float>(d.h));
    startIntake(d.lang);
    Patient p;
    std::vector<std::string> checked;
    for (int guard = 0; guard < 80 && screen() == session::Screen::Page; ++guard) {
        const std::string id = pageId();
        ui->frames(2);  // the scroll area knows its content height from the frame before
        const ScrollInfo* scroll = ui->registry().findScroll("page");
        ASSERT_NE(scroll, nullptr) << id;
        EXPECT_LE(scroll->maxOffset, 0.5f)
            << "page " << pageIndex(id) + 1 << " (" << id << ") needs " << scroll->maxOffset
            << " px of scrolling at " << d.w << "x" << d.h << " in " << d.lang;
        EXPECT_EQ(ui->registry().findText("more_below"), nullptr) << id;
        // Everything tappable on it is fully visible, nothing hides behind the bottom bar.
        for (const auto& w : ui->registry().widgets()) {
            if (w.kind == WidgetKind::Hidden) continue;
            EXPECT_NEAR(w.visible.h, w.rect.h, 0.5f) << id << ": " << w.key << " partly hidden";
        }
        checked.push_back(id);
        fillPage(id, p);
        if (HasFatalFailure()) return;
        ui->tap("next");
        if (pageId() == id) {
            ADD_FAILURE() << "Next did not leave page " << id;
            return;
        }
    }
    EXPECT_EQ(screen(), session::Screen::Review);
    EXPECT_EQ(checked.size(), form->pages.size());
}

INSTANTIATE_TEST_SUITE_P(Displays, PageFit, kioskDisplays(), displayName);

// The cue on a page that goes on below: there at the top, gone once scrolled to the end, in the
// patient's language, on the bottom edge of the scroll area (above the Back / Next bar).
TEST_F(UiTest, ALongPageSaysThereIsMoreBelowUntilScrolledToTheEnd) {
    start(1280, 800);
    goToPage("body");
    const TextInfo* cue = ui->registry().findText("more_below");
    ASSERT_NE(cue, nullptr);
    EXPECT_EQ(cue->text, ui->catalog().tr("en", "ui.scroll_more"));
    // In the bottom bar between Back and Next: it covers no answer (UX: nothing hides a target).
    EXPECT_GE(cue->rect.y, ui->rect("next").y - ui->rect("next").h * 0.5f);
    EXPECT_GE(cue->rect.x, ui->rect("back").right());
    EXPECT_LE(cue->rect.right(), ui->rect("next").x);
    for (int i = 0; i < 10; ++i) ui->drag(8, ui->height() * 0.7f, 8, ui->height() * 0.2f, 6);
    ui->frames(2);
    const ScrollInfo* scroll = ui->registry().findScroll("page");
    ASSERT_NE(scroll, nullptr);
    EXPECT_NEAR(scroll->offset, scroll->maxOffset, 1.0f);
    EXPECT_EQ(ui->registry().findText("more_below"), nullptr);

    session.lang = "es";
    goToPage("about");
    goToPage("body");
    cue = ui->registry().findText("more_below");
    ASSERT_NE(cue, nullptr);
    EXPECT_EQ(cue->text, "Deslice para ver más");
}

TEST_F(UiTest, APageThatFitsShowsNoMoreBelowCue) {
    start(1280, 800);
    goToPage("notes");
    ASSERT_NE(ui->registry().findScroll("page"), nullptr);
    EXPECT_EQ(ui->registry().findScroll("page")->maxOffset, 0.0f);
    EXPECT_EQ(ui->registry().findText("more_below"), nullptr);
}

}  // namespace
}  // namespace kiosk::ui::test
