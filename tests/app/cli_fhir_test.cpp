// FHIR on the command line: `export --format fhir`, `records show --format fhir` and
// `form export-fhir`, on a real record of a bundled form, checked with the official schema.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "../export/fhir_check.h"
#include "records_fixture.h"
#include "support/temp_files.h"

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
    // About a Patient of the same Bundle.
    const std::string subject = (*followUp)["subject"]["reference"];
    EXPECT_EQ(std::count_if(bundle["entry"].begin(), bundle["entry"].end(),
                            [&](const json& e) { return e["fullUrl"] == subject && e["resource"]["resourceType"] == "Patient"; }),
              1);

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
    // Alone, the response contains the Patient it is about (fhir_patient.h).
    EXPECT_EQ(qr["subject"]["reference"], "#patient");
    EXPECT_EQ(qr["contained"][0]["resourceType"], "Patient");

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

TEST(CliImportFhir, ImportsValidatesAndSimulatesWithTheEhrsLinkIds) {
    st::TempDir dir;
    const std::string out = dir / "phq9.yaml";
    RunResult r = runKiosk("import-fhir " + kRoot + "/tests/data/fhir/lhc-phq9.json -o " + out);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("warning: item[9].extension[13] (linkId '/44261-6'): calculatedExpression dropped"),
              std::string::npos) << r.output;
    EXPECT_NE(r.output.find("imported form 'phq_9_quick_depression_assessment_panel'"), std::string::npos) << r.output;
    r = runKiosk("validate " + out);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    // Answers keyed by the original linkIds and LOINC answer codes.
    std::ofstream(dir / "answers.json") << R"({"/44250-9": "LA6569-3", "/44255-8": "LA6568-5", "/44259-0": "LA6568-5",
        "/44254-1": "LA6568-5", "/44251-7": "LA6568-5", "/44258-2": "LA6568-5", "/44252-5": "LA6568-5",
        "/44253-3": "LA6568-5", "/44260-8": "LA6568-5"})";
    r = runKiosk("simulate " + out + " --answers " + (dir / "answers.json"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json record = json::parse(r.output.substr(r.output.find('{')));
    EXPECT_EQ(record["answers"]["q_44250_9"], "la6569_3");
    // An existing file is kept unless --force.
    r = runKiosk("import-fhir " + kRoot + "/tests/data/fhir/lhc-phq9.json -o " + out);
    EXPECT_EQ(r.exitCode, 1) << r.output;
}

TEST(CliImportFhir, BadInputWritesNothing) {
    st::TempDir dir;
    const std::string out = dir / "x.yaml";
    for (const std::string bad : {"bad-stu3.json", "bad-enablewhen-cycle.json", "bad-duplicate-linkids-sdc-render.json"}) {
        RunResult r = runKiosk("import-fhir " + kRoot + "/tests/data/fhir/" + bad + " -o " + out);
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_NE(r.output.find(bad + ": error: item["), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("nothing written"), std::string::npos) << r.output;
        EXPECT_FALSE(std::filesystem::exists(out));
    }
    // 50 MB: refused by its size, before it is read.
    const std::string big = dir / "big.json";
    std::ofstream(big) << "{";
    std::filesystem::resize_file(big, 50u * 1024 * 1024);
    RunResult r = runKiosk("import-fhir " + big + " -o " + out);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("FHIR Questionnaire is normally under 1 MB"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(out));
    std::ofstream(dir / "not.json") << "resourceType: Questionnaire\n";
    r = runKiosk("import-fhir " + (dir / "not.json") + " -o " + out);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("not JSON (at line 1, column 1)"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliImportFhir, AnOutputThatCannotBeAFileSaysWhy) {
    st::TempDir dir;
    const std::string phq9 = kRoot + "/tests/data/fhir/lhc-phq9.json";
    // A folder: --force would not help, so it must not be offered.
    RunResult r = runKiosk("import-fhir " + phq9 + " -o " + dir.path() + " --force");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(dir.path() + ": error: is a folder: give a file name in it, such as " + dir.path() +
                            "/form.yaml"),
              std::string::npos)
        << r.output;
    // A folder that is not there.
    const std::string missing = dir / "no-such-folder/phq9.yaml";
    r = runKiosk("import-fhir " + phq9 + " -o " + missing);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(missing + ": error: cannot write the file: the folder " + (dir / "no-such-folder") +
                            " does not exist"),
              std::string::npos)
        << r.output;
    r = runKiosk("form export-fhir " + kRoot + "/forms/follow-up.yaml -o " + dir.path());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(": error: is a folder: give a file name in it"), std::string::npos) << r.output;
}

TEST(CliFormExportFhir, AnExistingFileIsKeptUnlessForceIsGiven) {
    // As import-fhir and export: a Questionnaire an EHR was sent is not overwritten by a typo.
    st::TempDir dir;
    const std::string out = dir / "q.json";
    kiosk::testing::writeFile(out, "keep me\n");
    RunResult r = runKiosk("form export-fhir " + kRoot + "/forms/follow-up.yaml -o " + out);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(out + ": error: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("--force"), std::string::npos) << r.output;
    EXPECT_EQ(kiosk::testing::readFile(out), "keep me\n");
    r = runKiosk("form export-fhir " + kRoot + "/forms/follow-up.yaml -o " + out + " --force");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(json::parse(kiosk::testing::readFile(out))["resourceType"], "Questionnaire");
}
