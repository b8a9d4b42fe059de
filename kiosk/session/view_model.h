#pragma once
// What the screens draw: a read-only picture of the intake, with every patient-facing string
// already in the patient's language. The UI never reads Intake directly.
#include <string>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// Resume: an intake restored from a draft after a crash waits here, showing none of its answers,
/// until someone chooses to continue it (ResumeContinue) or to start over (Reset).
enum class Screen { Welcome, Page, Review, Saving, SaveFailed, ThankYou, Resume };

/// @brief One visible item of the current page.
struct ItemView {
    const forms::Item* item = nullptr;
    const forms::Answer* answer = nullptr;  ///< nullptr while unanswered
    std::string error;                      ///< translated reason Next was refused, "" if fine
};

/// @brief One line of the review screen.
struct ReviewEntry {
    int page = 0;                 ///< page index for GoTo (Edit)
    std::string pageTitle;
    const forms::Item* item = nullptr;
    std::string answerText;       ///< human-readable, translated ("Not answered" when empty)
};

struct ViewModel {
    Screen screen = Screen::Welcome;
    std::string lang;
    int page = -1;                ///< index into form.pages (Screen::Page)
    int step = 0, stepCount = 0;  ///< "Step 3 of 9": 1-based among visible pages
    std::string pageTitle;
    std::vector<ItemView> items;
    bool canGoBack = false;
    bool editingFromReview = false;  ///< Next returns to the review
    bool hasErrors = false;          ///< the last Next was refused
    std::vector<ReviewEntry> review;
    /// Back on the first page with answers: "Start over?" over the page (Reset wipes, KeepAnswers
    /// returns). The page's answers are not drawn under it.
    bool confirmStartOver = false;
    bool idleWarning = false;        ///< "Are you still there?" overlay
    int idleSecondsLeft = 0;
    int retryInSeconds = 0;          ///< SaveFailed: next automatic retry
    /// ThankYou after an intake that raised an urgent flag: ask the patient, calmly and without
    /// naming the flag, to go to the front desk now.
    bool goToDesk = false;
};

}  // namespace kiosk::session
