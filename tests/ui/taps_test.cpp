// Taps that do what the finger meant (issue 20): a press that began on the screen before does not
// act on the new one, and targets do not move between a person's taps.
#include <map>

#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

TEST_F(UiTest, APressThatBeganOnThePreviousScreenDoesNothingOnTheNext) {
    goToPage("pain");
    const Rect target = ui->rect("item/pain_now/5");
    ASSERT_GT(target.w, 0.0f);
    goToPage("about");
    ui->advance(2);
    ui->frames(2);
    // The finger goes down while "about" is on show; "pain" appears in that very frame (the patient
    // has not seen it yet) and the finger lifts on one of its choices.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(target.x + target.w / 2, target.y + target.h / 2);
    ui->frame();
    io.MouseDown[0] = true;
    for (size_t i = 0; i < form->pages.size(); ++i)
        if (form->pages[i].id == "pain") session.page = static_cast<int>(i);
    ui->frame();
    io.MouseDown[0] = false;
    ui->frames(2);
    EXPECT_EQ(session.answers.count("pain_now"), 0u) << "pressed before the patient could see the page";
    ui->tap("item/pain_now/5");
    EXPECT_EQ(session.answers.count("pain_now"), 1u) << "a tap on the page the patient sees works";
}

// A real-tap walk: a double tap on Next whose both taps landed before the next page showed (the
// draft save took a moment) sent two Nexts, and the second refused the new page's empty question.
TEST_F(UiTest, ADoubleTapOnNextBeforeThePageChangesSendsOneNext) {
    int nexts = 0;
    ui = std::make_unique<UiDriver>(
        1920, 1080, *form, [this] { return session.view(); },
        [&](const session::Action& a) {
            if (std::holds_alternative<session::Next>(a)) ++nexts;  // the page has not moved yet
            else session.apply(a);
        });
    goToPage("about");
    ui->advance(2);
    ui->frames(2);
    ASSERT_TRUE(ui->doubleTap("next"));
    EXPECT_EQ(nexts, 1) << "the second half of a double tap acted too";
    ASSERT_TRUE(ui->tap("next"));
    EXPECT_EQ(nexts, 2) << "a deliberate tap later still counts";
}

TEST_F(UiTest, ThePinPadDoesNotMoveAfterTheFirstDigitOrAWrongPin) {
    UiOptions options;
    options.staffPin = "2468";
    start(1280, 800, options);
    ui->hold("staff/corner", 3.2);
    ASSERT_TRUE(ui->exists("staff/pin/5"));
    const Rect before = ui->rect("staff/pin/5"), ok = ui->rect("staff/pin/ok");
    ui->tap("staff/pin/1");
    EXPECT_EQ(ui->rect("staff/pin/5").y, before.y) << "the keys moved after the first digit";
    for (const char* d : {"1", "1", "1"}) ui->tap(std::string("staff/pin/") + d);
    ui->tap("staff/pin/ok");  // wrong: the message changes
    EXPECT_EQ(ui->rect("staff/pin/5").y, before.y);
    EXPECT_EQ(ui->rect("staff/pin/ok").y, ok.y);
}

// Issue 20: the note about a day the month lacks appeared under the day grid and pushed the month
// and year buttons down between two taps. It sits in the free cells after 31 now.
TEST_F(UiTest, TheNoteAboutAMissingDayMovesNothing) {
    start(1280, 800);
    ui->tap("toggle/larger_text");  // one section at a time: the note shares the day grid's room
    goToPage("about");
    if (ui->exists("item/dob/step/month")) ui->tap("item/dob/step/month");  // one section at a time
    ASSERT_TRUE(ui->tap("item/dob/month/4"));
    auto where = [&] {
        std::map<std::string, float> y;
        const ScrollInfo* page = ui->registry().findScroll("page");
        for (const WidgetInfo* w : ui->registry().withPrefix("item/dob/"))
            y[w->key] = w->rect.y + (page ? page->offset : 0.0f);
        return y;
    };
    if (ui->exists("item/dob/step/day")) ui->tap("item/dob/step/day");
    const auto before = where();
    ASSERT_TRUE(ui->tap("item/dob/day/31"));
    ASSERT_NE(ui->registry().findText("notice/dob"), nullptr);
    EXPECT_EQ(where(), before);
}

}  // namespace
}  // namespace kiosk::ui::test
