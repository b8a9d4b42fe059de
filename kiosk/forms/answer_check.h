#pragma once
// Does an answer fit its item? One check used both for answers arriving as JSON (simulate,
// records) and for answers the UI sets before Next. A problem is a code plus the form-side limits
// it concerns (never the patient's value), so the session can phrase it for the patient in their
// language and tools can phrase it for the form author in English.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/forms/answer.h"
#include "kiosk/forms/model.h"

namespace kiosk::forms {

enum class Problem {
    Required,           ///< a required item without an answer
    ConsentRequired,    ///< a required consent not given (false or missing)
    MatrixIncomplete,   ///< a required matrix with rows left unanswered
    NotAnswerable,      ///< info items take no answer
    WrongType,          ///< e.g. text for a number; limits empty
    OutOfRange,         ///< limits {min, max}
    BelowMin,           ///< limits {min}
    AboveMax,           ///< limits {max}
    Step,               ///< limits {step}
    Decimals,           ///< limits {decimals}
    UnknownOption,
    DuplicateOption,
    TooFew,             ///< limits {min_selected}
    TooMany,            ///< limits {max_selected}
    Exclusive,          ///< an exclusive ("none of these") option chosen with others
    InvalidDate,
    FutureDate,
    UnknownRow,
    UnknownRegion,
    DuplicateRegion,
    DetailNotAsked,     ///< intensity or kinds given where the item does not ask for them
    Intensity,          ///< limits {0, 10}
    UnknownPainKind,
    Signature,          ///< no strokes, an empty stroke or a point off the pad
    TooLong,            ///< limits {max_length}
    TooManyAnswers,     ///< a repeating item given more values than it takes; limits {max_answers}
                        ///< (a list: more entries than max_entries)
    TooFewEntries,      ///< a list with fewer entries than it asks; limits {min_entries}
    UnknownField,       ///< a list entry names a field the list does not have
    EmptyEntry,         ///< a list entry with no field answered
    // What a patient enters must also make sense (session/entry_rules.h): checked at the kiosk.
    PhoneDigits,        ///< limits {min, max} digits
    EmailShape,         ///< not name@example.org
    SignatureTooSmall,  ///< a dot or a short mark, not a signature
};

/// @brief Why an answer does not fit. limits holds form-side numbers only (see Problem).
struct AnswerProblem {
    Problem problem = Problem::WrongType;
    std::vector<double> limits;
    int position = -1;  ///< the list entry at fault (multi options, body_map regions), from 0; -1: none
    std::string field{};  ///< a list item: the field of entry `position` at fault ("" = the entry or list)
};

/// @brief Checks a value the patient gave (already known to hold something, see hasValue).
/// @param today  for `past_only` dates; without it future dates are not checked.
std::optional<AnswerProblem> checkAnswer(const Item& item, const Answer& answer,
                                         const std::optional<Date>& today);

/// @brief Checks "required": empty unless the item is required and @p answer (null = none) does
///        not satisfy it (a required consent needs true; a required matrix needs every row).
std::optional<AnswerProblem> checkRequired(const Item& item, const Answer* answer);

/// @brief The author-facing English sentence, naming the item and the rule, never the value:
///        "answer to 'pain_now' is out of range: must be 0 to 10". What would be right is taken
///        from the form (its option values and row ids) or named by where it is listed.
std::string describe(const Item& item, const AnswerProblem& problem);

/// A number as a form author wrote it: 10 -> "10", 0.5 -> "0.5".
std::string formatNumber(double value);

/// What JSON value an item's answer takes, for messages: "a number", "true or false", ...
std::string expectedShape(const Item& item);

}  // namespace kiosk::forms
