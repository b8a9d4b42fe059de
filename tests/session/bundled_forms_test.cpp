// End to end: the bundled forms (forms/*.yaml, through the real loader) with the realistic answer
// sets of tests/data/answers/*, each run in English and in Spanish through simulate() (the real
// Intake). expected.json was worked out by hand (see tests/data/answers/README.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/forms/conditions.h"
#include "kiosk/forms/loader.h"
#include "kiosk/forms/scoring.h"
#include "kiosk/session/simulate.h"
#include "support/session_support.h"

using namespace kiosk;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = KIOSK_SOURCE_DIR;

json readJson(const fs::path& p) {
    std::ifstream in(p);
    return json::parse(in);
}

std::vector<std::string> answerSets() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kRoot + "/tests/data/answers"))
        if (e.is_directory() && fs::exists(e.path() / "expected.json")) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

struct Case {
    std::string set;
    std::string lang;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.set << " (" << c.lang << ")"; }

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
    std::string n = info.param.set + "_" + info.param.lang;
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
}

std::vector<Case> cases() {
    std::vector<Case> out;
    for (const auto& s : answerSets())
        for (const char* lang : {"en", "es"}) out.push_back({s, lang});
    return out;
}

class BundledForms : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        const fs::path dir = kRoot + "/tests/data/answers/" + GetParam().set;
        answers = readJson(dir / "answers.json");
        expected = readJson(dir / "expected.json");
        auto loaded = forms::loadForm(kRoot + "/" + expected["form"].get<std::string>());
        for (const auto& e : loaded.errors) ADD_FAILURE() << e.format();
        ASSERT_TRUE(loaded.ok());
        form = loaded.form;
    }
    session::SimulateResult run(session::HiddenAnswers hidden) {
        return session::simulate(form, answers, GetParam().lang, kiosk::testing::realCatalog(),
                                 kiosk::testing::fixedClock(), hidden);
    }
    json answers, expected;
    std::shared_ptr<const forms::Form> form;
};

}  // namespace

TEST_P(BundledForms, RecordMatchesTheHandWorkedExpectations) {
    const session::SimulateResult r = run(session::HiddenAnswers::Drop);
    ASSERT_EQ(r.ok(), expected["complete"].get<bool>());
    for (const auto& e : r.errors) ADD_FAILURE() << e.message;
    ASSERT_TRUE(r.record);
    const session::Record& rec = *r.record;
    EXPECT_EQ(rec.lang, GetParam().lang);
    EXPECT_EQ(rec.formId, form->id);
    EXPECT_EQ(rec.contentHash, form->contentHash);
    EXPECT_EQ(rec.submittedAt, "2026-11-25T10:03:00Z");

    // Flags: exactly the expected ones, by severity.
    std::set<std::string> urgent, caution;
    for (const auto& f : rec.flags) (f.severity == forms::Severity::Urgent ? urgent : caution).insert(f.id);
    EXPECT_EQ(urgent, expected["flags"]["urgent"].get<std::set<std::string>>());
    EXPECT_EQ(caution, expected["flags"]["caution"].get<std::set<std::string>>());
    if (expected.contains("not_flagged")) {
        for (const auto& id : expected["not_flagged"])
            EXPECT_EQ(urgent.count(id) + caution.count(id), 0u) << id;
    }

    // Scores: value within 0.05 (or null) and the band in the staff language.
    for (const auto& [id, want] : expected["scores"].items()) {
        auto it = std::find_if(rec.scores.begin(), rec.scores.end(),
                               [&, id = id](const session::ScoreResult& s) { return s.id == id; });
        ASSERT_NE(it, rec.scores.end()) << "no score " << id;
        if (want["value"].is_null()) {
            EXPECT_FALSE(it->value) << id;
        } else {
            ASSERT_TRUE(it->value) << id;
            EXPECT_NEAR(*it->value, want["value"].get<double>(), 0.05) << id;
        }
        EXPECT_EQ(it->region, want.value("region", std::string())) << id;  // worst_region scores name one
        const std::string staffLang = form->languages.front();
        if (want["band"].is_null()) {
            EXPECT_EQ(it->band, "") << id;
        } else {
            EXPECT_EQ(it->band, want["band"][staffLang].get<std::string>()) << id;
        }
    }

    // Shown and dropped items.
    auto hidden = [&](const std::string& id) {
        return std::find(rec.hidden.begin(), rec.hidden.end(), id) != rec.hidden.end();
    };
    for (const auto& id : expected["shown"]) {
        EXPECT_FALSE(hidden(id)) << id;
        EXPECT_EQ(rec.answers.count(id), answers.contains(id) ? 1u : 0u) << id;
    }
    std::vector<std::string> dropped = expected["dropped"].get<std::vector<std::string>>();
    for (const auto& id : dropped) {
        EXPECT_TRUE(hidden(id)) << id;
        EXPECT_EQ(rec.answers.count(id), 0u) << id;
    }
    std::sort(dropped.begin(), dropped.end());
    std::vector<std::string> got = r.dropped;
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, dropped);

    // Everything else given was kept, and the record's JSON carries it.
    EXPECT_EQ(rec.answers.size(), answers.size() - dropped.size());
    const json j = session::toJson(rec);
    EXPECT_EQ(j["answers"].size(), rec.answers.size());
    EXPECT_EQ(j["flags"].size(), rec.flags.size());
}

TEST_P(BundledForms, AnswersToHiddenItemsAreErrorsByDefault) {
    const session::SimulateResult r = run(session::HiddenAnswers::Error);
    const auto dropped = expected["dropped"].get<std::vector<std::string>>();
    EXPECT_EQ(r.ok(), dropped.empty());
    ASSERT_EQ(r.errors.size(), dropped.size());
    for (size_t i = 0; i < dropped.size(); ++i)
        EXPECT_NE(r.errors[i].message.find("'" + dropped[i] + "'"), std::string::npos) << r.errors[i].message;
}

TEST_P(BundledForms, LanguageChangesOnlyTheRecordsLanguage) {
    const session::SimulateResult here = run(session::HiddenAnswers::Drop);
    const std::string other = GetParam().lang == "en" ? "es" : "en";
    const session::SimulateResult there =
        session::simulate(form, answers, other, kiosk::testing::realCatalog(), kiosk::testing::fixedClock(),
                          session::HiddenAnswers::Drop);
    ASSERT_TRUE(here.ok());
    ASSERT_TRUE(there.ok());
    json a = session::toJson(*here.record), b = session::toJson(*there.record);
    EXPECT_EQ(a["lang"], GetParam().lang);
    EXPECT_EQ(b["lang"], other);
    a.erase("lang");
    b.erase("lang");
    EXPECT_EQ(a, b);
}

INSTANTIATE_TEST_SUITE_P(Session, BundledForms, ::testing::ValuesIn(cases()), caseName);

TEST(SessionBundledForms, EveryAnswerSetIsCovered) {
    EXPECT_GE(answerSets().size(), 5u);
}

// Issue 20: an 85-year-old man was asked whether he is pregnant. The intake asks the patient's sex
// beside the name (no extra screen; the date picker keeps its page to itself, whole at 1280x800) and puts the pregnancy question only to patients it
// may apply to: not to men; to women, to "Another answer" and to a patient who skipped the sex
// question (a skipped answer must not hide a caution flag's question).
class PregnancyQuestion : public ::testing::TestWithParam<const char*> {};

TEST_P(PregnancyQuestion, GoesOnlyToPatientsItMayApplyTo) {
    auto loaded = forms::loadForm(kRoot + "/forms/" + GetParam());
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.format();
    ASSERT_TRUE(loaded.ok());
    const forms::Form& form = *loaded.form;
    ASSERT_GE(form.pageOf("sex"), 0) << "the form asks the patient's sex";
    EXPECT_EQ(form.pageOf("sex"), form.pageOf("last_name")) << "beside the name: no extra screen";
    EXPECT_LT(form.pageOf("sex"), form.pageOf("pregnant")) << "asked before the pregnancy question";
    auto shownFor = [&](const char* sex) {
        forms::Answers a;
        if (sex) a["sex"] = std::string(sex);
        return forms::computeVisibility(form, a).itemShown("pregnant");
    };
    EXPECT_FALSE(shownFor("male"));
    EXPECT_TRUE(shownFor("female"));
    EXPECT_TRUE(shownFor("other"));
    EXPECT_TRUE(shownFor(nullptr));
}

// The follow-up asks it again at every visit: the same rule there.
INSTANTIATE_TEST_SUITE_P(SessionBundledForms, PregnancyQuestion, ::testing::Values("intake.yaml", "follow-up.yaml"),
                         [](const ::testing::TestParamInfo<const char*>& i) { return i.index == 0 ? "Intake" : "FollowUp"; });

// Issue 20, content: the health questions offer "Not sure" (a patient who does not know whether a
// pill is a blood thinner must not have to guess), and "Not sure" raises a caution for staff to ask.
TEST(SessionBundledForms, EveryHealthQuestionOffersNotSureAndItAsksStaffToAsk) {
    auto loaded = forms::loadForm(kRoot + "/forms/intake.yaml");
    ASSERT_TRUE(loaded.ok());
    const forms::Form& form = *loaded.form;
    const int health = form.pageOf("blood_thinners");
    ASSERT_GE(health, 0);
    int asked = 0;
    for (const auto& item : form.pages[static_cast<size_t>(health)].items) {
        const bool yesNo = item.type == forms::ItemType::Single &&
                           std::any_of(item.options.begin(), item.options.end(), [](const forms::Option& o) { return o.value == "yes"; });
        if (!yesNo) continue;
        ++asked;
        EXPECT_TRUE(std::any_of(item.options.begin(), item.options.end(),
                                [](const forms::Option& o) { return o.value == "not_sure"; }))
            << item.id << " has no Not sure";
        forms::Answers a;
        a[item.id] = std::string("not_sure");
        bool flagged = false;
        for (const forms::Flag* f : forms::raisedFlags(form, a)) flagged = flagged || f->id == "health_not_sure";
        EXPECT_TRUE(flagged) << item.id << ": Not sure raises no question for staff";
    }
    EXPECT_GE(asked, 8);
}

// Issue 20, content: the skin flag told staff to "ask where"; the form asks where, on the body map,
// right under the question, only when there is a skin condition.
TEST(SessionBundledForms, ASkinConditionIsMarkedOnTheBodyMapUnderItsQuestion) {
    auto loaded = forms::loadForm(kRoot + "/forms/intake.yaml");
    ASSERT_TRUE(loaded.ok());
    const forms::Form& form = *loaded.form;
    const forms::Item* where = form.findItem("skin_where");
    ASSERT_NE(where, nullptr) << "the form does not ask where the skin condition is";
    EXPECT_EQ(where->type, forms::ItemType::BodyMap);
    EXPECT_EQ(form.pageOf("skin_where"), form.pageOf("skin_condition"));
    forms::Answers a;
    a["skin_condition"] = std::string("yes");
    EXPECT_TRUE(forms::computeVisibility(form, a).itemShown("skin_where"));
    a["skin_condition"] = std::string("no");
    EXPECT_FALSE(forms::computeVisibility(form, a).itemShown("skin_where"));
    for (const auto& flag : form.flags) {
        if (flag.id == "skin_condition") {
            EXPECT_NE(flag.explain.get("en").find("skin_where"), std::string::npos) << "staff are told where to look";
        }
    }
}
