// Conditions (show_if, flag `when`): the {item, op, value} / all / any / not tree, with each
// comparison checked against the item it names: the op fits the item type, the value has the
// item's type and is one of its options or body regions, and show_if looks only backwards.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/answer.h"
#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/parse_items.h"

namespace kiosk::forms::detail {
namespace {

constexpr int kMaxConditionDepth = 16;

const std::vector<std::pair<std::string, CondOp>> kOps = {
    {"==", CondOp::Eq},          {"!=", CondOp::Ne},          {"<", CondOp::Lt},
    {"<=", CondOp::Le},          {">", CondOp::Gt},           {">=", CondOp::Ge},
    {"answered", CondOp::Answered}, {"not_answered", CondOp::NotAnswered},
    {"includes", CondOp::Includes}, {"excludes", CondOp::Excludes},
};

std::string opName(CondOp op) {
    for (const auto& [n, o] : kOps)
        if (o == op) return n;
    return "?";
}

bool isOrdering(CondOp op) { return op == CondOp::Lt || op == CondOp::Le || op == CondOp::Gt || op == CondOp::Ge; }
bool isSetOp(CondOp op) { return op == CondOp::Includes || op == CondOp::Excludes; }
bool isPresenceOp(CondOp op) { return op == CondOp::Answered || op == CondOp::NotAnswered; }

std::vector<std::string> optionValues(const Item& item) {
    std::vector<std::string> v;
    for (const auto& o : item.options) v.push_back(o.value);
    return v;
}

/// Checks that @p op suits what @p ref names; says what would fit when it does not.
bool checkOp(Ctx& ctx, const YamlNode& at, const ItemRef& ref, CondOp op) {
    const Item& item = *ref.sym->item;
    const std::string name = "'" + ref.sym->id + (ref.row ? "." + ref.row->id : "") + "'";
    const std::string kind = ref.row ? "a matrix row" : "a " + std::string(toString(item.type)) + " item";
    if (isPresenceOp(op)) return true;
    const ItemType t = item.type;
    if (t == ItemType::Signature || t == ItemType::List || (t == ItemType::Matrix && !ref.row)) {
        ctx.error(at, name + " is " + kind + "; only answered / not_answered apply" +
                          (t == ItemType::Matrix ? " (compare one row as 'matrix_id.row_id')" : ""));
        return false;
    }
    const bool ordered = !ref.row && (t == ItemType::Number || t == ItemType::Scale || t == ItemType::Date);
    if (isOrdering(op) && !ordered) {
        ctx.error(at, "'" + opName(op) + "' compares numbers and dates, but " + name + " is " + kind + "; use " +
                          ((t == ItemType::Multi || t == ItemType::BodyMap) && !ref.row ? "includes or excludes"
                                                                                         : "== or !="));
        return false;
    }
    const bool isSet = !ref.row && (t == ItemType::Multi || t == ItemType::BodyMap);
    if (isSetOp(op) && !isSet) {
        ctx.error(at, "'" + opName(op) + "' is for multi and body_map items, but " + name + " is " + kind +
                          "; use ==" + (ordered ? ", <, >= ..." : " or !="));
        return false;
    }
    if (!isSetOp(op) && isSet) {
        ctx.error(at, name + " is " + kind + " (several answers); use includes or excludes, not '" + opName(op) + "'");
        return false;
    }
    return true;
}

/// Why comparing a number or scale item with @p d by @p op is decided before any answer, or "".
/// @p d is inside the item's range; the edges and the steps between are what can still decide it.
std::string decidedInAdvance(const Item& item, const std::string& name, CondOp op, double d) {
    const std::string cmp = "'" + opName(op) + " " + formatNumber(d) + "'";
    if (op == CondOp::Gt && item.max && d >= *item.max)
        return name + " is at most " + formatNumber(*item.max) + ", so " + cmp +
               " is never true; use a lower value, or '== " + formatNumber(*item.max) + "' for the top answer";
    if (op == CondOp::Lt && item.min && d <= *item.min)
        return name + " is at least " + formatNumber(*item.min) + ", so " + cmp +
               " is never true; use a higher value, or '== " + formatNumber(*item.min) + "' for the lowest answer";
    if (op == CondOp::Ge && item.min && d <= *item.min)
        return name + " is at least " + formatNumber(*item.min) + ", so " + cmp +
               " holds for every answer; use op: answered";
    if (op == CondOp::Le && item.max && d >= *item.max)
        return name + " is at most " + formatNumber(*item.max) + ", so " + cmp +
               " holds for every answer; use op: answered";
    if (op != CondOp::Eq && op != CondOp::Ne) return {};
    // The same check an answer gets: a value no answer can take makes == never and != always true.
    const auto p = checkAnswer(item, Answer{d}, std::nullopt);
    if (!p || (p->problem != Problem::Step && p->problem != Problem::Decimals)) return {};
    const double step = item.type == ItemType::Scale ? 1 : item.step;
    const double base = item.min.value_or(0);
    const double below = base + std::floor((d - base) / step) * step;
    const std::string rule = p->problem == Problem::Step ? "goes in steps of " + formatNumber(step)
                                                         : "has at most " + std::to_string(item.decimals) +
                                                               (item.decimals == 1 ? " decimal" : " decimals");
    return "no answer to " + name + " is " + formatNumber(d) + " (it " + rule + "), so " + cmp + " is " +
           (op == CondOp::Eq ? "never" : "always") + " true; use a value it can take, such as " +
           formatNumber(below) + " or " + formatNumber(below + step);
}

/// The literal of a comparison, typed by the item it is compared with.
std::optional<CondValue> readValue(Ctx& ctx, const YamlNode& v, const ItemRef& ref, CondOp op) {
    const Item& item = *ref.sym->item;
    const std::string name = "'" + ref.sym->id + (ref.row ? "." + ref.row->id : "") + "'";
    const std::string kind = ref.row ? "a matrix row" : "a " + std::string(toString(item.type)) + " item";
    if (ref.row || item.type == ItemType::Single || item.type == ItemType::Multi) {
        const auto values = optionValues(item);
        if (v.isScalar() && std::find(values.begin(), values.end(), v.value) != values.end())
            return CondValue{v.value};
        std::string near = v.isScalar() ? closest(v.value, values) : std::string();
        ctx.error(v, describe(v) + " is not an option of " + name +
                         (near.empty() ? "; its options are " + joinList(values) : "; did you mean '" + near + "'?"));
        return std::nullopt;
    }
    switch (item.type) {
        case ItemType::YesNo:
        case ItemType::Consent:
            if (auto b = plainBool(v)) return CondValue{*b};
            ctx.error(v, name + " is " + kind + ", so value must be true or false, not " + describe(v));
            return std::nullopt;
        case ItemType::Number:
        case ItemType::Scale: {
            auto d = plainNumber(v);
            if (!d) {
                ctx.error(v, name + " is " + kind + ", so value must be a number, not " + describe(v));
                return std::nullopt;
            }
            if ((item.min && *d < *item.min) || (item.max && *d > *item.max)) {
                ctx.error(v, "value " + formatNumber(*d) + " is outside the range of " + name + " (" +
                                 (item.min ? formatNumber(*item.min) : std::string("any")) + " to " +
                                 (item.max ? formatNumber(*item.max) : std::string("any")) +
                                 "), so this comparison is decided in advance");
                return std::nullopt;
            }
            if (const std::string why = decidedInAdvance(item, name, op, *d); !why.empty()) {
                ctx.error(v, why);
                return std::nullopt;
            }
            return CondValue{*d};
        }
        case ItemType::Date:
            if (v.isScalar() && parseIsoDate(v.value)) return CondValue{v.value};
            ctx.error(v, name + " is " + kind + ", so value must be a real date written YYYY-MM-DD, not " + describe(v));
            return std::nullopt;
        case ItemType::Text:
            // A bare 3 or true is YAML for a number or a yes/no, never what a patient types.
            if (v.isScalar() && (plainNumber(v) || plainBool(v))) {
                ctx.error(v, name + " is " + kind + ", so value must be text, not the " +
                                 (plainBool(v) ? "true/false value " : "number ") + v.value +
                                 "; to compare with the typed text, quote it: \"" + v.value + "\"");
                return std::nullopt;
            }
            if (v.isScalar()) return CondValue{v.value};
            ctx.error(v, name + " is " + kind + ", so value must be text, not " + describe(v));
            return std::nullopt;
        case ItemType::BodyMap: {
            // An id of the earlier list is accepted; readCompare turns it into its region(s).
            if (v.isScalar() && !bodymap::resolveRegion(v.value).empty()) return CondValue{v.value};
            std::vector<std::string> ids;
            for (const auto& r : bodymap::regions()) ids.emplace_back(r.id);
            const std::string near = v.isScalar() ? closest(v.value, ids) : std::string();
            ctx.error(v, describe(v) + " is not a body region" +
                             (near.empty() ? " (region ids look like lower_back_l, knee_front_r)" : "; did you mean '" + near + "'?"));
            return std::nullopt;
        }
        default:
            return std::nullopt;  // checkOp already refused every other op on these types
    }
}

/// A body-map comparison naming an id of the earlier list (bodymap::aliases) compares with the
/// region(s) it became: "includes sacrum" holds when either lower-back side is marked, "excludes
/// sacrum" when neither is, as the old id meant.
Condition oldRegionToNew(Condition c) {
    const auto& id = std::get<std::string>(c.value);
    const std::vector<std::string_view> now = bodymap::resolveRegion(id);
    if (now.size() == 1) {
        c.value = std::string(now.front());
        return c;
    }
    Condition group;
    const bool has = c.op == CondOp::Eq || c.op == CondOp::Includes;
    group.kind = has ? Condition::Kind::Any : Condition::Kind::All;
    group.where = c.where;
    for (std::string_view r : now) {
        Condition one = c;
        one.value = std::string(r);
        group.children.push_back(std::move(one));
    }
    return group;
}

bool checkScope(Ctx& ctx, const YamlNode& at, const ItemRef& ref, const CondScope& scope) {
    const ItemSym& s = *ref.sym;
    if (scope.beforeOrder) {
        if (s.order == *scope.beforeOrder) {
            ctx.error(at, scope.who + " of '" + s.id + "' refers to '" + s.id +
                              "' itself; a question cannot depend on its own answer");
            return false;
        }
        if (s.order > *scope.beforeOrder) {
            ctx.error(at, scope.who + " refers to '" + s.id + "', which comes later in the form (line " +
                              std::to_string(s.idLoc.line) +
                              "); a question can only depend on answers given before it: move '" + s.id + "' earlier");
            return false;
        }
    }
    if (scope.beforePage && s.page >= *scope.beforePage) {
        ctx.error(at, scope.who + " of a page refers to '" + s.id + "', which is " +
                          (s.page == *scope.beforePage ? "on this page" : "on a later page") +
                          "; a page can only depend on answers from earlier pages");
        return false;
    }
    return true;
}

/// `{score: id, op, value: N}`: a score's value against a number (flags and rule scores only).
std::optional<Condition> readScoreCompare(Ctx& ctx, MapReader& m, const YamlNode& scoreN, const CondScope& scope) {
    Condition c;
    c.kind = Condition::Kind::Compare;
    c.where = ctx.loc(m.node());
    if (!scope.scores) {
        ctx.error(scoreN, scope.who + " cannot use scores: a question is shown from earlier answers only, and "
                                      "scores are worked out for staff at the end");
        return std::nullopt;
    }
    if (const YamlNode* item = m.get("item")) {
        ctx.error(*item, "a comparison names an item or a score, not both");
        return std::nullopt;
    }
    if (!scoreN.isScalar() ||
        std::find(ctx.scoreIds.begin(), ctx.scoreIds.end(), scoreN.value) == ctx.scoreIds.end()) {
        ctx.error(scoreN, scope.who + " refers to score " + describe(scoreN) + ", which is not a score of the form" +
                              (scoreN.isScalar() ? didYouMean(scoreN.value, ctx.scoreIds) : std::string()));
        return std::nullopt;
    }
    if (!scope.rule.empty() &&
        std::find(ctx.ruleScoreIds.begin(), ctx.ruleScoreIds.end(), scoreN.value) != ctx.ruleScoreIds.end()) {
        ctx.error(scoreN, "rule score '" + scope.rule + "' refers to '" + scoreN.value +
                              "', another rule score; a rule uses scores that add up answers");
        return std::nullopt;
    }
    c.score = scoreN.value;
    const YamlNode* opN = m.need("op", "add op: \">=\" (or another comparison) and a value");
    if (!opN) return std::nullopt;
    auto op = ctx.choice(*opN, "op", kOps);
    if (!op) return std::nullopt;
    c.op = *op;
    const YamlNode* valueN = m.get("value");
    if (isSetOp(c.op)) {
        ctx.error(*opN, "'" + opName(c.op) + "' is for multi and body_map items; a score is a number: use ==, <, >= ...");
        return std::nullopt;
    }
    if (isPresenceOp(c.op)) {
        if (valueN) ctx.error(*valueN, "'" + opName(c.op) + "' takes no value; remove 'value'");
        return valueN ? std::nullopt : std::optional<Condition>(c);
    }
    if (!valueN) {
        ctx.error(m.node(), "'" + opName(c.op) + "' needs a value to compare with; add value: N");
        return std::nullopt;
    }
    auto d = plainNumber(*valueN);
    if (!d) {
        ctx.error(*valueN, "a score is a number, so value must be a number, not " + describe(*valueN));
        return std::nullopt;
    }
    c.value = *d;
    return c;
}

std::optional<Condition> readCompare(Ctx& ctx, MapReader& m, const CondScope& scope) {
    m.allow({"item", "score", "op", "value", "all", "any", "not"});
    if (const YamlNode* sc = m.get("score")) return readScoreCompare(ctx, m, *sc, scope);
    Condition c;
    c.kind = Condition::Kind::Compare;
    c.where = ctx.loc(m.node());
    bool ok = true;
    std::optional<ItemRef> ref;
    if (const YamlNode* item = m.need("item", "add item: an_item_id (or all: / any: / not:)")) {
        ref = resolveRef(ctx, *item, scope.who, &scope);
        if (ref) {
            c.item = ref->sym->id + (ref->row ? "." + ref->row->id : "");
            if (ref->sym->item->type == ItemType::Info) {
                ctx.error(*item, scope.who + " refers to '" + ref->sym->id + "', an info item, which has no answer");
                ref.reset();
            } else if (!checkScope(ctx, *item, *ref, scope)) {
                ref.reset();
            }
        }
    }
    ok = ok && ref.has_value();
    const YamlNode* opN = m.get("op");
    const YamlNode* valueN = m.get("value");
    if (opN) {
        auto op = ctx.choice(*opN, "op", kOps);
        if (op) c.op = *op;
        ok = ok && op.has_value();
    } else if (!valueN) {
        ctx.error(m.node(), "this condition has no op; add op: answered, or op: \"==\" and a value");
        return std::nullopt;
    }
    if (!ok) return std::nullopt;
    if (!checkOp(ctx, opN ? *opN : m.node(), *ref, c.op)) return std::nullopt;
    if (isPresenceOp(c.op)) {
        if (valueN) {
            ctx.error(*valueN, "'" + opName(c.op) + "' takes no value; remove 'value'");
            return std::nullopt;
        }
        return c;
    }
    if (!valueN || valueN->isNull()) {
        ctx.error(valueN ? *valueN : m.node(), "'" + opName(c.op) + "' needs a value to compare with; add value: ...");
        return std::nullopt;
    }
    auto v = readValue(ctx, *valueN, *ref, c.op);
    if (!v) return std::nullopt;
    c.value = *v;
    if (ref->sym->item->type == ItemType::BodyMap) return oldRegionToNew(std::move(c));
    return c;
}

/// The ids worth suggesting for a reference: questions that @p scope lets it name. A suggestion
/// the next check would refuse (the item itself, a later one, an info text) only moves the error.
std::vector<std::string> usableIds(const Ctx& ctx, const CondScope* scope) {
    std::vector<std::string> ids;
    for (const ItemSym& s : ctx.items) {
        if (s.item && !s.item->isQuestion()) continue;
        if (scope && scope->beforeOrder && s.order >= *scope->beforeOrder) continue;
        if (scope && scope->beforePage && s.page >= *scope->beforePage) continue;
        ids.push_back(s.id);
    }
    return ids;
}

}  // namespace

std::optional<ItemRef> resolveRef(Ctx& ctx, const YamlNode& node, std::string_view who, const CondScope* scope) {
    const std::string w(who);
    if (!node.isScalar()) {
        ctx.error(node, w + " must name an item id, not " + describe(node));
        return std::nullopt;
    }
    const std::string& s = node.value;
    const size_t dot = s.find('.');
    const std::string id = s.substr(0, dot);
    const ItemSym* sym = ctx.findItem(id);
    if (!sym) {
        if (std::find(ctx.scoreIds.begin(), ctx.scoreIds.end(), id) != ctx.scoreIds.end()) {
            ctx.error(node, w + " refers to '" + id + "', which is a score, not an item; " +
                                (scope ? (scope->scores ? "compare a score with {score: " + id + ", op: ..., value: ...}"
                                                        : std::string("conditions can only use item answers, not scores"))
                                       : "a score can only add up item answers, not other scores"));
            return std::nullopt;
        }
        if (const ListFieldSym* field = ctx.findListField(id)) {
            ctx.error(node, w + " refers to '" + id + "', a field of list '" + field->list + "'; " +
                                (scope ? "a condition cannot look inside the entries of a list; it can ask whether '" +
                                             field->list + "' is answered (op: answered)"
                                       : "a score cannot look inside the entries of a list; it can count them (method: count, items: [" +
                                             field->list + "])"));
            return std::nullopt;
        }
        ctx.error(node, w + " refers to '" + id + "', which is not an item" + didYouMean(id, usableIds(ctx, scope)));
        return std::nullopt;
    }
    ItemRef ref{sym, nullptr};
    if (dot == std::string::npos) return ref;
    const std::string rowId = s.substr(dot + 1);
    const Item& item = *sym->item;
    if (item.type != ItemType::Matrix) {
        ctx.error(node, w + " refers to '" + s + "', but '" + id + "' is a " + std::string(toString(item.type)) +
                            " item; only matrix rows are named 'item.row'");
        return std::nullopt;
    }
    ref.row = item.findRow(rowId);
    if (!ref.row) {
        std::vector<std::string> rows;
        for (const auto& r : item.rows) rows.push_back(r.id);
        const std::string near = closest(rowId, rows);
        ctx.error(node, w + " refers to row '" + rowId + "' of matrix '" + id + "', which has no such row" +
                            (near.empty() ? "; its rows are " + joinList(rows) : "; did you mean '" + near + "'?"));
        return std::nullopt;
    }
    return ref;
}

std::optional<Condition> readCondition(Ctx& ctx, const YamlNode& node, const CondScope& scope, int depth) {
    if (depth > kMaxConditionDepth) {
        ctx.error(node, "conditions are nested more than " + std::to_string(kMaxConditionDepth) +
                            " levels deep; simplify this " + scope.who);
        return std::nullopt;
    }
    MapReader m(ctx, node, scope.who);
    if (!m.ok()) return std::nullopt;
    const char* combinator = nullptr;
    for (const char* k : {"all", "any", "not"})
        if (m.get(k)) combinator = k;
    if (!combinator) return readCompare(ctx, m, scope);

    Condition c;
    c.where = ctx.loc(node);
    const std::string comb(combinator);
    for (const YamlNode& k : node.keys)
        if (k.value != comb)
            ctx.error(k, "'" + k.value + "' cannot stand next to '" + comb + "'; a condition is either "
                             "{item, op, value} or a single all: / any: / not: (nest them to combine)");
    const YamlNode& body = *m.get(combinator);
    if (comb == "not") {
        c.kind = Condition::Kind::Not;
        auto child = readCondition(ctx, body, scope, depth + 1);
        if (!child) return std::nullopt;
        c.children.push_back(std::move(*child));
        return c;
    }
    c.kind = comb == "all" ? Condition::Kind::All : Condition::Kind::Any;
    const auto* list = ctx.list(body, comb);
    if (!list) return std::nullopt;
    if (list->empty()) {
        ctx.error(body, "'" + comb + "' has no conditions; list at least one");
        return std::nullopt;
    }
    bool ok = true;
    for (const YamlNode& n : *list) {
        auto child = readCondition(ctx, n, scope, depth + 1);
        if (child) c.children.push_back(std::move(*child));
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return c;
}

}  // namespace kiosk::forms::detail
