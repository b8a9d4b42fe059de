// A repeating number or date (kiosk/ui/repeat_widgets.cpp) over the real session: one value at a
// time with the usual stepper or date picker, "Add another", the values listed with Remove;
// nothing moves under the finger, every target is big enough, Larger text at 1280x800 fits.
#include "kiosk/core/clock.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/intake.h"
#include "support/session_support.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

const core::FixedClock kToday = core::FixedClock::atUtc("2026-11-25T10:03:00Z");

const char* kForm = R"(id: repeats
version: 1
title: {en: Visits, es: Visitas}
languages: [en, es]
pages:
  - id: visits_page
    title: {en: Visits, es: Visitas}
    items:
      - id: visits
        type: number
        min: 0
        max: 20
        unit: {en: times, es: veces}
        repeats: true
        max_answers: 3
        label: {en: "How many times did you see a doctor, each year?", es: "¿Cuántas veces vio a un médico, cada año?"}
  - id: falls_page
    title: {en: Falls, es: Caídas}
    items:
      - id: falls
        type: date
        past_only: true
        repeats: true
        label: {en: "When did you fall?", es: "¿Cuándo se cayó?"}
)";

class RepeatsUi : public ::testing::Test {
protected:
    void SetUp() override { start(1920, 1080); }
    void start(float w, float h) {
        ui.reset();
        UiOptions options;
        options.clock = &kToday;
        ui = std::make_unique<UiDriver>(
            w, h, *form, [this] { return intake.view(); }, [this](const session::Action& a) { intake.apply(a); },
            std::move(options));
        ui->frames(2);
    }
    const forms::Answer* answer(const std::string& id) const {
        auto it = intake.answers().find(id);
        return it == intake.answers().end() ? nullptr : &it->second;
    }
    void tap(const std::string& key) { ASSERT_TRUE(ui->tap(key)) << key; }
    std::shared_ptr<const forms::Form> form = [] {
        auto r = forms::loadFormFromString(kForm, "repeats.yaml");
        EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
        return r.form;
    }();
    session::Intake intake{form, kiosk::testing::realCatalog(), session::IntakeConfig{}, kToday};
    std::unique_ptr<UiDriver> ui;
};

}  // namespace

TEST_F(RepeatsUi, NumbersAreAddedOneAtATimeAndRemoved) {
    intake.apply(session::Start{"en"});
    ui->frames(2);
    EXPECT_GT(ui->registry().findText("hint/visits")->rect.y, ui->rect("item/visits/plus").y) << "under the control";
    EXPECT_EQ(ui->registry().findText("hint/visits")->text,
              "Enter one, then tap \xE2\x80\x9C" "Add another\xE2\x80\x9D for the next (up to 3).");
    EXPECT_FALSE(ui->find("item/visits/add")->enabled) << "nothing to add to yet";
    const Rect plus = ui->rect("item/visits/plus"), add = ui->rect("item/visits/add");
    tap("item/visits/plus");  // 0..20: 11 from the middle
    ASSERT_NE(answer("visits"), nullptr);
    EXPECT_TRUE((*answer("visits") == forms::Answer{forms::NumberList{11}})) << "in the list at once: Next loses nothing";
    tap("item/visits/plus");
    EXPECT_TRUE((*answer("visits") == forms::Answer{forms::NumberList{12}})) << "the same value, changed";
    EXPECT_EQ(ui->find("item/visits/value/0")->label, "12 times");
    EXPECT_TRUE(ui->find("item/visits/add")->enabled);
    tap("item/visits/add");
    EXPECT_EQ(ui->find("item/visits")->label, "Tap here to type") << "a new, empty value";
    tap("item/visits/minus");
    tap("item/visits/add");
    tap("item/visits");  // the number pad, for the third value
    tap("keyboard/4");
    tap("keyboard/done");
    ASSERT_NE(answer("visits"), nullptr);
    EXPECT_TRUE((*answer("visits") == forms::Answer{forms::NumberList{12, 9, 4}}));
    ui->frames(2);
    EXPECT_EQ(ui->rect("item/visits/plus").y, plus.y) << "the control stays where the finger is";
    EXPECT_EQ(ui->rect("item/visits/add").y, add.y);
    EXPECT_GT(ui->rect("item/visits/value/0").y, add.y) << "the list grows below";
    EXPECT_FALSE(ui->find("item/visits/add")->enabled) << "max_answers 3";
    EXPECT_EQ(expectTargets(*ui, "three values") > 0, true);

    tap("item/visits/remove/1");
    EXPECT_TRUE((*answer("visits") == forms::Answer{forms::NumberList{12, 4}}));
    tap("item/visits/value/0");  // edit the first again
    tap("item/visits/minus");
    EXPECT_TRUE((*answer("visits") == forms::Answer{forms::NumberList{11, 4}}));
    EXPECT_TRUE(ui->find("item/visits/value/0")->selected);
    tap("item/visits/remove/0");
    tap("item/visits/remove/0");
    EXPECT_EQ(answer("visits"), nullptr) << "every value removed: not answered";
}

TEST_F(RepeatsUi, DatesByThePickerThenTheReviewListsThem) {
    intake.apply(session::Start{"en"});
    intake.apply(session::SetAnswer{"visits", forms::NumberList{2, 5}});
    intake.apply(session::Next{});
    ui->frames(2);
    for (const char* k : {"day/3", "month/1", "decade/2020", "year/2026"}) tap(std::string("item/falls/") + k);
    ASSERT_NE(answer("falls"), nullptr);
    EXPECT_TRUE((*answer("falls") == forms::Answer{forms::DateList{{2026, 1, 3}}}));
    tap("item/falls/add");
    ui->frame();
    EXPECT_FALSE(ui->find("item/falls/day/3")->selected) << "the picker starts afresh";
    for (const char* k : {"day/30", "month/10", "decade/2020", "year/2026"}) tap(std::string("item/falls/") + k);
    EXPECT_TRUE((*answer("falls") == forms::Answer{forms::DateList{{2026, 1, 3}, {2026, 10, 30}}}));
    EXPECT_EQ(ui->find("item/falls/value/1")->label, "30 October 2026");
    intake.apply(session::Next{});
    ui->frames(2);
    ASSERT_EQ(intake.view().screen, session::Screen::Review);
    EXPECT_EQ(intake.view().review[0].answerText, "2 times; 5 times");
    EXPECT_EQ(intake.view().review[1].answerText, "3 January 2026; 30 October 2026");
}

TEST_F(RepeatsUi, SpanishAndLargerTextAt1280x800) {
    start(1280, 800);
    intake.apply(session::Start{"es"});
    intake.apply(session::SetAnswer{"visits", forms::NumberList{2, 5, 7}});
    ui->frames(2);
    tap("toggle/larger_text");
    ui->frames(3);
    EXPECT_EQ(ui->find("item/visits/add")->label, "+  A\xC3\xB1" "adir otro");
    EXPECT_EQ(ui->find("item/visits/remove/2")->label, "\xC3\x97  Quitar");
    EXPECT_EQ(ui->find("item/visits/value/0")->label, "2 veces");
    EXPECT_GT(expectTargets(*ui, "es, larger text, 1280x800"), 0);
    for (const char* key : {"item/visits/value/2", "item/visits/remove/2"})
        EXPECT_TRUE(ui->scrollIntoView(key)) << key;

    // The date picker in steps, whole under its question; the values below it.
    intake.apply(session::Next{});
    ui->frames(3);
    ASSERT_TRUE(ui->exists("item/falls/step/day")) << "one section at a time";
    for (const char* key : {"item/falls/step/year", "item/falls/day/31"}) {
        EXPECT_NEAR(ui->find(key)->visible.h, ui->rect(key).h, 0.5f) << key << ": the picker fits whole";
        EXPECT_LT(ui->rect(key).bottom(), ui->rect("back").y) << key;
    }
    for (const char* k : {"day/3", "month/1", "decade/2020", "year/2026"}) tap(std::string("item/falls/") + k);
    ASSERT_NE(answer("falls"), nullptr);
    EXPECT_TRUE((*answer("falls") == forms::Answer{forms::DateList{{2026, 1, 3}}}));
    tap("item/falls/add");
    EXPECT_EQ(ui->find("item/falls/value/0")->label, "3 de enero de 2026");
    EXPECT_GT(expectTargets(*ui, "dates, es, larger text, 1280x800"), 0);
}

}  // namespace kiosk::ui::test
