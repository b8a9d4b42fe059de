#include "kiosk/forms/conditions.h"

#include <algorithm>
#include <type_traits>

#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/scoring.h"

namespace kiosk::forms {
namespace {

template <class T>
bool ordered(CondOp op, const T& a, const T& b) {
    switch (op) {
        case CondOp::Eq: return a == b;
        case CondOp::Ne: return !(a == b);
        case CondOp::Lt: return a < b;
        case CondOp::Le: return a < b || a == b;
        case CondOp::Gt: return b < a;
        case CondOp::Ge: return b < a || a == b;
        default: return false;
    }
}

// For sets (multi selections, marked regions): == reads as includes, != as excludes.
bool membership(CondOp op, bool contains) {
    switch (op) {
        case CondOp::Eq:
        case CondOp::Includes: return contains;
        case CondOp::Ne:
        case CondOp::Excludes: return !contains;
        default: return false;
    }
}

bool compareValue(CondOp op, const Answer& answer, const CondValue& literal) {
    return std::visit(
        [&](const auto& a) -> bool {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, bool>) {
                const bool* b = std::get_if<bool>(&literal);
                return b != nullptr && (op == CondOp::Eq || op == CondOp::Ne) && ordered(op, a, *b);
            } else if constexpr (std::is_same_v<T, double>) {
                const double* d = std::get_if<double>(&literal);
                return d != nullptr && ordered(op, a, *d);
            } else if constexpr (std::is_same_v<T, std::string>) {
                const std::string* s = std::get_if<std::string>(&literal);
                return s != nullptr && (op == CondOp::Eq || op == CondOp::Ne) && ordered(op, a, *s);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                const std::string* s = std::get_if<std::string>(&literal);
                return s != nullptr &&
                       membership(op, std::find(a.begin(), a.end(), *s) != a.end());
            } else if constexpr (std::is_same_v<T, Date>) {
                const std::string* s = std::get_if<std::string>(&literal);
                if (s == nullptr) return false;
                auto date = parseIsoDate(*s);
                return date.has_value() && ordered(op, a, *date);
            } else if constexpr (std::is_same_v<T, NumberList> || std::is_same_v<T, DateList>) {
                // A repeating item, as FHIR's enableWhen reads one: true when any value compares true.
                return std::any_of(a.begin(), a.end(), [&](const auto& v) { return compareValue(op, Answer{v}, literal); });
            } else if constexpr (std::is_same_v<T, BodyMapAnswer>) {
                const std::string* s = std::get_if<std::string>(&literal);
                return s != nullptr &&
                       membership(op, std::any_of(a.begin(), a.end(), [&](const BodyMark& m) {
                                      return m.region == *s;
                                  }));
            } else {
                return false;  // matrix (whole), signature: answered / not_answered only
            }
        },
        answer);
}

bool compareScore(const Condition& c, const Form& form, const Answers& answers) {
    const Score* score = form.findScore(c.score);
    if (score == nullptr) return false;
    const std::optional<double> value = computeScore(*score, form, answers).value;
    if (c.op == CondOp::Answered) return value.has_value();
    if (c.op == CondOp::NotAnswered) return !value.has_value();
    if (!value) return false;  // as for an item: a score without a value compares false
    return compareValue(c.op, Answer{*value}, c.value);
}

bool compare(const Condition& c, const Form& form, const Answers& answers) {
    if (!c.score.empty()) return compareScore(c, form, answers);
    const ItemRef ref = resolveRef(form, c.item);
    if (!ref) return false;
    const std::optional<Answer> value = refValue(ref, answers);
    if (c.op == CondOp::Answered) return value.has_value();
    if (c.op == CondOp::NotAnswered) return !value.has_value();
    if (!value) return false;  // FHIR enableWhen: any comparison on no answer is false
    return compareValue(c.op, *value, c.value);
}

}  // namespace

bool evaluate(const Condition& condition, const Form& form, const Answers& answers) {
    const auto& kids = condition.children;
    auto holds = [&](const Condition& c) { return evaluate(c, form, answers); };
    switch (condition.kind) {
        case Condition::Kind::Compare: return compare(condition, form, answers);
        case Condition::Kind::All: return std::all_of(kids.begin(), kids.end(), holds);
        case Condition::Kind::Any: return std::any_of(kids.begin(), kids.end(), holds);
        case Condition::Kind::Not: return kids.size() == 1 && !holds(kids.front());
    }
    return false;
}

bool Visibility::pageShown(int page) const {
    return page >= 0 && static_cast<size_t>(page) < pages.size() && pages[static_cast<size_t>(page)];
}

Visibility computeVisibility(const Form& form, const Answers& answers) {
    Visibility out;
    out.pages.reserve(form.pages.size());
    Answers seen;  // answers of items already known to be shown
    for (const Page& page : form.pages) {
        const bool pageShown = !page.showIf || evaluate(*page.showIf, form, seen);
        out.pages.push_back(pageShown);
        if (!pageShown) continue;
        for (const Item& item : page.items) {
            if (item.showIf && !evaluate(*item.showIf, form, seen)) continue;
            out.items.insert(item.id);
            if (auto it = answers.find(item.id); it != answers.end()) seen.insert(*it);
        }
    }
    return out;
}

Answers shownAnswers(const Answers& answers, const Visibility& visibility) {
    Answers out;
    for (const auto& kv : answers)
        if (visibility.itemShown(kv.first)) out.insert(kv);
    return out;
}

}  // namespace kiosk::forms
