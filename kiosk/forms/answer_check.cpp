#include "kiosk/forms/answer_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <type_traits>

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/answer_access.h"

namespace kiosk::forms {
namespace {

using Found = std::optional<AnswerProblem>;

Found problem(Problem p, std::vector<double> limits = {}) { return AnswerProblem{p, std::move(limits)}; }
Found problemAt(Problem p, size_t position) { return AnswerProblem{p, {}, static_cast<int>(position)}; }

// Tolerance for "is a whole number of steps": answers arrive as decimals typed or parsed.
bool nearlyInteger(double v) { return std::fabs(v - std::round(v)) < 1e-9 * std::max(1.0, std::fabs(v)); }

size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

Found range(const std::optional<double>& min, const std::optional<double>& max, double v) {
    if (min && max && (v < *min || v > *max)) return problem(Problem::OutOfRange, {*min, *max});
    if (min && v < *min) return problem(Problem::BelowMin, {*min});
    if (max && v > *max) return problem(Problem::AboveMax, {*max});
    return std::nullopt;
}

Found checkNumber(const Item& item, double v) {
    if (!std::isfinite(v)) return problem(Problem::WrongType);
    if (item.type == ItemType::Scale) {
        if (auto p = range(item.min.value_or(0), item.max.value_or(10), v)) return p;
        if (!nearlyInteger(v)) return problem(Problem::Step, {1});
        return std::nullopt;
    }
    if (auto p = range(item.min, item.max, v)) return p;
    if (item.decimals >= 0 && !nearlyInteger(v * std::pow(10.0, item.decimals)))
        return problem(Problem::Decimals, {static_cast<double>(item.decimals)});
    if (item.step > 0 && !nearlyInteger((v - item.min.value_or(0)) / item.step))
        return problem(Problem::Step, {item.step});
    return std::nullopt;
}

Found checkMulti(const Item& item, const std::vector<std::string>& chosen) {
    std::set<std::string> seen;
    bool exclusive = false;
    for (size_t i = 0; i < chosen.size(); ++i) {
        const std::string& v = chosen[i];
        const Option* o = item.findOption(v);
        if (o == nullptr) return problemAt(Problem::UnknownOption, i);
        if (!seen.insert(v).second) return problemAt(Problem::DuplicateOption, i);
        exclusive = exclusive || o->exclusive;
    }
    if (exclusive && chosen.size() > 1) return problem(Problem::Exclusive);
    const auto n = static_cast<int>(chosen.size());
    // An exclusive answer ("none of these") is complete on its own.
    if (!exclusive && item.minSelected > 0 && n < item.minSelected)
        return problem(Problem::TooFew, {static_cast<double>(item.minSelected)});
    if (item.maxSelected > 0 && n > item.maxSelected)
        return problem(Problem::TooMany, {static_cast<double>(item.maxSelected)});
    return std::nullopt;
}

Found checkMatrix(const Item& item, const MatrixAnswer& m) {
    for (const auto& [row, value] : m) {
        const MatrixRow* r = item.findRow(row);
        if (r == nullptr) return problem(Problem::UnknownRow);
        if (item.findOption(value) == nullptr) return problemAt(Problem::UnknownOption, static_cast<size_t>(r - item.rows.data()));
    }
    return std::nullopt;
}

bool asks(const Item& item, BodyDetail d) {
    return std::find(item.detail.begin(), item.detail.end(), d) != item.detail.end();
}

Found checkBodyMap(const Item& item, const BodyMapAnswer& marks) {
    std::set<std::string> seen;
    for (size_t i = 0; i < marks.size(); ++i) {
        const BodyMark& m = marks[i];
        if (bodymap::findRegion(m.region) == nullptr) return problemAt(Problem::UnknownRegion, i);
        if (!seen.insert(m.region).second) return problemAt(Problem::DuplicateRegion, i);
        if ((m.intensity && !asks(item, BodyDetail::Intensity)) ||
            (!m.kinds.empty() && !asks(item, BodyDetail::Kind)))
            return problem(Problem::DetailNotAsked);
        if (m.intensity && (*m.intensity < 0 || *m.intensity > 10))
            return problem(Problem::Intensity, {0, 10});
        std::set<std::string> kinds;
        for (const auto& k : m.kinds) {
            const auto& known = bodymap::painKinds();
            if (std::find(known.begin(), known.end(), k) == known.end() || !kinds.insert(k).second)
                return problem(Problem::UnknownPainKind);
        }
    }
    return std::nullopt;
}

Found checkSignature(const Signature& sig) {
    if (sig.strokes.empty()) return problem(Problem::Signature);
    for (const Stroke& s : sig.strokes) {
        if (s.empty()) return problem(Problem::Signature);
        for (const Point& p : s)
            if (!(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1)) return problem(Problem::Signature);
    }
    return std::nullopt;
}

/// A repeating number or date item: each value checked as the single answer would be, the
/// first at fault named by its position; more than max_answers values is a problem of its own.
template <class T>
Found checkEach(const Item& item, const std::vector<T>& values, const std::optional<Date>& today) {
    if (values.size() > static_cast<size_t>(std::max(item.maxAnswers, 1)))
        return problem(Problem::TooManyAnswers, {static_cast<double>(item.maxAnswers)});
    Item one = item;
    one.repeats = false;
    for (size_t i = 0; i < values.size(); ++i) {
        if (auto p = checkAnswer(one, Answer{values[i]}, today)) {
            p->position = static_cast<int>(i);
            return p;
        }
    }
    return std::nullopt;
}

/// A list: its number of entries, then each entry's fields in the list's order (a required field
/// left out, then the value as the field's own answer), the first at fault named by entry and field.
Found checkList(const Item& item, const ListAnswer& entries, const std::optional<Date>& today) {
    if (entries.size() > static_cast<size_t>(std::max(item.maxEntries, 1)))
        return problem(Problem::TooManyAnswers, {static_cast<double>(item.maxEntries)});
    if (entries.size() < static_cast<size_t>(item.minEntries))
        return problem(Problem::TooFewEntries, {static_cast<double>(item.minEntries)});
    for (size_t i = 0; i < entries.size(); ++i) {
        auto at = [&](Found p, const std::string& field) {
            p->position = static_cast<int>(i);
            p->field = field;
            return p;
        };
        for (const auto& [id, value] : entries[i].fields)
            if (item.findField(id) == nullptr) return at(problem(Problem::UnknownField), std::string());
        if (!hasValue(Answer{ListAnswer{entries[i]}})) return at(problem(Problem::EmptyEntry), std::string());
        for (const Item& field : item.fields) {
            auto it = entries[i].fields.find(field.id);
            const Answer* value = it == entries[i].fields.end() ? nullptr : &it->second;
            if (auto p = checkRequired(field, value)) return at(p, field.id);
            if (value && hasValue(*value))
                if (auto p = checkAnswer(field, *value, today)) return at(p, field.id);
        }
    }
    return std::nullopt;
}

// Which Answer alternative each item takes.
bool typeFits(const Item& item, const Answer& a) {
    if (item.repeats && item.type == ItemType::Number) return std::holds_alternative<NumberList>(a);
    if (item.repeats && item.type == ItemType::Date) return std::holds_alternative<DateList>(a);
    switch (item.type) {
        case ItemType::YesNo:
        case ItemType::Consent: return std::holds_alternative<bool>(a);
        case ItemType::Number:
        case ItemType::Scale: return std::holds_alternative<double>(a);
        case ItemType::Text:
        case ItemType::Single: return std::holds_alternative<std::string>(a);
        case ItemType::Multi: return std::holds_alternative<std::vector<std::string>>(a);
        case ItemType::Date: return std::holds_alternative<Date>(a);
        case ItemType::Matrix: return std::holds_alternative<MatrixAnswer>(a);
        case ItemType::BodyMap: return std::holds_alternative<BodyMapAnswer>(a);
        case ItemType::Signature: return std::holds_alternative<Signature>(a);
        case ItemType::List: return std::holds_alternative<ListAnswer>(a);
        case ItemType::Info: return false;
    }
    return false;
}

// Enough of a list to pick from in a terminal line; the form file has the rest.
constexpr size_t kMaxListed = 8;

std::string shortList(const std::vector<std::string>& words) {
    std::string out;
    for (size_t i = 0; i < words.size() && i < kMaxListed; ++i) out += (i == 0 ? "" : ", ") + words[i];
    if (words.size() > kMaxListed) out += " and " + std::to_string(words.size() - kMaxListed) + " more";
    return out;
}

std::string optionList(const Item& item) {
    std::vector<std::string> values;
    for (const Option& o : item.options) values.push_back(o.value);
    return shortList(values);
}

std::string rowList(const Item& item) {
    std::vector<std::string> ids;
    for (const MatrixRow& r : item.rows) ids.push_back(r.id);
    return shortList(ids);
}

// Every id, as the brief for answer files asks: a form author picks from the full list.
std::string regionList() {
    std::string out;
    for (const auto& r : bodymap::regions()) out += (out.empty() ? "" : ", ") + std::string(r.id);
    return out + " (ids of the earlier list, such as sacrum, are read as the regions they became)";
}

std::string painKindList() {
    std::string out;
    for (std::string_view k : bodymap::painKinds()) out += (out.empty() ? "" : ", ") + std::string(k);
    return out;
}

}  // namespace

std::optional<AnswerProblem> checkAnswer(const Item& item, const Answer& answer,
                                         const std::optional<Date>& today) {
    if (item.type == ItemType::Info) return problem(Problem::NotAnswerable);
    if (!typeFits(item, answer)) return problem(Problem::WrongType);
    if (const auto* numbers = std::get_if<NumberList>(&answer)) return checkEach(item, *numbers, today);
    if (const auto* dates = std::get_if<DateList>(&answer)) return checkEach(item, *dates, today);
    switch (item.type) {
        case ItemType::Number:
        case ItemType::Scale: return checkNumber(item, std::get<double>(answer));
        case ItemType::Text:
            if (utf8Length(std::get<std::string>(answer)) > static_cast<size_t>(std::max(item.maxLength, 0)))
                return problem(Problem::TooLong, {static_cast<double>(item.maxLength)});
            return std::nullopt;
        case ItemType::Single:
            if (item.findOption(std::get<std::string>(answer)) == nullptr)
                return problem(Problem::UnknownOption);
            return std::nullopt;
        case ItemType::Multi: return checkMulti(item, std::get<std::vector<std::string>>(answer));
        case ItemType::Date: {
            const Date& d = std::get<Date>(answer);
            if (!d.valid()) return problem(Problem::InvalidDate);
            if (item.pastOnly && today && *today < d) return problem(Problem::FutureDate);
            return std::nullopt;
        }
        case ItemType::Matrix: return checkMatrix(item, std::get<MatrixAnswer>(answer));
        case ItemType::BodyMap: return checkBodyMap(item, std::get<BodyMapAnswer>(answer));
        case ItemType::Signature: return checkSignature(std::get<Signature>(answer));
        case ItemType::List: return checkList(item, std::get<ListAnswer>(answer), today);
        default: return std::nullopt;
    }
}

std::optional<AnswerProblem> checkRequired(const Item& item, const Answer* answer) {
    if (!item.required || !item.isQuestion()) return std::nullopt;
    const bool given = answer != nullptr && hasValue(*answer);
    if (item.type == ItemType::Consent) {
        const bool* agreed = given ? std::get_if<bool>(answer) : nullptr;
        if (agreed == nullptr || !*agreed) return problem(Problem::ConsentRequired);
        return std::nullopt;
    }
    if (!given) return problem(Problem::Required);
    if (item.type == ItemType::Matrix) {
        if (const auto* m = std::get_if<MatrixAnswer>(answer)) {
            for (const MatrixRow& row : item.rows) {
                auto it = m->find(row.id);
                if (it == m->end() || it->second.empty()) return problem(Problem::MatrixIncomplete);
            }
        }
    }
    return std::nullopt;
}

std::string formatNumber(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    return buf;
}

std::string expectedShape(const Item& item) {
    if (item.repeats && item.type == ItemType::Number) return "a list of numbers, e.g. [2, 5]";
    if (item.repeats && item.type == ItemType::Date) return "a list of dates \"YYYY-MM-DD\"";
    switch (item.type) {
        case ItemType::YesNo:
        case ItemType::Consent: return "true or false";
        case ItemType::Number:
        case ItemType::Scale: return "a number";
        case ItemType::Text: return "a string";
        case ItemType::Single: return "one option value (a string)";
        case ItemType::Multi: return "a list of option values";
        case ItemType::Date: return "a date \"YYYY-MM-DD\"";
        case ItemType::Matrix: return "an object of row id -> option value";
        case ItemType::BodyMap:
            return "a list of region ids or {region, intensity, kinds} objects";
        case ItemType::Signature: return "{\"strokes\": [[[x, y], ...], ...]} with x, y in 0..1";
        case ItemType::List: return "a list of entries, each an object of field id -> answer";
        case ItemType::Info: return "no answer";
    }
    return "?";
}

namespace {

std::string describeAs(const Item& item, const AnswerProblem& p, const std::string& name);

}  // namespace

std::string describe(const Item& item, const AnswerProblem& p) {
    // A list entry is named by its position ("pain_map[4]"), never by what it holds.
    const auto pos = static_cast<size_t>(p.position);
    const std::string at = p.position < 0                      ? ""
                           : item.type != ItemType::Matrix       ? item.id + "[" + std::to_string(pos) + "]"
                           : pos < item.rows.size()              ? item.id + "." + item.rows[pos].id
                                                                 : "";
    if (const Item* field = p.field.empty() ? nullptr : item.findField(p.field)) {
        AnswerProblem own = p;  // the field's problem in its own words: "'medications[1].dose' is required ..."
        own.position = -1;
        own.field.clear();
        return describeAs(*field, own, at + "." + field->id);
    }
    return describeAs(item, p, at.empty() ? item.id : at);
}

namespace {

std::string describeAs(const Item& item, const AnswerProblem& p, const std::string& name) {
    const std::string who = "answer to '" + name + "'";
    auto limit = [&](size_t i) { return i < p.limits.size() ? formatNumber(p.limits[i]) : "?"; };
    switch (p.problem) {
        case Problem::Required: return "'" + name + "' is required but has no answer";
        case Problem::ConsentRequired: return "'" + item.id + "' is a required consent: it must be true";
        case Problem::MatrixIncomplete:
            return "'" + item.id + "' is required: every row needs an answer (" + rowList(item) + ")";
        case Problem::NotAnswerable:
            return "'" + item.id + "' is an information text and takes no answer";
        case Problem::WrongType:
            return who + " has the wrong type: expected " + expectedShape(item);
        case Problem::OutOfRange:
            return who + " is out of range: must be " + limit(0) + " to " + limit(1);
        case Problem::BelowMin: return who + " is out of range: must be at least " + limit(0);
        case Problem::AboveMax: return who + " is out of range: must be at most " + limit(0);
        case Problem::Step: return who + " must be a multiple of " + limit(0);
        case Problem::Decimals: return who + " has too many decimals: at most " + limit(0);
        case Problem::UnknownOption: return who + " has an unknown option; the options are: " + optionList(item);
        case Problem::DuplicateOption: return who + " lists an option twice";
        case Problem::TooFew: return who + " selects too few options: at least " + limit(0);
        case Problem::TooMany: return who + " selects too many options: at most " + limit(0);
        case Problem::Exclusive:
            return who + " combines an exclusive option with others";
        case Problem::InvalidDate: return who + " is not a valid date \"YYYY-MM-DD\"";
        case Problem::FutureDate: return who + " is in the future: the item allows past dates only";
        case Problem::UnknownRow: return who + " has an unknown row; the rows are: " + rowList(item);
        case Problem::UnknownRegion:
            return who + " is not a body region id; the ids are: " + regionList();
        case Problem::DuplicateRegion: return who + " marks a body region twice";
        case Problem::DetailNotAsked:
            return who + " gives intensity or kinds of pain that the item does not ask for";
        case Problem::Intensity: return who + " has a pain intensity out of range: must be 0 to 10";
        case Problem::UnknownPainKind:
            return who + " has an unknown or repeated kind of pain: kinds are " + painKindList();
        case Problem::Signature:
            return who + " is not a signature: expected " + expectedShape(item) +
                   " with at least one stroke of at least one point";
        case Problem::TooLong: return who + " is too long: at most " + limit(0) + " characters";
        case Problem::TooManyAnswers:
            return who + (item.type == ItemType::List ? " has too many entries: at most " : " has too many values: at most ") + limit(0);
        case Problem::TooFewEntries: return who + " has too few entries: at least " + limit(0);
        case Problem::EmptyEntry: return who + " is an entry with no field answered; answer one or leave the entry out";
        case Problem::UnknownField:
            return who + " names a field the list does not have; its fields are: " + [&] {
                std::vector<std::string> ids;
                for (const Item& f : item.fields) ids.push_back(f.id);
                return shortList(ids);
            }();
        case Problem::PhoneDigits:
            return who + " is not a phone number of " + limit(0) + " to " + limit(1) + " digits";
        case Problem::EmailShape: return who + " is not an email address (name@example.org)";
        case Problem::SignatureTooSmall: return who + " is too small to be a signature";
    }
    return who + " does not fit the item";
}

}  // namespace

}  // namespace kiosk::forms
