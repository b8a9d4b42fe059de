// FHIR in and out: every public Questionnaire of tests/data/fhir (SOURCES.md) imports into a form
// that loads, takes an answer set keyed the FHIR way (original linkIds, option codes), and
// exports a QuestionnaireResponse that the official schema accepts and that names only linkIds
// the original Questionnaire has. The bad-* files are refused with the JSON path, nothing made.
#include <dirent.h>

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fhir_check.h"
#include "kiosk/export/fhir_questionnaire.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/forms/fhir_import.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"
#include "support/fhir_answers.h"
#include "support/session_support.h"
#include "support/temp_files.h"

namespace {

using nlohmann::json;
using kiosk::testing::readFile;
using namespace kiosk;
namespace fhir = kiosk::exports::fhir;

const std::string kDir = std::string(KIOSK_SOURCE_DIR) + "/tests/data/fhir";

std::vector<std::string> files(bool bad) {
    std::vector<std::string> out;
    if (DIR* d = ::opendir(kDir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".json" && (name.rfind("bad-", 0) == 0) == bad)
                out.push_back(name);
        }
        ::closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void collectLinkIds(const json& items, std::set<std::string>& out) {
    for (const json& i : items) {
        out.insert(i.value("linkId", ""));
        if (i.contains("item")) collectLinkIds(i["item"], out);
    }
}
void responseLinkIds(const json& items, std::set<std::string>& out) {
    for (const json& i : items) {
        out.insert(i.value("linkId", ""));
        if (i.contains("item")) responseLinkIds(i["item"], out);
        for (const json& a : i.value("answer", json::array()))
            if (a.contains("item")) responseLinkIds(a["item"], out);
    }
}

}  // namespace

TEST(FhirRoundTrip, TenPublicQuestionnairesImportRunAndExportValidResponses) {
    const auto good = files(false);
    ASSERT_GE(good.size(), 10u);
    for (const std::string& name : good) {
        SCOPED_TRACE(name);
        const std::string original = readFile(kDir + "/" + name);
        const forms::FhirImport imported = forms::importFhirQuestionnaire(original, name);
        ASSERT_TRUE(imported.ok()) << (imported.errors.empty() ? "no yaml" : imported.errors.front().format());
        const forms::LoadResult loaded = forms::loadFormFromString(imported.yaml, imported.formId + ".yaml");
        ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format() << "\n" << imported.yaml;

        // Answers keyed the FHIR way, as `simulate --answers` takes them.
        const json byId = forms::answersByItemId(*loaded.form, kiosk::testing::fhirAnswersFor(*loaded.form));
        const session::SimulateResult r = session::simulate(loaded.form, byId, "", kiosk::testing::realCatalog(),
                                                            kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
        ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
        const json record = session::toJson(*r.record);
        exports::ExportMeta meta;
        meta.id = "0b7e7c4e-1111-4aaa-8bbb-222233334444";
        meta.formId = loaded.form->id;
        meta.formVersion = loaded.form->version;
        meta.submittedAt = record["submitted_at"];
        const json qr = fhir::questionnaireResponse(meta, record, loaded.form.get());
        kiosk::testing::expectValidFhir(qr, name + " response");
        const json q = fhir::questionnaire(*loaded.form);
        kiosk::testing::expectValidFhir(q, name + " exported questionnaire");
        EXPECT_EQ(kiosk::testing::LinkIdCheck(q).problems(qr), std::vector<std::string>{});
        ASSERT_TRUE(qr.contains("item"));

        // The response speaks the EHR's linkIds, and points at the Questionnaire it came from.
        const json source = json::parse(original);
        std::set<std::string> known, used;
        collectLinkIds(source["item"], known);
        responseLinkIds(qr["item"], used);
        for (const std::string& link : used) EXPECT_TRUE(known.count(link)) << "linkId '" << link << "' is not in " << name;
        if (source.contains("url")) {
            EXPECT_EQ(qr["questionnaire"].get<std::string>().rfind(source["url"].get<std::string>(), 0), 0u);
        }
    }
}

TEST(FhirRoundTrip, CodesComeBackAsTheEhrsCodes) {
    const forms::FhirImport imported = forms::importFhirQuestionnaire(readFile(kDir + "/lhc-phq9.json"), "lhc-phq9.json");
    ASSERT_TRUE(imported.ok());
    const forms::LoadResult loaded = forms::loadFormFromString(imported.yaml, "phq9.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    const forms::Item* q1 = nullptr;
    for (const forms::Item* i : loaded.form->allItems())
        if (i->linkId == "/44250-9") q1 = i;
    ASSERT_NE(q1, nullptr);
    EXPECT_EQ(q1->id, "q_44250_9");  // the documented rewrite
    ASSERT_EQ(q1->type, forms::ItemType::Single);
    EXPECT_EQ(q1->options.front().code, "LA6568-5");
    EXPECT_EQ(q1->options.front().system, "http://loinc.org");
    EXPECT_EQ(q1->options.front().value, "la6568_5");
    EXPECT_EQ(q1->options.front().score, 0);
    const json record = {{"answers", {{"q_44250_9", "la6569_3"}}}, {"lang", "en"}};
    exports::ExportMeta meta;
    meta.id = "x";
    const json qr = fhir::questionnaireResponse(meta, record, loaded.form.get());
    const json& answer = qr["item"][0]["answer"][0]["valueCoding"];  // a page of top-level questions: no group
    EXPECT_EQ(qr["item"][0]["linkId"], "/44250-9");
    EXPECT_EQ(answer["system"], "http://loinc.org");
    EXPECT_EQ(answer["code"], "LA6569-3");
}

TEST(FhirRoundTrip, StartingAnswersGoOutAndComeBackTheSame) {
    const forms::FhirImport imported = forms::importFhirQuestionnaire(readFile(kDir + "/lhc-initialx.json"), "i.json");
    ASSERT_TRUE(imported.ok());
    const forms::LoadResult loaded = forms::loadFormFromString(imported.yaml, "i.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    const json q = fhir::questionnaire(*loaded.form);
    kiosk::testing::expectValidFhir(q, "exported questionnaire");
    const std::string text = q.dump();
    EXPECT_NE(text.find(R"("initial":[{"valueString":"abc123"}])"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("initialSelected":true)"), std::string::npos) << "choices: R4 allows no initial[x] beside answerOption";

    const forms::FhirImport again = forms::importFhirQuestionnaire(text, "again.json");
    ASSERT_TRUE(again.ok());
    const forms::LoadResult reloaded = forms::loadFormFromString(again.yaml, "again.yaml");
    ASSERT_TRUE(reloaded.ok()) << reloaded.errors.front().format() << "\n" << again.yaml;
    int withInitial = 0;
    for (const forms::Item* i : loaded.form->allItems()) {
        SCOPED_TRACE(i->id);
        const forms::Item* back = reloaded.form->findItem(i->id);
        ASSERT_NE(back, nullptr);
        EXPECT_EQ(back->initial, i->initial);
        withInitial += i->initial.has_value();
    }
    EXPECT_GE(withInitial, 8);
}

TEST(FhirRoundTrip, ARepeatingStringIsOneAnswerALine) {
    const std::string original = R"({"resourceType":"Questionnaire","url":"http://example.org/q/meds","status":"active","item":[
      {"linkId":"meds","type":"string","text":"Medicines you take","repeats":true},
      {"linkId":"visits","type":"integer","text":"Visits","repeats":true}]})";
    const forms::FhirImport imported = forms::importFhirQuestionnaire(original, "meds.json");
    ASSERT_TRUE(imported.ok());
    for (const std::string& w : imported.warnings) EXPECT_EQ(w.find("'meds'"), std::string::npos) << w;
    for (const std::string& w : imported.warnings)
        EXPECT_EQ(w.find("'visits'"), std::string::npos) << "a repeating integer is a list of values (fhir_repeats_test.cpp)";
    const forms::LoadResult loaded = forms::loadFormFromString(imported.yaml, "meds.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format() << "\n" << imported.yaml;
    const forms::Item* meds = loaded.form->findItem("meds");
    ASSERT_NE(meds, nullptr);
    EXPECT_TRUE(meds->repeats);
    EXPECT_EQ(meds->textKind, forms::TextKind::Multiline);

    // Answers the FHIR way (a JSON array), through the kiosk, out as one valueString a line.
    const json byId = forms::answersByItemId(*loaded.form, json::parse(R"({"meds":["Ibuprofen 200 mg","Aspirin"],"visits":[2]})"));
    EXPECT_EQ(byId["meds"], "Ibuprofen 200 mg\nAspirin");
    json answers = byId;
    answers["meds"] = " Ibuprofen 200 mg \n\n  Aspirin\r\n";  // as typed: blank lines and spaces go
    const session::SimulateResult r = session::simulate(loaded.form, answers, "", kiosk::testing::realCatalog(),
                                                        kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
    ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    const json record = session::toJson(*r.record);
    exports::ExportMeta meta;
    meta.id = "0b7e7c4e-1111-4aaa-8bbb-222233334445";
    meta.formId = loaded.form->id;
    meta.formVersion = loaded.form->version;
    meta.submittedAt = record["submitted_at"];
    const json qr = fhir::questionnaireResponse(meta, record, loaded.form.get());
    kiosk::testing::expectValidFhir(qr, "response");
    const std::string text = qr.dump();
    EXPECT_NE(text.find(R"("answer":[{"valueString":"Ibuprofen 200 mg"},{"valueString":"Aspirin"}])"), std::string::npos)
        << text;
    const json q = fhir::questionnaire(*loaded.form);
    kiosk::testing::expectValidFhir(q, "questionnaire");
    EXPECT_EQ(kiosk::testing::LinkIdCheck(q).problems(qr), std::vector<std::string>{});
    EXPECT_NE(q.dump().find(R"("repeats":true)"), std::string::npos);
}

TEST(FhirRoundTrip, BadFilesAreRefusedWithThePath) {
    const std::map<std::string, std::string> expected = {
        {"bad-duplicate-linkids-sdc-render.json", "item[0].item[7].linkId: duplicate linkId '1.6'"},
        {"bad-enablewhen-cycle.json", "item[0].enableWhen: enableWhen cycle 'item1' -> 'item3' -> 'item1'"},
        {"bad-stu3.json", "item[0].item[0]: this Questionnaire is FHIR STU3, not R4"},
    };
    ASSERT_EQ(files(true).size(), expected.size());
    for (const auto& [name, start] : expected) {
        const forms::FhirImport r = forms::importFhirQuestionnaire(readFile(kDir + "/" + name), name);
        EXPECT_FALSE(r.ok()) << name;
        EXPECT_TRUE(r.yaml.empty()) << name;
        ASSERT_FALSE(r.errors.empty()) << name;
        EXPECT_EQ(r.errors.front().format().rfind(name + ": error: " + start, 0), 0u) << r.errors.front().format();
    }
}

// `form export-fhir` then `import-fhir` of a bilingual form with a unit lost its second language:
// the unit went out as a Coding display in the form's first language only, and import-fhir keeps
// a language only when every text has it ("language 'es' dropped: 16 of 17 texts are translated",
// seen on tests/data/forms/medications.yaml). The unit's display carries its translations now.
TEST(FhirRoundTrip, AUnitKeepsItsTranslationsThroughExportAndImport) {
    const forms::LoadResult loaded = forms::loadForm(std::string(KIOSK_SOURCE_DIR) + "/tests/data/forms/medications.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    ASSERT_EQ(loaded.form->languages, (std::vector<std::string>{"en", "es"}));
    const json q = fhir::questionnaire(*loaded.form);
    kiosk::testing::expectValidFhir(q, "questionnaire");
    const forms::FhirImport back = forms::importFhirQuestionnaire(q.dump(), "medications.json");
    ASSERT_TRUE(back.ok()) << back.errors.front().format();
    for (const std::string& w : back.warnings) EXPECT_EQ(w.find("language 'es' dropped"), std::string::npos) << w;
    const forms::LoadResult again = forms::loadFormFromString(back.yaml, "back.yaml");
    ASSERT_TRUE(again.ok()) << again.errors.front().format() << "\n" << back.yaml;
    EXPECT_EQ(again.form->languages, (std::vector<std::string>{"en", "es"}));
}
