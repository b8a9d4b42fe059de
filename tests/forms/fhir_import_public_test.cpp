// import-fhir on public Questionnaires (tests/data/fhir, SOURCES.md) for what the form model
// cannot hold as it is: initial values, readOnly items, repeating groups and repeating
// questions. Each either maps (a readOnly item is a text showing its initial value) or is a
// warning naming the file, the JSON path and the linkId; the form still loads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/loader.h"
#include "support/temp_files.h"

using namespace kiosk::forms;
using nlohmann::json;

namespace {

const std::string kDir = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fhir/";

struct Imported {
    FhirImport import;
    std::shared_ptr<const Form> form;
};

Imported importText(const std::string& text, const std::string& name) {
    Imported r{importFhirQuestionnaire(text, name), nullptr};
    EXPECT_TRUE(r.import.ok()) << (r.import.errors.empty() ? "" : r.import.errors.front().format());
    const LoadResult l = loadFormFromString(r.import.yaml, "imported.yaml");
    EXPECT_TRUE(l.ok()) << (l.errors.empty() ? "" : l.errors.front().format()) << "\n" << r.import.yaml;
    r.form = l.form;
    return r;
}

const Item* byLinkId(const Form& form, const std::string& linkId) {
    for (const Item* i : form.allItems())
        if (i->linkId == linkId || (i->linkId.empty() && i->id == linkId)) return i;
    return nullptr;
}

int warnings(const FhirImport& r, const std::string& text) {
    int n = 0;
    for (const std::string& w : r.warnings) n += w.find(text) != std::string::npos;
    return n;
}

}  // namespace

TEST(FhirImportPublic, InitialValuesOfQuestionsBecomeTheirStartingAnswers) {
    const Imported r = importText(kiosk::testing::readFile(kDir + "lhc-initialx.json"), "lhc-initialx.json");
    ASSERT_TRUE(r.form);
    auto initial = [&](const std::string& linkId) -> std::optional<Answer> {
        const Item* i = byLinkId(*r.form, linkId);
        EXPECT_NE(i, nullptr) << linkId;
        return i == nullptr ? std::nullopt : i->initial;
    };
    EXPECT_EQ(initial("/type-boolean"), Answer{true});
    EXPECT_EQ(initial("/type-integer"), Answer{123.0});
    EXPECT_EQ(initial("/type-string"), Answer{std::string("abc123")});
    EXPECT_EQ(initial("/type-date"), Answer{(Date{2019, 9, 3})});
    EXPECT_EQ(initial("/type-dateTime"), Answer{(Date{2015, 2, 7})}) << "asked as a date";
    EXPECT_EQ(initial("/type-time"), Answer{std::string("13:28:17")}) << "asked as text";
    EXPECT_EQ(initial("/type-choice"), Answer{std::string("c2")});
    EXPECT_EQ(initial("/type-choice-m"), (Answer{std::vector<std::string>{"c1", "c3"}}));
    // What the kiosk's item could not take is kept out, said with the linkId.
    EXPECT_FALSE(initial("/type-decimal"));
    EXPECT_EQ(warnings(r.import, "lhc-initialx.json: warning: item[2].initial (linkId '/type-decimal'): initial value "
                                 "dropped: it has more decimals than the item takes"),
              1);
    EXPECT_FALSE(initial("/type-open-choice"));
    EXPECT_EQ(warnings(r.import, "(linkId '/type-open-choice'): initial value dropped: it is none of the item's options"), 1);
}

TEST(FhirImportPublic, ReadOnlyItemsAreTextsShowingTheirInitialValue) {
    // The same public file with every item but the last made readOnly (a form asks something):
    // prefilled values shown, not asked.
    json q = json::parse(kiosk::testing::readFile(kDir + "lhc-initialx.json"));
    for (size_t i = 0; i + 1 < q["item"].size(); ++i) q["item"][i]["readOnly"] = true;
    const Imported r = importText(q.dump(), "lhc-initialx-readonly.json");
    ASSERT_TRUE(r.form);
    const std::map<std::string, std::string> shown = {
        {"/type-string", "string: abc123"}, {"/type-integer", "integer: 123"},   {"/type-decimal", "decimal: 123.45"},
        {"/type-date", "date: 2019-09-03"}, {"/type-time", "time: 13:28:17"},
    };
    for (const auto& [linkId, text] : shown) {
        SCOPED_TRACE(linkId);
        const Item* i = byLinkId(*r.form, linkId);
        ASSERT_NE(i, nullptr);
        EXPECT_EQ(i->type, ItemType::Info);
        EXPECT_EQ(i->label.get("en"), text);
        EXPECT_EQ(warnings(r.import, "(linkId '" + linkId + "'): readOnly: shown as text with its initial value"), 1);
        EXPECT_EQ(warnings(r.import, "(linkId '" + linkId + "'): initial value"), 0);  // shown, not dropped
    }
    // A boolean reads differently in every language: its text alone, and the value named as dropped.
    const Item* b = byLinkId(*r.form, "/type-boolean");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->type, ItemType::Info);
    EXPECT_EQ(b->label.get("en"), "boolean");
    EXPECT_EQ(warnings(r.import, "item[0] (linkId '/type-boolean'): readOnly: shown as text, no answer is recorded"), 1);
    EXPECT_EQ(warnings(r.import, "item[0].initial (linkId '/type-boolean'): initial value dropped"), 1);
    EXPECT_TRUE(byLinkId(*r.form, q["item"].back()["linkId"].get<std::string>())->isQuestion());
}

TEST(FhirImportPublic, ARepeatingGroupIsAListOfItsQuestions) {
    const Imported r =
        importText(kiosk::testing::readFile(kDir + "lhc-date-in-repeating-group.json"), "lhc-date-in-repeating-group.json");
    ASSERT_TRUE(r.form);
    EXPECT_EQ(warnings(r.import, "a repeating group is asked once"), 0);
    const Item* list = byLinkId(*r.form, "X1");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->type, ItemType::List);
    ASSERT_EQ(list->fields.size(), 3u);
    const char* linkIds[] = {"X11", "X12", "X13"};
    for (size_t i = 0; i < 3; ++i) EXPECT_EQ(linkIdOf(list->fields[i]), linkIds[i]);
    EXPECT_FALSE(r.form->pages[0].group) << "the page has no FHIR item: the list is the group";
}

TEST(FhirImportPublic, WhatAListEntryCannotHoldIsAWarningNamingIt) {
    // The SDC example's repeating medication group (its display text is its question: see
    // fhir_import_lists_test.cpp).
    const Imported sdc = importText(kiosk::testing::readFile(kDir + "sdc-loinc.json"), "sdc-loinc.json");
    ASSERT_TRUE(sdc.form);
    const Item* meds = byLinkId(*sdc.form, "74080-3/74078-7");
    ASSERT_NE(meds, nullptr);
    EXPECT_EQ(meds->type, ItemType::List);

    const std::string q = R"({"resourceType":"Questionnaire","status":"active","item":[
      {"linkId":"meds","type":"group","text":"Medicines","repeats":true,"required":true,
       "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs","valueInteger":4}],"item":[
        {"linkId":"name","type":"string","text":"Name","required":true},
        {"linkId":"dose","type":"decimal","text":"Dose","repeats":true},
        {"linkId":"when","type":"group","text":"Times","item":[{"linkId":"am","type":"boolean","text":"Morning"}]},
        {"linkId":"why","type":"string","text":"Why","enableWhen":[{"question":"name","operator":"exists","answerBoolean":true}]},
        {"linkId":"scan","type":"attachment","text":"Scan"}]},
      {"linkId":"pets","type":"group","text":"Pets","repeats":true,"item":[{"linkId":"pet_note","type":"display","text":"Note"}]}]})";
    const Imported r = importText(q, "meds.json");
    ASSERT_TRUE(r.form);
    const Item* list = byLinkId(*r.form, "meds");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->type, ItemType::List);
    EXPECT_TRUE(list->required);
    EXPECT_EQ(list->maxEntries, 4);
    ASSERT_EQ(list->fields.size(), 3u);  // name, dose (once), why (always)
    EXPECT_FALSE(list->fields[1].repeats);
    EXPECT_EQ(warnings(r.import, "(linkId 'dose'): repeats dropped inside a repeating group"), 1);
    EXPECT_EQ(warnings(r.import, "(linkId 'when'): a group inside a repeating group is dropped"), 1);
    EXPECT_EQ(warnings(r.import, "(linkId 'why'): enableWhen inside a repeating group dropped"), 1);
    EXPECT_EQ(warnings(r.import, "(linkId 'scan'): a attachment item is dropped"), 1);
    EXPECT_EQ(warnings(r.import, "item[1] (linkId 'pets'): a repeating group without questions a list entry can hold is asked once"), 1);
}

TEST(FhirImportPublic, RepeatsOnANumberIsAListOnAYesNoAWarningNamingIt) {
    // The public weight-and-height form, its first decimal made to repeat, and a repeating boolean added.
    json q = json::parse(kiosk::testing::readFile(kDir + "lhc-weight-height.json"));
    std::string linkId;
    std::function<void(json&)> mark = [&](json& items) {
        for (json& i : items) {
            if (linkId.empty() && i.value("type", "") == "decimal") {
                i["repeats"] = true;
                linkId = i["linkId"].get<std::string>();
            }
            if (i.contains("item")) mark(i["item"]);
        }
    };
    mark(q["item"]);
    ASSERT_FALSE(linkId.empty());
    q["item"].push_back(json{{"linkId", "smoker"}, {"type", "boolean"}, {"text", "Smoker?"}, {"repeats", true}});
    const Imported r = importText(q.dump(), "weight-height-repeats.json");
    ASSERT_TRUE(r.form);
    EXPECT_EQ(warnings(r.import, "weight-height-repeats.json: warning: "), static_cast<int>(r.import.warnings.size()));
    for (const std::string& w : r.import.warnings)
        EXPECT_EQ(w.find("(linkId '" + linkId + "'): repeats"), std::string::npos) << "a repeating decimal is a list: " << w;
    ASSERT_NE(byLinkId(*r.form, linkId), nullptr);
    EXPECT_TRUE(byLinkId(*r.form, linkId)->repeats);
    EXPECT_EQ(warnings(r.import, "(linkId 'smoker'): repeats dropped: the kiosk takes one boolean answer"), 1);
    EXPECT_NE(byLinkId(*r.form, "smoker"), nullptr);
}
