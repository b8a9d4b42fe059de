// Who the FHIR export's responses are about (fhir_patient.h): a Patient per intake in the Bundle,
// made from what the patient typed, that the response and its Observations point at; a contained
// Patient when a response is printed alone; none at all for a form that asks nobody's identity.
// Each checked against the official FHIR R4 schema (fhir_check.h).
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fhir_check.h"
#include "kiosk/export/fhir_bundle.h"
#include "kiosk/export/fhir_patient.h"
#include "kiosk/export/fhir_response.h"
#include "kiosk/forms/loader.h"
#include "kiosk/session/record.h"
#include "kiosk/session/simulate.h"
#include "bundled_records.h"
#include "support/session_support.h"
#include "support/temp_files.h"

namespace {

using nlohmann::json;
using namespace kiosk;
using kiosk::testing::expectValidFhir;
using kiosk::testing::readFile;
namespace fhir = kiosk::exports::fhir;
using kiosk::exports::testing::bundledForm;
using kiosk::exports::testing::metaOf;

const std::string kRoot = KIOSK_SOURCE_DIR;

json answersOf(const std::string& set) {
    return json::parse(readFile(kRoot + "/tests/data/answers/" + set + "/answers.json"));
}

json recordOf(const std::shared_ptr<const forms::Form>& form, const json& answers, const std::string& lang) {
    const session::SimulateResult r = session::simulate(form, answers, lang, kiosk::testing::realCatalog(),
                                                        kiosk::testing::fixedClock(), session::HiddenAnswers::Drop);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.ok() ? session::toJson(*r.record) : json::object();
}

/// The Bundle the export writes for @p records (each with its id), the forms on its shelf.
json bundleOf(const std::vector<std::pair<std::string, json>>& records,
              const std::vector<std::shared_ptr<const forms::Form>>& forms) {
    auto shelf = std::make_shared<exports::FormShelf>();
    for (const auto& f : forms) shelf->add(f);
    std::ostringstream out;
    exports::FhirBundleWriter w(out, "2026-12-01T09:00:00Z", shelf);
    for (const auto& [id, record] : records) w.addParsed(metaOf(record, id), record);
    EXPECT_TRUE(w.finish());
    return json::parse(out.str());
}

}  // namespace

TEST(ExportFhirPatient, EachResponseIsAboutAPatientOfTheSameBundleAsTyped) {
    auto intake = bundledForm("intake.yaml");
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(intake && followUp);
    const std::vector<std::tuple<std::string, std::shared_ptr<const forms::Form>, std::string>> sets = {
        {"intake-red-flags", intake, "en"}, {"intake-spanish", intake, "es"}, {"follow-up-worse", followUp, "en"}};
    std::vector<std::pair<std::string, json>> records;
    std::map<std::string, json> typed;  // record id -> its answers
    int n = 0;
    for (const auto& [set, form, lang] : sets) {
        const std::string id = "00000000-0000-4000-8000-00000000000" + std::to_string(++n);
        records.emplace_back(id, recordOf(form, answersOf(set), lang));
        typed[id] = answersOf(set);
    }
    const json bundle = bundleOf(records, {intake, followUp});
    expectValidFhir(bundle, "bundle");
    std::map<std::string, const json*> byUrl;
    for (const json& e : bundle["entry"]) byUrl[e["fullUrl"]] = &e["resource"];
    int responses = 0, observations = 0;
    std::set<std::string> patients;
    for (const json& e : bundle["entry"]) {
        const json& r = e["resource"];
        if (r["resourceType"] == "Patient") continue;
        ASSERT_TRUE(r.contains("subject")) << r["resourceType"] << " " << e["fullUrl"];
        const std::string subject = r["subject"]["reference"];
        ASSERT_EQ(byUrl.count(subject), 1u) << subject << " is not in the Bundle";
        const json& patient = *byUrl[subject];
        EXPECT_EQ(patient["resourceType"], "Patient");
        if (r["resourceType"] == "Observation") {
            ++observations;
            // About the same patient as the response it was derived from.
            const json& from = *byUrl.at(r["derivedFrom"][0]["reference"]);
            EXPECT_EQ(from["subject"], r["subject"]);
            continue;
        }
        ASSERT_EQ(r["resourceType"], "QuestionnaireResponse");
        ++responses;
        patients.insert(subject);
        const json& answers = typed.at(r["id"]);
        EXPECT_EQ(patient["name"][0]["family"], answers["last_name"]);
        EXPECT_EQ(patient["name"][0]["given"][0], answers["first_name"]);
        EXPECT_EQ(patient.value("birthDate", ""), answers.value("date_of_birth", ""));
        EXPECT_EQ(patient.value("gender", ""), answers.value("sex", ""));  // female and male are FHIR's codes too
        if (answers.contains("phone")) {
            EXPECT_EQ(patient["telecom"][0], (json{{"system", "phone"}, {"value", answers["phone"]}}));
        }
        // The same record always names its Patient the same way; the UUID is not the record's.
        EXPECT_EQ(subject, fhir::patientUrl(r["id"].get<std::string>()));
        EXPECT_NE(subject, "urn:uuid:" + r["id"].get<std::string>());
        EXPECT_EQ(subject.size(), 45u);
    }
    EXPECT_EQ(responses, 3);
    EXPECT_GT(observations, 0);
    EXPECT_EQ(patients.size(), 3u);  // one per intake
}

TEST(ExportFhirPatient, SexAndEmailAndBirthDateMapToFhirsTypes) {
    auto intake = bundledForm("intake.yaml");
    ASSERT_TRUE(intake);
    json record = recordOf(intake, answersOf("intake-red-flags"), "en");
    auto patientOf = [&](const json& r) { return fhir::patientResource(*fhir::patientFacts(r, intake.get())); };
    record["answers"]["sex"] = "other";  // "Another answer, or I prefer not to say": not a claim of "other"
    record["answers"]["email"] = "ana@example.org";
    json p = patientOf(record);
    EXPECT_EQ(p["gender"], "unknown");
    EXPECT_EQ(p["telecom"][1], (json{{"system", "email"}, {"value", "ana@example.org"}}));
    expectValidFhir(p, "patient");
    record["answers"].erase("sex");
    record["answers"]["date_of_birth"] = "1957-02-30";  // an old record's odd text: no birthDate at all
    p = patientOf(record);
    EXPECT_FALSE(p.contains("gender"));
    EXPECT_FALSE(p.contains("birthDate"));
    expectValidFhir(p, "patient");
    // Only a phone number still names someone; without its form the record's own ids are read.
    json bare = {{"answers", {{"phone", "555-0100"}, {"pain_now", 3}}}};
    ASSERT_TRUE(fhir::patientFacts(bare, nullptr));
    EXPECT_EQ(fhir::patientResource(*fhir::patientFacts(bare, nullptr)),
              (json{{"resourceType", "Patient"}, {"telecom", {{{"system", "phone"}, {"value", "555-0100"}}}}}));
}

TEST(ExportFhirPatient, AFormThatAsksNoIdentityGivesNoPatientAndNoSubject) {
    auto intake = bundledForm("intake.yaml");
    ASSERT_TRUE(intake);
    json record = recordOf(intake, answersOf("intake-red-flags"), "en");
    for (const char* id : {"first_name", "last_name", "date_of_birth", "phone", "email"}) record["answers"].erase(id);
    ASSERT_FALSE(record["scores"].empty());
    EXPECT_FALSE(fhir::patientFacts(record, intake.get()));
    const json bundle = bundleOf({{"00000000-0000-4000-8000-000000000001", record}}, {intake});
    expectValidFhir(bundle, "bundle");
    for (const json& e : bundle["entry"]) {
        EXPECT_NE(e["resource"]["resourceType"], "Patient");
        EXPECT_FALSE(e["resource"].contains("subject")) << e["resource"]["resourceType"];
    }
    const json alone = fhir::questionnaireResponse(metaOf(record, "00000000-0000-4000-8000-000000000001"), record,
                                                   intake.get());
    EXPECT_FALSE(alone.contains("subject"));
    EXPECT_FALSE(alone.contains("contained"));
}

TEST(ExportFhirPatient, AResponsePrintedAloneContainsItsPatient) {
    auto followUp = bundledForm("follow-up.yaml");
    ASSERT_TRUE(followUp);
    const json answers = answersOf("follow-up-worse");
    const json record = recordOf(followUp, answers, "en");
    const exports::ExportMeta meta = metaOf(record, "00000000-0000-4000-8000-000000000001");
    const json qr = fhir::questionnaireResponse(meta, record, followUp.get());
    expectValidFhir(qr, "response");
    EXPECT_EQ(qr["subject"], (json{{"reference", "#patient"}}));
    ASSERT_EQ(qr["contained"].size(), 1u);
    const json& patient = qr["contained"][0];
    EXPECT_EQ(patient["resourceType"], "Patient");
    EXPECT_EQ(patient["id"], "patient");
    EXPECT_EQ(patient["name"][0]["family"], answers["last_name"]);
    // Otherwise the response is the Bundle's: the same items.
    const json entry = fhir::bundleEntries(meta, record, followUp.get()).front()["resource"];
    EXPECT_EQ(entry["item"], qr["item"]);
    EXPECT_FALSE(entry.contains("contained"));
}
