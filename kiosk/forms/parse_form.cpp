// The top level of a form file, in dependency order: languages first (every Text is checked
// against them), then pages and items (the symbol table), then what refers to items: show_if,
// scores, flags. Keys are read in this order whatever order the file writes them in.
#include "kiosk/forms/parse_form.h"

#include <algorithm>

#include "kiosk/forms/parse_instrument.h"
#include "kiosk/forms/parse_items.h"

namespace kiosk::forms::detail {
namespace {

void readLanguages(Ctx& ctx, const YamlNode* node, Form& form) {
    if (!node) return;
    const auto* list = ctx.list(*node, "languages");
    if (!list) return;
    if (list->empty()) {
        ctx.error(*node, "'languages' is empty; list the language codes of the texts, e.g. [en, es]");
        return;
    }
    bool ok = true;
    for (const YamlNode& l : *list) {
        const bool code = l.isScalar() && l.value.size() >= 2 && l.value.size() <= 3 &&
                          std::all_of(l.value.begin(), l.value.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!code) {
            ctx.error(l, "language " + describe(l) + " is not a language code; use ISO 639-1 codes such as en, es");
            ok = false;
        } else if (std::find(form.languages.begin(), form.languages.end(), l.value) != form.languages.end()) {
            ctx.error(l, "language '" + l.value + "' is listed twice");
        } else {
            form.languages.push_back(l.value);
            ctx.languageLocs.push_back(ctx.loc(l));
        }
    }
    ctx.languages = form.languages;
    ctx.languagesKnown = ok;
}

void readFhirSource(Ctx& ctx, const YamlNode& node, Form& form) {
    MapReader m(ctx, node, "'fhir'");
    if (!m.ok()) return;
    m.allow({"url", "version"});
    FhirSource src;
    if (const YamlNode* u = m.need("url", "add url: the Questionnaire's canonical URL"))
        if (auto v = ctx.text(*u, "url")) src.url = *v;
    if (const YamlNode* v = m.get("version"))
        if (auto t = ctx.text(*v, "version")) src.version = *t;
    form.fhir = std::move(src);
}

}  // namespace

std::optional<License> readLicense(Ctx& ctx, const YamlNode& node, const std::string& what) {
    MapReader m(ctx, node, what);
    if (!m.ok()) return std::nullopt;
    m.allow({"text", "attribution", "url"});
    License lic;
    if (const YamlNode* t = m.need("text", "add text: e.g. \"CC BY 4.0\" or \"written for this clinic\""))
        if (auto v = ctx.text(*t, "text")) lic.text = *v;
    if (const YamlNode* a = m.get("attribution"))
        if (auto v = ctx.text(*a, "attribution")) lic.attribution = *v;
    if (const YamlNode* u = m.get("url"))
        if (auto v = ctx.text(*u, "url")) lic.url = *v;
    return lic;
}

void readForm(Ctx& ctx, const YamlNode& root, Form& form) {
    if (!root.isMap()) {
        ctx.error(root, "a form file is a map with id, version, title, languages and pages, not " + describe(root));
        return;
    }
    MapReader m(ctx, root, "the form");
    m.allow({"id", "version", "title", "description", "languages", "license", "fhir", "instrument", "pages", "scores",
             "flags"});
    readLanguages(ctx, m.need("languages", "add languages: [en, es] (the first is the default)"), form);
    if (const YamlNode* id = m.need("id", "add id: a_form_id"))
        if (auto v = ctx.ident(*id, "id")) form.id = *v;
    if (const YamlNode* v = m.need("version", "add version: 1 (and raise it on every change)"))
        if (auto n = ctx.integer(*v, "version", 1, 1000000)) form.version = *n;
    if (const YamlNode* t = m.need("title", "add title: {...}")) form.title = ctx.translated(*t, "title");
    if (const YamlNode* d = m.get("description")) form.description = ctx.translated(*d, "description");
    if (const YamlNode* l = m.get("license")) form.license = readLicense(ctx, *l, "'license'");
    if (const YamlNode* f = m.get("fhir")) readFhirSource(ctx, *f, form);
    if (const YamlNode* i = m.get("instrument")) readInstrument(ctx, *i, form);

    if (const YamlNode* pages = m.need("pages", "add pages: a list of {id, title, items}")) {
        if (const auto* list = ctx.list(*pages, "pages")) {
            if (list->empty()) ctx.error(*pages, "'pages' is empty; a form needs at least one page");
            std::map<std::string, core::SourceLoc> pageIds;
            for (const YamlNode& pn : *list) {
                if (pn.isMap() && pn.find("include")) {
                    includePages(ctx, pn, form, pageIds);  // an instrument's pages, from its own file
                    continue;
                }
                form.pages.emplace_back();
                readPage(ctx, pn, form, form.pages.size() - 1, pageIds);
            }
        }
    }
    // Pages are complete: item addresses are stable from here on.
    for (auto& s : ctx.items) s.item = &form.pages[s.page].items[s.index];
    checkListFields(ctx);
    checkLinkIds(ctx, form);
    const YamlNode* scores = m.get("scores");
    if (scores && scores->isSeq())
        for (const YamlNode& sn : scores->items)
            if (const YamlNode* id = sn.isMap() ? sn.find("id") : nullptr; id && id->isScalar()) {
                ctx.scoreIds.push_back(id->value);
                if (const YamlNode* me = sn.find("method"); me && me->isScalar() && me->value == "rule")
                    ctx.ruleScoreIds.push_back(id->value);
            }

    for (const DeferredShowIf& d : ctx.deferred) {
        std::optional<Condition> cond;
        std::optional<Condition>* own = nullptr;
        if (d.item) {
            Item& item = form.pages[d.page].items[*d.item];
            own = &item.showIf;
            const ItemSym* self = ctx.findItem(item.id);
            // An item without a valid id cannot be placed in the order; compare against its page.
            CondScope scope{"show_if", std::nullopt, std::nullopt, false, ""};
            if (d.includeScope) scope.beforeOrder = *d.includeScope;
            else if (self && self->item == &item) scope.beforeOrder = self->order;
            else scope.beforePage = d.page;
            cond = readCondition(ctx, *d.node, scope);
        } else {
            own = &form.pages[d.page].showIf;
            cond = readCondition(ctx, *d.node, CondScope{"show_if", std::nullopt, d.includeScope.value_or(d.page), false, ""});
        }
        if (cond && *own && d.includeScope) {  // an include's show_if and the instrument's own
            Condition both;
            both.kind = Condition::Kind::All;
            both.where = cond->where;
            both.children = {std::move(*cond), std::move(**own)};
            *own = std::move(both);
        } else if (cond || !d.includeScope) {
            *own = std::move(cond);
        }
    }
    if (scores) readScores(ctx, *scores, form.scores);
    if (const YamlNode* f = m.get("flags")) readFlags(ctx, *f, form.flags);
    addIncludedResults(ctx, form);
    checkVerbatim(ctx, form);
    ctx.reportLanguageUse();

    // Said only of an otherwise sound form: an item whose type is broken reads as info here.
    bool asks = false;
    for (const auto& s : ctx.items) asks = asks || s.item->isQuestion();
    if (ctx.errorCount() == 0 && !ctx.items.empty() && !asks)
        ctx.error(root, "the form has only info items; add at least one question");
}

}  // namespace kiosk::forms::detail
