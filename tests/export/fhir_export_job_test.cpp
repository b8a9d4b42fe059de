// The export job with --format fhir: the same whole-file-or-nothing job, writing a FHIR Bundle.
#include <nlohmann/json.hpp>

#include "app/records_fixture.h"
#include "fhir_check.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/fhir_bundle.h"

namespace {

using namespace kiosk::store;
using kiosk::app::testing::kPass;
using kiosk::app::testing::statusOf;
namespace st = kiosk::store::testing;
using nlohmann::json;

class ExportJobFhir : public kiosk::app::testing::RecordsFixture {};

TEST_F(ExportJobFhir, WritesAValidBundleOfResponsesAndMarksTheRecords) {
    Store s = st::openOrDie(st::options(db));
    auto key = s.unlock(kPass);
    ASSERT_TRUE(key);
    kiosk::exports::ExportOptions options;
    options.exportedAt = "2026-12-01T09:00:00Z";
    kiosk::exports::fhir::FhirOptions fhir;
    fhir.base = "https://clinic.example/fhir";
    options.writer = kiosk::exports::fhirWriter(nullptr, fhir);
    const std::string out = dir / "export.fhir.json";
    auto done = kiosk::exports::exportRecords(s, *key, {}, out, options);
    ASSERT_TRUE(done) << done.error().format();
    EXPECT_EQ(done->exported, 3);
    const json bundle = json::parse(st::readFile(out));
    kiosk::testing::expectValidFhir(bundle, "export");
    ASSERT_EQ(bundle["entry"].size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        const json& qr = bundle["entry"][i]["resource"];
        EXPECT_EQ(qr["resourceType"], "QuestionnaireResponse");
        EXPECT_EQ(qr["id"], ids[i]);
        // No form at hand: the canonical from the record's columns, answers typed from JSON.
        EXPECT_EQ(qr["questionnaire"], "https://clinic.example/fhir/Questionnaire/intake|3");
        EXPECT_EQ(qr["item"][1]["linkId"], "pain_now");
        EXPECT_EQ(qr["item"][1]["answer"][0]["valueInteger"], 7);
        EXPECT_EQ(statusOf(s, ids[i]), RecordStatus::Exported);
    }
}

}  // namespace
