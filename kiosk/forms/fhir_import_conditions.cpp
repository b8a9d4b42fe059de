// import-fhir, the conditions: each item's enableWhen (its own and its groups') -> show_if once
// every item is known, those on a list's questions read as whether the list has an entry.
#include <map>
#include <optional>
#include <set>

#include "kiosk/forms/fhir_import_ctx.h"

namespace kiosk::forms::detail {
namespace {

std::string str(const json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : std::string();
}

/// One enableWhen as {item, op, value}; nullopt (with a warning) when it cannot be.
std::optional<ojson> condition(ImportCtx& ctx, const json& ew, const std::string& at, const std::string& linkId,
                               size_t order) {
    const std::string question = str(ew, "question");
    const std::string op = str(ew, "operator");
    const auto target = ctx.byLinkId.find(question);
    if (target == ctx.byLinkId.end()) {
        ctx.warn(at, linkId, "enableWhen names '" + question +
                                 "', which is no question the kiosk asks (missing, dropped or a display item): the condition is dropped");
        return std::nullopt;
    }
    const FhirItemSym& sym = target->second;
    if (sym.order >= order) {
        ctx.warn(at, linkId, "enableWhen names '" + question + "', which comes later: the kiosk asks in order, so the condition is dropped");
        return std::nullopt;
    }
    ojson c{{"item", sym.id}};
    if (op == "exists") {
        c["op"] = ew.value("answerBoolean", true) ? "answered" : "not_answered";
        return c;
    }
    static const std::set<std::string> kOps = {"=", "!=", ">", "<", ">=", "<="};
    if (!kOps.count(op)) {
        ctx.warn(at, linkId, "enableWhen operator '" + op + "' is not one of exists, =, !=, >, <, >=, <=: the condition is dropped");
        return std::nullopt;
    }
    const bool multi = sym.type == "multi";
    c["op"] = op == "=" ? (multi ? "includes" : "==") : op == "!=" ? (multi ? "excludes" : "!=") : op;
    for (const auto& [key, v] : ew.items()) {
        if (key.rfind("answer", 0) != 0) continue;
        if (key == "answerBoolean" && v.is_boolean()) c["value"] = v.get<bool>();
        else if ((key == "answerInteger" || key == "answerDecimal") && v.is_number()) c["value"] = v.get<double>();
        else if (key == "answerQuantity" && v.is_object() && v.contains("value") && v["value"].is_number())
            c["value"] = v["value"].get<double>();
        else if (key == "answerDate" && v.is_string()) c["value"] = v.get<std::string>();
        else if (key == "answerDateTime" && v.is_string()) c["value"] = v.get<std::string>().substr(0, 10);
        else if ((key == "answerCoding" && v.is_object()) || (key == "answerString" && v.is_string())) {
            const std::string code = v.is_object() ? (str(v, "code").empty() ? str(v, "display") : str(v, "code")) : v.get<std::string>();
            const auto o = sym.codes.find(code);
            if (o != sym.codes.end()) c["value"] = o->second;
            else if (sym.type == "text") c["value"] = code;
            else {
                ctx.warn(at, linkId, "enableWhen compares '" + question + "' with '" + code +
                                         "', which is none of its options: the condition is dropped");
                return std::nullopt;
            }
        }
    }
    if (sym.type == "multi" && c.contains("value") && !c["value"].is_string()) {
        ctx.warn(at, linkId, "enableWhen compares the choices of '" + question + "' with a number: the condition is dropped");
        return std::nullopt;
    }
    if (!c.contains("value")) {
        ctx.warn(at, linkId, "enableWhen without an answer value the kiosk can compare: the condition is dropped");
        return std::nullopt;
    }
    return c;
}

/// The enableWhen of @p p, those on the questions of a list (a repeating group) turned into ones on
/// the list: the kiosk can ask only whether a list has an entry. exists on a field every entry
/// answers (a required one, or the only one) says exactly that; so does exists true on every field
/// with enableBehavior any (an entry holds at least one answer), or exists false on every field
/// with all (what `form export-fhir` writes). Any other enableWhen on a list's field is dropped
/// with a warning naming it. Each with its JSON path.
std::vector<std::pair<json, std::string>> onLists(ImportCtx& ctx, const PendingCondition& p, const std::string& linkId) {
    const bool any = p.behavior == "any";
    struct OnField {
        size_t at;  ///< index in p.enableWhen
        std::string field;
        std::optional<bool> exists;  ///< exists' answerBoolean; nullopt for another operator
    };
    std::map<std::string, std::vector<OnField>> byList;
    std::vector<std::optional<std::pair<json, std::string>>> out(p.enableWhen->size());
    auto pathOf = [&](size_t i) { return p.path + "[" + std::to_string(i) + "]"; };
    for (size_t i = 0; i < p.enableWhen->size(); ++i) {
        const json& ew = (*p.enableWhen)[i];
        const auto field = ctx.listOfField.find(str(ew, "question"));
        if (field == ctx.listOfField.end()) {
            out[i] = std::make_pair(ew, pathOf(i));
            continue;
        }
        std::optional<bool> exists;
        // Without answerBoolean "exists" reads as true, as condition() reads it on any question
        // (its type was checked before the import began).
        if (str(ew, "operator") == "exists") exists = ew.value("answerBoolean", true);
        byList[field->second].push_back(OnField{i, field->first, exists});
    }
    auto onList = [](const std::string& list, bool answered) {
        return json{{"question", list}, {"operator", "exists"}, {"answerBoolean", answered}};
    };
    for (const auto& [list, conds] : byList) {
        const FhirItemSym& sym = ctx.byLinkId.at(list);
        std::set<std::string> named;
        bool together = true;  // each field, exists true with any (false with all)
        for (const OnField& c : conds) {
            named.insert(c.field);
            together = together && c.exists == any;
        }
        if (together && named == std::set<std::string>(sym.fields.begin(), sym.fields.end())) {
            out[conds.front().at] = std::make_pair(onList(list, any), pathOf(conds.front().at));
            continue;
        }
        for (const OnField& c : conds) {
            if (c.exists && sym.exact.count(c.field)) {
                out[c.at] = std::make_pair(onList(list, *c.exists), pathOf(c.at));
                continue;
            }
            ctx.warn(pathOf(c.at), linkId,
                     "enableWhen names '" + c.field + "', a question inside the repeating group '" + list +
                         "': the kiosk's conditions cannot look inside a list's entries, only ask whether it has one "
                         "(exists on a required question of the group, or exists true on each of its questions with "
                         "enableBehavior any, false with all): the condition is dropped");
        }
    }
    std::vector<std::pair<json, std::string>> kept;
    for (auto& o : out)
        if (o) kept.push_back(std::move(*o));
    return kept;
}

/// The show_if for @p conds (each an enableWhen list with its behavior; all of them must hold).
std::optional<ojson> showIf(ImportCtx& ctx, const std::vector<PendingCondition>& conds, const std::string& linkId,
                            size_t order) {
    ojson all = ojson::array();
    for (const PendingCondition& p : conds) {
        ojson parts = ojson::array();
        for (const auto& [ew, at] : onLists(ctx, p, linkId))
            if (auto c = condition(ctx, ew, at, linkId, order)) parts.push_back(std::move(*c));
        if (parts.empty()) continue;
        if (parts.size() == 1) all.push_back(std::move(parts[0]));
        else all.push_back(ojson{{p.behavior == "any" ? "any" : "all", std::move(parts)}});
    }
    if (all.empty()) return std::nullopt;
    if (all.size() == 1) return all[0];
    return ojson{{"all", std::move(all)}};
}

}  // namespace

void resolveConditions(ImportCtx& ctx, std::vector<OutPage>& pages) {
    for (OutPage& page : pages) {
        if (!page.conditions.empty())
            if (auto s = showIf(ctx, page.conditions, page.linkId, page.firstOrder)) page.yaml["show_if"] = std::move(*s);
        for (OutItem& item : page.items)
            if (auto s = showIf(ctx, item.conditions, item.linkId, item.order)) {
                // show_if before the type-specific keys is how form files read; order is cosmetic.
                item.yaml["show_if"] = std::move(*s);
            }
    }
}

}  // namespace kiosk::forms::detail
