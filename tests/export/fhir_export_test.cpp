// FHIR R4 out: the bundled forms as Questionnaires, every realistic answer set as a
// QuestionnaireResponse, and the Bundle of an export, each checked against the official FHIR R4
// JSON schema (fhir_check.h) and against its Questionnaire's linkIds and types.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bundled_records.h"
#include "fhir_check.h"
#include "kiosk/bodymap/regions.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/fhir_questionnaire.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/export/fhir_signature.h"
#include "kiosk/export/record_payload.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"
#include "support/session_support.h"
#include "support/temp_files.h"

namespace {

using nlohmann::json;
using kiosk::testing::readFile;
using namespace kiosk;
using kiosk::testing::expectValidFhir;
using kiosk::testing::LinkIdCheck;
using kiosk::exports::testing::metaOf;
namespace fhir = kiosk::exports::fhir;

const std::string kRoot = KIOSK_SOURCE_DIR;

std::shared_ptr<const forms::Form> bundledForm(const std::string& id) {
    const forms::LoadResult r = forms::loadForm(kRoot + "/forms/" + id + ".yaml");
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.form;
}

/// One answer set of tests/data/answers (README there): its form, language, and whether the
/// answers include one to a hidden item.
struct AnswerSet {
    std::string dir, form, lang;
    bool dropHidden;
};
const std::vector<AnswerSet> kAnswerSets = {
    {"intake-red-flags", "intake", "en", false}, {"intake-calm", "intake", "en", true},
    {"intake-spanish", "intake", "es", false},   {"intake-pregnant", "intake", "en", false},
    {"follow-up-worse", "follow-up", "en", false},     {"follow-up-back-pain", "follow-up", "en", false},
    {"follow-up-no-back-pain", "follow-up", "en", false},
};

/// The record JSON an answer set gives, as the store would save it.
json recordOf(const forms::Form& form, const AnswerSet& set) {
    const json answers = json::parse(readFile(kRoot + "/tests/data/answers/" + set.dir + "/answers.json"));
    auto shared = std::make_shared<const forms::Form>(form);
    const session::SimulateResult r =
        session::simulate(shared, answers, set.lang, kiosk::testing::realCatalog(), kiosk::testing::fixedClock(),
                          set.dropHidden ? session::HiddenAnswers::Drop : session::HiddenAnswers::Error);
    EXPECT_TRUE(r.ok()) << set.dir << ": " << (r.errors.empty() ? "" : r.errors.front().format());
    return r.ok() ? session::toJson(*r.record) : json::object();
}

const char* const kId = "5f0c2a56-3b1e-4c3e-9a55-0d6f1e2b7c11";

/// The item with @p linkId anywhere under @p items, or null.
const json* findItem(const json& items, const std::string& linkId) {
    for (const json& i : items) {
        if (i.value("linkId", "") == linkId) return &i;
        for (const char* key : {"item"}) {
            if (i.contains(key))
                if (const json* f = findItem(i[key], linkId)) return f;
        }
        for (const json& a : i.value("answer", json::array()))
            if (a.contains("item"))
                if (const json* f = findItem(a["item"], linkId)) return f;
    }
    return nullptr;
}

}  // namespace

TEST(ExportFhir, TheSchemaRejectsWhatFhirRejects) {
    // A validator that accepted anything would make every other test here pass.
    const json good = json::parse(R"({"resourceType":"QuestionnaireResponse","status":"completed",
        "item":[{"linkId":"a","answer":[{"valueInteger":3}]}]})");
    EXPECT_EQ(kiosk::testing::FhirSchema::get().violations(good), "");
    // The schema does not require linkId nor whole integers: LinkIdCheck does.
    for (const char* bad : {
             R"({"resourceType":"QuestionnaireResponse","status":"done"})",
             R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"a","answer":[{"valueBoolean":"yes"}]}]})",
             R"({"resourceType":"Observation","status":"final","code":{"text":"x"},"valueDecimal":2.5})",
             R"({"resourceType":"QuestionnaireResponse","status":"completed","authored":"25/11/2026"})",
             R"({"resourceType":"QuestionnaireResponse","status":"completed","colour":"blue"})",
             R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Nonsense"}}]})",
         })
        EXPECT_NE(kiosk::testing::FhirSchema::get().violations(json::parse(bad)), "") << bad;
}

TEST(ExportFhir, BundledFormsAreValidQuestionnaires) {
    for (const std::string id : {"intake", "follow-up"}) {
        auto form = bundledForm(id);
        ASSERT_TRUE(form);
        const json q = fhir::questionnaire(*form);
        expectValidFhir(q, id);
        EXPECT_EQ(q["url"], std::string(fhir::kDefaultBase) + "/Questionnaire/" + form->id);
        EXPECT_EQ(q["version"], std::to_string(form->version));
        EXPECT_EQ(q["status"], "active");
        // One top-level group per page, in order, with its items inside.
        ASSERT_EQ(q["item"].size(), form->pages.size());
        for (size_t p = 0; p < form->pages.size(); ++p) {
            EXPECT_EQ(q["item"][p]["linkId"], form->pages[p].id);
            EXPECT_EQ(q["item"][p]["type"], "group");
            EXPECT_EQ(q["item"][p]["item"].size(), form->pages[p].items.size());
        }
    }
}

TEST(ExportFhir, QuestionnaireMapsTypesOptionsAndTranslations) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    const json q = fhir::questionnaire(*form);
    for (const forms::Item* item : form->allItems()) {
        const json* qi = findItem(q["item"], item->id);
        ASSERT_NE(qi, nullptr) << item->id;
        EXPECT_EQ((*qi)["type"], fhir::itemType(*item)) << item->id;
        EXPECT_EQ(qi->value("required", false), item->required) << item->id;
        if (item->type == forms::ItemType::Single || item->type == forms::ItemType::Multi) {
            ASSERT_EQ((*qi)["answerOption"].size(), item->options.size()) << item->id;
            const json& coding = (*qi)["answerOption"][0]["valueCoding"];
            EXPECT_EQ(coding["system"], std::string(fhir::kDefaultBase) + "/CodeSystem/" + form->id + "/" + item->id);
            EXPECT_EQ(coding["code"], item->options[0].value);
            EXPECT_EQ(qi->value("repeats", false), item->type == forms::ItemType::Multi) << item->id;
        }
        if (item->showIf) {
            EXPECT_TRUE(qi->contains("enableWhen") || qi->contains("extension")) << item->id;
        }
    }
    // Spanish rides on the standard translation extension.
    const json& title = q["_title"]["extension"][0];
    EXPECT_EQ(title["url"], "http://hl7.org/fhir/StructureDefinition/translation");
    EXPECT_EQ(title["extension"][0], json::parse(R"({"url":"lang","valueCode":"es"})"));
    EXPECT_EQ(title["extension"][1]["valueString"], form->title.get("es"));
}

TEST(ExportFhir, ShowIfBecomesEnableWhen) {
    auto intake = bundledForm("intake");
    auto followUp = bundledForm("follow-up");
    ASSERT_TRUE(intake && followUp);
    // includes on a multi: "=" with the option's coding.
    const json q = fhir::questionnaire(*intake);
    const forms::Item* goalsOther = nullptr;
    for (const forms::Item* i : intake->allItems())
        if (i->showIf && i->showIf->item == "goals") goalsOther = i;
    ASSERT_NE(goalsOther, nullptr);
    const json& ew = (*findItem(q["item"], goalsOther->id))["enableWhen"];
    ASSERT_EQ(ew.size(), 1u);
    EXPECT_EQ(ew[0]["question"], "goals");
    EXPECT_EQ(ew[0]["operator"], "=");
    EXPECT_EQ(ew[0]["answerCoding"]["code"], "other");
    // all: [answered, not ==] is exactly "exists and !=" (not x == v also holds when x is
    // unanswered, which the `answered` beside it rules out).
    const json f = fhir::questionnaire(*followUp);
    const json& details = *findItem(f["item"], "change_details");
    EXPECT_EQ(details["enableBehavior"], "all");
    ASSERT_EQ(details["enableWhen"].size(), 2u);
    EXPECT_EQ(details["enableWhen"][0], json::parse(R"({"question":"overall_change","operator":"exists","answerBoolean":true})"));
    EXPECT_EQ(details["enableWhen"][1]["operator"], "!=");
    EXPECT_EQ(details["enableWhen"][1]["answerCoding"]["code"], "same");
}

TEST(ExportFhir, AConditionEnableWhenCannotHoldGoesOutAsAnExpression) {
    const forms::LoadResult r = forms::loadFormFromString(R"(
id: mixed
version: 1
languages: [en]
title: Mixed
pages:
  - id: p
    title: P
    items:
      - {id: a, type: yes_no, label: A}
      - {id: b, type: scale, label: B}
      - id: c
        type: text
        label: C
        show_if:
          any:
            - {item: a, op: "==", value: true}
            - all: [{item: b, op: ">=", value: 4}, {item: b, op: "<", value: 8}]
      - id: d
        type: text
        label: D
        show_if: {not: {item: b, op: ">", value: 5}}
)", "mixed.yaml");
    ASSERT_TRUE(r.ok()) << r.errors.front().format();
    const json q = fhir::questionnaire(*r.form);
    expectValidFhir(q, "mixed");
    const json& c = *findItem(q["item"], "c");
    EXPECT_FALSE(c.contains("enableWhen"));
    ASSERT_EQ(c["extension"][0]["url"], "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression");
    EXPECT_EQ(c["extension"][0]["valueExpression"]["expression"],
              "(%resource.repeat(item).where(linkId = 'a').answer.value.where($this = true).exists()) or "
              "((%resource.repeat(item).where(linkId = 'b').answer.value.where($this >= 4).exists()) and "
              "(%resource.repeat(item).where(linkId = 'b').answer.value.where($this < 8).exists()))");
    // not (b > 5) = b <= 5, or b unanswered: still flat.
    const json& d = *findItem(q["item"], "d");
    EXPECT_EQ(d["enableBehavior"], "any");
    EXPECT_EQ(d["enableWhen"], json::parse(R"([{"question":"b","operator":"<=","answerInteger":5},
                                               {"question":"b","operator":"exists","answerBoolean":false}])"));
}

TEST(ExportFhir, EveryAnswerSetIsAValidResponseToItsQuestionnaire) {
    for (const AnswerSet& set : kAnswerSets) {
        SCOPED_TRACE(set.dir);
        auto form = bundledForm(set.form);
        ASSERT_TRUE(form);
        const json record = recordOf(*form, set);
        const json qr = fhir::questionnaireResponse(metaOf(record, kId), record, form.get());
        expectValidFhir(qr, set.dir);
        EXPECT_EQ(qr["questionnaire"], std::string(fhir::kDefaultBase) + "/Questionnaire/" + form->id + "|" +
                                           std::to_string(form->version));
        EXPECT_EQ(qr["status"], "completed");
        EXPECT_EQ(qr["authored"], record["submitted_at"]);
        EXPECT_EQ(qr["language"], set.lang);
        EXPECT_EQ(LinkIdCheck(fhir::questionnaire(*form)).problems(qr), std::vector<std::string>{});
        // Every answered item is there, under its page.
        for (const auto& [id, value] : record["answers"].items()) {
            const int page = form->pageOf(id);
            const json* group = findItem(qr["item"], form->pages[static_cast<size_t>(page)].id);
            const bool empty = (value.is_string() && value.get<std::string>().empty()) || (value.is_array() && value.empty()) ||
                               (value.is_object() && value.empty());
            if (empty) continue;
            ASSERT_NE(group, nullptr) << id;
            EXPECT_NE(findItem((*group)["item"], id), nullptr) << id;
        }
    }
}

TEST(ExportFhir, AnswersAreTypedAsTheirItems) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    const json record = recordOf(*form, kAnswerSets[0]);  // red flags: every kind of answer
    const json qr = fhir::questionnaireResponse(metaOf(record, kId), record, form.get());
    int seen = 0;
    for (const forms::Item* item : form->allItems()) {
        if (!record["answers"].contains(item->id)) continue;
        const json* r = findItem(qr["item"], item->id);
        if (r == nullptr) continue;
        ++seen;
        const json& value = record["answers"][item->id];
        switch (item->type) {
            case forms::ItemType::YesNo:
            case forms::ItemType::Consent: EXPECT_EQ((*r)["answer"][0]["valueBoolean"], value) << item->id; break;
            case forms::ItemType::Scale: EXPECT_EQ((*r)["answer"][0]["valueInteger"], value) << item->id; break;
            case forms::ItemType::Date: EXPECT_EQ((*r)["answer"][0]["valueDate"], value) << item->id; break;
            case forms::ItemType::Text: EXPECT_EQ((*r)["answer"][0]["valueString"], value) << item->id; break;
            case forms::ItemType::Single: EXPECT_EQ((*r)["answer"][0]["valueCoding"]["code"], value) << item->id; break;
            case forms::ItemType::Multi:
                ASSERT_EQ((*r)["answer"].size(), value.size()) << item->id;
                for (size_t k = 0; k < value.size(); ++k) EXPECT_EQ((*r)["answer"][k]["valueCoding"]["code"], value[k]);
                break;
            case forms::ItemType::Matrix:
                // Rows are nested items, each with the chosen option's coding.
                for (const auto& [row, option] : value.items()) {
                    const json* ri = findItem((*r)["item"], item->id + "." + row);
                    ASSERT_NE(ri, nullptr) << row;
                    EXPECT_EQ((*ri)["answer"][0]["valueCoding"]["code"], option);
                }
                break;
            case forms::ItemType::BodyMap: {
                // One answer per marked region, intensity and kinds nested under it.
                ASSERT_EQ((*r)["answer"].size(), value.size());
                for (size_t k = 0; k < value.size(); ++k) {
                    const json& a = (*r)["answer"][k];
                    const std::string region = value[k].is_string() ? value[k].get<std::string>() : value[k]["region"].get<std::string>();
                    EXPECT_EQ(a["valueCoding"], fhir::regionCoding(region, {}));
                    if (value[k].is_object() && value[k].contains("intensity")) {
                        const json* i = findItem(a["item"], item->id + ".intensity");
                        ASSERT_NE(i, nullptr);
                        EXPECT_EQ((*i)["answer"][0]["valueInteger"], value[k]["intensity"]);
                    }
                    if (value[k].is_object() && value[k].contains("kinds")) {
                        const json* kinds = findItem(a["item"], item->id + ".kinds");
                        ASSERT_NE(kinds, nullptr);
                        ASSERT_EQ((*kinds)["answer"].size(), value[k]["kinds"].size());
                        EXPECT_EQ((*kinds)["answer"][0]["valueCoding"]["code"], value[k]["kinds"][0]);
                    }
                }
                break;
            }
            case forms::ItemType::Signature: {
                const json& att = (*r)["answer"][0]["valueAttachment"];
                EXPECT_EQ(att["contentType"], "image/png");
                // base64 of the PNG signature bytes "\x89PNG\r\n\x1a\n" starts "iVBORw0KGgo".
                EXPECT_EQ(att["data"].get<std::string>().rfind("iVBORw0KGgo", 0), 0u);
                break;
            }
            default: break;
        }
    }
    EXPECT_GT(seen, 10);
}

// The picture is drawn once, as the intake is sealed (record_payload.h), and every export copies it:
// the image the patient consented with, whatever a later version draws. A record saved before
// pictures were kept has it drawn at export.
TEST(ExportFhir, TheSignaturePictureKeptAtSubmitIsTheOneExported) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    const json answers = json::parse(readFile(kRoot + "/tests/data/answers/intake-red-flags/answers.json"));
    const session::SimulateResult sim = session::simulate(form, answers, "en", kiosk::testing::realCatalog(),
                                                          kiosk::testing::fixedClock(), session::HiddenAnswers::Error);
    ASSERT_TRUE(sim.ok());
    const auto& strokes = std::get<forms::Signature>(sim.record->answers.at("signature"));
    const std::string drawn = fhir::base64(fhir::signaturePng(strokes));
    ASSERT_EQ(drawn.rfind("iVBORw0KGgo", 0), 0u);

    json record = json::parse(exports::recordPayload(*sim.record));
    EXPECT_EQ(record["signature_pictures"]["signature"], drawn) << "kept as the intake is sealed";
    EXPECT_FALSE(record["answers"]["signature"].contains("png")) << "the answer stays {strokes}: earlier versions read it";
    auto exported = [&](const json& r) {
        const json qr = fhir::questionnaireResponse(metaOf(r, kId), r, form.get());
        const json* item = findItem(qr["item"], "signature");
        return item ? (*item)["answer"][0]["valueAttachment"]["data"].get<std::string>() : std::string("<none>");
    };
    EXPECT_EQ(exported(record), drawn);

    forms::Signature other;  // another picture kept: it is copied, not drawn again from the strokes
    other.strokes = {{{0.1f, 0.1f}, {0.9f, 0.9f}}};
    const std::string otherPicture = fhir::base64(fhir::signaturePng(other));
    record["signature_pictures"]["signature"] = otherPicture;
    EXPECT_EQ(exported(record), otherPicture);

    for (const json& notAPicture : {json("R0lGODlhAQABAAAAACw="), json("iVBORw0KGgo*AAAANSUhEUg="),
                                    json("iVBORw0KGgoAAAANSUhEU"), json(42),
                                    json("iVBORw0KGgo" + std::string(fhir::kMaxSignaturePicture, 'A') + "A")}) {
        record["signature_pictures"]["signature"] = notAPicture;  // a GIF, not base64, cut, no text, too long
        EXPECT_EQ(exported(record), drawn) << notAPicture.dump().substr(0, 40);
    }
    record.erase("signature_pictures");  // saved before pictures were kept
    EXPECT_EQ(exported(record), drawn);
    expectValidFhir(fhir::questionnaireResponse(metaOf(record, kId), record, form.get()), "drawn at export");
}

TEST(ExportFhir, ABodyMapIsOneCodingPerRegionByItsChoirSegment) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    json record = recordOf(*form, kAnswerSets[0]);
    // "sacrum" is an id of the earlier region list: it stands for both sides of the low back.
    record["answers"]["pain_map"] = json::array({json{{"region", "neck_back_r"}, {"intensity", 4}},
                                                 json{{"region", "sacrum"}, {"intensity", 6}, {"kinds", {"aching"}}}});
    const json qr = fhir::questionnaireResponse(metaOf(record, kId), record, form.get());
    expectValidFhir(qr, "body map");
    const json* map = findItem(qr["item"], "pain_map");
    ASSERT_NE(map, nullptr);
    const std::string system = std::string(fhir::kDefaultBase) + "/CodeSystem/choir-bodymap";
    std::vector<std::string> codes;
    for (const json& a : (*map)["answer"]) {
        EXPECT_EQ(a["valueCoding"]["system"], system);
        codes.push_back(a["valueCoding"]["code"]);
    }
    // CHOIR's numbers: 101-136 front, 201-238 back (assets/body_map/choir_male.json).
    const auto choir = [](const char* id) { return std::to_string(bodymap::findRegion(id)->choir); };
    EXPECT_EQ(codes, (std::vector<std::string>{choir("neck_back_r"), choir("lower_back_r"), choir("lower_back_l")}));
    for (const std::string& c : codes) EXPECT_TRUE(std::stoi(c) >= 201 && std::stoi(c) <= 238) << c;
    const json& low = (*map)["answer"][2];
    EXPECT_EQ((*findItem(low["item"], "pain_map.intensity"))["answer"][0]["valueInteger"], 6);
    EXPECT_EQ((*findItem(low["item"], "pain_map.kinds"))["answer"][0]["valueCoding"]["code"], "aching");
    // A record read without its form codes the old id the same way.
    const json untyped = fhir::questionnaireResponse(metaOf(record, kId), record, nullptr);
    std::vector<std::string> untypedCodes;
    for (const json& a : (*findItem(untyped["item"], "pain_map"))["answer"]) untypedCodes.push_back(a["valueCoding"]["code"]);
    EXPECT_EQ(untypedCodes, codes);
}

TEST(ExportFhir, ScoresAndFlagsAreObservationsDerivedFromTheResponse) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    const json record = recordOf(*form, kAnswerSets[0]);
    const auto observations = fhir::resultObservations(metaOf(record, kId), record, form.get());
    size_t scores = 0, flags = 0;
    for (const json& s : record["scores"]) scores += s["value"].is_null() ? 0 : 1;
    flags = record["flags"].size();
    ASSERT_GT(flags, 0u);
    ASSERT_EQ(observations.size(), scores + flags);
    for (const json& e : observations) {
        expectValidFhir(e["resource"], e["fullUrl"]);
        EXPECT_EQ(e["resource"]["derivedFrom"][0]["reference"], std::string("urn:uuid:") + kId);
        EXPECT_EQ(e["fullUrl"].get<std::string>().rfind("urn:uuid:", 0), 0u);
    }
    const json& urgent = observations[scores]["resource"];
    EXPECT_EQ(urgent["code"]["coding"][0]["code"], record["flags"][0]["id"]);
    EXPECT_EQ(urgent["valueBoolean"], true);
    // The same record gives the same resource ids on a re-export.
    EXPECT_EQ(fhir::resultObservations(metaOf(record, kId), record, form.get())[0]["fullUrl"], observations[0]["fullUrl"]);
}

// The instruments' LOINC codes travel with their items, matrix rows and scores.
TEST(ExportFhir, InstrumentItemsAndScoresCarryTheirLoincCodes) {
    auto form = bundledForm("follow-up");
    ASSERT_TRUE(form);
    const json q = fhir::questionnaire(*form);
    const json* phq = nullptr;
    for (const json& page : q["item"])
        for (const json& item : page["item"])
            if (item["linkId"] == "phq4") phq = &item;
    ASSERT_NE(phq, nullptr);
    ASSERT_EQ((*phq)["item"].size(), 4u);
    EXPECT_EQ((*phq)["item"][2]["code"][0], (json{{"system", "http://loinc.org"}, {"code", "44250-9"}}));
    EXPECT_EQ((*phq)["item"][0]["code"][0]["code"], "69725-0");

    const json record = recordOf(*form, {"follow-up-back-pain", "follow-up", "en", false});
    bool phq2 = false;
    for (const json& e : fhir::resultObservations(metaOf(record, kId), record, form.get())) {
        const json& coding = e["resource"]["code"]["coding"];
        if (coding[0]["code"] != "phq2_total") continue;
        phq2 = true;
        ASSERT_EQ(coding.size(), 2u);
        EXPECT_EQ(coding[1], (json{{"system", "http://loinc.org"}, {"code", "55758-7"}}));
        EXPECT_EQ(e["resource"]["valueInteger"], 3);
        expectValidFhir(e["resource"], "phq2");
    }
    EXPECT_TRUE(phq2);
}

TEST(ExportFhir, AnswersOfAFormNotAtHandAreTypedFromTheirJson) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    const json record = recordOf(*form, kAnswerSets[0]);
    const json qr = fhir::questionnaireResponse(metaOf(record, kId), record, nullptr);
    expectValidFhir(qr, "untyped");
    EXPECT_EQ(qr["questionnaire"], std::string(fhir::kDefaultBase) + "/Questionnaire/" + form->id + "|" + std::to_string(form->version));
    EXPECT_EQ((*findItem(qr["item"], "pain_now"))["answer"][0].begin().key(), "valueInteger");
}

TEST(ExportFhir, TheBundleStreamsRecordsAndNamesTheDamagedOnes) {
    auto form = bundledForm("intake");
    ASSERT_TRUE(form);
    std::ostringstream out;
    auto shelf = std::make_shared<exports::FormShelf>();
    shelf->add(form);
    exports::FhirBundleWriter w(out, "2026-12-01T09:00:00Z", shelf);
    const json a = recordOf(*form, kAnswerSets[0]);
    const json b = recordOf(*form, kAnswerSets[2]);
    w.addParsed(metaOf(a, "11111111-1111-4111-8111-111111111111"), a);
    w.addDamaged("22222222-2222-4222-8222-222222222222");
    w.addParsed(metaOf(b, "33333333-3333-4333-8333-333333333333"), b);
    ASSERT_TRUE(w.finish());
    EXPECT_EQ(w.recordCount(), 2);
    const json bundle = json::parse(out.str());
    expectValidFhir(bundle, "bundle");
    EXPECT_EQ(bundle["type"], "collection");
    EXPECT_EQ(bundle["timestamp"], "2026-12-01T09:00:00Z");
    std::vector<std::string> types;
    for (const json& e : bundle["entry"]) types.push_back(e["resource"]["resourceType"]);
    EXPECT_EQ(types.front(), "QuestionnaireResponse");
    EXPECT_EQ(std::count(types.begin(), types.end(), "QuestionnaireResponse"), 2);
    EXPECT_EQ(types.back(), "OperationOutcome");
    EXPECT_NE(bundle["entry"].back()["resource"]["issue"][0]["diagnostics"].get<std::string>().find("22222222"),
              std::string::npos);
    EXPECT_EQ(bundle["entry"][0]["fullUrl"], "urn:uuid:11111111-1111-4111-8111-111111111111");
    // One entry per line: a person can page through it.
    const std::string text = out.str();
    EXPECT_GT(std::count(text.begin(), text.end(), '\n'), static_cast<long>(bundle["entry"].size()));
}

TEST(ExportFhir, AnEmptyBundleHasNoEntryArray) {
    std::ostringstream out;
    exports::FhirBundleWriter w(out, "2026-12-01T09:00:00Z", nullptr);
    ASSERT_TRUE(w.finish());
    const json bundle = json::parse(out.str());
    EXPECT_FALSE(bundle.contains("entry"));  // FHIR JSON has no empty arrays
    expectValidFhir(bundle, "empty bundle");
}
