#pragma once
// What the UI (and app/) can ask of an intake, and what the intake asks of the outside world.
// Actions are small structs in a std::variant applied by session::apply() (STYLE.md #3);
// effects are values returned from apply() that app/ executes against the store (STYLE.md #5).
#include <string>
#include <variant>

#include "kiosk/core/clock.h"
#include "kiosk/forms/answer.h"
#include "kiosk/session/record.h"

namespace kiosk::session {

using SteadyClock = core::SteadyClock;
using TimePoint = core::SteadyTime;

// [SECTION] Actions
struct Start { std::string lang; };          ///< welcome -> first visible page
struct SetLanguage { std::string lang; };    ///< any screen; answers are kept
/// slot >= 0: a repeating number or date item (repeat_values.h): @p value is the one value at that
/// position of its list (the end: a new one), not the whole answer; ClearAnswer removes it.
/// A list item (list_entries.h): slot is the entry (the end: a new one) and field the field that
/// @p value answers; ClearAnswer with a field clears that field, without one removes the entry.
struct SetAnswer { std::string item; forms::Answer value; int slot = -1; std::string field{}; };
struct ClearAnswer { std::string item; int slot = -1; std::string field{}; };
struct Next {};                              ///< validates the page; on errors stays and shows them
/// Previous visible page; keeps answers. On the first page it goes to the welcome screen only when
/// nothing is answered: with answers it asks "Start over?" first (the welcome screen never holds a
/// patient's answers behind it).
struct Back {};
struct GoTo { int page; };                   ///< review "Edit": jump to a page, Next returns to review
struct Submit {};                            ///< on the review screen: builds the record, asks to save
struct SaveSucceeded { std::string recordId; };
struct SaveFailed { std::string reason; };   ///< staff-facing reason without patient data
struct Touch { TimePoint now; };             ///< any input: restarts the idle timer
struct Tick { TimePoint now; };              ///< time passes: idle countdown, save retry, thank-you
struct StillHere { TimePoint now; };         ///< "I'm still here" on the idle warning
struct Reset {};                             ///< wipe everything, back to welcome (also "Start over")
struct ResumeContinue {};                    ///< Resume screen: back to the page the draft was on
struct KeepAnswers {};                       ///< "Start over?": no, back to my answers (Reset = yes)

using Action = std::variant<Start, SetLanguage, SetAnswer, ClearAnswer, Next, Back, GoTo, Submit,
                            SaveSucceeded, SaveFailed, Touch, Tick, StillHere, Reset, ResumeContinue,
                            KeepAnswers>;

// [SECTION] Effects
/// Save this finished record durably; answer with SaveSucceeded or SaveFailed.
struct SaveRequest { Record record; };
/// Save the in-progress intake (after every page) so a crash can resume it: see Intake::snapshot().
struct SaveDraft { std::string snapshotJson; };
/// The draft is no longer needed (submitted, or wiped by idle/reset/start over).
struct DiscardDraft {};

using Effect = std::variant<SaveRequest, SaveDraft, DiscardDraft>;

}  // namespace kiosk::session
