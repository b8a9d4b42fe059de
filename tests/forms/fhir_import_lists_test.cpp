// import-fhir and a repeating group (a list): what one entry is called (the group's SDC shortText,
// else its text when that reads as a name, translated like every text), and enableWhen on the
// group's questions, which the kiosk can only read as "the list has an entry" or "has none".
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/loader.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using nlohmann::json;

namespace {

struct Imported {
    FhirImport import;
    std::shared_ptr<const Form> form;
};

Imported importText(const std::string& text) {
    Imported r{importFhirQuestionnaire(text, "q.json"), nullptr};
    EXPECT_TRUE(r.import.ok()) << (r.import.errors.empty() ? "" : r.import.errors.front().format());
    const LoadResult l = loadFormFromString(r.import.yaml, "q.yaml");
    EXPECT_TRUE(l.ok()) << (l.errors.empty() ? "" : l.errors.front().format()) << "\n" << r.import.yaml;
    r.form = l.form;
    return r;
}

int warnings(const FhirImport& r, const std::string& text) {
    int n = 0;
    for (const std::string& w : r.warnings) n += w.find(text) != std::string::npos;
    return n;
}

/// "text": @p text with its Spanish (the standard translation extension), for @p key.
std::string translated(const std::string& text, const std::string& es, const std::string& key = "text") {
    return "\"" + key + "\":\"" + text + "\",\"_" + key + R"(":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation",
        "extension":[{"url":"lang","valueCode":"es"},{"url":"content","valueString":")" + es + R"("}]}]})";
}

}  // namespace

TEST(FhirImportLists, AnEntryIsCalledWhatTheGroupCallsIt) {
    const std::string q = R"({"resourceType":"Questionnaire","status":"active","language":"en",)" + translated("Health", "Salud", "title") + R"(,"item":[
      {"linkId":"p","type":"group",)" + translated("Your health", "Su salud") + R"(,"item":[
        {"linkId":"meds","type":"group","repeats":true,"prefix":"3.",)" + translated("Medication:", "Medicamento:") + R"(,
         "item":[{"linkId":"m1","type":"string",)" + translated("Name", "Nombre") + R"(}]},
        {"linkId":"ops","type":"group","repeats":true,)" + translated("Which operations have you had?", "¿Qué operaciones ha tenido?") + R"(,
         "extension":[{"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText","valueString":"Operation",
           "_valueString":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation",
             "extension":[{"url":"lang","valueCode":"es"},{"url":"content","valueString":"Operación"}]}]}}],
         "item":[{"linkId":"o1","type":"string",)" + translated("What", "Qué") + R"(}]},
        {"linkId":"tests","type":"group","repeats":true,)" + translated("Please list every test you had done this year", "Indique cada prueba que se hizo este año") + R"(,
         "item":[{"linkId":"t1","type":"string",)" + translated("Test", "Prueba") + R"(}]}]}]})";
    const Imported r = importText(q);
    ASSERT_TRUE(r.form);
    ASSERT_EQ(r.form->languages, (std::vector<std::string>{"en", "es"}));
    // The group's text, without its prefix or colon, in every language.
    const Item* meds = r.form->findItem("meds");
    ASSERT_TRUE(meds);
    EXPECT_EQ(meds->entryLabel.get("en", "en"), "Medication");
    EXPECT_EQ(meds->entryLabel.get("es", "en"), "Medicamento");
    EXPECT_EQ(meds->label.get("en", "en"), "3. Medication:") << "the question itself keeps its text";
    EXPECT_TRUE(meds->addLabel.empty()) << "the kiosk names the button after the entry, in the patient's language";
    // A question is no name for a card: the SDC short text is, translated.
    const Item* ops = r.form->findItem("ops");
    ASSERT_TRUE(ops);
    EXPECT_EQ(ops->entryLabel.get("en", "en"), "Operation");
    EXPECT_EQ(ops->entryLabel.get("es", "en"), "Operación");
    EXPECT_EQ(warnings(r.import, "sdc-questionnaire-shortText"), 0);
    // A sentence without a short text: the kiosk's own "Entry".
    const Item* tests = r.form->findItem("tests");
    ASSERT_TRUE(tests);
    EXPECT_TRUE(tests->entryLabel.empty());
}

TEST(FhirImportLists, ThePublicRepeatingGroupNamesItsCards) {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fhir/lhc-date-in-repeating-group.json";
    const Imported r = importText(kiosk::testing::readFile(path));
    ASSERT_TRUE(r.form);
    const Item* list = r.form->findItem("x1");
    ASSERT_TRUE(list);
    EXPECT_EQ(list->entryLabel.get("en", "en"), "A Repeating Group");
}

TEST(FhirImportLists, EnableWhenOnAGroupsQuestionsAsksWhetherTheListHasAnEntry) {
    const std::string q = R"({"resourceType":"Questionnaire","status":"active","item":[
      {"linkId":"meds","type":"group","text":"Medicine","repeats":true,"item":[
        {"linkId":"name","type":"string","text":"Name","required":true},
        {"linkId":"dose","type":"decimal","text":"Dose"}]},
      {"linkId":"ops","type":"group","text":"Operation","repeats":true,"item":[
        {"linkId":"what","type":"string","text":"What"},
        {"linkId":"when","type":"date","text":"When"}]},
      {"linkId":"more","type":"group","text":"More","item":[
        {"linkId":"b1","type":"boolean","text":"B1","enableWhen":[{"question":"name","operator":"exists","answerBoolean":true}]},
        {"linkId":"b2","type":"boolean","text":"B2","enableBehavior":"any","enableWhen":[
          {"question":"what","operator":"exists","answerBoolean":true},{"question":"when","operator":"exists","answerBoolean":true}]},
        {"linkId":"b3","type":"boolean","text":"B3","enableBehavior":"all","enableWhen":[
          {"question":"b1","operator":"=","answerBoolean":true},
          {"question":"what","operator":"exists","answerBoolean":false},{"question":"when","operator":"exists","answerBoolean":false}]},
        {"linkId":"b4","type":"boolean","text":"B4","enableWhen":[{"question":"when","operator":"exists","answerBoolean":true}]},
        {"linkId":"b5","type":"boolean","text":"B5","enableWhen":[{"question":"dose","operator":">","answerDecimal":5}]},
        {"linkId":"b6","type":"boolean","text":"B6","enableWhen":[{"question":"meds","operator":"exists","answerBoolean":false}]}]}]})";
    const Imported r = importText(q);
    ASSERT_TRUE(r.form);
    auto showIf = [&](const char* id) -> const Condition* {
        const Item* i = r.form->findItem(id);
        return i && i->showIf ? &*i->showIf : nullptr;
    };
    // A required question: every entry answers it.
    ASSERT_TRUE(showIf("b1"));
    EXPECT_EQ(showIf("b1")->item, "meds");
    EXPECT_EQ(showIf("b1")->op, CondOp::Answered);
    // Every question, any: an entry holds at least one answer.
    ASSERT_TRUE(showIf("b2"));
    EXPECT_EQ(showIf("b2")->item, "ops");
    EXPECT_EQ(showIf("b2")->op, CondOp::Answered);
    // Every question unanswered, all, beside another condition.
    ASSERT_TRUE(showIf("b3"));
    ASSERT_EQ(showIf("b3")->kind, Condition::Kind::All);
    ASSERT_EQ(showIf("b3")->children.size(), 2u);
    EXPECT_EQ(showIf("b3")->children[1].item, "ops");
    EXPECT_EQ(showIf("b3")->children[1].op, CondOp::NotAnswered);
    // One optional question, or a value inside an entry: not something the kiosk can ask.
    EXPECT_FALSE(showIf("b4"));
    EXPECT_EQ(warnings(r.import, "item[2].item[3].enableWhen[0] (linkId 'b4'): enableWhen names 'when', a question inside the repeating group 'ops'"), 1);
    EXPECT_FALSE(showIf("b5"));
    EXPECT_EQ(warnings(r.import, "(linkId 'b5'): enableWhen names 'dose', a question inside the repeating group 'meds'"), 1);
    // The group itself (not valid R4, but read as meant).
    ASSERT_TRUE(showIf("b6"));
    EXPECT_EQ(showIf("b6")->op, CondOp::NotAnswered);
}

TEST(FhirImportLists, ATopLevelListsPageIsNamedAfterTheFormNotTheListAgain) {
    // The page holds the list alone: titled with the group's text it read "Medication", then the
    // question "Medication", then the card "Medication 1".
    const std::string q = R"({"resourceType":"Questionnaire","status":"active","language":"en",)" +
                          translated("Your medicines", "Sus medicamentos", "title") + R"(,"item":[
        {"linkId":"meds","type":"group","repeats":true,)" + translated("Medication", "Medicamento") + R"(,
         "item":[{"linkId":"m1","type":"string",)" + translated("Name", "Nombre") + R"(}]}]})";
    const Imported r = importText(q);
    ASSERT_TRUE(r.form);
    ASSERT_EQ(r.form->pages.size(), 1u);
    EXPECT_EQ(r.form->pages[0].title.get("en", "en"), "Your medicines");
    EXPECT_EQ(r.form->pages[0].title.get("es", "en"), "Sus medicamentos");
    EXPECT_EQ(r.form->pages[0].items[0].label.get("en", "en"), "Medication");
}

TEST(FhirImportLists, AGroupWithoutTextIsAskedByItsDisplayText) {
    // The SDC example's medication group has no text, only a display item saying what to give: the
    // patient read its linkId, "74080-3/74078-7", over the cards.
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fhir/sdc-loinc.json";
    const Imported r = importText(kiosk::testing::readFile(path));
    ASSERT_TRUE(r.form);
    const Item* meds = r.form->findItem("q_74080_3_74078_7");
    ASSERT_TRUE(meds);
    EXPECT_EQ(meds->label.get("en", "en").rfind("Please provide the following medication details", 0), 0u) << meds->label.get("en", "en");
    EXPECT_EQ(warnings(r.import, "(linkId '74080-3/74078-7.0')"), 0) << "used, not dropped";
    EXPECT_TRUE(meds->entryLabel.empty()) << "a sentence names no card";

    // A group with text of its own: a display item inside is still dropped, saying so.
    const Imported own = importText(R"({"resourceType":"Questionnaire","status":"active","item":[
      {"linkId":"g","type":"group","text":"Medication","repeats":true,"item":[
        {"linkId":"d","type":"display","text":"One card a medicine"},{"linkId":"n","type":"string","text":"Name"}]}]})");
    ASSERT_TRUE(own.form);
    EXPECT_EQ(own.form->findItem("g")->label.get("en", "en"), "Medication");
    EXPECT_EQ(warnings(own.import, "(linkId 'd'): a display item inside a repeating group is dropped"), 1);
}

TEST(FhirImportLists, AnExistsWithoutAnswerBooleanOnAListsQuestionReadsAsOnAnyQuestion) {
    // On a plain question an `exists` without answerBoolean is read as "answered"; on the only
    // question of a repeating group it was dropped as "looking inside a list's entries".
    const Imported r = importText(R"({"resourceType":"Questionnaire","status":"active","item":[
      {"linkId":"meds","type":"group","text":"Medicine","repeats":true,"item":[{"linkId":"name","type":"string","text":"Name"}]},
      {"linkId":"a","type":"boolean","text":"A"},
      {"linkId":"b1","type":"boolean","text":"B1","enableWhen":[{"question":"a","operator":"exists"}]},
      {"linkId":"b2","type":"boolean","text":"B2","enableWhen":[{"question":"name","operator":"exists"}]}]})");
    ASSERT_TRUE(r.form);
    const Item* b1 = r.form->findItem("b1");
    const Item* b2 = r.form->findItem("b2");
    ASSERT_TRUE(b1 && b1->showIf && b2);
    EXPECT_EQ(b1->showIf->op, CondOp::Answered);
    ASSERT_TRUE(b2->showIf);
    EXPECT_EQ(b2->showIf->item, "meds");
    EXPECT_EQ(b2->showIf->op, CondOp::Answered);
    EXPECT_EQ(warnings(r.import, "a question inside the repeating group"), 0);
}
