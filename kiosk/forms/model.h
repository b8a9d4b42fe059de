#pragma once
// The questionnaire model: what a form file (forms/*.yaml) says once loaded and validated.
// Immutable after loading; every node keeps the SourceLoc it came from so that semantic checks
// can point at file:line:col. The YAML key for each field is given in its comment; forms/README.md
// documents the format for clinic admins and forms/form.schema.json checks its shape.
//
// [SECTION] Text           translated strings
// [SECTION] Conditions     show_if / flag `when` trees
// [SECTION] Items          every item type
// [SECTION] Scores, flags  staff-facing results
// [SECTION] Form           the whole file
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/forms/answer.h"

namespace kiosk::forms {

using core::SourceLoc;

// [SECTION] Text
/// @brief A string per language code ("en", "es"). In YAML either a map `{en: ..., es: ...}`.
struct Text {
    std::map<std::string, std::string> byLang;
    SourceLoc where;

    bool empty() const { return byLang.empty(); }
    /// The text in @p lang, else in @p fallback, else any, else "".
    const std::string& get(std::string_view lang, std::string_view fallback = "en") const;
};

// [SECTION] Conditions
/// YAML `op`: "==", "!=", "<", "<=", ">", ">=", "answered", "not_answered",
/// "includes" / "excludes" (a multi or body_map answer holds / lacks `value`).
enum class CondOp { Eq, Ne, Lt, Le, Gt, Ge, Answered, NotAnswered, Includes, Excludes };

/// A literal in a comparison: YAML `value` (bool for yes_no/consent, number for number/scale,
/// string for single/multi/matrix-row option values, body-map region ids and text, "YYYY-MM-DD" dates).
using CondValue = std::variant<std::monostate, bool, double, std::string>;

/// @brief A structured condition, the same shape as FHIR enableWhen + enableBehavior:
///   `{item: pain_now, op: ">=", value: 4}` (item may be `matrix_id.row_id`),
///   `{all: [cond, ...]}`, `{any: [cond, ...]}`, `{not: cond}`.
struct Condition {
    enum class Kind { Compare, All, Any, Not };
    Kind kind = Kind::Compare;
    std::string item;          ///< Compare: item id, or "matrix.row"
    /// Compare: `score: id` instead of `item`: the score's value (flags and rule scores only;
    /// a score without a value makes every comparison false, like an unanswered item).
    std::string score;
    CondOp op = CondOp::Eq;    ///< Compare
    CondValue value;           ///< Compare (monostate for answered / not_answered)
    std::vector<Condition> children;  ///< All / Any: the list; Not: exactly one
    SourceLoc where;
};

// [SECTION] Items
/// YAML `type`: info, text, number, date, yes_no, single, multi, scale, body_map, signature,
/// consent, matrix, list.
enum class ItemType { Info, Text, Number, Date, YesNo, Single, Multi, Scale, BodyMap, Signature, Consent, Matrix, List };
std::string_view toString(ItemType type);
std::optional<ItemType> itemTypeFromString(std::string_view name);

/// YAML `keyboard` on text items: which on-screen keyboard layout to show.
enum class TextKind { Text, Name, Phone, Email, Multiline };

/// @brief One choice of a single / multi / matrix item.
struct Option {
    std::string value;            ///< `value`: stable id stored in the record (snake_case)
    Text label;                   ///< `label`
    Text say;                     ///< `say`: spoken instead of the label, per language (read aloud)
    std::optional<double> score;  ///< `score`: numeric value for scoring (single, matrix)
    bool exclusive = false;       ///< `exclusive`: multi only, "none of these" clears the others
    /// `code` / `system` / `code_type`: the option as FHIR knows it, kept by `import-fhir` so that
    /// exports carry the EHR's own codes. code_type: coding (default: valueCoding{system, code}),
    /// string, integer or date (a plain answerOption value, exported as valueString / ...).
    std::string code;
    std::string system;
    std::string codeType;
    SourceLoc where;
};

/// @brief A row of a matrix item (same options over several rows); referenced as `matrix.row`.
struct MatrixRow {
    std::string id;
    Text label;
    Text say;  ///< `say`: spoken instead of the label (read aloud)
    SourceLoc where;
    std::string loinc{};  ///< `loinc`: the row's LOINC code (a matrix of instrument items), "" if none
};

/// YAML `detail` list on body_map items: what to ask about each marked region.
enum class BodyDetail { Intensity, Kind };

/// Bounds of a list item: entries (each a card on the kiosk screen) and fields per entry.
constexpr int kMaxListEntries = 50;
constexpr std::size_t kMaxListFields = 12;

/// @brief One question (or an info text) on a page.
struct Item {
    std::string id;                 ///< `id`: unique in the form, [a-z][a-z0-9_]*
    ItemType type = ItemType::Info;
    Text label;                     ///< `label`: the question (info: the text shown)
    Text help;                      ///< `help`: optional smaller text under the question
    /// `say`: what read-aloud speaks instead of the label, where the written text reads badly
    /// aloud ("kg" -> "kilograms"); per language, and a language left out speaks the label.
    Text say;
    bool required = false;          ///< `required`
    std::optional<Condition> showIf;  ///< `show_if`

    // number / scale
    std::optional<double> min, max; ///< `min` / `max` (scale defaults 0..10)
    double step = 1;                ///< `step`: number only
    int decimals = 0;               ///< `decimals`: number only
    Text unit;                      ///< `unit`: e.g. {en: hours, es: horas}
    Text minLabel, maxLabel;        ///< `min_label` / `max_label`: scale end labels

    // text
    TextKind textKind = TextKind::Text;  ///< `keyboard`: text | name | phone | email | multiline
    int maxLength = 200;                 ///< `max_length`
    /// `repeats: true` (text, number, date): several answers, FHIR's repeats. Text: one a line (a
    /// multiline box; exports give each non-empty line as its own answer, forms::answerLines).
    /// Number, date: a list of values (NumberList, DateList), entered one by one ("Add another").
    bool repeats = false;
    int maxAnswers = 10;            ///< `max_answers`: repeating number / date, at most this many

    // date
    bool pastOnly = false;          ///< `past_only`: e.g. date of birth

    // single / multi / matrix
    std::vector<Option> options;    ///< `options`
    int minSelected = 0;            ///< `min_selected`: multi
    int maxSelected = 0;            ///< `max_selected`: multi, 0 = no limit
    std::vector<MatrixRow> rows;    ///< `rows`: matrix

    // body_map
    std::vector<BodyDetail> detail; ///< `detail`: [intensity, kind]

    // list: a repeating group (FHIR's group with repeats: true), the answer a ListAnswer
    /// `fields`: what each entry asks, simple items (text, number, date, yes_no, single) with ids
    /// of their own, unique in the form; no show_if, initial or repeats of their own.
    std::vector<Item> fields;
    int minEntries = 0;             ///< `min_entries`: at least this many when answered (required: at least 1)
    int maxEntries = 10;            ///< `max_entries`: at most this many (50 at most: each is a card on screen)
    Text entryLabel;                ///< `entry_label`: names one entry, numbered on its card ("Medication 2")
    Text addLabel;                  ///< `add_label`: the button that adds an entry ("Add another medication")

    /// `verbatim: true`: published text of the file's instrument (label, help, end labels,
    /// options with their scores, rows); its fingerprint per language is checked (Instrument).
    bool verbatim = false;
    std::string loinc;              ///< `loinc`: the item's LOINC code, "" if none
    /// `initial`: the answer the item starts with, shown filled in when its page first shows and
    /// changed or cleared like any answer (FHIR's Questionnaire.item.initial). text, number,
    /// scale, date, yes_no, single and multi items only; checked like a patient's answer.
    std::optional<Answer> initial;
    /// `link_id`: the FHIR linkId when it is not the id (an imported item whose linkId is not a
    /// valid id); exports and `simulate --answers` use it. "" = the id is the linkId.
    std::string linkId;

    SourceLoc where;

    const Option* findOption(std::string_view value) const;
    const MatrixRow* findRow(std::string_view rowId) const;
    const Item* findField(std::string_view fieldId) const;  ///< a list's field, or nullptr
    bool isQuestion() const { return type != ItemType::Info; }
};

/// @brief One screen of the intake: a title and a small group of items.
struct Page {
    std::string id;                  ///< `id`
    Text title;                      ///< `title`
    std::vector<Item> items;         ///< `items`
    std::optional<Condition> showIf; ///< `show_if`: the whole page
    std::string instrument;          ///< the instrument file it was included from, "" for the form's own
    std::string linkId;              ///< `link_id`: as on Item ("" = the id)
    /// `group`: false for a page import-fhir made of top-level questions; in FHIR its items sit at
    /// the top level, with no group item of its own.
    bool group = true;
    /// `no_to_all`: the label of a button under the page's questions that answers No to each of
    /// them not answered yet (yes_no items, and single items with an option "no"); answered ones
    /// stay as they are. Empty: no such button.
    Text noToAll;
    /// `summary: true`: what the therapist needs before touching the patient (the massage
    /// preferences): the page's answers also go on the PDF's first page, after the body map.
    bool summary = false;
    SourceLoc where;
};

/// True for a question the page's `no_to_all` button answers: yes_no, or single with an option "no".
bool answersNoToAll(const Item& item);

// [SECTION] Scores, flags
/// YAML `method`: sum | mean | max | count. count: number of yes answers (yes_no), selected options
/// (multi), marked regions (body_map), entries (list), or answered items otherwise.
/// Body-map methods (their items are body_map items; marks of several items are taken together;
/// a mark rated 0 is not painful, a mark without a rating is):
///   painful_regions   the number of painful regions
///   wpi               the Widespread Pain Index: painful areas of its 19 (bodymap::wpiAreas)
///   generalized_pain  1 when painful areas lie in at least 4 of its 5 body regions (jaw, chest
///                     and abdomen not counted, as the 2016 criteria say), else 0
///   worst_region      the highest intensity given (the items must ask `detail: [intensity]`);
///                     the outcome names the region (the first marked, on a tie)
/// rule: the `value` of the first of `rules` whose `when` holds (conditions over other scores),
/// else `otherwise`; no value when a score it names has none (a risk group from two subscores).
enum class ScoreMethod { Sum, Mean, Max, Count, PainfulRegions, Wpi, GeneralizedPain, WorstRegion, Rule };
/// True for the methods that read body-map regions (painful_regions, wpi, generalized_pain, worst_region).
bool isBodyMapMethod(ScoreMethod method);

/// @brief `bands`: a labelled range, inclusive at both ends: `{min: 0, max: 3, label: {...}}`.
struct ScoreBand {
    double min = 0, max = 0;
    Text label;
    SourceLoc where;
};

/// @brief One of a rule score's `rules`: `{when: condition, value: N}`.
struct ScoreRule {
    Condition when;
    double value = 0;
    SourceLoc where;
};

/// @brief `change`: how a score's change between two visits reads. `better`: lower | higher.
///        `mic`: the minimal important change in score points, with the `source` that gives it;
///        absent when none is published (the change is shown without a verdict).
struct ChangeRule {
    bool lowerIsBetter = true;
    std::optional<double> mic;
    std::string source;
};

/// @brief A declarative score, shown to staff only.
/// Item values: number/scale as given, yes_no 1/0, single and matrix rows by option `score`.
/// `reverse`: items scored as (min + max - value), using the item's (or options') min and max.
/// Missing answers: with `min_answered: N` the score exists only if at least N items are answered;
/// `prorate: true` scales a sum up to all items (sum * total / answered).
struct Score {
    std::string id;                    ///< `id`
    Text label;                        ///< `label`
    ScoreMethod method = ScoreMethod::Sum;  ///< `method`
    std::vector<std::string> items;    ///< `items`: item ids or "matrix.row"; a matrix id means all rows
    std::vector<std::string> reverse;  ///< `reverse`: subset of items
    int minAnswered = 1;               ///< `missing.min_answered`
    bool prorate = false;              ///< `missing.prorate`
    Text missingRule;                  ///< `missing.rule`: the manual's missing-item rule, in words
    int decimals = 1;                  ///< `decimals`: rounding of the result
    std::vector<ScoreBand> bands;      ///< `bands`
    std::vector<ScoreRule> rules;      ///< `rules`: method rule
    std::optional<double> otherwise;   ///< `otherwise`: method rule, when no rule holds
    std::optional<ChangeRule> change;  ///< `change`
    std::string loinc;                 ///< `loinc`: the score's LOINC code, "" if none
    Text note;                         ///< `note`: shown to staff with the value ("screening, not a diagnosis")
    SourceLoc where;
};

/// YAML `severity`: urgent (a clinician must see the patient before treatment) | caution.
enum class Severity { Urgent, Caution };

/// @brief A condition that raises a staff alert (red flag, massage contraindication).
struct Flag {
    std::string id;          ///< `id`
    Severity severity = Severity::Caution;
    Text label;              ///< `label`: short name for staff
    Text explain;            ///< `explain`: what staff should do and why
    Condition when;          ///< `when`
    SourceLoc where;
};

// [SECTION] Form
/// @brief `license`: for forms that adapt an instrument; `text` is required when present.
struct License {
    std::string text;         ///< `text`: e.g. "CC BY 4.0" or "written for this clinic"
    std::string attribution;  ///< `attribution`
    std::string url;          ///< `url`
};

/// @brief One official translation of an instrument: `{name: "...", fingerprint: "sha256:..."}`.
///        The fingerprint covers the verbatim items' text in that language, so an edit is refused.
struct Translation {
    std::string name;         ///< `name`: which official translation this is (publisher, year)
    std::string fingerprint;  ///< `fingerprint`
    SourceLoc where;
};

/// @brief `instrument`: the file is a published instrument (forms/instruments/*.yaml) that forms
///        place among their pages with `- include: instruments/x.yaml`.
struct Instrument {
    std::string name;                ///< `name`: "Patient Health Questionnaire-4 (PHQ-4)"
    std::string version;             ///< `version`: the published version ("2009")
    License license;                 ///< `license`: text, attribution, url
    std::string source;              ///< `source`: citation / where the text was taken from
    Text copyright;                  ///< `copyright`: the line the licence asks to show
    std::map<std::string, Translation> translations;  ///< `translations`: one per form language
    std::string loinc;               ///< `loinc`: the panel's LOINC code, "" if none
    std::string file;                ///< the instrument file (set when included)
    SourceLoc where;
};

/// @brief `fhir`: the Questionnaire a form was imported from (`import-fhir`); exported responses
///        point at it. Empty: the clinic's own form, published under its FHIR base URL.
struct FhirSource {
    std::string url;      ///< `url`: the Questionnaire's canonical URL
    std::string version;  ///< `version`: its business version ("" if it had none)
};

/// @brief A whole questionnaire file.
struct Form {
    std::string id;                       ///< `id`
    int version = 0;                      ///< `version`: positive integer, bump on every change
    Text title;                           ///< `title`
    Text description;                     ///< `description`: shown on the welcome screen
    std::vector<std::string> languages;   ///< `languages`: the first is the default
    std::optional<License> license;       ///< `license`
    std::optional<Instrument> instrument; ///< `instrument`: this file is an instrument file
    std::vector<Instrument> instruments;  ///< instruments its pages `include`, in page order
    std::vector<std::string> missingOptional;  ///< `include` files marked optional that are absent
    std::optional<FhirSource> fhir;       ///< `fhir`
    std::vector<Page> pages;              ///< `pages`
    std::vector<Score> scores;            ///< `scores`
    std::vector<Flag> flags;              ///< `flags`

    std::string sourcePath;   ///< file it was loaded from
    std::string contentHash;  ///< "sha256:<hex>" of the file's bytes: recorded with every intake

    const Item* findItem(std::string_view itemId) const;
    const Score* findScore(std::string_view scoreId) const;
    /// Index of the page holding item @p id, or -1.
    int pageOf(std::string_view itemId) const;
    std::vector<const Item*> allItems() const;
};

}  // namespace kiosk::forms
