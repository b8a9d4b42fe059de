// End to end, by taps alone, on the real session with forms/intake.yaml: Next refused with the
// reason next to the question; Back and review Edit keep answers; idle warns, then wipes every trace
// of the patient; the body-map page redrawn at 1280x800 stays usable.
#include "kiosk/bodymap/regions.h"
#include "intake_e2e_fixture.h"

namespace kiosk::ui::test {
namespace {

using session::Screen;

TEST_F(IntakeE2e, NextWithAMissingRequiredAnswerExplainsItInThePatientsLanguage) {
    startIntake("es");
    ASSERT_EQ(pageId(), "name");
    EXPECT_TRUE(ui->find("next")->dimmed);  // looks disabled...
    ui->tap("next");                         // ...but a tap explains
    EXPECT_EQ(pageId(), "name");
    const TextInfo* first = ui->registry().findText("error/first_name");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->text, tr("es", "validation.required"));
    EXPECT_NE(first->text, tr("en", "validation.required"));
    EXPECT_GT(first->rect.y, 0.0f);  // on screen, under its question
    EXPECT_LT(first->rect.bottom(), ui->rect("next").y);
    EXPECT_GE(first->rect.y, ui->registry().findText("question/first_name")->rect.bottom());
    ASSERT_NE(ui->registry().findText("error/last_name"), nullptr);

    ui->type("first_name", "Ana");  // answering clears that error only
    EXPECT_EQ(ui->registry().findText("error/first_name"), nullptr);
    EXPECT_NE(ui->registry().findText("error/last_name"), nullptr);
    ui->tap("next");
    EXPECT_EQ(pageId(), "name");
    ui->type("last_name", "Ruiz");
    EXPECT_TRUE(ui->find("next")->dimmed);  // the phone number is asked on this page too
    ui->type("phone", "555-010-4477");
    EXPECT_FALSE(ui->find("next")->dimmed);
    ui->tap("next");
    EXPECT_EQ(pageId(), "birth");

    // The consent page: its own reason, and the signature is asked for too.
    advanceTo("consent_page", Patient{});
    ui->tap("next");
    EXPECT_EQ(pageId(), "consent_page");
    ASSERT_NE(ui->registry().findText("error/consent_treatment"), nullptr);
    EXPECT_EQ(ui->registry().findText("error/consent_treatment")->text, tr("es", "validation.consent_required"));
    EXPECT_NE(ui->registry().findText("error/signature"), nullptr);
}

TEST_F(IntakeE2e, BackKeepsEveryAnswerOnScreen) {
    startIntake("en");
    const Patient p;
    advanceTo("visit", p);
    ui->tap("item/goals/move_easier");
    ui->tap("next");
    ASSERT_EQ(pageId(), "helps_page");
    ui->tap("back");
    ASSERT_EQ(pageId(), "visit");
    EXPECT_TRUE(ui->find("item/goals/move_easier")->selected);
    EXPECT_FALSE(ui->find("item/goals/work")->selected);
    ui->tap("back");
    ASSERT_EQ(pageId(), "birth");
    EXPECT_TRUE(ui->find("item/date_of_birth/month/3")->selected);
    ui->tap("back");
    ASSERT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("item/phone")->label, p.phone);
    EXPECT_EQ(ui->find("item/first_name")->label, p.firstName);
    EXPECT_EQ(ui->find("item/last_name")->label, p.lastName);
    EXPECT_TRUE(ui->find("item/heard_about/friend_family")->selected);
    EXPECT_FALSE(ui->find("item/heard_about/doctor")->selected);
    // Forward again without touching anything: every page still complete.
    for (const char* id : {"birth", "visit"}) {
        ui->tap("next");
        EXPECT_EQ(pageId(), id);
    }
    EXPECT_TRUE(ui->find("item/goals/move_easier")->selected);
    EXPECT_EQ(*answer<std::string>("heard_about"), "friend_family");
}

// Issue 20: the welcome screen never holds answers. Back on step 1 with answers asks "Start over?";
// keeping them returns to the page as it was, and nothing of them shows on the question.
TEST_F(IntakeE2e, BackToTheWelcomeScreenWithAnswersAsksToStartOver) {
    startIntake("en");
    const Patient p;
    advanceTo("visit", p);  // name, phone and date of birth answered
    for (int i = 0; i < 3; ++i) ui->tap("back");
    ASSERT_EQ(screen(), Screen::Page);
    ASSERT_TRUE(intake->view().confirmStartOver);
    EXPECT_FALSE(onScreen(p.firstName));
    EXPECT_FALSE(ui->exists("start")) << "no way to Start over someone's answers";
    ui->tap("start_over/keep");
    ASSERT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("item/first_name")->label, p.firstName);
    ui->tap("next");
    ASSERT_EQ(pageId(), "birth");
    EXPECT_TRUE(ui->find("item/date_of_birth/month/3")->selected);
}

TEST_F(IntakeE2e, ReviewEditGoesToThePageAndNextReturnsToTheReview) {
    startIntake("en");
    Patient p;
    p.optional = false;
    runToReview(p);
    ASSERT_FALSE(HasFailure());
    const int aboutYou = pageIndex("name");  // heard_about is on it
    auto answerText = [&](const std::string& item) {
        for (const auto& e : intake->view().review)
            if (e.item && e.item->id == item) return e.answerText;
        return std::string("<missing>");
    };
    EXPECT_EQ(answerText("heard_about"), tr("en", "review.not_answered"));

    ui->tap("edit/" + std::to_string(aboutYou));
    ASSERT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("next")->label, tr("en", "ui.page.back_to_review"));
    ui->tap("item/heard_about/internet");
    ui->tap("next");
    ASSERT_EQ(screen(), Screen::Review);
    EXPECT_EQ(answerText("heard_about"), "Internet search");

    // Back from an Edit also returns to the review, with the change kept.
    ui->tap("edit/" + std::to_string(pageIndex("pain_ratings")));
    ASSERT_EQ(pageId(), "pain_ratings");
    ui->tap("item/pain_now/3");
    ui->tap("back");
    ASSERT_EQ(screen(), Screen::Review);
    EXPECT_EQ(answerText("pain_now"), "3 out of 10");
    ui->tap("submit");
    ASSERT_EQ(saveRequests.size(), 1u);
    EXPECT_EQ(*answerIn<std::string>(saveRequests[0], "heard_about"), "internet");
    EXPECT_DOUBLE_EQ(*answerIn<double>(saveRequests[0], "pain_now"), 3.0);
}

TEST_F(IntakeE2e, TheLastSecondOfTheCountdownReadsAsOneSecond) {
    // Seen on a real-tap walk: "in 1 seconds everything you entered will be deleted".
    for (const char* lang : {"en", "es"}) {
        SCOPED_TRACE(lang);
        startIntake(lang);
        ui->advance(91);
        ui->frame();
        ASSERT_TRUE(ui->exists("still_here"));
        ui->advance(28.5);  // 0.5 s of the 30 s countdown left
        ui->frame();
        ASSERT_EQ(intake->view().idleSecondsLeft, 1);
        const std::string en = "in 1 second everything", es = "en 1 segundo se";
        EXPECT_TRUE(onScreen(std::string(lang) == "en" ? en : es));
        EXPECT_FALSE(onScreen("1 seconds") || onScreen("1 segundos"));
        ui->advance(1);
        ui->frames(2);
        ASSERT_EQ(screen(), Screen::Welcome);
    }
}

TEST_F(IntakeE2e, IdleWarnsThenWipesEveryTraceOfThePatient) {
    startIntake("en");
    ui->type("first_name", "Margaret");
    ui->tap("item/last_name");  // typing in progress when the patient walks away
    for (const char* k : {"s", "m", "y"}) ui->tap(std::string("keyboard/") + k);
    ASSERT_EQ(*answer<std::string>("last_name"), "Smy");

    ui->advance(89);
    ui->frame();
    EXPECT_FALSE(ui->exists("still_here"));
    ui->advance(2);
    ui->frame();
    ASSERT_TRUE(ui->exists("still_here"));
    EXPECT_EQ(ui->registry().findText("message")->text, tr("en", "ui.idle.title"));
    EXPECT_TRUE(ui->registry().withPrefix("item/").empty());  // the answers are hidden
    EXPECT_TRUE(ui->registry().withPrefix("keyboard/").empty());
    EXPECT_FALSE(onScreen("Margaret"));
    EXPECT_LE(intake->view().idleSecondsLeft, 30);

    ui->tap("still_here");  // keeps everything
    EXPECT_FALSE(ui->exists("still_here"));
    EXPECT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("item/first_name")->label, "Margaret");
    EXPECT_EQ(*answer<std::string>("last_name"), "Smy");

    // On to the date: a month picked, no day yet (held by the screen only, not by the session).
    ui->tap("keyboard/done");
    ui->type("phone", "555-010-4477");
    ui->tap("next");
    ASSERT_EQ(pageId(), "birth");
    ui->tap("item/date_of_birth/decade/1950");
    ui->tap("item/date_of_birth/month/3");
    ASSERT_TRUE(ui->find("item/date_of_birth/month/3")->selected);

    ui->advance(91);
    ui->frame();
    ASSERT_TRUE(ui->exists("still_here"));
    ui->advance(15);
    ui->frame();
    EXPECT_EQ(screen(), Screen::Page);  // still counting down
    ui->advance(15.5);
    ui->frames(2);
    EXPECT_EQ(screen(), Screen::Welcome);
    EXPECT_TRUE(intake->answers().empty());
    EXPECT_TRUE(ui->exists("start"));
    EXPECT_FALSE(onScreen("Margaret"));
    EXPECT_FALSE(onScreen("Smy"));
    EXPECT_GE(discardedDrafts, 1);  // the draft on disk goes too

    // The next patient finds empty fields, an empty keyboard buffer and an unpicked date.
    ui->tap("start");
    ASSERT_EQ(pageId(), "name");
    EXPECT_EQ(ui->find("item/first_name")->label, tr("en", "ui.tap_to_type"));
    EXPECT_EQ(ui->find("item/last_name")->label, tr("en", "ui.tap_to_type"));
    EXPECT_FALSE(ui->exists("keyboard/a"));
    ui->tap("item/last_name");
    ui->tap("keyboard/j");
    EXPECT_EQ(*answer<std::string>("last_name"), "J");  // not "SmyJ"
    ui->tap("keyboard/done");
    ui->type("first_name", "Kim");
    ui->type("phone", "555-010-4478");
    ui->tap("next");
    ASSERT_EQ(pageId(), "birth");
    for (int m = 1; m <= 12; ++m)
        EXPECT_FALSE(ui->find("item/date_of_birth/month/" + std::to_string(m))->selected) << m;
}

TEST_F(IntakeE2e, LargerTextNeverDrawsABodyRegionNameSmaller) {
    // Long Spanish names ("Parte de atrás del cuello, lado derecho") wrap onto a taller row instead
    // of shrinking, or "Larger text" would make exactly the longest names harder to read.
    startUi(1280, 800);
    startIntake("es");
    advanceTo("pain_where", Patient{});
    ui->tap("item/pain_map/as_list");  // the list behind the drawing
    ui->tap("toggle/larger_text");
    ui->frames(2);
    int checked = 0;
    for (const auto& region : bodymap::regions()) {
        const WidgetInfo* w = ui->find("item/pain_map/" + std::string(region.id));
        ASSERT_NE(w, nullptr) << region.id;
        EXPECT_EQ(w->labelScale, 1.0f) << region.id << " '" << w->label << "' drawn smaller";
        ++checked;
    }
    EXPECT_GT(checked, 40);
}

TEST_F(IntakeE2e, BodyMapPageRedrawnAt1280x800StaysTappable) {
    startIntake("en");
    advanceTo("pain_where", Patient{});
    ui->tap("item/pain_map/shoulder_back_l");
    ui->tap("item/pain_map/shoulder_back_l/intensity/4");

    startUi(1280, 800);  // the same intake, a smaller display
    ASSERT_EQ(pageId(), "pain_where");
    ASSERT_TRUE(ui->tap("item/pain_map/as_list"));  // the list behind the drawing
    const float minTarget = 64.0f * 800.0f / 1080.0f - 0.5f;
    for (const auto& region : bodymap::regions()) {
        const std::string key = "item/pain_map/" + std::string(region.id);
        const WidgetInfo* w = ui->find(key);
        ASSERT_NE(w, nullptr) << key;
        EXPECT_TRUE(w->enabled) << key;
        EXPECT_GE(w->rect.h, minTarget) << key;
        EXPECT_GE(w->rect.x, 0.0f) << key;
        EXPECT_LE(w->rect.right(), 1280.0f) << key;
        EXPECT_EQ(w->selected, region.id == "shoulder_back_l") << key;
    }
    EXPECT_LE(ui->rect("next").bottom(), 800.0f);

    // The last region needs scrolling; the first one scrolling back; a marked one refines.
    const std::string last(bodymap::regions().back().id), first(bodymap::regions().front().id);
    ASSERT_TRUE(ui->tap("item/pain_map/" + last));
    ASSERT_TRUE(ui->tap("item/pain_map/" + first));
    ASSERT_TRUE(ui->tap("item/pain_map/shoulder_back_l"));  // focus: its detail opens
    ASSERT_TRUE(ui->tap("item/pain_map/shoulder_back_l/intensity/9"));
    ASSERT_TRUE(ui->tap("item/pain_map/shoulder_back_l/kind/sharp"));
    const auto* map = answer<forms::BodyMapAnswer>("pain_map");
    ASSERT_NE(map, nullptr);
    ASSERT_EQ(map->size(), 3u);
    EXPECT_EQ((*map)[0], (forms::BodyMark{"shoulder_back_l", 9, {"sharp"}}));
    EXPECT_EQ((*map)[1].region, last);
    EXPECT_EQ((*map)[2].region, first);
    ui->tap("next");
    EXPECT_EQ(pageId(), "pain_ratings");
}


// A double tap on Start: the second tap lands on whatever page 1 shows under the finger (a real-tap
// walk saw it choose "Male"). It is the same finger's, not an answer.
TEST_F(IntakeE2e, TheSecondHalfOfADoubleTapOnStartAnswersNothing) {
    const Rect start = ui->rect("start");
    ASSERT_TRUE(ui->tap("start"));
    ASSERT_EQ(pageId(), "name");
    // A spot inside Start where page 1 has a question: the finger lands there again.
    const WidgetInfo* under = nullptr;
    float x = start.x + start.w * 0.5f, y = start.y;
    for (; y < start.bottom(); y += 4) {
        for (const WidgetInfo& w : ui->registry().widgets())
            if (w.key.rfind("item/", 0) == 0 && w.visible.contains(x, y)) under = &w;
        if (under) break;
    }
    ASSERT_NE(under, nullptr) << "page 1 has no question under Start: the test would prove nothing";
    const std::string key = under->key;

    ui->quickTapAt(x, y, 0.08);
    EXPECT_TRUE(intake->answers().empty()) << key;
    EXPECT_FALSE(ui->exists("keyboard/a")) << key;
    EXPECT_FALSE(ui->find(key)->selected) << key;

    ui->tapAt(x, y);  // a deliberate tap there still answers
    EXPECT_TRUE(!intake->answers().empty() || ui->exists("keyboard/a")) << key;
}

}  // namespace
}  // namespace kiosk::ui::test

namespace kiosk::ui::test {
namespace {

// Issue 20 "a shorter intake": on the health page one tap answers No to every question the patient
// has not answered; the answers given stay, a question with no "No" (pregnancy) is left to the
// patient, and nothing on the page moves.
TEST_F(IntakeE2e, NoToEveryQuestionNotAnsweredKeepsTheAnswersGiven) {
    startIntake("en");
    advanceTo("health", Patient{});
    ui->tap("item/blood_thinners/yes");
    ui->tap("item/osteoporosis/not_sure");
    auto contentY = [&](const std::string& key) {  // where it lies on the page, however scrolled
        const ScrollInfo* scroll = ui->registry().findScroll("page");
        return ui->rect(key).y + (scroll ? scroll->offset : 0.0f);
    };
    const float before = contentY("item/fever_now/no");
    ASSERT_TRUE(ui->tap("no_to_all"));
    EXPECT_EQ(*answer<std::string>("blood_thinners"), "yes");
    EXPECT_EQ(*answer<std::string>("osteoporosis"), "not_sure");
    for (const char* id : {"fever_now", "recent_surgery_injury", "blood_clots", "cancer_treatment",
                           "high_blood_pressure", "skin_condition", "oil_allergy"}) {
        ASSERT_NE(answer<std::string>(id), nullptr) << id;
        EXPECT_EQ(*answer<std::string>(id), "no") << id;
    }
    EXPECT_EQ(answer<std::string>("pregnant"), nullptr) << "it has no No: the patient answers it";
    EXPECT_NEAR(contentY("item/fever_now/no"), before, 0.5f) << "the answers stay where they were";
    ui->tap("next");
    EXPECT_EQ(pageId(), "health") << "the pregnancy question is still to answer";
    ui->tap("item/pregnant/not_applicable");
    ui->tap("next");
    EXPECT_EQ(pageId(), "safety");
    ui->tap("no_to_all");  // the red flags too, each one a plain false
    for (const char* id : {"bladder_bowel", "saddle_numbness", "leg_weakness", "weight_loss", "night_pain", "after_fall"}) {
        ASSERT_NE(answer<bool>(id), nullptr) << id;
        EXPECT_FALSE(*answer<bool>(id)) << id;
    }
}

}  // namespace
}  // namespace kiosk::ui::test

