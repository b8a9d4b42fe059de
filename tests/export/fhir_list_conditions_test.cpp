// A condition on a list (FHIR's repeating group) in `form export-fhir`: an enableWhen must name a
// question, never the group, so "the list is answered" goes out on the list's fields (exists on
// each with enableBehavior any, or on a required one where the rest of the condition needs one
// enableWhen), or as FHIRPath where neither fits; the Questionnaire is valid (schema and
// enableWhenProblems), and import-fhir reads each back as the same show_if. The entry_label goes
// out as the group's SDC shortText and comes back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fhir_check.h"
#include "kiosk/export/fhir_questionnaire.h"
#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/loader.h"

namespace {

using nlohmann::json;
using namespace kiosk;
namespace fhir = kiosk::exports::fhir;

const char* kForm = R"(id: lists
version: 1
title: {en: Lists, es: Listas}
languages: [en, es]
license:
  text: written for this test
pages:
  - id: p1
    title: {en: One, es: Uno}
    items:
      - id: meds
        type: list
        label: {en: Medicines, es: Medicamentos}
        entry_label: {en: Medicine, es: Medicamento}
        fields:
          - {id: med_name, type: text, required: true, label: {en: Name, es: Nombre}}
          - {id: med_dose, type: number, label: {en: Dose, es: Dosis}}
      - id: pets
        type: list
        label: {en: Pets, es: Mascotas}
        fields:
          - {id: pet, type: text, label: {en: Pet, es: Mascota}}
      - id: ops
        type: list
        label: {en: Operations, es: Operaciones}
        show_if: {item: pets, op: answered}
        fields:
          - {id: op_what, type: text, label: {en: What, es: Qué}}
          - {id: op_when, type: date, label: {en: When, es: Cuándo}}
  - id: p2
    title: {en: Two, es: Dos}
    items:
      - {id: a1, type: yes_no, label: {en: A1, es: A1}, show_if: {item: meds, op: answered}}
      - {id: a2, type: yes_no, label: {en: A2, es: A2}, show_if: {item: ops, op: not_answered}}
      - id: a3
        type: yes_no
        label: {en: A3, es: A3}
        show_if: {all: [{item: meds, op: answered}, {item: a1, op: "==", value: true}]}
      - id: a4
        type: yes_no
        label: {en: A4, es: A4}
        show_if: {any: [{item: ops, op: answered}, {item: a1, op: "==", value: true}]}
      - id: a5
        type: yes_no
        label: {en: A5, es: A5}
        show_if: {any: [{item: ops, op: not_answered}, {item: a1, op: "==", value: true}]}
      - id: a6
        type: yes_no
        label: {en: A6, es: A6}
        show_if: {not: {item: meds, op: answered}}
)";

std::shared_ptr<const forms::Form> load(const std::string& yaml) {
    const forms::LoadResult r = forms::loadFormFromString(yaml, "lists.yaml");
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format()) << "\n" << yaml;
    return r.form;
}

/// A condition as text: "meds answered", "all(meds answered, a1 == true)".
std::string describe(const forms::Condition& c) {
    using Kind = forms::Condition::Kind;
    if (c.kind == Kind::Compare) {
        std::string v;
        if (const auto* b = std::get_if<bool>(&c.value)) v = *b ? " true" : " false";
        switch (c.op) {
            case forms::CondOp::Answered: return c.item + " answered";
            case forms::CondOp::NotAnswered: return c.item + " not_answered";
            case forms::CondOp::Eq: return c.item + " ==" + v;
            default: return c.item + " ?";
        }
    }
    std::string out = c.kind == Kind::All ? "all(" : c.kind == Kind::Any ? "any(" : "not(";
    for (size_t i = 0; i < c.children.size(); ++i) out += (i ? ", " : "") + describe(c.children[i]);
    return out + ")";
}

json itemOf(const json& q, const std::string& linkId) {
    for (const json& page : q.at("item"))
        for (const json& i : page.value("item", json::array()))
            if (i.value("linkId", "") == linkId) return i;
    return json::object();
}

json existsOn(const std::string& question, bool answered) {
    return json{{"question", question}, {"operator", "exists"}, {"answerBoolean", answered}};
}

}  // namespace

TEST(ExportFhirListConditions, AListIsAskedAboutThroughItsFields) {
    const auto form = load(kForm);
    ASSERT_TRUE(form);
    const json q = fhir::questionnaire(*form);
    kiosk::testing::expectValidFhir(q, "questionnaire");

    // Answered: one of its fields answered (an entry holds at least one answer).
    EXPECT_EQ(itemOf(q, "a1")["enableWhen"], json::array({existsOn("med_name", true), existsOn("med_dose", true)}));
    EXPECT_EQ(itemOf(q, "a1")["enableBehavior"], "any");
    // Not answered: none of its fields answered.
    EXPECT_EQ(itemOf(q, "a2")["enableWhen"], json::array({existsOn("op_what", false), existsOn("op_when", false)}));
    EXPECT_EQ(itemOf(q, "a2")["enableBehavior"], "all");
    // Inside `all`: the required field, which every entry holds.
    EXPECT_EQ(itemOf(q, "a3")["enableWhen"][0], existsOn("med_name", true));
    EXPECT_EQ(itemOf(q, "a3")["enableBehavior"], "all");
    // Inside `any`, answered: its fields join the others.
    EXPECT_EQ(itemOf(q, "a4")["enableWhen"].size(), 3u);
    EXPECT_EQ(itemOf(q, "a4")["enableBehavior"], "any");
    // Inside `any`, not answered, and no required field: FHIRPath on the group's entries.
    EXPECT_FALSE(itemOf(q, "a5").contains("enableWhen"));
    EXPECT_NE(itemOf(q, "a5").dump().find("where(linkId = 'ops').item.answer.value.empty()"), std::string::npos)
        << itemOf(q, "a5").dump();
    EXPECT_EQ(itemOf(q, "a6")["enableWhen"], json::array({existsOn("med_name", false), existsOn("med_dose", false)}));
    // A list of one field: that field; the list's own show_if on a group is fine.
    EXPECT_EQ(itemOf(q, "ops")["enableWhen"], json::array({existsOn("pet", true)}));
    EXPECT_FALSE(itemOf(q, "ops").contains("enableBehavior"));
    // Its entry_label, as SDC's short text of the group, translated.
    EXPECT_NE(itemOf(q, "meds").dump().find(
                  R"({"_valueString":{"extension":[{"extension":[{"url":"lang","valueCode":"es"},{"url":"content","valueString":"Medicamento"}])"),
              std::string::npos)
        << itemOf(q, "meds").dump();
}

TEST(ExportFhirListConditions, ImportReadsEachBackAsTheSameShowIf) {
    const auto form = load(kForm);
    ASSERT_TRUE(form);
    const json q = fhir::questionnaire(*form);
    const forms::FhirImport imported = forms::importFhirQuestionnaire(q.dump(), "lists.json");
    ASSERT_TRUE(imported.ok()) << imported.errors.front().format();
    const auto back = load(imported.yaml);
    ASSERT_TRUE(back);
    for (const char* id : {"a1", "a2", "a3", "a4", "a6", "ops"}) {
        const forms::Item* before = form->findItem(id);
        const forms::Item* after = back->findItem(id);
        ASSERT_TRUE(before && after && before->showIf) << id;
        ASSERT_TRUE(after->showIf) << id << "\n" << imported.yaml;
        const std::string want = describe(*before->showIf) == "not(meds answered)" ? "meds not_answered"
                                                                                   : describe(*before->showIf);
        EXPECT_EQ(describe(*after->showIf), want) << id;
    }
    // The FHIRPath one is dropped, saying so.
    bool warned = false;
    for (const std::string& w : imported.warnings) warned = warned || w.find("enableWhenExpression dropped") != std::string::npos;
    EXPECT_TRUE(warned);
    for (const std::string& w : imported.warnings) EXPECT_EQ(w.find("a question inside the repeating group"), std::string::npos) << w;
    // The entry label comes back in both languages.
    const forms::Item* meds = back->findItem("meds");
    ASSERT_TRUE(meds);
    EXPECT_EQ(meds->entryLabel.get("en", "en"), "Medicine");
    EXPECT_EQ(meds->entryLabel.get("es", "en"), "Medicamento");
}
