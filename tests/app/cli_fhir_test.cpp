// FHIR on the command line: `export --format fhir`, `records show --format fhir` and
// `form export-fhir`, on a real record of a bundled form, checked with the official schema.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "../export/fhir_check.h"
#include "records_fixture.h"

using namespace kiosk::app::testing;
namespace st = kiosk::store::testing;
using nlohmann::json;

namespace {

const std::string kRoot = KIOSK_SOURCE_DIR;

class CliFhir : public RecordsFixture {
protected:
    /// Saves the follow-up answer set as a kiosk would, and returns the new record's id.
    std::string saveFollowUp() {
        RunResult r = runKiosk("simulate " + kRoot + "/forms/follow-up.yaml --answers " + kRoot +
                               "/tests/data/answers/follow-up-worse/answers.json --save --db " + db + " </dev/null");
        EXPECT_EQ(r.exitCode, 0) << r.output;
        const auto at = r.output.find("saved record ");
        return at == std::string::npos ? std::string() : r.output.substr(at + 13, 36);
    }
};

}  // namespace

TEST_F(CliFhir, ExportWritesABundleTypedByTheFormsFolder) {
    const std::string id = saveFollowUp();
    ASSERT_EQ(id.size(), 36u);
    const std::string out = dir / "export.fhir.json";
    RunResult r = run("export --format fhir --forms-dir " + kRoot + "/forms --fhir-base https://clinic.example/fhir/ -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("exported 4 records to " + out), std::string::npos) << r.output;
    const json bundle = json::parse(st::readFile(out));
    kiosk::testing::expectValidFhir(bundle, "export");
    const json* followUp = nullptr;
    for (const json& e : bundle["entry"])
        if (e["resource"].value("id", "") == id) followUp = &e["resource"];
    ASSERT_NE(followUp, nullptr);
    // The trailing '/' of --fhir-base is dropped; the form was found, so its pages nest the items.
    EXPECT_EQ((*followUp)["questionnaire"].get<std::string>().rfind("https://clinic.example/fhir/Questionnaire/", 0), 0u);
    EXPECT_EQ((*followUp)["item"][0]["linkId"], "name");
    EXPECT_EQ((*followUp)["item"][0]["item"][0]["linkId"], "first_name");

    r = run("export --format xml -o " + out + ".x");
    EXPECT_EQ(r.exitCode, 2) << r.output;
}

TEST_F(CliFhir, RecordsShowPrintsOneResponseThatPointsAtTheExportedQuestionnaire) {
    const std::string id = saveFollowUp();
    ASSERT_EQ(id.size(), 36u);
    RunResult r = run("records show " + id + " --format fhir --forms-dir " + kRoot + "/forms");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json qr = json::parse(r.output.substr(r.output.find('{')));
    kiosk::testing::expectValidFhir(qr, "records show");
    EXPECT_EQ(qr["resourceType"], "QuestionnaireResponse");

    const std::string qfile = dir / "follow-up.questionnaire.json";
    r = runKiosk("form export-fhir " + kRoot + "/forms/follow-up.yaml -o " + qfile);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json q = json::parse(st::readFile(qfile));
    kiosk::testing::expectValidFhir(q, "form export-fhir");
    EXPECT_EQ(qr["questionnaire"], q["url"].get<std::string>() + "|" + q["version"].get<std::string>());
    EXPECT_EQ(kiosk::testing::LinkIdCheck(q).problems(qr), std::vector<std::string>{});

    // The plain JSON stays the default.
    r = run("records show " + id);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(json::parse(r.output.substr(r.output.find('{'))).contains("answers"));
}
