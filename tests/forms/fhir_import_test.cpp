// import-fhir on small Questionnaires written here: each mapping, each warning (with the JSON path
// and linkId), each refusal, and the linkId rewrite. The public Questionnaires are in
// tests/export/fhir_roundtrip_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/loader.h"

using namespace kiosk::forms;
using nlohmann::json;

namespace {

/// Imports @p q and loads the result; fails the test when either step fails.
std::shared_ptr<const Form> load(const json& q, FhirImport* out = nullptr) {
    FhirImport r = importFhirQuestionnaire(q.dump(), "q.json");
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    const LoadResult l = loadFormFromString(r.yaml, "q.yaml");
    EXPECT_TRUE(l.ok()) << (l.errors.empty() ? "" : l.errors.front().format()) << "\n" << r.yaml;
    if (out) *out = std::move(r);
    return l.form;
}

bool warned(const FhirImport& r, const std::string& text) {
    for (const std::string& w : r.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

std::string firstError(const std::string& text) {
    const FhirImport r = importFhirQuestionnaire(text, "q.json");
    EXPECT_TRUE(r.yaml.empty());
    return r.errors.empty() ? "" : r.errors.front().format();
}

}  // namespace

TEST(FhirImport, LinkIdsThatAreNoIdsAreRewrittenTheDocumentedWay) {
    EXPECT_EQ(idFromLinkId("pain_now"), "pain_now");
    EXPECT_EQ(idFromLinkId("/44250-9"), "q_44250_9");
    EXPECT_EQ(idFromLinkId("Pain.Now"), "pain_now");
    EXPECT_EQ(idFromLinkId("H1/T1/Q1"), "h1_t1_q1");
    EXPECT_EQ(idFromLinkId("__a__b__"), "a_b");
    EXPECT_EQ(idFromLinkId("---"), "q");
    EXPECT_EQ(idFromLinkId(std::string(100, 'a')).size(), 64u);
}

TEST(FhirImport, TypesGroupsAndConditionsMap) {
    const json q = json::parse(R"({"resourceType":"Questionnaire","url":"http://ex.org/Q/1","version":"2.1","title":"T",
      "language":"en-US",
      "item":[{"linkId":"g1","type":"group","text":"Page one","item":[
         {"linkId":"1.1","type":"boolean","text":"Smoker?","required":true},
         {"linkId":"1.2","type":"integer","text":"How many?","prefix":"a.",
          "enableWhen":[{"question":"1.1","operator":"=","answerBoolean":true}],
          "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                       {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":80}]},
         {"linkId":"1.3","type":"choice","repeats":true,"text":"Which?",
          "answerOption":[{"valueCoding":{"system":"http://s","code":"A-1","display":"A"}},{"valueCoding":{"system":"http://s","code":"B","display":"B"}}]},
         {"linkId":"1.4","type":"string","text":"Which other?","maxLength":40,"enableBehavior":"any",
          "enableWhen":[{"question":"1.3","operator":"=","answerCoding":{"system":"http://s","code":"B"}},
                        {"question":"1.2","operator":">=","answerInteger":10}]},
         {"linkId":"1.5","type":"text","text":"Notes","enableWhen":[{"question":"1.4","operator":"exists","answerBoolean":true}]}]},
       {"linkId":"2","type":"date","text":"When?"}]})");
    FhirImport r;
    auto form = load(q, &r);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->languages, std::vector<std::string>{"en"});
    ASSERT_TRUE(form->fhir);
    EXPECT_EQ(form->fhir->url, "http://ex.org/Q/1");
    EXPECT_EQ(form->fhir->version, "2.1");
    ASSERT_EQ(form->pages.size(), 2u);
    EXPECT_EQ(form->pages[0].id, "g1");
    EXPECT_TRUE(form->pages[0].group);
    EXPECT_FALSE(form->pages[1].group);  // a top-level question: a page of its own, no group in FHIR
    const Item* smoker = form->findItem("q_1_1");
    ASSERT_NE(smoker, nullptr);
    EXPECT_EQ(smoker->type, ItemType::YesNo);
    EXPECT_EQ(smoker->linkId, "1.1");
    EXPECT_TRUE(smoker->required);
    const Item* many = form->findItem("q_1_2");
    ASSERT_NE(many, nullptr);
    EXPECT_EQ(many->type, ItemType::Number);
    EXPECT_EQ(many->label.get("en"), "a. How many?");
    EXPECT_EQ(*many->min, 0);
    EXPECT_EQ(*many->max, 80);
    ASSERT_TRUE(many->showIf);
    EXPECT_EQ(many->showIf->item, "q_1_1");
    const Item* which = form->findItem("q_1_3");
    ASSERT_NE(which, nullptr);
    EXPECT_EQ(which->type, ItemType::Multi);
    EXPECT_EQ(which->options[0].value, "a_1");
    EXPECT_EQ(which->options[0].code, "A-1");
    const Item* other = form->findItem("q_1_4");
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->maxLength, 40);
    ASSERT_TRUE(other->showIf);
    EXPECT_EQ(other->showIf->kind, Condition::Kind::Any);
    EXPECT_EQ(other->showIf->children[0].op, CondOp::Includes);  // "=" on a repeating choice
    EXPECT_EQ(std::get<std::string>(other->showIf->children[0].value), "b");
    EXPECT_EQ(other->showIf->children[1].op, CondOp::Ge);
    const Item* notes = form->findItem("q_1_5");
    ASSERT_NE(notes, nullptr);
    EXPECT_EQ(notes->textKind, TextKind::Multiline);
    EXPECT_EQ(notes->showIf->op, CondOp::Answered);
    EXPECT_EQ(form->findItem("q_2")->type, ItemType::Date);
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST(FhirImport, TranslationsBecomeLanguagesOnlyWhenEveryTextHasThem) {
    const json q = json::parse(R"({"resourceType":"Questionnaire","url":"u","title":"Hello",
      "_title":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":"es"},{"url":"content","valueString":"Hola"}]},
                             {"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":"fr"},{"url":"content","valueString":"Bonjour"}]}]},
      "item":[{"linkId":"a","type":"boolean","text":"Yes?",
        "_text":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/translation","extension":[{"url":"lang","valueCode":"es"},{"url":"content","valueString":"¿Sí?"}]}]}}]})");
    FhirImport r;
    auto form = load(q, &r);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->languages, (std::vector<std::string>{"en", "es"}));
    EXPECT_EQ(form->findItem("a")->label.get("es"), "¿Sí?");
    EXPECT_TRUE(warned(r, "language 'fr' dropped: 2 of 3 texts are translated")) << r.warnings.size();
}

TEST(FhirImport, WhatCannotBeMappedIsAWarningNamingPathAndLinkId) {
    const json q = json::parse(R"({"resourceType":"Questionnaire","url":"u","item":[
      {"linkId":"a","type":"decimal","text":"A","extension":[{"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression","valueExpression":{"language":"text/fhirpath","expression":"1"}}]},
      {"linkId":"b","type":"attachment","text":"B"},
      {"linkId":"c","type":"reference","text":"C"},
      {"linkId":"d","type":"string","text":"D","initial":[{"valueInteger":4}],
       "extension":[{"url":"http://example.org/odd","valueString":"y"},
                    {"url":"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression","valueExpression":{"language":"text/fhirpath","expression":"true"}}]},
      {"linkId":"e","type":"string","text":"E","enableWhen":[{"question":"nowhere","operator":"exists","answerBoolean":true}]},
      {"linkId":"f","type":"choice","text":"F","answerValueSet":"http://loinc.org/vs/LL1-1"}]})");
    FhirImport r;
    auto form = load(q, &r);
    ASSERT_TRUE(form);
    EXPECT_TRUE(warned(r, "q.json: warning: item[0].extension[0] (linkId 'a'): calculatedExpression dropped"));
    EXPECT_TRUE(warned(r, "item[1] (linkId 'b'): a attachment item is dropped"));
    EXPECT_TRUE(warned(r, "item[2] (linkId 'c'): a reference item is dropped"));
    EXPECT_TRUE(warned(r, "item[3].initial (linkId 'd'): initial value dropped: it is no text"));
    EXPECT_TRUE(warned(r, "item[3].extension[0] (linkId 'd'): extension http://example.org/odd dropped"));
    EXPECT_TRUE(warned(r, "item[3].extension[1] (linkId 'd'): enableWhenExpression dropped"));
    EXPECT_TRUE(warned(r, "item[4].enableWhen[0] (linkId 'e'): enableWhen names 'nowhere'"));
    EXPECT_TRUE(warned(r, "item[5].answerValueSet (linkId 'f'): value set 'http://loinc.org/vs/LL1-1' is not contained"));
    EXPECT_EQ(form->findItem("b"), nullptr);
    EXPECT_EQ(form->findItem("f")->type, ItemType::Text);
}

TEST(FhirImport, BadInputIsAnErrorWithItsPath) {
    EXPECT_EQ(firstError("{\"resourceType\": \"Questionnaire\",\n  \"item\": [}"),
              "q.json: error: $: not JSON (at line 2, column 12); a FHIR Questionnaire is a JSON file");
    EXPECT_EQ(firstError(R"({"resourceType":"Patient"})"), "q.json: error: resourceType: this is a FHIR Patient, not a Questionnaire");
    EXPECT_EQ(firstError(R"([1,2])"), "q.json: error: $: a FHIR Questionnaire is a JSON object, not array");
    EXPECT_EQ(firstError(R"({"resourceType":"Questionnaire","item":[{"linkId":"a","type":"coding","text":"A"}]})"),
              "q.json: error: item[0]: this Questionnaire is FHIR R5, not R4 ('answerConstraint', 'disabledDisplay' and the "
              "types coding / question are R5's); convert it to R4 first");
    EXPECT_EQ(firstError(R"({"resourceType":"Questionnaire","item":[{"linkId":"a","type":"string"},{"linkId":"a","type":"string"}]})"),
              "q.json: error: item[1].linkId: duplicate linkId 'a': item[0] has it already (linkIds are unique in a Questionnaire)");
    EXPECT_EQ(firstError(R"({"resourceType":"Questionnaire","item":[{"type":"string"}]})"),
              "q.json: error: item[0].linkId: every item needs a linkId (a non-empty string)");
    EXPECT_EQ(firstError(R"({"resourceType":"Questionnaire","item":[
        {"linkId":"a","type":"boolean","enableWhen":[{"question":"b","operator":"exists","answerBoolean":true}]},
        {"linkId":"b","type":"boolean","enableWhen":[{"question":"a","operator":"exists","answerBoolean":true}]}]})"),
              "q.json: error: item[0].enableWhen: enableWhen cycle 'a' -> 'b' -> 'a': no item of it could ever be shown");
    EXPECT_EQ(firstError(R"({"resourceType":"Questionnaire"})"), "q.json: error: item: the Questionnaire has no items: nothing to ask");
}

// A hand-edited Questionnaire with a value of the wrong JSON type ("required": "true") aborted
// import-fhir (an uncaught nlohmann type_error, exit 134). Each is an error at its path; whatever
// the scan does not name is still an error, never a crash.
TEST(FhirImport, AValueOfTheWrongTypeIsAnErrorAtItsPathNotACrash) {
    auto q = [](const std::string& items) { return R"({"resourceType":"Questionnaire","status":"active","item":[)" + items + "]}"; };
    EXPECT_EQ(firstError(q(R"({"linkId":"a","type":"boolean","text":"A","required":"true"})")),
              "q.json: error: item[0].required: expected true or false, not string");
    EXPECT_EQ(firstError(q(R"({"linkId":"g","type":"group","text":"G","item":[{"linkId":"a","type":"string","text":"A","readOnly":1}]})")),
              "q.json: error: item[0].item[0].readOnly: expected true or false, not number");
    EXPECT_EQ(firstError(q(R"({"linkId":"g","type":"group","text":"G","repeats":"yes","item":[{"linkId":"a","type":"string"}]})")),
              "q.json: error: item[0].repeats: expected true or false, not string");
    EXPECT_EQ(firstError(q(R"({"linkId":"a","type":5,"text":"A"})")), "q.json: error: item[0].type: expected a string, not number");
    EXPECT_EQ(firstError(q(R"({"linkId":"a","type":"string","text":"A","extension":"x"})")),
              "q.json: error: item[0].extension: expected a list, not string");
    EXPECT_EQ(firstError(q(R"({"linkId":"a","type":"boolean","text":"A"},
        {"linkId":"b","type":"boolean","text":"B","enableWhen":[{"question":"a","operator":"exists","answerBoolean":"false"}]})")),
              "q.json: error: item[1].enableWhen[0].answerBoolean: expected true or false, not string");
    EXPECT_EQ(firstError(R"({"resourceType":5,"item":[]})"), "q.json: error: resourceType: expected a string, not number");
    // Deeper values the scan does not look at: still an error, not an abort.
    const FhirImport deep = importFhirQuestionnaire(
        q(R"({"linkId":"a","type":"choice","text":"A","answerOption":[{"valueString":"x","initialSelected":"yes"}]},
             {"linkId":"b","type":"string","text":"B","extension":[{"url":7}]})"),
        "q.json");
    EXPECT_FALSE(deep.ok());
    EXPECT_TRUE(deep.yaml.empty());
}

TEST(FhirImport, AFiftyMegabyteFileIsRefusedBeforeItIsRead) {
    EXPECT_LT(kFhirQuestionnaireFile.maxBytes, 50u * 1024 * 1024);
}

TEST(FhirImport, AnswersKeyedByLinkIdAndCodeReachTheirItems) {
    const json q = json::parse(R"({"resourceType":"Questionnaire","url":"u","item":[
      {"linkId":"/1-1","type":"choice","text":"A","answerOption":[{"valueCoding":{"code":"LA-1"}},{"valueCoding":{"code":"LA-2"}}]},
      {"linkId":"/1-2","type":"choice","repeats":true,"text":"B","answerOption":[{"valueCoding":{"code":"X"}},{"valueCoding":{"code":"Y"}}]},
      {"linkId":"c","type":"string","text":"C"}]})");
    auto form = load(q);
    ASSERT_TRUE(form);
    const json by = answersByItemId(*form, json::parse(R"({"/1-1":"LA-2","/1-2":["Y","x"],"c":"LA-2","zzz":1})"));
    EXPECT_EQ(by, json::parse(R"({"q_1_1":"la_2","q_1_2":["y","x"],"c":"LA-2","zzz":1})"));
}

TEST(FhirImport, InitialValuesBecomeStartingAnswersTheItemTakes) {
    const json q = json::parse(R"({"resourceType":"Questionnaire","url":"u","item":[
      {"linkId":"country","type":"string","text":"Country","initial":[{"valueString":"Spain"}]},
      {"linkId":"visits","type":"integer","text":"Visits","initial":[{"valueInteger":1}]},
      {"linkId":"temp","type":"decimal","text":"Temp","initial":[{"valueDecimal":36.5}]},
      {"linkId":"day","type":"dateTime","text":"Day","initial":[{"valueDateTime":"2026-01-02T10:00:00Z"}]},
      {"linkId":"ok","type":"boolean","text":"OK","initial":[{"valueBoolean":true}]},
      {"linkId":"pressure","type":"choice","text":"Pressure","initial":[{"valueCoding":{"system":"s","code":"M"}}],
       "answerOption":[{"valueCoding":{"system":"s","code":"L"}},{"valueCoding":{"system":"s","code":"M"}}]},
      {"linkId":"music","type":"choice","repeats":true,"text":"Music",
       "answerOption":[{"valueString":"jazz","initialSelected":true},{"valueString":"pop"},{"valueString":"quiet","initialSelected":true}]},
      {"linkId":"partial","type":"date","text":"Partial","initial":[{"valueDate":"2026-01"}]},
      {"linkId":"nrs","type":"integer","text":"NRS","initial":[{"valueInteger":12}],
       "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                    {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}]},
      {"linkId":"two","type":"choice","text":"Two","answerOption":[{"valueString":"a","initialSelected":true},{"valueString":"b","initialSelected":true}]}]})");
    FhirImport r;
    auto form = load(q, &r);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->findItem("country")->initial, Answer{std::string("Spain")});
    EXPECT_EQ(form->findItem("visits")->initial, Answer{1.0});
    EXPECT_EQ(form->findItem("temp")->initial, Answer{36.5});
    EXPECT_EQ(form->findItem("day")->initial, Answer{(Date{2026, 1, 2})});
    EXPECT_EQ(form->findItem("ok")->initial, Answer{true});
    EXPECT_EQ(form->findItem("pressure")->initial, Answer{std::string("m")});
    EXPECT_EQ(form->findItem("music")->initial, (Answer{std::vector<std::string>{"jazz", "quiet"}}));
    EXPECT_FALSE(form->findItem("partial")->initial);
    EXPECT_TRUE(warned(r, "item[7].initial (linkId 'partial'): initial value dropped: it is no full date (YYYY-MM-DD)"));
    EXPECT_FALSE(form->findItem("nrs")->initial);
    EXPECT_TRUE(warned(r, "item[8].initial (linkId 'nrs'): initial value dropped: it lies outside minValue..maxValue"));
    EXPECT_FALSE(form->findItem("two")->initial);
    EXPECT_TRUE(warned(r, "item[9].answerOption (linkId 'two'): initial value dropped: several options are selected"));
}
