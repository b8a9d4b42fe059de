// [SECTION] index: negation normal form · enableWhen · FHIRPath fallback
#include "kiosk/export/fhir_conditions.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "kiosk/forms/answer_access.h"

namespace kiosk::exports::fhir {
namespace {

using forms::CondOp;
using forms::Condition;
using Kind = forms::Condition::Kind;

// [SECTION] negation normal form
CondOp negated(CondOp op) {
    switch (op) {
        case CondOp::Eq: return CondOp::Ne;
        case CondOp::Ne: return CondOp::Eq;
        case CondOp::Lt: return CondOp::Ge;
        case CondOp::Le: return CondOp::Gt;
        case CondOp::Gt: return CondOp::Le;
        case CondOp::Ge: return CondOp::Lt;
        case CondOp::Answered: return CondOp::NotAnswered;
        case CondOp::NotAnswered: return CondOp::Answered;
        case CondOp::Includes: return CondOp::Excludes;
        case CondOp::Excludes: return CondOp::Includes;
    }
    return op;
}

Condition compare(const std::string& item, CondOp op, forms::CondValue value = {}) {
    Condition c;
    c.kind = Kind::Compare;
    c.item = item;
    c.op = op;
    c.value = std::move(value);
    return c;
}

/// @p c (negated when @p negate) with every `not` pushed onto comparisons, exactly: a comparison
/// on an unanswered item is false, so not (x op v) = any(x !op v, x not answered).
Condition normal(const Condition& c, bool negate) {
    if (c.kind == Kind::Not) return normal(c.children.front(), !negate);
    if (c.kind == Kind::Compare) {
        if (!negate) return c;
        if (c.op == CondOp::Answered || c.op == CondOp::NotAnswered) return compare(c.item, negated(c.op));
        Condition any;
        any.kind = Kind::Any;
        any.children = {compare(c.item, negated(c.op), c.value), compare(c.item, CondOp::NotAnswered)};
        return any;
    }
    Condition out;
    out.kind = (c.kind == Kind::All) != negate ? Kind::All : Kind::Any;
    for (const Condition& k : c.children) {
        Condition n = normal(k, negate);
        if (n.kind == out.kind) {  // all(all(a, b), c) = all(a, b, c)
            for (Condition& g : n.children) out.children.push_back(std::move(g));
        } else {
            out.children.push_back(std::move(n));
        }
    }
    return out;
}

/// In all(x answered, ..., any(x op v, x not answered)) the second branch can never hold: the
/// any() is just x op v. It is how a form writes "answered, and not v" (forms/README.md).
void dropDeadBranches(Condition& all) {
    if (all.kind != Kind::All) return;
    auto answered = [&](const std::string& item) {
        return std::any_of(all.children.begin(), all.children.end(), [&](const Condition& k) {
            return k.kind == Kind::Compare && k.op == CondOp::Answered && k.item == item;
        });
    };
    for (Condition& k : all.children) {
        if (k.kind != Kind::Any) continue;
        std::vector<Condition> kept;
        for (Condition& g : k.children)
            if (!(g.kind == Kind::Compare && g.op == CondOp::NotAnswered && answered(g.item))) kept.push_back(std::move(g));
        k.children = std::move(kept);
        if (k.children.size() == 1) {
            Condition only = std::move(k.children.front());
            k = std::move(only);
        }
    }
}

// [SECTION] enableWhen
/// The question's linkId: the item's, or "<matrix>.<row>" for a row.
std::string questionOf(const forms::Form& form, const std::string& ref) {
    const forms::ItemRef r = forms::resolveRef(form, ref);
    if (!r) return ref;
    if (r.row != nullptr) return rowLinkId(*r.item, *r.row);
    return r.item->linkId.empty() ? r.item->id : r.item->linkId;
}

/// {"answerX": value} for a comparison value, typed as the question's answers are.
json answerOf(const forms::Form& form, const Condition& c, const FhirOptions& options, const char* prefix) {
    const forms::ItemRef r = forms::resolveRef(form, c.item);
    const std::string lang = form.languages.empty() ? "en" : form.languages.front();
    auto typed = [&](const json& value) {
        json out = json::object();
        for (const auto& [key, v] : value.items()) out[prefix + key.substr(5)] = v;  // valueX -> answerX
        return out;
    };
    if (const auto* b = std::get_if<bool>(&c.value)) return json{{std::string(prefix) + "Boolean", *b}};
    if (const auto* d = std::get_if<double>(&c.value)) {
        if (r && isIntegerItem(*r.item) && *d == std::floor(*d))
            return json{{std::string(prefix) + "Integer", static_cast<long long>(*d)}};
        return json{{std::string(prefix) + "Decimal", *d}};
    }
    const std::string s = std::get_if<std::string>(&c.value) ? std::get<std::string>(c.value) : std::string();
    if (r) {
        using forms::ItemType;
        if (r.item->type == ItemType::BodyMap) return json{{std::string(prefix) + "Coding", regionCoding(s, options)}};
        if (r.item->type == ItemType::Date) return json{{std::string(prefix) + "Date", s}};
        if (const forms::Option* o = r.item->findOption(s)) return typed(optionValue(form, *r.item, *o, lang, options));
    }
    return json{{std::string(prefix) + "String", s}};
}

std::string fhirOperator(CondOp op) {
    switch (op) {
        case CondOp::Eq:
        case CondOp::Includes: return "=";
        case CondOp::Ne:
        case CondOp::Excludes: return "!=";
        case CondOp::Lt: return "<";
        case CondOp::Le: return "<=";
        case CondOp::Gt: return ">";
        case CondOp::Ge: return ">=";
        case CondOp::Answered:
        case CondOp::NotAnswered: return "exists";
    }
    return "exists";
}

/// The list item @p c asks about (answered / not answered: the loader allows nothing else on a
/// list), or null for any other comparison.
const forms::Item* listOf(const forms::Form& form, const Condition& c) {
    if (c.kind != Kind::Compare || (c.op != CondOp::Answered && c.op != CondOp::NotAnswered)) return nullptr;
    const forms::ItemRef r = forms::resolveRef(form, c.item);
    return r && r.row == nullptr && r.item->type == forms::ItemType::List ? r.item : nullptr;
}

json existsOn(const forms::Item& field, bool answered) {
    return json{{"question", field.linkId.empty() ? field.id : field.linkId}, {"operator", "exists"}, {"answerBoolean", answered}};
}

json enableWhenOf(const forms::Form& form, const Condition& c, const FhirOptions& options) {
    json ew{{"question", questionOf(form, c.item)}, {"operator", fhirOperator(c.op)}};
    if (c.op == CondOp::Answered || c.op == CondOp::NotAnswered) {
        ew["answerBoolean"] = c.op == CondOp::Answered;
    } else {
        const json answer = answerOf(form, c, options, "answer");
        for (const auto& [k, v] : answer.items()) ew[k] = v;
    }
    return ew;
}

/// The enableWhen list of one comparison inside a flat condition combined by @p behavior (All or
/// Any; Compare for the comparison alone, which then takes the list's own behavior, set in
/// @p own). A list's group is no question an enableWhen may name, so "the list is answered" asks
/// whether its fields are: an entry holds at least one answer, so the list has an entry exactly
/// when one of its fields is answered (any), and none when none is (all). Inside the other
/// behavior that takes one field: the only one, or a required one (every entry the kiosk accepts
/// holds it); nullopt when there is neither (the caller falls back to FHIRPath).
std::optional<json> enableWhens(const forms::Form& form, const Condition& c, Kind behavior, const FhirOptions& options,
                                std::optional<Kind>& own) {
    const forms::Item* list = listOf(form, c);
    if (list == nullptr) return json::array({enableWhenOf(form, c, options)});
    const bool answered = c.op == CondOp::Answered;
    const Kind natural = answered ? Kind::Any : Kind::All;
    if (list->fields.size() == 1) return json::array({existsOn(list->fields.front(), answered)});
    if (behavior == Kind::Compare || behavior == natural) {
        json out = json::array();
        for (const forms::Item& field : list->fields) out.push_back(existsOn(field, answered));
        if (behavior == Kind::Compare) own = natural;
        return out;
    }
    for (const forms::Item& field : list->fields)
        if (field.required) return json::array({existsOn(field, answered)});
    return std::nullopt;
}

// [SECTION] FHIRPath fallback
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char ch : s) {
        if (ch == '\'' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "'";
}

std::string fhirPath(const forms::Form& form, const Condition& c, const FhirOptions& options) {
    if (c.kind != Kind::Compare) {
        if (c.kind == Kind::Not) return "(" + fhirPath(form, c.children.front(), options) + ").not()";
        std::string out;
        for (const Condition& k : c.children) {
            if (!out.empty()) out += c.kind == Kind::All ? " and " : " or ";
            out += "(" + fhirPath(form, k, options) + ")";
        }
        return out.empty() ? "true" : out;
    }
    if (listOf(form, c) != nullptr) {  // a list's entries: the group again and again, its fields' answers inside
        const std::string answers =
            "%resource.repeat(item).where(linkId = " + quoted(questionOf(form, c.item)) + ").item.answer.value";
        return answers + (c.op == CondOp::NotAnswered ? ".empty()" : ".exists()");
    }
    const std::string answers =
        "%resource.repeat(item).where(linkId = " + quoted(questionOf(form, c.item)) + ").answer.value";
    if (c.op == CondOp::Answered) return answers + ".exists()";
    if (c.op == CondOp::NotAnswered) return answers + ".empty()";
    const json value = answerOf(form, c, options, "value");
    const std::string key = value.begin().key();
    const json& v = value.begin().value();
    if (key == "valueCoding") {
        const std::string match = answers + ".where(code = " + quoted(v.value("code", "")) + ")";
        if (c.op == CondOp::Eq || c.op == CondOp::Includes) return match + ".exists()";
        return "(" + answers + ".exists() and " + match + ".empty())";
    }
    std::string literal;
    if (key == "valueBoolean") literal = v.get<bool>() ? "true" : "false";
    else if (key == "valueInteger" || key == "valueDecimal") literal = v.dump();
    else if (key == "valueDate") literal = "@" + v.get<std::string>();
    else literal = quoted(v.get<std::string>());
    return answers + ".where($this " + (fhirOperator(c.op) == "exists" ? "=" : fhirOperator(c.op)) + " " + literal +
           ").exists()";
}

bool flat(const Condition& c) {
    return c.kind == Kind::Compare ||
           std::all_of(c.children.begin(), c.children.end(), [](const Condition& k) { return k.kind == Kind::Compare; });
}

}  // namespace

void addEnableWhen(json& questionnaireItem, const forms::Form& form, const forms::Condition& condition,
                   const FhirOptions& options) {
    Condition n = normal(condition, false);
    dropDeadBranches(n);
    if (n.kind != Kind::Compare && n.children.size() == 1) {
        Condition only = std::move(n.children.front());
        n = std::move(only);
    }
    if (flat(n)) {
        json list = json::array();
        std::optional<Kind> own;
        bool fits = true;
        for (const Condition& k : n.kind == Kind::Compare ? std::vector<Condition>{n} : n.children) {
            const std::optional<json> some = enableWhens(form, k, n.kind, options, own);
            if (!some) {
                fits = false;
                break;
            }
            for (const json& e : *some) list.push_back(e);
        }
        if (fits) {
            const std::optional<Kind> behavior = n.kind == Kind::Compare ? own : std::optional<Kind>(n.kind);
            if (behavior) questionnaireItem["enableBehavior"] = *behavior == Kind::All ? "all" : "any";
            questionnaireItem["enableWhen"] = std::move(list);
            return;
        }
    }
    json expression{{"language", "text/fhirpath"}, {"expression", fhirPath(form, condition, options)}};
    questionnaireItem["extension"].push_back(
        extension("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
                  "Expression", std::move(expression)));
}

}  // namespace kiosk::exports::fhir
