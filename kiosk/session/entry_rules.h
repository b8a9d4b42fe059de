#pragma once
// What a patient enters at the kiosk must also make sense, beyond fitting its item: a phone number
// with as many digits as the clinic's phone numbers have, an email that looks like one, a signature
// of real extent (a single accidental dot once counted as consent). Applied when Next or Submit
// checks a page (validation.h), not when answers are read back from a record or a draft.
#include <optional>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/model.h"

namespace kiosk::session {

/// @brief The clinic's rules (app::KioskConfig `phone:` fills the phone part).
struct EntryRules {
    int phoneMinDigits = 7;   ///< digits of the shortest number the clinic accepts (local numbers)
    int phoneMaxDigits = 15;  ///< ITU E.164: no phone number has more
    /// A signature's ink, in pad widths and heights (strokes are stored 0..1 on each axis): its
    /// strokes together at least this long, and spanning at least this much across and down.
    float signatureMinInk = 0.25f;
    float signatureMinWidth = 0.15f;
    float signatureMinHeight = 0.05f;
};

/// Digits in @p text ("(555) 010-4477" has 10).
int phoneDigits(const std::string& text);
/// local@domain.tld: one '@', no spaces, a dot in the domain with letters after the last one, no
/// empty part between dots.
bool looksLikeEmail(const std::string& text);

/// The problem with @p answer (already known to fit @p item) under @p rules, if any:
/// PhoneDigits {min, max}, EmailShape or SignatureTooSmall.
std::optional<forms::AnswerProblem> checkEntry(const forms::Item& item, const forms::Answer& answer,
                                               const EntryRules& rules);

}  // namespace kiosk::session
