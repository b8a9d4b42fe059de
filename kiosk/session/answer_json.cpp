// GCC 12 reports false "may be used uninitialized" inside std::variant moves once they are
// inlined (GCC bug 107919 and relatives); silenced for this file only, other warnings stay errors.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "kiosk/session/answer_json.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/body_marks.h"

namespace kiosk::session {
namespace {

using nlohmann::json;
using forms::Problem;

// Parsing stops at the first problem: the shape is wrong, or a value is outside what the item takes.
struct Fail {
    forms::AnswerProblem problem;
};

[[noreturn]] void fail(Problem p, std::vector<double> limits = {}) {
    throw Fail{forms::AnswerProblem{p, std::move(limits)}};
}

std::string str(const json& v) {
    if (!v.is_string()) fail(Problem::WrongType);
    return v.get<std::string>();
}

std::vector<std::string> strings(const json& v) {
    if (!v.is_array()) fail(Problem::WrongType);
    std::vector<std::string> out;
    for (const json& e : v) out.push_back(str(e));
    return out;
}

forms::BodyMark bodyMark(const json& v) {
    if (v.is_string()) return forms::BodyMark{v.get<std::string>(), std::nullopt, {}};
    if (!v.is_object() || !v.contains("region")) fail(Problem::WrongType);
    forms::BodyMark mark;
    for (const auto& [key, field] : v.items()) {
        if (key == "region") {
            mark.region = str(field);
        } else if (key == "intensity") {
            if (!field.is_number()) fail(Problem::WrongType);
            const double d = field.get<double>();
            if (!(d >= 0 && d <= 10)) fail(Problem::Intensity, {0, 10});
            if (d != std::floor(d)) fail(Problem::WrongType);
            mark.intensity = static_cast<int>(d);
        } else if (key == "kinds") {
            // In the body map's order, as the kiosk's buttons keep them (whatever order the file
            // gives): the same answers make the same record. Unknown or repeated ones stay, after
            // the known ones, for the check to report.
            const std::vector<std::string> given = strings(field);
            for (std::string_view k : bodymap::painKinds())
                if (std::find(given.begin(), given.end(), k) != given.end()) mark.kinds.emplace_back(k);
            for (const auto& k : given)
                if (std::find(bodymap::painKinds().begin(), bodymap::painKinds().end(), k) == bodymap::painKinds().end() ||
                    std::count(given.begin(), given.end(), k) > 1)
                    mark.kinds.push_back(k);
        } else {
            fail(Problem::WrongType);
        }
    }
    return mark;
}

forms::Signature signature(const json& v) {
    if (!v.is_object() || !v.contains("strokes") || v.size() != 1 || !v["strokes"].is_array())
        fail(Problem::Signature);
    forms::Signature sig;
    for (const json& stroke : v["strokes"]) {
        if (!stroke.is_array()) fail(Problem::Signature);
        forms::Stroke s;
        for (const json& p : stroke) {
            if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
                fail(Problem::Signature);
            s.push_back({p[0].get<float>(), p[1].get<float>()});
        }
        sig.strokes.push_back(std::move(s));
    }
    return sig;
}

// A repeating number or date item: a JSON array of its values (each as the single answer).
forms::Answer parseList(const forms::Item& item, const json& v) {
    if (!v.is_array()) fail(Problem::WrongType);
    if (item.type == forms::ItemType::Number) {
        forms::NumberList out;
        for (const json& e : v) {
            if (!e.is_number()) fail(Problem::WrongType);
            out.push_back(e.get<double>());
        }
        return out;
    }
    forms::DateList out;
    for (const json& e : v) {
        auto d = forms::parseIsoDate(str(e));
        if (!d) fail(Problem::InvalidDate);
        out.push_back(*d);
    }
    return out;
}

forms::Answer parse(const forms::Item& item, const json& v);

// A list: a JSON array of entries, each an object of field id -> the field's answer. A field's
// empty value ("" or []) is left out, as an unanswered item is; problems name entry and field.
forms::Answer parseEntries(const forms::Item& item, const json& v) {
    if (!v.is_array()) fail(Problem::WrongType);
    if (v.size() > static_cast<size_t>(item.maxEntries)) fail(Problem::TooManyAnswers, {static_cast<double>(item.maxEntries)});
    forms::ListAnswer out;
    for (size_t i = 0; i < v.size(); ++i) {
        auto at = [&](Problem p, const std::string& field) {
            throw Fail{forms::AnswerProblem{p, {}, static_cast<int>(i), field}};
        };
        if (!v[i].is_object()) at(Problem::WrongType, std::string());
        forms::ListEntry entry;
        for (const auto& [key, value] : v[i].items()) {
            const forms::Item* field = item.findField(key);
            if (field == nullptr) at(Problem::UnknownField, std::string());
            try {
                forms::Answer a = parse(*field, value);
                if (forms::hasValue(a)) entry.fields.emplace(key, std::move(a));
            } catch (Fail& f) {
                f.problem.position = static_cast<int>(i);
                f.problem.field = key;
                throw;
            }
        }
        out.push_back(std::move(entry));
    }
    return out;
}

forms::Answer parse(const forms::Item& item, const json& v) {
    using forms::ItemType;
    if (item.repeats && (item.type == ItemType::Number || item.type == ItemType::Date)) return parseList(item, v);
    switch (item.type) {
        case ItemType::Info: fail(Problem::NotAnswerable);
        case ItemType::YesNo:
        case ItemType::Consent:
            if (!v.is_boolean()) fail(Problem::WrongType);
            return v.get<bool>();
        case ItemType::Number:
        case ItemType::Scale:
            if (!v.is_number()) fail(Problem::WrongType);
            return v.get<double>();
        case ItemType::Text:
        case ItemType::Single: return str(v);
        case ItemType::Multi: return strings(v);
        case ItemType::Date: {
            auto d = forms::parseIsoDate(str(v));
            if (!d) fail(Problem::InvalidDate);
            return *d;
        }
        case ItemType::Matrix: {
            if (!v.is_object()) fail(Problem::WrongType);
            forms::MatrixAnswer m;
            for (const auto& [row, option] : v.items()) m[row] = str(option);
            return m;
        }
        case ItemType::BodyMap: {
            if (!v.is_array()) fail(Problem::WrongType);
            forms::BodyMapAnswer marks;
            for (const json& e : v) marks.push_back(bodyMark(e));
            // An unknown id is named at its place in the file, before old ids expand into regions.
            for (size_t i = 0; i < marks.size(); ++i)
                if (bodymap::resolveRegion(marks[i].region).empty())
                    throw Fail{forms::AnswerProblem{Problem::UnknownRegion, {}, static_cast<int>(i)}};
            return forms::normalizeBodyMap(marks);
        }
        case ItemType::Signature: return signature(v);
        case ItemType::List: return parseEntries(item, v);
    }
    fail(Problem::WrongType);
}

json number(double v) {
    // Whole numbers print as integers: "4", not "4.0" (answers are mostly scale points).
    if (std::fabs(v) < 1e15 && v == std::floor(v)) return static_cast<long long>(v);
    return v;
}

}  // namespace

core::Result<forms::Answer> answerFromJson(const forms::Item& item, const json& value,
                                           const std::optional<forms::Date>& today) {
    try {
        forms::Answer answer = parse(item, value);
        // Empty values ("" or []) are simply "no answer": only their shape is checked.
        if (forms::hasValue(answer)) {
            if (auto p = forms::checkAnswer(item, answer, today))
                return core::makeError(core::ErrorCode::Invalid, forms::describe(item, *p));
        }
        return answer;
    } catch (const Fail& f) {
        return core::makeError(core::ErrorCode::Invalid, forms::describe(item, f.problem));
    } catch (const json::exception&) {
        // Only reachable through a bug in the shape checks above; the value stays out of the message.
        return core::makeError(core::ErrorCode::Invalid,
                               forms::describe(item, {Problem::WrongType, {}}));
    }
}

json answerToJson(const forms::Answer& answer) {
    return std::visit(
        [](const auto& a) -> json {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, double>) {
                return number(a);
            } else if constexpr (std::is_same_v<T, forms::Date>) {
                return forms::toIsoString(a);
            } else if constexpr (std::is_same_v<T, forms::NumberList>) {
                json out = json::array();
                for (double v : a) out.push_back(number(v));
                return out;
            } else if constexpr (std::is_same_v<T, forms::DateList>) {
                json out = json::array();
                for (const forms::Date& d : a) out.push_back(forms::toIsoString(d));
                return out;
            } else if constexpr (std::is_same_v<T, forms::ListAnswer>) {
                json out = json::array();
                for (const forms::ListEntry& e : a) {
                    json entry = json::object();
                    for (const auto& [field, value] : e.fields) entry[field] = answerToJson(value);
                    out.push_back(std::move(entry));
                }
                return out;
            } else if constexpr (std::is_same_v<T, forms::MatrixAnswer>) {
                json out = json::object();
                for (const auto& [row, option] : a) out[row] = option;
                return out;
            } else if constexpr (std::is_same_v<T, forms::BodyMapAnswer>) {
                json out = json::array();
                for (const forms::BodyMark& m : a) {
                    json mark{{"region", m.region}};
                    if (m.intensity) mark["intensity"] = *m.intensity;
                    if (!m.kinds.empty()) mark["kinds"] = m.kinds;
                    out.push_back(std::move(mark));
                }
                return out;
            } else if constexpr (std::is_same_v<T, forms::Signature>) {
                json strokes = json::array();
                for (const forms::Stroke& s : a.strokes) {
                    json points = json::array();
                    for (const forms::Point& p : s) points.push_back({p.x, p.y});
                    strokes.push_back(std::move(points));
                }
                return json{{"strokes", std::move(strokes)}};
            } else {
                return a;  // bool, string, vector<string>
            }
        },
        answer);
}

}  // namespace kiosk::session
