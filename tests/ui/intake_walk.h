#pragma once
// A patient with a given answer set walks a form on the REAL screens (UiDriver) over the REAL
// session, from the welcome screen to the thank-you: each answer entered by taps on registry keys
// (text on the on-screen keyboard, a date on the picker, a finger stroke for a signature, a body
// region with its detail), Next on every page, Submit on the review. What it counts is issue 20's
// budget (at most 16 screens and 100 taps for a typical patient): tests/ui/intake_walk_test.cpp
// checks it, and `make bench` prints it for every answer set (tests/bench/intake_taps_bench.cpp).
// Failures are reported with ADD_FAILURE, so it runs inside a test or a benchmark linked with gtest.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"
#include "kiosk/session/record.h"
#include "ui_driver.h"

namespace kiosk::ui::test {

/// @brief One of tests/data/answers/<name>: the form it answers, its language and the answers.
struct AnswerSet {
    std::string name;
    std::shared_ptr<const forms::Form> form;
    std::string lang;
    forms::Answers answers;   ///< the shown ones, checked against their items as simulate reads them
    session::Record expected;  ///< what simulate makes of them: the record a walk must save
};

/// Every set in tests/data/answers, by folder name (ADD_FAILURE for one that does not load).
std::vector<AnswerSet> bundledAnswerSets();

/// @brief What the walk saw and did.
struct WalkResult {
    std::vector<std::string> screens;  ///< "welcome", each page id, "review", "thank_you", in order
    TapCount count;                    ///< taps (a signature stroke counts as one), keys, swipes
    std::optional<session::Record> saved;
    std::vector<std::string> leftOut;  ///< text items where the keyboard lacked a character (skipped)
};

/// Walks @p set from the welcome screen to the thank-you on a @p width x @p height screen.
WalkResult walkAnswerSet(const AnswerSet& set, float width = 1920, float height = 1080);

}  // namespace kiosk::ui::test
