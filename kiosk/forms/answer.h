#pragma once
// Answer values: what a patient gave for one item. The alternative held depends on the item type;
// answer_json.h converts to and from the JSON used by `simulate --answers` and saved records.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::forms {

/// @brief A calendar date (JSON "YYYY-MM-DD").
struct Date {
    int year = 0, month = 0, day = 0;
    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
    bool operator<(const Date& o) const;
    bool valid() const;  ///< a real calendar day (leap years included)
};

/// @brief One marked body region (JSON {"region": "neck_l", "intensity": 6, "kinds": ["aching"]};
///        a bare "neck_l" string is accepted too).
struct BodyMark {
    std::string region;
    std::optional<int> intensity;    ///< 0-10, when the item asks
    std::vector<std::string> kinds;  ///< aching, burning, sharp, numbness, pins_needles, stiffness
    bool operator==(const BodyMark& o) const {
        return region == o.region && intensity == o.intensity && kinds == o.kinds;
    }
};
using BodyMapAnswer = std::vector<BodyMark>;

/// @brief A finger signature as vector strokes; points are normalised to the pad (0..1).
struct Point {
    float x = 0, y = 0;
    bool operator==(const Point& o) const { return x == o.x && y == o.y; }
};
using Stroke = std::vector<Point>;
struct Signature {
    std::vector<Stroke> strokes;
    /// The strokes drawn as a PNG when the intake was submitted, base64 ("" before, and for records
    /// saved before pictures were kept). Not part of the answer's JSON: the record keeps it beside
    /// the answers (session/record.h, "signature_pictures"), so a reader that knows only strokes
    /// still reads the signature. Derived: not part of equality.
    std::string picture{};
    bool empty() const { return strokes.empty(); }
    bool operator==(const Signature& o) const { return strokes == o.strokes; }
};

/// Matrix answers: row id -> option value.
using MatrixAnswer = std::map<std::string, std::string>;

/// Answers of a `repeats: true` number or date item (FHIR's repeats), in the order given.
using NumberList = std::vector<double>;
using DateList = std::vector<Date>;

/// Answers of a `list` item (a repeating group: FHIR's group with repeats), one entry each.
struct ListEntry;
using ListAnswer = std::vector<ListEntry>;

/// @brief By item type: yes_no/consent bool; number/scale double; text/single string;
///        multi vector<string>; date Date; matrix MatrixAnswer; body_map BodyMapAnswer; signature
///        Signature; a repeating number NumberList, a repeating date DateList; list ListAnswer.
using Answer = std::variant<bool, double, std::string, std::vector<std::string>, Date, MatrixAnswer,
                            BodyMapAnswer, Signature, NumberList, DateList, ListAnswer>;

/// @brief One entry of a list: field id -> the field's answer (a field left out is unanswered).
///        Fields are simple items, so a value is a bool, double, string or Date, never a list.
struct ListEntry {
    std::map<std::string, Answer> fields;
    bool operator==(const ListEntry& o) const { return fields == o.fields; }
};

/// Answers of one intake, by item id.
using Answers = std::map<std::string, Answer>;

}  // namespace kiosk::forms
