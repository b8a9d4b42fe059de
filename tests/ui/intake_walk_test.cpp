// Issue 20 "a shorter intake": every bundled answer set, entered by taps on the real screens, saves
// the record simulate makes of it (so the walk answers everything the set answers), and a typical
// new patient (tests/data/answers/intake-typical) gets through the intake in at most 16 screens
// and 100 taps. `make bench` prints the same counts for every set (intake_taps_bench).
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "intake_walk.h"

namespace kiosk::ui::test {
namespace {

/// The text without the characters the phone keypad lacks (the walk leaves them out).
std::string keypadOnly(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

void expectSameRecord(const AnswerSet& set, const session::Record& saved) {
    const session::Record& want = set.expected;
    for (const auto& [id, answer] : want.answers) {
        const auto got = saved.answers.find(id);
        ASSERT_NE(got, saved.answers.end()) << set.name << ": " << id << " was not answered by taps";
        const forms::Item* item = set.form->findItem(id);
        if (item->type == forms::ItemType::Signature) continue;  // a stroke of its own
        if (item->type == forms::ItemType::Text && item->textKind == forms::TextKind::Phone) {
            EXPECT_EQ(keypadOnly(std::get<std::string>(got->second)), keypadOnly(std::get<std::string>(answer)))
                << set.name << ": " << id;
            continue;
        }
        if (item->type == forms::ItemType::Multi) {  // kept in the form's order, whatever the taps' order
            auto sorted = [](std::vector<std::string> v) {
                std::sort(v.begin(), v.end());
                return v;
            };
            EXPECT_EQ(sorted(std::get<std::vector<std::string>>(got->second)),
                      sorted(std::get<std::vector<std::string>>(answer)))
                << set.name << ": " << id;
            continue;
        }
        EXPECT_TRUE(got->second == answer) << set.name << ": " << id << " differs";
    }
    EXPECT_EQ(saved.answers.size(), want.answers.size()) << set.name << ": answers nobody gave";
    auto flagIds = [](const session::Record& r) {
        std::vector<std::string> ids;
        for (const auto& f : r.flags) ids.push_back(f.id);
        return ids;
    };
    EXPECT_EQ(flagIds(saved), flagIds(want)) << set.name;
    ASSERT_EQ(saved.scores.size(), want.scores.size()) << set.name;
    for (size_t i = 0; i < want.scores.size(); ++i) {
        EXPECT_EQ(saved.scores[i].id, want.scores[i].id);
        EXPECT_EQ(saved.scores[i].value, want.scores[i].value) << set.name << ": " << want.scores[i].id;
    }
}

TEST(IntakeWalk, EveryAnswerSetEnteredByTapsSavesTheRecordSimulateMakes) {
    const std::vector<AnswerSet> sets = bundledAnswerSets();
    ASSERT_GE(sets.size(), 5u);
    for (const AnswerSet& set : sets) {
        SCOPED_TRACE(set.name);
        const WalkResult walk = walkAnswerSet(set);
        ASSERT_FALSE(HasFatalFailure());
        ASSERT_FALSE(walk.screens.empty());
        EXPECT_EQ(walk.screens.front(), "welcome");
        EXPECT_EQ(walk.screens.back(), "thank_you");
        ASSERT_TRUE(walk.saved.has_value());
        expectSameRecord(set, *walk.saved);
        for (const auto& id : walk.leftOut) {
            const forms::Item* item = set.form->findItem(id);
            EXPECT_EQ(item->textKind, forms::TextKind::Phone) << id << ": a character the keyboard lacks";
        }
        std::cout << set.name << ": " << walk.screens.size() << " screens, " << walk.count.taps << " taps ("
                  << walk.count.keys << " on the keyboard), " << walk.count.swipes << " scrolls\n";
    }
}

TEST(IntakeWalk, ATypicalNewPatientNeedsAtMost16ScreensAnd100Taps) {
    const std::vector<AnswerSet> sets = bundledAnswerSets();
    const auto typical = std::find_if(sets.begin(), sets.end(), [](const AnswerSet& s) { return s.name == "intake-typical"; });
    ASSERT_NE(typical, sets.end());
    const WalkResult walk = walkAnswerSet(*typical);
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(walk.screens.back(), "thank_you");
    EXPECT_LE(walk.screens.size(), 16u);
    EXPECT_LE(walk.count.taps, 100);
    std::cout << "typical: " << walk.screens.size() << " screens, " << walk.count.taps << " taps ("
              << walk.count.keys << " on the keyboard)\n";
}

}  // namespace
}  // namespace kiosk::ui::test
