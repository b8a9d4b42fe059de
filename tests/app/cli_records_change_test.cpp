// `records show --change` (issue 19): the record as saved plus each score's change since the same
// patient's last visit on this kiosk, as the staff desk shows it.
#include <chrono>
#include <ctime>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "records_fixture.h"

using namespace kiosk::app::testing;
using nlohmann::json;

namespace {

const std::string kRoot = KIOSK_SOURCE_DIR;

class CliRecordsChange : public RecordsFixture {
protected:
    /// Saves @p answers on @p form as a kiosk would; the new record's id.
    std::string save(const std::string& form, const std::string& answers) {
        RunResult r = runKiosk("simulate " + kRoot + "/forms/" + form + " --answers " + answers +
                               " --drop-hidden --save --db " + db + " </dev/null");
        EXPECT_EQ(r.exitCode, 0) << r.output;
        const auto at = r.output.find("saved record ");
        return at == std::string::npos ? std::string() : r.output.substr(at + 13, 36);
    }
    /// The follow-up patient's intake (pain 7 over the past week), then the follow-up (pain 4).
    void saveBothVisits() {
        std::ifstream in(kRoot + "/tests/data/answers/intake-pregnant/answers.json");
        json a = json::parse(in);
        a["first_name"] = "Testpatient";
        a["last_name"] = "Lumbar";
        a["date_of_birth"] = "1962-06-03";
        a["pain_nrs_week"] = 7;
        std::ofstream(dir / "intake.json") << a.dump();
        intake = save("intake.yaml", dir / "intake.json");
        // Records are stamped to the second and an earlier visit is one submitted before: the
        // follow-up must not share the intake's second (simulate --save takes the wall clock).
        for (const std::time_t start = std::time(nullptr); std::time(nullptr) == start;)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        followUp = save("follow-up.yaml", kRoot + "/tests/data/answers/follow-up-back-pain/answers.json");
    }
    std::string intake, followUp;
};

}  // namespace

TEST_F(CliRecordsChange, ShowsEachScoresChangeSinceTheSamePatientsLastVisit) {
    saveBothVisits();
    ASSERT_EQ(followUp.size(), 36u);
    RunResult r = run("records show " + followUp + " --change --forms-dir " + kRoot + "/forms");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json shown = json::parse(r.output.substr(r.output.find('{')));
    EXPECT_EQ(shown["previous_visit"]["id"], intake);
    ASSERT_TRUE(shown["change_since_previous"].is_array()) << r.output;
    const json* pain = nullptr;
    for (const json& c : shown["change_since_previous"])
        if (c["id"] == "pain_nrs_average") pain = &c;
    ASSERT_NE(pain, nullptr) << r.output;
    EXPECT_EQ((*pain)["previous"], 7);
    EXPECT_EQ((*pain)["now"], 4);
    EXPECT_EQ((*pain)["difference"], -3);
    EXPECT_EQ((*pain)["better"], "improved");
    EXPECT_EQ((*pain)["minimal_important_change"], 2);
    EXPECT_EQ((*pain)["important"], true);
    EXPECT_NE((*pain)["text"].get<std::string>().find("at least the 2-point minimal important change"), std::string::npos);
    // The record itself is printed as saved.
    EXPECT_EQ(shown["form"]["id"], "follow_up_visit");

    // Without --change: the record alone; the intake has no earlier visit: null.
    r = run("records show " + followUp);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("change_since_previous"), std::string::npos);
    r = run("records show " + intake + " --change --forms-dir " + kRoot + "/forms");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const json first = json::parse(r.output.substr(r.output.find('{')));
    EXPECT_TRUE(first["previous_visit"].is_null()) << r.output;
    EXPECT_TRUE(first["change_since_previous"].is_array());
    EXPECT_TRUE(first["change_since_previous"].empty());
}

// --change with --format fhir was ignored without a word: a usage error now, before any passphrase.
TEST_F(CliRecordsChange, ChangeWithFhirIsAUsageError) {
    saveBothVisits();
    const RunResult r = run("records show " + followUp + " --change --format fhir");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.err.find("--change: is for --format json"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("QuestionnaireResponse"), std::string::npos) << "nothing printed";
}
