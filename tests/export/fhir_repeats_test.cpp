// FHIR repeats on integer, decimal and date items: imported as `repeats: true` (no warning, nothing
// dropped), answered as a JSON array, and out again as one answer per value, each typed.
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
#include "support/session_support.h"

namespace {

using nlohmann::json;
using namespace kiosk;
namespace fhir = kiosk::exports::fhir;

const char* kQuestionnaire = R"({"resourceType":"Questionnaire","url":"http://example.org/q/visits","status":"active","item":[
  {"linkId":"visits","type":"integer","text":"Visits this year","repeats":true},
  {"linkId":"temps","type":"decimal","text":"Temperatures","repeats":true},
  {"linkId":"falls","type":"date","text":"When did you fall?","repeats":true}]})";

forms::LoadResult importAndLoad(std::vector<std::string>* warnings = nullptr) {
    const forms::FhirImport imported = forms::importFhirQuestionnaire(kQuestionnaire, "visits.json");
    EXPECT_TRUE(imported.ok());
    if (warnings) *warnings = imported.warnings;
    return forms::loadFormFromString(imported.yaml, "visits.yaml");
}

json responseFor(const forms::Form& form, const json& answersById) {
    const session::SimulateResult r = session::simulate(std::make_shared<forms::Form>(form), answersById, "",
                                                        kiosk::testing::realCatalog(), kiosk::testing::fixedClock(),
                                                        session::HiddenAnswers::Drop);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    if (!r.ok()) return json();
    const json record = session::toJson(*r.record);
    exports::ExportMeta meta;
    meta.id = "0b7e7c4e-1111-4aaa-8bbb-222233334446";
    meta.formId = form.id;
    meta.formVersion = form.version;
    meta.submittedAt = record["submitted_at"];
    return fhir::questionnaireResponse(meta, record, &form);
}

}  // namespace

TEST(FhirRepeats, ARepeatingIntegerDecimalOrDateIsImportedWithoutAWarning) {
    std::vector<std::string> warnings;
    const forms::LoadResult loaded = importAndLoad(&warnings);
    ASSERT_TRUE(loaded.ok()) << loaded.errors.front().format();
    EXPECT_EQ(warnings, std::vector<std::string>{});
    for (const char* id : {"visits", "temps", "falls"}) EXPECT_TRUE(loaded.form->findItem(id)->repeats) << id;
}

TEST(FhirRepeats, AnArrayOfAnswersGoesOutAsOneTypedAnswerEach) {
    const forms::LoadResult loaded = importAndLoad();
    ASSERT_TRUE(loaded.ok());
    const json byId = forms::answersByItemId(
        *loaded.form, json::parse(R"({"visits":[2,5],"temps":[37.5,38.2],"falls":["2026-01-03","2026-10-30"]})"));
    const json qr = responseFor(*loaded.form, byId);
    ASSERT_FALSE(qr.is_null());
    kiosk::testing::expectValidFhir(qr, "response");
    const std::string text = qr.dump();
    EXPECT_NE(text.find(R"("answer":[{"valueInteger":2},{"valueInteger":5}])"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("answer":[{"valueDecimal":37.5},{"valueDecimal":38.2}])"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("answer":[{"valueDate":"2026-01-03"},{"valueDate":"2026-10-30"}])"), std::string::npos)
        << text;
    const json q = fhir::questionnaire(*loaded.form);
    kiosk::testing::expectValidFhir(q, "questionnaire");
    EXPECT_EQ(kiosk::testing::LinkIdCheck(q).problems(qr), std::vector<std::string>{});
    for (const json& item : q["item"]) EXPECT_EQ(item.value("repeats", false), true) << item.dump();
}
