// Pages, items, options and matrix rows: shape and local checks (ids, types, keys per item type,
// bounds, options). show_if is deferred until every item id is known.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "kiosk/forms/parse_instrument.h"
#include "kiosk/forms/parse_items.h"

namespace kiosk::forms::detail {
namespace {

const std::vector<std::pair<std::string, ItemType>> kTypes = {
    {"info", ItemType::Info},       {"text", ItemType::Text},     {"number", ItemType::Number},
    {"date", ItemType::Date},       {"yes_no", ItemType::YesNo},  {"single", ItemType::Single},
    {"multi", ItemType::Multi},     {"scale", ItemType::Scale},   {"body_map", ItemType::BodyMap},
    {"signature", ItemType::Signature}, {"consent", ItemType::Consent}, {"matrix", ItemType::Matrix},
    {"list", ItemType::List},
};
const std::vector<std::pair<std::string, TextKind>> kKeyboards = {
    {"text", TextKind::Text}, {"name", TextKind::Name}, {"phone", TextKind::Phone},
    {"email", TextKind::Email}, {"multiline", TextKind::Multiline},
};
const std::vector<std::pair<std::string, BodyDetail>> kDetails = {
    {"intensity", BodyDetail::Intensity}, {"kind", BodyDetail::Kind},
};

const std::vector<std::string> kCommonKeys = {"id", "type", "label", "say", "help", "required", "show_if", "link_id", "verbatim", "loinc", "initial"};
const std::vector<std::pair<std::string, std::string>> kCodeTypes = {
    {"coding", "coding"}, {"string", "string"}, {"integer", "integer"}, {"date", "date"}};

/// Keys each item type adds to the common ones.
std::vector<std::string> typeKeys(ItemType t) {
    switch (t) {
        case ItemType::Number: return {"min", "max", "step", "decimals", "unit", "repeats", "max_answers"};
        case ItemType::Scale: return {"min", "max", "min_label", "max_label"};
        case ItemType::Text: return {"keyboard", "max_length", "repeats"};
        case ItemType::Date: return {"past_only", "repeats", "max_answers"};
        case ItemType::Single: return {"options"};
        case ItemType::Multi: return {"options", "min_selected", "max_selected"};
        case ItemType::Matrix: return {"options", "rows"};
        case ItemType::BodyMap: return {"detail"};
        case ItemType::List: return {"fields", "min_entries", "max_entries", "entry_label", "add_label"};
        default: return {};
    }
}

/// "options is used by single, multi, matrix items, not by scale items" for a key of another type.
std::string keyOfOtherTypes(const std::string& key, ItemType t) {
    std::vector<std::string> owners;
    for (const auto& [name, type] : kTypes) {
        const auto keys = typeKeys(type);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) owners.push_back(name);
    }
    if (owners.empty()) return {};
    return "'" + key + "' is used by " + joinList(owners) + " items, not by " + std::string(toString(t)) +
           " items; remove it or change the type";
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// `code`, `system`, `code_type`: what import-fhir keeps of a FHIR answerOption.
void readOptionCode(Ctx& ctx, MapReader& m, Option& o) {
    const YamlNode* code = m.get("code");
    if (code)
        if (auto v = ctx.text(*code, "code")) o.code = *v;
    if (const YamlNode* s = m.get("system")) {
        if (!code) ctx.error(*s, "'system' goes with 'code' (the FHIR coding of the option); add code: or remove system:");
        if (auto v = ctx.text(*s, "system")) o.system = *v;
    }
    if (const YamlNode* t = m.get("code_type")) {
        if (!code) ctx.error(*t, "'code_type' goes with 'code'; add code: or remove code_type:");
        if (auto v = ctx.choice(*t, "code_type", kCodeTypes)) o.codeType = *v;
        if (o.codeType != "coding" && m.get("system"))
            ctx.error(*t, "a '" + o.codeType + "' option value has no code system; remove 'system' or use code_type: coding");
    }
}

void readOptions(Ctx& ctx, const YamlNode& node, Item& item) {
    const auto* list = ctx.list(node, "options");
    if (!list) return;
    const size_t minCount = item.type == ItemType::Multi ? 1 : 2;
    if (list->size() < minCount) {
        ctx.error(node, std::string(toString(item.type)) + " item '" + item.id + "' needs at least " +
                            std::to_string(minCount) + (minCount == 1 ? " option" : " options") + " to choose from");
    }
    std::map<std::string, core::SourceLoc> seen;
    for (const YamlNode& on : *list) {
        MapReader m(ctx, on, "an option of '" + item.id + "'");
        if (!m.ok()) continue;
        m.allow({"value", "label", "say", "score", "exclusive", "code", "system", "code_type"});
        Option o;
        o.where = ctx.loc(on);
        if (const YamlNode* v = m.need("value", "add value: a_short_id (it is what the record stores)")) {
            // Values are ids like every other key the record stores: "1" or "1a" would read as
            // numbers in exports and in `value:` of conditions, where a number means a scale point.
            if (auto id = ctx.ident(*v, "option value")) o.value = *id;
            if (!o.value.empty()) ctx.unique(seen, o.value, *v, "option value");
        }
        if (const YamlNode* l = m.need("label", "add label: {...} (what the patient reads)")) o.label = ctx.translated(*l, "label");
        if (const YamlNode* s = m.get("say")) o.say = ctx.translated(*s, "say", false);
        if (const YamlNode* s = m.get("score")) {
            if (item.type == ItemType::Multi)
                ctx.error(*s,
                          "'score' is used on single and matrix options, not multi; a multi item counts "
                          "selected options in a 'count' score");
            else if (auto v = ctx.number(*s, "score")) o.score = *v;
        }
        if (const YamlNode* e = m.get("exclusive")) {
            if (item.type != ItemType::Multi)
                ctx.error(*e, "'exclusive' is only for multi options (\"none of these\"); a " +
                                  std::string(toString(item.type)) + " item allows one answer anyway");
            else if (auto v = ctx.boolean(*e, "exclusive")) o.exclusive = *v;
        }
        readOptionCode(ctx, m, o);
        item.options.push_back(std::move(o));
    }
}

void readRows(Ctx& ctx, const YamlNode& node, Item& item) {
    const auto* list = ctx.list(node, "rows");
    if (!list) return;
    if (list->empty()) ctx.error(node, "matrix item '" + item.id + "' has no rows; add rows: [{id: ..., label: ...}]");
    std::map<std::string, core::SourceLoc> seen;
    for (const YamlNode& rn : *list) {
        MapReader m(ctx, rn, "a row of '" + item.id + "'");
        if (!m.ok()) continue;
        m.allow({"id", "label", "say", "loinc"});
        MatrixRow r;
        if (const YamlNode* l = m.get("loinc"))
            if (auto code = ctx.loinc(*l)) r.loinc = *code;
        r.where = ctx.loc(rn);
        if (const YamlNode* id = m.need("id", "add id: a_row_id")) {
            if (auto v = ctx.ident(*id, "id")) {
                r.id = *v;
                ctx.unique(seen, r.id, *id, "row id");
            }
        }
        if (const YamlNode* l = m.need("label", "add label: {...}")) r.label = ctx.translated(*l, "label");
        if (const YamlNode* s = m.get("say")) r.say = ctx.translated(*s, "say", false);
        item.rows.push_back(std::move(r));
    }
}

void readBounds(Ctx& ctx, MapReader& m, Item& item) {
    const YamlNode* minN = m.get("min");
    const YamlNode* maxN = m.get("max");
    if (minN) item.min = ctx.number(*minN, "min");
    if (maxN) item.max = ctx.number(*maxN, "max");
    // Where a bad range is reported: max if given, else min (the item itself when neither is,
    // which the defaults below never let go wrong).
    const YamlNode& rangeAt = maxN ? *maxN : minN ? *minN : m.node();
    if (item.type == ItemType::Scale) {
        if (!minN) item.min = 0;
        if (!maxN) item.max = 10;
        for (const YamlNode* b : {minN, maxN}) {
            const auto& v = b == minN ? item.min : item.max;
            if (b && v && *v != std::floor(*v)) ctx.error(*b, "scale bounds are whole numbers; a scale shows one button per value");
        }
        if (item.min && item.max && *item.max - *item.min > 20)
            ctx.error(rangeAt, "a scale from " + formatNumber(*item.min) + " to " + formatNumber(*item.max) +
                                   " has too many buttons; use at most 21 values (e.g. 0 to 10) or a number item");
    }
    if (item.min && item.max && !(*item.min < *item.max)) {
        ctx.error(rangeAt, "'max' must be greater than 'min' (min " + formatNumber(*item.min) + ", max " +
                               formatNumber(*item.max) + ")");
    }
}

/// `repeats` / `max_answers` on number and date items: several values, at most max_answers (a
/// bound on what one answer holds; 10 unless given, 50 at most: each value is a row on screen).
void readRepeats(Ctx& ctx, MapReader& m, Item& item) {
    if (const YamlNode* r = m.get("repeats"))
        if (auto v = ctx.boolean(*r, "repeats")) item.repeats = *v;
    if (const YamlNode* n = m.get("max_answers")) {
        if (auto v = ctx.integer(*n, "max_answers", 2, 50)) item.maxAnswers = *v;
        if (!item.repeats) ctx.error(*n, "'max_answers' is for items with repeats: true; add it or remove 'max_answers'");
    }
}

/// `link_id`: any FHIR linkId (a string without surrounding spaces, at most 255 characters).
std::optional<std::string> readLinkId(Ctx& ctx, const YamlNode& n) {
    auto v = ctx.text(n, "link_id");
    if (!v) return std::nullopt;
    const bool spaced = !v->empty() && (std::isspace(static_cast<unsigned char>(v->front())) != 0 ||
                                         std::isspace(static_cast<unsigned char>(v->back())) != 0);
    if (v->empty() || v->size() > 255 || spaced) {
        ctx.error(n, "'link_id' is a FHIR linkId: 1 to 255 characters, without spaces at either end");
        return std::nullopt;
    }
    return v;
}

void readItem(Ctx& ctx, const YamlNode& node, size_t pageIndex, size_t index, Item& item, const Item* owner = nullptr);

/// `fields` of a list: simple questions, each asked once per entry. Their ids stay out of the
/// symbol table (no condition or score looks inside an entry) but must be unique in the form
/// (checkListFields): exports and FHIR name each by its id or linkId.
void readFields(Ctx& ctx, const YamlNode& node, size_t pageIndex, size_t index, Item& list) {
    const auto* nodes = ctx.list(node, "fields");
    if (!nodes) return;
    if (nodes->empty() || nodes->size() > kMaxListFields) {
        ctx.error(node, "list item '" + list.id + "' needs 1 to " + std::to_string(kMaxListFields) +
                            " fields (the questions each entry asks)");
        if (nodes->empty()) return;
    }
    for (size_t i = 0; i < nodes->size() && i < kMaxListFields; ++i) {
        list.fields.emplace_back();
        readItem(ctx, (*nodes)[i], pageIndex, index, list.fields.back(), &list);
    }
}

/// `min_entries`, `max_entries`, `entry_label`, `add_label` of a list.
void readListLimits(Ctx& ctx, MapReader& m, Item& item) {
    const YamlNode* lo = m.get("min_entries");
    const YamlNode* hi = m.get("max_entries");
    if (lo)
        if (auto v = ctx.integer(*lo, "min_entries", 0, kMaxListEntries)) item.minEntries = *v;
    if (hi)
        if (auto v = ctx.integer(*hi, "max_entries", 1, kMaxListEntries)) item.maxEntries = *v;
    if (item.minEntries > item.maxEntries)
        ctx.error(hi ? *hi : *lo, "'max_entries' (" + std::to_string(item.maxEntries) + ") is less than 'min_entries' (" +
                                      std::to_string(item.minEntries) + ")");
    if (const YamlNode* l = m.get("entry_label")) item.entryLabel = ctx.translated(*l, "entry_label");
    if (const YamlNode* l = m.get("add_label")) item.addLabel = ctx.translated(*l, "add_label");
}

/// What a list field may not be or have: a field is a simple question asked in every entry.
void checkField(Ctx& ctx, MapReader& m, const YamlNode& typeNode, const Item& field, const Item& list) {
    static const std::vector<ItemType> kFieldTypes = {ItemType::Text, ItemType::Number, ItemType::Date,
                                                      ItemType::YesNo, ItemType::Single};
    if (std::find(kFieldTypes.begin(), kFieldTypes.end(), field.type) == kFieldTypes.end())
        ctx.error(typeNode, "field '" + field.id + "' of list '" + list.id + "' is a " + std::string(toString(field.type)) +
                                " item; a list field is a text, number, date, yes_no or single item" +
                                (field.type == ItemType::List ? " (lists do not nest)" : ""));
    for (const char* key : {"show_if", "initial", "repeats"})
        if (const YamlNode* n = m.get(key))
            ctx.error(*n, "'" + std::string(key) + "' is not for the fields of a list (each entry asks every field, "
                          "starting empty); remove it from field '" + field.id + "'");
}

void readItem(Ctx& ctx, const YamlNode& node, size_t pageIndex, size_t index, Item& item, const Item* owner) {
    MapReader m(ctx, node, owner ? "a field of '" + owner->id + "'" : "an item");
    item.where = ctx.loc(node);
    if (!m.ok()) return;
    if (const YamlNode* id = m.need("id", "add id: a_short_id (it names the answer in records)")) {
        if (auto v = ctx.ident(*id, "id")) {
            item.id = *v;
            if (owner) {
                ctx.listFields.push_back(ListFieldSym{item.id, owner->id, ctx.loc(*id)});
            } else if (auto [it, inserted] = ctx.itemIndex.emplace(item.id, ctx.items.size()); !inserted) {
                const core::SourceLoc& first = ctx.items[it->second].idLoc;
                ctx.error(*id, "duplicate item id '" + item.id + "'; it is already used at line " +
                                   std::to_string(first.line) + ":" + std::to_string(first.col) +
                                   " (item ids must be unique in the form; rename one)");
            } else {
                ctx.items.push_back(ItemSym{item.id, ctx.loc(*id), pageIndex, index, ctx.items.size(), nullptr});
            }
        }
    }
    if (!item.id.empty()) m.rename((owner ? "field '" : "item '") + item.id + "'");
    std::optional<ItemType> type;
    if (const YamlNode* t = m.need("type", "add type: one of info, text, number, date, yes_no, single, multi, "
                                           "scale, body_map, signature, consent, matrix, list"))
        type = ctx.choice(*t, "type", kTypes);
    if (!type) {  // keys cannot be checked against a type we do not know; accept any item key
        std::vector<std::string> all = kCommonKeys;
        for (const auto& [n, t] : kTypes) all = concat(all, typeKeys(t));
        m.allow(all);
        return;
    }
    item.type = *type;
    m.allow(concat(kCommonKeys, typeKeys(item.type)),
            [&](const std::string& key) { return keyOfOtherTypes(key, item.type); });
    if (owner) checkField(ctx, m, *m.get("type"), item, *owner);


    if (const YamlNode* l = m.need("label", item.type == ItemType::Info ? "add label: {...} (the text shown)"
                                                                        : "add label: {...} (the question)"))
        item.label = ctx.translated(*l, "label");
    if (const YamlNode* h = m.get("help")) item.help = ctx.translated(*h, "help");
    if (const YamlNode* s = m.get("say")) item.say = ctx.translated(*s, "say", false);
    if (const YamlNode* r = m.get("required")) {
        if (item.type == ItemType::Info)
            ctx.error(*r, "info items show text and take no answer, so they cannot be required; remove 'required'");
        else if (auto v = ctx.boolean(*r, "required")) item.required = *v;
    }
    if (const YamlNode* s = m.get("show_if"); s && !owner) ctx.deferred.push_back(DeferredShowIf{s, pageIndex, index, std::nullopt});
    if (const YamlNode* l = m.get("link_id"))
        if (auto v = readLinkId(ctx, *l)) item.linkId = *v;
    if (const YamlNode* v = m.get("verbatim"))
        if (auto b = ctx.boolean(*v, "verbatim")) item.verbatim = *b;
    if (const YamlNode* l = m.get("loinc"))
        if (auto code = ctx.loinc(*l)) item.loinc = *code;

    switch (item.type) {
        case ItemType::Number:
            readBounds(ctx, m, item);
            if (const YamlNode* s = m.get("step")) {
                if (auto v = ctx.number(*s, "step")) {
                    if (*v <= 0) ctx.error(*s, "'step' must be greater than 0");
                    else item.step = *v;
                }
            }
            if (const YamlNode* d = m.get("decimals"))
                if (auto v = ctx.integer(*d, "decimals", 0, 6)) item.decimals = *v;
            if (const YamlNode* u = m.get("unit")) item.unit = ctx.translated(*u, "unit");
            readRepeats(ctx, m, item);
            break;
        case ItemType::Scale:
            readBounds(ctx, m, item);
            if (const YamlNode* l = m.get("min_label")) item.minLabel = ctx.translated(*l, "min_label");
            if (const YamlNode* l = m.get("max_label")) item.maxLabel = ctx.translated(*l, "max_label");
            break;
        case ItemType::Text:
            if (const YamlNode* k = m.get("keyboard"))
                if (auto v = ctx.choice(*k, "keyboard", kKeyboards)) item.textKind = *v;
            if (const YamlNode* l = m.get("max_length"))
                if (auto v = ctx.integer(*l, "max_length", 1, 10000)) item.maxLength = *v;
            if (const YamlNode* r = m.get("repeats")) {
                if (auto v = ctx.boolean(*r, "repeats")) item.repeats = *v;
                // One answer a line: the box must take several lines.
                if (item.repeats && m.get("keyboard") && item.textKind != TextKind::Multiline)
                    ctx.error(*r, "'repeats' takes one answer a line, so it needs keyboard: multiline (or no keyboard)");
                if (item.repeats) item.textKind = TextKind::Multiline;
            }
            break;
        case ItemType::Date:
            if (const YamlNode* p = m.get("past_only"))
                if (auto v = ctx.boolean(*p, "past_only")) item.pastOnly = *v;
            readRepeats(ctx, m, item);
            break;
        case ItemType::Single:
        case ItemType::Multi:
        case ItemType::Matrix:
            if (const YamlNode* o = m.need("options", "add options: a list of {value: ..., label: ...}"))
                readOptions(ctx, *o, item);
            if (item.type == ItemType::Matrix)
                if (const YamlNode* r = m.need("rows", "add rows: a list of {id: ..., label: ...}")) readRows(ctx, *r, item);
            if (item.type == ItemType::Multi) {
                const int n = static_cast<int>(item.options.size());
                const YamlNode* lo = m.get("min_selected");
                const YamlNode* hi = m.get("max_selected");
                if (lo)
                    if (auto v = ctx.integer(*lo, "min_selected", 0, std::max(n, 0))) item.minSelected = *v;
                if (hi)
                    if (auto v = ctx.integer(*hi, "max_selected", 0, std::max(n, 0))) item.maxSelected = *v;
                if (lo && hi && item.maxSelected > 0 && item.minSelected > item.maxSelected)
                    ctx.error(*hi, "'max_selected' (" + hi->value + ") is less than 'min_selected' (" + lo->value + ")");
            }
            break;
        case ItemType::BodyMap:
            if (const YamlNode* d = m.get("detail")) {
                if (const auto* list = ctx.list(*d, "detail")) {
                    for (const YamlNode& dn : *list) {
                        auto v = ctx.choice(dn, "detail", kDetails);
                        if (!v) continue;
                        if (std::find(item.detail.begin(), item.detail.end(), *v) != item.detail.end())
                            ctx.error(dn, "'" + dn.value + "' is listed twice in detail");
                        else
                            item.detail.push_back(*v);
                    }
                }
            }
            break;
        case ItemType::List:
            if (const YamlNode* fl = m.need("fields", "add fields: a list of the questions each entry asks"))
                readFields(ctx, *fl, pageIndex, index, item);
            readListLimits(ctx, m, item);
            break;
        default:
            break;
    }
    if (const YamlNode* i = m.get("initial"); i && !owner) readInitial(ctx, *i, item);
}

}  // namespace

void checkListFields(Ctx& ctx) {
    std::map<std::string, core::SourceLoc> seen;
    for (const ListFieldSym& f : ctx.listFields) {
        const core::SourceLoc* first = nullptr;
        if (const ItemSym* item = ctx.findItem(f.id)) first = &item->idLoc;
        else if (auto [it, inserted] = seen.emplace(f.id, f.where); !inserted) first = &it->second;
        if (first)
            ctx.error(f.where, "field id '" + f.id + "' of list '" + f.list + "' is already used at line " +
                                   std::to_string(first->line) + ":" + std::to_string(first->col) +
                                   " (item and field ids must be unique in the form: records and FHIR name answers by them; rename one)");
    }
}

void checkLinkIds(Ctx& ctx, const Form& form) {
    // Exports name answers by linkId and `simulate --answers` accepts them: one linkId, one item.
    // Two pages or two items with one id and no link_id are already reported as duplicate ids.
    struct Seen {
        core::SourceLoc where;
        bool page, explicitLink;
    };
    std::map<std::string, Seen> seen;
    auto check = [&](const std::string& id, const std::string& linkId, const core::SourceLoc& where, bool page) {
        const std::string& key = linkId.empty() ? id : linkId;
        if (key.empty()) return;
        const auto [it, inserted] = seen.emplace(key, Seen{where, page, !linkId.empty()});
        if (inserted || (it->second.page == page && !it->second.explicitLink && linkId.empty())) return;
        ctx.error(where, "linkId '" + key + "' is already used at line " + std::to_string(it->second.where.line) + ":" +
                             std::to_string(it->second.where.col) +
                             " (the id of a page or item, or its link_id); FHIR responses need one linkId per item");
    };
    for (const Page& p : form.pages) {
        if (p.group) check(p.id, p.linkId, p.where, true);
        for (const Item& i : p.items) {
            check(i.id, i.linkId, i.where, false);
            for (const Item& f : i.fields) check(f.id, f.linkId, f.where, false);
        }
    }
}

void readPage(Ctx& ctx, const YamlNode& node, Form& form, size_t pageIndex,
              std::map<std::string, core::SourceLoc>& pageIds) {
    Page& page = form.pages[pageIndex];
    MapReader m(ctx, node, "a page");
    page.where = ctx.loc(node);
    if (!m.ok()) return;
    m.allow({"id", "title", "items", "show_if", "link_id", "group", "no_to_all", "summary"});
    if (const YamlNode* id = m.need("id", "add id: a_page_id")) {
        if (auto v = ctx.ident(*id, "id")) {
            page.id = *v;
            ctx.unique(pageIds, page.id, *id, "page id");
            m.rename("page '" + page.id + "'");
        }
    }
    if (const YamlNode* t = m.need("title", "add title: {...} (shown at the top of the screen)"))
        page.title = ctx.translated(*t, "title");
    if (const YamlNode* s = m.get("show_if")) ctx.deferred.push_back(DeferredShowIf{s, pageIndex, std::nullopt, std::nullopt});
    if (const YamlNode* l = m.get("link_id"))
        if (auto v = readLinkId(ctx, *l)) page.linkId = *v;
    if (const YamlNode* g = m.get("group"))
        if (auto v = ctx.boolean(*g, "group")) page.group = *v;
    if (const YamlNode* s = m.get("summary"))
        if (auto v = ctx.boolean(*s, "summary")) page.summary = *v;
    if (!page.group && m.get("show_if"))
        ctx.error(*m.get("show_if"), "a page with group: false has no FHIR item to carry its show_if; put show_if on its items");
    const YamlNode* items = m.need("items", "add items: a list of questions");
    if (!items) return;
    const auto* list = ctx.list(*items, "items");
    if (!list) return;
    if (list->empty()) {
        ctx.error(*items, "page '" + page.id + "' has no items; add at least one or remove the page");
        return;
    }
    for (const YamlNode& in : *list) {
        if (in.isMap() && in.find("include")) {
            includeItems(ctx, in, form, pageIndex);  // a one-page instrument's items, from its own file
            continue;
        }
        page.items.emplace_back();
        readItem(ctx, in, pageIndex, page.items.size() - 1, page.items.back());
    }
    if (const YamlNode* n = m.get("no_to_all")) {
        page.noToAll = ctx.translated(*n, "no_to_all");
        if (std::none_of(page.items.begin(), page.items.end(), answersNoToAll))
            ctx.error(*n, "page '" + page.id +
                              "' has no question no_to_all can answer; it answers yes_no items and single items "
                              "with an option \"no\"");
    }
}

}  // namespace kiosk::forms::detail
