// `intake-kiosk simulate` end to end: the real binary on the bundled intake form.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "kiosk/store/store.h"
#include "support/run_kiosk.h"

using kiosk::testing::readFile;
using kiosk::testing::RunResult;
using kiosk::testing::runKiosk;
using kiosk::testing::shellWords;
using kiosk::testing::TempDir;
using kiosk::testing::TempFile;
using nlohmann::json;

namespace {

const std::string kSrc = KIOSK_SOURCE_DIR;
const std::string kForm = kSrc + "/forms/intake.yaml";
const std::string kCalm = kSrc + "/tests/data/answers/intake-calm/answers.json";

// Patient values from intake-calm/answers.json that must never reach stderr.
void expectNoPatientData(const std::string& err) {
    for (const char* marker : {"Testpatient", "010-2233", "calm.patient", "stretches", "must be dropped"})
        EXPECT_EQ(err.find(marker), std::string::npos) << marker << " in: " << err;
}

}  // namespace

TEST(AppSimulateCli, PrintsTheRecordJson) {
    const RunResult r =
        runKiosk(shellWords({"simulate", kForm, "--answers", kCalm, "--lang", "es", "--drop-hidden"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json record = json::parse(r.out);
    EXPECT_EQ(record["form"]["id"], "clinic_intake");
    EXPECT_EQ(record["lang"], "es");
    EXPECT_EQ(record["answers"]["first_name"], "Testpatient");
    EXPECT_FALSE(record["answers"].contains("surgery_injury_details"));
    EXPECT_NE(std::find(record["hidden"].begin(), record["hidden"].end(), "surgery_injury_details"),
              record["hidden"].end());
    EXPECT_TRUE(record["flags"].empty());
    EXPECT_EQ(r.err, kCalm + ": note: answer to 'surgery_injury_details' dropped: the item is hidden\n");
}

TEST(AppSimulateCli, AnswersToHiddenItemsFailWithoutDropHidden) {
    const RunResult r = runKiosk(shellWords({"simulate", kForm, "--answers", kCalm}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err, kCalm + ": error: answer to 'surgery_injury_details' is given, but the item is "
                             "hidden by its show_if with these answers (it depends on 'recent_surgery_injury'); "
                             "check those answers, leave this one out, or pass --drop-hidden to drop it as the "
                             "kiosk does\n");
    expectNoPatientData(r.err);
}

TEST(AppSimulateCli, ReportsEveryAnswerErrorWithoutQuotingValues) {
    const TempFile answers("answers.json", R"({"first_nme": "ZQXJ", "pain_now": 42, "date_of_birth": "ZQXJ-day"})");
    const RunResult r = runKiosk(shellWords({"simulate", kForm, "--answers", answers.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("error: unknown item 'first_nme' in the answers; did you mean 'first_name'?"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("error: answer to 'pain_now' is out of range: must be 0 to 10"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error: answer to 'date_of_birth' is not a valid date"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("is required but has no answer"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("ZQXJ"), std::string::npos) << r.err;
}

TEST(AppSimulateCli, BrokenJsonIsLocatedNotQuoted) {
    const TempFile answers("answers.json", "{\n  \"first_name\": ZQXJ-secret\n}\n");
    const RunResult r = runKiosk(shellWords({"simulate", kForm, "--answers", answers.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, answers.path() + ":2:17: error: the answers file is not valid JSON\n");
}

TEST(AppSimulateCli, DuplicateKeysAreAnErrorAtTheSecondKey) {
    // JSON parsers keep one of two equal keys without a word; the second is where to look.
    const TempFile answers("answers.json",
                           "{\n  \"first_name\": \"ZQXJ\",\n  \"sleep_freq\": {\"refreshed\": \"never\", "
                           "\"refreshed\": \"always\"},\n  \"first_name\": \"ZQXJ\"\n}\n");
    const RunResult r = runKiosk(shellWords({"simulate", kForm, "--answers", answers.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, answers.path() + ":3:40: error: key 'refreshed' appears twice in the same object; keep one\n");
}

TEST(AppSimulateCli, MatrixRowKeysAndTopLevelShape) {
    const TempFile dotted("answers.json", R"({"sleep_freq.pain_wakes": "never", "pain_map": ["ZQXJ"]})");
    RunResult r = runKiosk(shellWords({"simulate", kForm, "--answers", dotted.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find(dotted.path() + ": error: answer key 'sleep_freq.pain_wakes' names a matrix row the way "
                                         "form files do; in answers a matrix is one object: "
                                         "{\"sleep_freq\": {\"pain_wakes\": ...}}\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(dotted.path() + ": error: answer to 'pain_map[0]' is not a body region id; the ids are: "
                                         "head_front_r, head_front_l, face_r, "),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("ZQXJ"), std::string::npos) << r.err;

    const TempFile list("answers.json", R"(["ZQXJ"])");
    r = runKiosk(shellWords({"simulate", kForm, "--answers", list.path()}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, list.path() + ": error: answers must be a JSON object of item id -> answer, like "
                                   "{\"pain_now\": 6}; the top level here is a JSON array\n");
}

TEST(AppSimulateCli, BadFormAndUsageErrors) {
    const TempFile bad("bad.yaml", "id: [\n");
    RunResult r = runKiosk(shellWords({"simulate", bad.path(), "--answers", kCalm}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind(bad.path() + ":", 0), 0u) << r.err;
    r = runKiosk(shellWords({"simulate", kForm}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("give --answers ANSWERS.json"), std::string::npos);
    r = runKiosk(shellWords({"simulate", "--answers", kCalm}));
    EXPECT_EQ(r.exitCode, 2);
    r = runKiosk(shellWords({"simulate", kForm, "--answers", kCalm, "--bogus"}));
    EXPECT_EQ(r.exitCode, 2);
    r = runKiosk(shellWords({"simulate", kForm, "--answers", "/nonexistent/answers.json"}));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, "/nonexistent/answers.json: error: cannot read the answers file\n");
}

TEST(AppSimulateCli, SaveStoresTheRecordSealedAsAKioskSubmitWould) {
    const TempDir dir("simsave");
    const std::string db = dir / "new/folder/intake.sqlite3";  // missing folders are made
    const RunResult saved =
        runKiosk(shellWords({"simulate", kForm, "--answers", kCalm, "--drop-hidden", "--save", "--db", db}));
    ASSERT_EQ(saved.exitCode, 0) << saved.err;
    EXPECT_NE(saved.err.find("saved record "), std::string::npos) << saved.err;
    expectNoPatientData(saved.err);

    const RunResult listed = runKiosk(shellWords({"records", "list", "--db", db}));
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("clinic_intake"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("submitted"), std::string::npos) << listed.out;

    // Sealed: the patient's name is nowhere in the database file or its write-ahead log.
    const std::string bytes = readFile(db) + readFile(db + "-wal");
    EXPECT_GT(bytes.size(), 4096u);
    EXPECT_EQ(bytes.find("Testpatient"), std::string::npos);
}

TEST(AppSimulateCli, DatabaseOptionsWithoutSaveAreAUsageError) {
    const RunResult r =
        runKiosk(shellWords({"simulate", kForm, "--answers", kCalm, "--db", "/tmp/x.sqlite3"}));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--db, --data-dir and --config go with --save"), std::string::npos) << r.err;
}

TEST(AppSimulateCli, SaveKeepsARunningKiosksDraftAndNamesItsRecords) {
    const TempDir dir("simdraft");
    const std::string db = dir / "intake.sqlite3";
    {
        // A kiosk mid-intake on the same database.
        kiosk::store::StoreOptions o;
        o.dbPath = db;
        o.kioskId = "front-desk";
        auto kiosk = kiosk::store::Store::open(o);
        ASSERT_TRUE(kiosk) << kiosk.error().format();
        ASSERT_TRUE(kiosk->initKeys("first staff secret", kiosk::store::KdfLimits::minimum()));
        ASSERT_TRUE(kiosk->saveDraft(R"({"page":3})", kiosk::core::utcNowIso()));
    }
    const RunResult saved =
        runKiosk(shellWords({"simulate", kForm, "--answers", kCalm, "--drop-hidden", "--save", "--db", db}));
    ASSERT_EQ(saved.exitCode, 0) << saved.err;

    kiosk::store::StoreOptions o;
    o.dbPath = db;
    o.kioskId = "front-desk";
    auto kiosk = kiosk::store::Store::open(o);
    ASSERT_TRUE(kiosk);
    auto draft = kiosk->loadDraft();
    ASSERT_TRUE(draft) << draft.error().format();
    ASSERT_TRUE(draft->has_value());
    EXPECT_EQ((*draft)->snapshot, R"({"page":3})");
    auto records = kiosk->list();
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().meta.kioskId, "simulate");
}

// Change since the last visit: the follow-up against the intake's record of the same patient.
TEST(AppSimulateCli, PreviousRecordShowsEachScoresChangeAgainstTheMinimalImportantChange) {
    const std::string dir = kSrc + "/tests/data/answers/follow-up-back-pain/";
    const RunResult r = runKiosk(shellWords({"simulate", kSrc + "/forms/follow-up.yaml", "--answers", dir + "answers.json",
                                             "--previous", dir + "previous.json"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json out = json::parse(r.out);
    // The record shows every score's band.
    for (const json& s : out["scores"]) {
        if (s["id"] == "start_back_risk") {
            EXPECT_EQ(s["band"], "Medium risk (total 4+, distress 0-3)");
        }
    }
    std::map<std::string, json> change;
    for (const json& c : out["change_since_previous"]) change[c["id"].get<std::string>()] = c;
    ASSERT_EQ(change.size(), 3u) << out["change_since_previous"].dump(2);  // start_back_total had no value before
    EXPECT_EQ(change["pain_nrs_average"]["text"],
              "Pain, average past week (0-10): 7 (Severe (7-10)) \u2192 4 (Moderate (4-6)): improved by 3, at least the "
              "2-point minimal important change");
    EXPECT_EQ(change["pain_nrs_average"]["important"], true);
    EXPECT_EQ(change["pain_nrs_average"]["minimal_important_change"], 2);
    EXPECT_EQ(change["phq4_total"]["better"], "improved");
    EXPECT_TRUE(change["phq4_total"]["important"].is_null());  // no published MIC
    EXPECT_EQ(change["start_back_risk"]["text"],
              "STarT Back risk group: High risk (distress 4-5) \u2192 Medium risk (total 4+, distress 0-3): "
              "improved, no minimal important change is published");

    // Not a record: said as such, at the file.
    const TempFile notRecord("previous.json", R"({"first_name": "ZQXJ"})");
    const RunResult bad = runKiosk(shellWords({"simulate", kSrc + "/forms/follow-up.yaml", "--answers", dir + "answers.json",
                                               "--previous", notRecord.path()}));
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(bad.err, notRecord.path() + ": error: the previous record has no 'scores' list; give a record as simulate "
                                          "or 'records show' prints it\n");
}
