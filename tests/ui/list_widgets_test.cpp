// A list item (kiosk/ui/list_widgets.cpp) over the real session: a numbered card per entry with
// the usual widgets, "Add another ..." once the last card holds something, Remove per card (a
// toggle's debounce, so a double tap removes one card), the list full; every target big enough
// and whole at 1280x800 with Larger text in Spanish.
#include "kiosk/core/clock.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/list_entries.h"
#include "support/session_support.h"
#include "ui_fixture.h"

namespace kiosk::ui::test {
namespace {

const core::FixedClock kToday = core::FixedClock::atUtc("2026-11-25T10:03:00Z");

const char* kForm = R"(id: lists
version: 1
title: {en: Medicines, es: Medicamentos}
languages: [en, es]
pages:
  - id: meds_page
    title: {en: Medicines, es: Medicamentos}
    items:
      - id: meds
        type: list
        label: {en: "Which medicines do you take?", es: "¿Qué medicamentos toma?"}
        entry_label: {en: Medicine, es: Medicamento}
        add_label: {en: Add another medicine, es: Añadir otro medicamento}
        max_entries: 3
        fields:
          - {id: med_name, type: text, required: true, label: {en: Name, es: Nombre}}
          - {id: med_dose, type: number, min: 0, max: 2000, unit: {en: mg, es: mg}, label: {en: Dose, es: Dosis}}
          - id: med_often
            type: single
            label: {en: How often, es: Con qué frecuencia}
            options:
              - {value: daily, label: {en: Every day, es: Cada día}}
              - {value: when_needed, label: {en: When needed, es: Cuando lo necesito}}
          - {id: med_since, type: date, past_only: true, label: {en: Since, es: Desde}}
          - {id: med_helps, type: yes_no, label: {en: "Does it help?", es: "¿Le ayuda?"}}
)";

class ListUi : public ::testing::Test {
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
    const forms::Answer* meds() const {
        auto it = intake.answers().find("meds");
        return it == intake.answers().end() ? nullptr : &it->second;
    }
    std::string name(size_t entry) const {
        const forms::Answer* a = session::fieldAt(meds(), entry, "med_name");
        return a ? std::get<std::string>(*a) : std::string();
    }
    void tap(const std::string& key) { ASSERT_TRUE(ui->tap(key)) << key; }
    std::shared_ptr<const forms::Form> form = [] {
        auto r = forms::loadFormFromString(kForm, "lists.yaml");
        EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
        return r.form;
    }();
    session::Intake intake{form, kiosk::testing::realCatalog(), session::IntakeConfig{}, kToday};
    std::unique_ptr<UiDriver> ui;
};

}  // namespace

TEST_F(ListUi, CardsAreFilledAddedAndRemovedByTaps) {
    intake.apply(session::Start{"en"});
    ui->frames(2);
    EXPECT_EQ(ui->registry().findText("item/meds/entry/0/title")->text, "Medicine 1");
    EXPECT_FALSE(ui->find("item/meds/add")->enabled) << "nothing in the first card yet";
    EXPECT_EQ(ui->find("item/meds/add")->label, "+  Add another medicine");
    EXPECT_EQ(ui->type("meds.0.med_name", "Aspirin"), "Aspirin");
    EXPECT_EQ(name(0), "Aspirin") << "in the list as typed: Next loses nothing";
    tap("item/meds.0.med_dose/plus");
    tap("item/meds.0.med_often/when_needed");
    tap("item/meds.0.med_helps/yes");
    for (const char* k : {"day/3", "month/1", "decade/2020", "year/2024"}) tap(std::string("item/meds.0.med_since/") + k);
    ASSERT_NE(meds(), nullptr);
    EXPECT_TRUE((*session::fieldAt(meds(), 0, "med_since") == forms::Answer{forms::Date{2024, 1, 3}}));
    EXPECT_TRUE((*session::fieldAt(meds(), 0, "med_often") == forms::Answer{std::string("when_needed")}));
    EXPECT_TRUE((*session::fieldAt(meds(), 0, "med_helps") == forms::Answer{true}));
    EXPECT_TRUE(session::fieldAt(meds(), 0, "med_dose") != nullptr);

    tap("item/meds/add");
    ASSERT_TRUE(ui->exists("item/meds/entry/1/remove"));
    EXPECT_EQ(ui->registry().findText("item/meds/entry/1/title")->text, "Medicine 2");
    EXPECT_FALSE(ui->find("item/meds/add")->enabled) << "the new card is empty";
    EXPECT_EQ(session::entryCount(meds()), 1u) << "an empty card is no entry";
    EXPECT_EQ(ui->type("meds.1.med_name", "Ibuprofen"), "Ibuprofen");
    tap("item/meds/add");
    EXPECT_EQ(ui->type("meds.2.med_name", "Vitamin D"), "Vitamin D");
    ASSERT_EQ(session::entryCount(meds()), 3u);
    ui->frames(2);
    EXPECT_FALSE(ui->exists("item/meds/add")) << "max_entries 3: the list is full";
    EXPECT_EQ(ui->registry().findText("hint/meds")->text, "That is the most this question takes (3).");
    EXPECT_GT(expectTargets(*ui, "three cards"), 0);

    // Remove the middle card: the one below moves up; a second tap at once removes nothing more.
    ASSERT_TRUE(ui->scrollIntoView("item/meds/entry/1/remove"));
    ASSERT_TRUE(ui->doubleTap("item/meds/entry/1/remove"));
    ASSERT_EQ(session::entryCount(meds()), 2u) << "a double tap removes one card";
    EXPECT_EQ(name(0), "Aspirin");
    EXPECT_EQ(name(1), "Vitamin D");
    ui->frames(2);
    EXPECT_FALSE(ui->exists("item/meds/entry/2/remove"));
    ASSERT_TRUE(ui->scrollIntoView("item/meds/entry/0/remove"));
    tap("item/meds/entry/0/remove");  // at a person's pace: each tap removes one
    ASSERT_TRUE(ui->scrollIntoView("item/meds/entry/0/remove"));
    tap("item/meds/entry/0/remove");
    EXPECT_EQ(meds(), nullptr) << "every entry removed: not answered";
    ui->frames(2);
    EXPECT_NE(ui->registry().findText("item/meds/entry/0/title"), nullptr) << "one empty card stays to start again";
    EXPECT_TRUE(ui->exists("item/meds.0.med_name"));
}

TEST_F(ListUi, NextNamesTheCardAndFieldMissing) {
    intake.apply(session::Start{"en"});
    ui->frames(2);
    tap("item/meds.0.med_helps/no");
    tap("next");
    ui->frames(2);
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(ui->registry().findText("error/meds")->text, "Medicine 1, Name: Please answer this question.");
}

TEST_F(ListUi, SpanishAndLargerTextAt1280x800) {
    start(1280, 800);
    intake.apply(session::Start{"es"});
    intake.apply(session::SetAnswer{"meds", std::string("Aspirina"), 0, "med_name"});
    intake.apply(session::SetAnswer{"meds", std::string("Ibuprofeno"), 1, "med_name"});
    ui->frames(2);
    tap("toggle/larger_text");
    ui->frames(3);
    EXPECT_EQ(ui->registry().findText("item/meds/entry/1/title")->text, "Medicamento 2");
    EXPECT_EQ(ui->find("item/meds/entry/1/remove")->label, "\xC3\x97  Quitar");
    EXPECT_GT(expectTargets(*ui, "es, larger text, 1280x800"), 0);
    for (const char* key : {"item/meds.1.med_helps/no", "item/meds/entry/1/remove", "item/meds/add"})
        EXPECT_TRUE(ui->scrollIntoView(key)) << key;
    EXPECT_EQ(ui->find("item/meds/add")->label, "+  A\xC3\xB1" "adir otro medicamento");
}

// An entry name that wraps (import-fhir takes a group's text of up to 40 characters as it) pushes
// the card's fields down: at 800 px wide with Larger text in Spanish "Medicamento recetado o
// suplemento tomado 1" took four lines beside Remove and the field's label was drawn over its last
// two (seen under Xvfb).
TEST(ListUiLongTitle, AWrappedCardTitleKeepsClearOfTheFields) {
    const auto r = forms::loadFormFromString(R"(id: long
version: 1
title: {en: Long, es: Largo}
languages: [en, es]
pages:
  - id: p
    title: {en: One, es: Uno}
    items:
      - id: meds
        type: list
        label: {en: "Which medicines do you take?", es: "¿Qué medicamentos toma?"}
        entry_label: {en: "Prescription medicine or supplement", es: "Medicamento recetado o suplemento tomado"}
        fields:
          - {id: med_name, type: text, label: {en: Name, es: Nombre}}
)", "long.yaml");
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    session::Intake intake{r.form, kiosk::testing::realCatalog(), session::IntakeConfig{}, kToday};
    UiOptions options;
    options.clock = &kToday;
    auto ui = std::make_unique<UiDriver>(
        800, 1280, *r.form, [&intake] { return intake.view(); }, [&intake](const session::Action& a) { intake.apply(a); },
        std::move(options));
    intake.apply(session::Start{"es"});
    ui->frames(2);
    ASSERT_TRUE(ui->tap("toggle/larger_text"));
    ui->frames(3);
    const TextInfo* title = ui->registry().findText("item/meds/entry/0/title");
    const TextInfo* label = ui->registry().findText("question/meds.0.med_name");
    const WidgetInfo* remove = ui->find("item/meds/entry/0/remove");
    ASSERT_TRUE(title && label && remove);
    EXPECT_GT(title->rect.h, remove->rect.h) << "the title wraps taller than Remove here";
    EXPECT_LE(title->rect.bottom(), label->rect.y) << "the field's label is drawn over the card's title";
    EXPECT_LE(remove->rect.bottom(), label->rect.y);
}

}  // namespace kiosk::ui::test
