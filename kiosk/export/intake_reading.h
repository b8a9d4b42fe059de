#pragma once
// One intake as staff read it, on the desk (staff/desk.h) and in the therapist's PDF: who the
// patient is, the flags first (urgent before caution, each with what to do), the scores with their
// bands, the marked body regions, then every answer in form order, and the signature. Built from a
// record's JSON and, when the shelf has it, the exact form version it was answered on: labels of
// flags and scores come in the staff's language (the record keeps them in the form's first
// language only), questions and answers in the language asked for. Without the form, the record's
// own texts and answer codes are shown. Pure: no store, no files. Holds patient data: never log it.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/i18n.h"
#include "kiosk/forms/model.h"
#include "kiosk/forms/answer.h"

namespace kiosk::exports {

struct ReadFlag {
    std::string id;
    bool urgent = false;
    std::string label;    ///< staff language
    std::string explain;  ///< staff language: what to do and why
};

struct ReadScore {
    std::string id;
    std::string label;              ///< staff language
    std::optional<double> value;    ///< empty: too few answers
    std::string valueText;          ///< "8,3" in the staff language; "" when there is no value
    std::string band;               ///< staff language; "" when none matched
    /// Staff language: the score's `note` ("Screening, not a diagnosis", "Not a validated
    /// instrument"); without a value, also the manual's missing-item rule when the form gives one.
    std::string note;
    int answered = 0, total = 0;
};

struct ReadMark {
    std::string region;             ///< region id (CHOIR-like), for the figure
    std::string name;               ///< the region named in the staff language
    std::optional<int> intensity;
    std::vector<std::string> kinds; ///< kinds of pain, in the staff language
};

struct ReadAnswer {
    std::string itemId;
    std::string pageTitle;
    std::string question;
    std::string answer;             ///< may hold line breaks (matrix rows, body regions)
    bool signature = false;
    bool summary = false;           ///< its page is marked `summary: true` (forms::Page)
};

/// @brief The whole reading; see the file comment.
struct IntakeReading {
    bool formKnown = false;         ///< the exact form version was on the shelf
    std::string formTitle;
    std::string firstName, lastName;
    std::string dateOfBirth;        ///< "YYYY-MM-DD", "" when not asked
    std::optional<int> age;         ///< on the day the intake was submitted
    std::string phone, email;
    std::string submittedAt, lang;
    std::vector<ReadFlag> flags;    ///< urgent first, then caution, each in the record's order
    std::vector<ReadScore> scores;  ///< in the form's order
    std::vector<ReadMark> marks;    ///< every marked body region, in the order marked
    std::vector<ReadAnswer> answers;///< form order
    forms::Signature signature;     ///< the first signature item's strokes (0..1 on the pad)
    bool signedConsent = false;     ///< a signature was given

    bool hasUrgent() const;
    bool hasCaution() const;
    /// "Ana G." (first name and last initial); "" when the record names nobody.
    std::string shortName() const;
};

/// @brief What readIntake() reads with.
struct ReadingLangs {
    std::string staff;    ///< flags, scores, region names
    std::string answers;  ///< questions and answers (the desk: staff; the PDF: the record's language)
};

/// @brief Who the patient is and nothing else (names, date of birth, age, phone, email, when
///        submitted): what a look-up across many records needs (staff/previous_visit.h).
IntakeReading readPatient(const nlohmann::json& record, const forms::Form* form);

/// @brief Builds the reading of @p record (see the file comment); @p form may be null.
IntakeReading readIntake(const nlohmann::json& record, const forms::Form* form, const core::Catalog& catalog,
                         const ReadingLangs& langs);

/// @brief The first UTF-8 character of @p text ("É" of "Élodie"), for initials.
std::string firstCharacter(const std::string& text);

}  // namespace kiosk::exports
