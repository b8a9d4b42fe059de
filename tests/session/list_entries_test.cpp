// A list item in the session: entries changed field by field (SetAnswer / ClearAnswer with the
// entry as slot and the field), an entry removed whole, Next naming the entry and field at fault in
// the patient's language, the JSON shape of records and answer files, drafts keeping the entries.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/session/answer_json.h"
#include "kiosk/session/answer_text.h"
#include "kiosk/session/intake.h"
#include "kiosk/session/list_entries.h"
#include "kiosk/session/simulate.h"
#include "support/form_builder.h"
#include "support/session_support.h"

using namespace kiosk::testing;
using namespace kiosk::session;
using nlohmann::json;

namespace {

Item meds() {
    Item l = item("meds", ItemType::List);
    l.label = txt("Medicines", "Medicamentos");
    l.entryLabel = txt("Medicine", "Medicamento");
    l.maxEntries = 3;
    l.fields = {required(text("med_name")), number("med_dose", 0, 2000)};
    return l;
}
std::shared_ptr<const Form> twoPages() { return share(form({page("p1", {meds()}), page("p2", {yesNo("more")})})); }

struct ListIntake : ::testing::Test {
    Intake intake{twoPages(), realCatalog(), IntakeConfig{}, fixedClock()};
    void act(const Action& a) { intake.apply(a); }
    const Answer* answer(const std::string& id) {
        auto it = intake.answers().find(id);
        return it == intake.answers().end() ? nullptr : &it->second;
    }
};

ListEntry entry(std::map<std::string, Answer> fields) { return ListEntry{std::move(fields)}; }

}  // namespace

TEST(SessionList, AJsonArrayOfObjectsBothWays) {
    const json given = json::parse(R"([{"med_name": "Ibuprofen", "med_dose": 400}, {"med_name": "Aspirin"}])");
    auto a = answerFromJson(meds(), given, std::nullopt);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_TRUE((a.value() == Answer{ListAnswer{entry({{"med_name", std::string("Ibuprofen")}, {"med_dose", 400.0}}),
                                                 entry({{"med_name", std::string("Aspirin")}})}}));
    auto blank = answerFromJson(meds(), json::parse(R"([{"med_name": "A", "med_dose": 1}, {"med_name": ""}])"), std::nullopt);
    ASSERT_FALSE(blank.ok()) << "an empty text is no answer: the entry is left with nothing";
    EXPECT_EQ(blank.error().message, "answer to 'meds[1]' is an entry with no field answered; answer one or leave the entry out");
    EXPECT_EQ(answerToJson(a.value()), json::parse(R"([{"med_dose": 400, "med_name": "Ibuprofen"}, {"med_name": "Aspirin"}])"));

    auto wrong = answerFromJson(meds(), json::parse(R"([{"med_name": "A", "med_dose": "lots"}])"), std::nullopt);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().message, "answer to 'meds[0].med_dose' has the wrong type: expected a number");
    EXPECT_EQ(wrong.error().message.find("lots"), std::string::npos) << "never the value";
    auto unknown = answerFromJson(meds(), json::parse(R"([{"med_name": "A"}, {"colour": "red"}])"), std::nullopt);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().message, "answer to 'meds[1]' names a field the list does not have; its fields are: med_name, med_dose");
    auto missing = answerFromJson(meds(), json::parse(R"([{"med_dose": 5}])"), std::nullopt);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, "'meds[0].med_name' is required but has no answer");
    auto many = answerFromJson(meds(), json::parse(R"([{"med_name": "A"}, {"med_name": "B"}, {"med_name": "C"}, {"med_name": "D"}])"),
                               std::nullopt);
    ASSERT_FALSE(many.ok());
    EXPECT_EQ(many.error().message, "answer to 'meds' has too many entries: at most 3");
    EXPECT_FALSE(answerFromJson(meds(), json::parse(R"({"med_name": "A"})"), std::nullopt).ok()) << "entries, not one object";
}

TEST(SessionList, FieldsAreSetEntriesAddedAndRemoved) {
    const Item l = meds();
    std::optional<Answer> list = withFieldAt(l, nullptr, 0, "med_name", Answer{std::string("A")});
    ASSERT_TRUE(list);
    list = withFieldAt(l, &*list, 1, "med_name", Answer{std::string("B")});
    list = withFieldAt(l, &*list, 0, "med_dose", Answer{5.0});
    EXPECT_TRUE((*list == Answer{ListAnswer{entry({{"med_name", std::string("A")}, {"med_dose", 5.0}}),
                                            entry({{"med_name", std::string("B")}})}}));
    list = withFieldAt(l, &*list, 5, "med_name", Answer{std::string("X")});
    EXPECT_EQ(entryCount(&*list), 2u) << "an entry past the end adds nothing";
    list = withFieldAt(l, &*list, 2, "colour", Answer{std::string("red")});
    EXPECT_EQ(entryCount(&*list), 2u) << "nor does a field the list lacks";
    list = withFieldAt(l, &*list, 2, "med_name", std::nullopt);
    EXPECT_EQ(entryCount(&*list), 2u) << "clearing a new entry starts none";
    list = withFieldAt(l, &*list, 2, "med_name", Answer{std::string("C")});
    list = withFieldAt(l, &*list, 3, "med_name", Answer{std::string("D")});
    EXPECT_EQ(entryCount(&*list), 3u) << "max_entries 3";
    list = withFieldAt(l, &*list, 0, "med_dose", std::nullopt);
    EXPECT_EQ(fieldAt(&*list, 0, "med_dose"), nullptr);
    list = withoutEntry(&*list, 1);
    ASSERT_EQ(entryCount(&*list), 2u);
    EXPECT_TRUE((*fieldAt(&*list, 1, "med_name") == Answer{std::string("C")})) << "the entries below move up";
    list = withoutEntry(&*list, 0);
    list = withoutEntry(&*list, 0);
    EXPECT_FALSE(list) << "the last entry removed: no answer";
}

TEST_F(ListIntake, NextNamesTheEntryAndFieldAndDraftsKeepTheEntries) {
    act(Start{"es"});
    act(SetAnswer{"meds", std::string("Ibuprofeno"), 0, "med_name"});
    act(SetAnswer{"meds", 400.0, 0, "med_dose"});
    act(SetAnswer{"meds", 5.0, 1, "med_dose"});
    ASSERT_NE(answer("meds"), nullptr);
    EXPECT_EQ(entryCount(answer("meds")), 2u);
    act(Next{});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(intake.view().items[0].error, "Medicamento 2, Pregunta med_name: Por favor, responda a esta pregunta.");
    act(SetAnswer{"meds", std::string("Aspirina"), 1, "med_name"});
    act(SetAnswer{"meds", std::string("Vitamina D"), 2, "med_name"});
    act(ClearAnswer{"meds", 1});
    EXPECT_TRUE((*answer("meds") == Answer{ListAnswer{entry({{"med_name", std::string("Ibuprofeno")}, {"med_dose", 400.0}}),
                                                      entry({{"med_name", std::string("Vitamina D")}})}}));
    act(Next{});
    EXPECT_EQ(intake.view().page, 1);

    Intake resumed{twoPages(), realCatalog(), IntakeConfig{}, fixedClock()};
    ASSERT_TRUE(resumed.restore(intake.snapshot()));
    resumed.apply(ResumeContinue{});
    EXPECT_TRUE(resumed.answers() == intake.answers());
    resumed.apply(Next{});
    const ViewModel review = resumed.view();
    ASSERT_EQ(review.screen, Screen::Review);
    EXPECT_EQ(review.review[0].answerText, "Medicamento 1: Ibuprofeno; 400\nMedicamento 2: Vitamina D");
}

TEST_F(ListIntake, AnEntryLeftEmptyIsToFillInOrRemove) {
    act(Start{"en"});
    act(SetAnswer{"meds", std::string("A"), 0, "med_name"});
    act(SetAnswer{"meds", std::string("B"), 1, "med_name"});
    act(SetAnswer{"meds", std::string(""), 0, "med_name"});  // the keyboard's last key deleted
    act(Next{});
    EXPECT_EQ(intake.view().page, 0);
    EXPECT_EQ(intake.view().items[0].error, "Medicine 1: Please fill this in, or remove it.");
}

TEST(SessionList, SimulateTakesEntriesAndCountsThem) {
    const SimulateResult r = simulate(twoPages(), json::parse(R"({"meds":[{"med_name":"A"},{"med_name":"B","med_dose":2}],"more":false})"),
                                      "", realCatalog(), fixedClock());
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().message);
    EXPECT_EQ(toJson(*r.record)["answers"]["meds"], json::parse(R"([{"med_name":"A"},{"med_dose":2,"med_name":"B"}])"));
}
