// Instruments: the `instrument:` block of an instrument file, the check that its verbatim items
// still read as published in each declared official translation, and a form's page entries
// `- include: instruments/x.yaml` that bring an instrument's pages, scores and flags into the form.
#include "kiosk/forms/parse_instrument.h"

#include <algorithm>
#include <filesystem>

#include "kiosk/forms/instrument.h"
#include "kiosk/forms/load_included.h"
#include "kiosk/forms/parse_form.h"

namespace kiosk::forms::detail {
namespace {

void readTranslations(Ctx& ctx, const YamlNode& node, Instrument& ins) {
    MapReader m(ctx, node, "'translations'");
    if (!m.ok()) return;
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const YamlNode& lang = node.keys[i];
        MapReader t(ctx, node.values[i], "translation '" + lang.value + "'");
        if (!t.ok()) continue;
        t.allow({"name", "fingerprint"});
        Translation tr;
        tr.where = ctx.loc(lang);
        if (const YamlNode* n = t.need("name", "add name: which official translation this is (publisher, year)"))
            if (auto v = ctx.text(*n, "name")) tr.name = *v;
        if (const YamlNode* f = t.get("fingerprint"))
            if (auto v = ctx.text(*f, "fingerprint")) tr.fingerprint = *v;
        ins.translations[lang.value] = std::move(tr);
    }
}

// A relative path below the form's folder: an include names a file the clinic keeps beside its forms.
bool plainRelative(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.size() < 6 || path.substr(path.size() - 5) != ".yaml") return false;
    for (const auto& part : std::filesystem::path(path))
        if (part == "..") return false;
    return true;
}

}  // namespace

void readInstrument(Ctx& ctx, const YamlNode& node, Form& form) {
    MapReader m(ctx, node, "'instrument'");
    if (!m.ok()) return;
    m.allow({"name", "version", "license", "source", "copyright", "translations", "loinc"});
    Instrument ins;
    ins.where = ctx.loc(node);
    if (const YamlNode* n = m.need("name", "add name: the instrument's published name"))
        if (auto v = ctx.text(*n, "name")) ins.name = *v;
    if (const YamlNode* v = m.need("version", "add version: the published version (e.g. \"2009\")"))
        if (auto t = ctx.text(*v, "version")) ins.version = *t;
    if (const YamlNode* l = m.need("license", "add license: {text: ..., url: ...} (the terms of use, checked)"))
        if (auto lic = readLicense(ctx, *l, "the instrument's 'license'")) ins.license = std::move(*lic);
    if (const YamlNode* s = m.need("source", "add source: the publication or page the text was taken from"))
        if (auto v = ctx.text(*s, "source")) ins.source = *v;
    if (const YamlNode* c = m.get("copyright")) ins.copyright = ctx.translated(*c, "copyright");
    if (const YamlNode* l = m.get("loinc"))
        if (auto v = ctx.loinc(*l)) ins.loinc = *v;
    if (const YamlNode* t = m.need("translations", "add translations: {en: {name: ..., fingerprint: ...}, ...}"))
        readTranslations(ctx, *t, ins);
    form.instrument = std::move(ins);
}

void checkVerbatim(Ctx& ctx, Form& form) {
    bool any = false;
    for (const Page& p : form.pages)
        for (const Item& item : p.items) {
            if (!item.verbatim || !p.instrument.empty() || ctx.includedItems.count(item.id)) continue;
            if (!form.instrument) {
                ctx.error(item.where, "item '" + item.id + "' is verbatim, but the file has no 'instrument' block; "
                                      "verbatim text belongs to an instrument file (forms/instruments/)");
                return;
            }
            any = true;
        }
    if (!form.instrument) return;
    Instrument& ins = *form.instrument;
    for (const auto& [lang, tr] : ins.translations)
        if (std::find(form.languages.begin(), form.languages.end(), lang) == form.languages.end())
            ctx.error(tr.where, "translation '" + lang + "' is declared, but '" + lang +
                                    "' is not in the file's languages; remove it or add the language");
    for (size_t i = 0; i < form.languages.size(); ++i) {
        const std::string& lang = form.languages[i];
        const auto it = ins.translations.find(lang);
        const core::SourceLoc at = i < ctx.languageLocs.size() ? ctx.languageLocs[i] : ins.where;
        if (it == ins.translations.end()) {
            ctx.error(at, "'" + lang + "' is not a declared translation of " + ins.name +
                              "; verbatim items are shown only in official translations: add " + lang +
                              ": {name: \"which official translation\"} under instrument.translations");
            continue;
        }
        if (!any) continue;
        const std::string now = verbatimFingerprint(form, lang);
        if (it->second.fingerprint.empty()) {
            ctx.error(it->second.where, "translation '" + lang + "' (" + it->second.name +
                                            ") has no fingerprint; once its text is checked against the published "
                                            "one, add fingerprint: \"" + now + "\"");
        } else if (it->second.fingerprint != now) {
            ctx.error(it->second.where, "the '" + lang + "' text of the verbatim items of " + ins.name +
                                            " differs from the official translation declared here (" +
                                            it->second.name + "); verbatim text cannot be edited: restore the "
                                            "published wording (labels, options and scores)");
        }
    }
}

namespace {

/// Reads an include entry and loads its instrument file; null when the entry is wrong, the file
/// has errors, or an optional file is absent (then recorded in Form::missingOptional).
std::shared_ptr<const Form> loadInclude(Ctx& ctx, MapReader& m, Form& form, std::string& path) {
    if (!m.ok()) return nullptr;
    m.allow({"include", "optional", "show_if"});
    const YamlNode& pathNode = *m.get("include");
    const auto text = ctx.text(pathNode, "include");
    if (!text) return nullptr;
    path = *text;
    if (!ctx.allowIncludes) {
        ctx.error(pathNode, "an instrument file cannot include another file; include both from the form");
        return nullptr;
    }
    if (!plainRelative(path)) {
        ctx.error(pathNode, "include '" + path + "' must be a .yaml file beside the form, written relative to "
                                                 "its folder without '..' (e.g. instruments/phq4.yaml)");
        return nullptr;
    }
    bool optional = false;
    if (const YamlNode* o = m.get("optional"))
        if (auto v = ctx.boolean(*o, "optional")) optional = *v;
    const std::filesystem::path base =
        ctx.includeDir.empty() ? std::filesystem::path(ctx.file()).parent_path() : std::filesystem::path(ctx.includeDir);
    const std::filesystem::path full = base / path;
    std::error_code ec;
    if (!std::filesystem::exists(full, ec)) {
        if (optional) {
            form.missingOptional.push_back(path);  // a licensed instrument the clinic has not supplied
            return nullptr;
        }
        ctx.error(pathNode, "include '" + path + "': there is no such file beside the form (" + full.string() +
                                "); add it, or mark the entry optional: true if the clinic supplies it");
        return nullptr;
    }
    LoadResult loaded = loadIncluded(full.string());
    for (const core::Error& e : loaded.errors) ctx.error(e.where, e.message);
    if (!loaded.ok()) {
        ctx.error(pathNode, "include '" + path + "' has errors (listed above)");
        return nullptr;
    }
    const Form& in = *loaded.form;
    if (!in.instrument) {
        ctx.error(pathNode, "include '" + path + "' is a form, not an instrument; an included file has an "
                                                 "instrument: block (name, version, license, source, translations)");
        return nullptr;
    }
    for (const std::string& lang : ctx.languages)
        if (std::find(in.languages.begin(), in.languages.end(), lang) == in.languages.end())
            ctx.error(pathNode, "include '" + path + "' has no '" + lang + "' text (it has " + joinList(in.languages) +
                                    "); an instrument is shown only in its official translations");
    return loaded.form;
}

/// Adds @p item (now at pages[page].items[index]) to the symbol table; a clash names both places.
void addSymbol(Ctx& ctx, const Item& item, size_t page, size_t index, const YamlNode& at, const std::string& path) {
    auto [it, inserted] = ctx.itemIndex.emplace(item.id, ctx.items.size());
    if (!inserted) {
        ctx.error(at, "item id '" + item.id + "' of " + path + " is already used at line " +
                          std::to_string(ctx.items[it->second].idLoc.line) + "; rename the form's item");
        return;
    }
    ctx.items.push_back(ItemSym{item.id, item.where, page, index, ctx.items.size(), nullptr});
}

/// What every include does once its pages or items are in place.
void registerInstrument(Ctx& ctx, Form& form, const std::shared_ptr<const Form>& in, const YamlNode& at,
                        const std::string& path) {
    Instrument ins = *in->instrument;
    ins.file = path;
    form.instruments.push_back(std::move(ins));
    for (const Score& s : in->scores) {
        ctx.scoreIds.push_back(s.id);
        if (s.method == ScoreMethod::Rule) ctx.ruleScoreIds.push_back(s.id);
    }
    ctx.included.push_back(Included{in, ctx.loc(at), path});
}

}  // namespace

void includePages(Ctx& ctx, const YamlNode& node, Form& form, std::map<std::string, core::SourceLoc>& pageIds) {
    MapReader m(ctx, node, "an include");
    std::string path;
    const auto in = loadInclude(ctx, m, form, path);
    if (!in) return;
    const YamlNode& at = *m.get("include");
    const size_t first = form.pages.size();
    for (const Page& page : in->pages) {
        ctx.unique(pageIds, page.id, at, "page id (from " + path + ")");
        form.pages.push_back(page);
        form.pages.back().instrument = in->id;
        const size_t p = form.pages.size() - 1;
        for (size_t i = 0; i < page.items.size(); ++i) addSymbol(ctx, page.items[i], p, i, at, path);
        if (const YamlNode* s = m.get("show_if")) ctx.deferred.push_back(DeferredShowIf{s, p, std::nullopt, first});
    }
    registerInstrument(ctx, form, in, at, path);
}

void includeItems(Ctx& ctx, const YamlNode& node, Form& form, size_t pageIndex) {
    MapReader m(ctx, node, "an include");
    std::string path;
    const auto in = loadInclude(ctx, m, form, path);
    if (!in) return;
    const YamlNode& at = *m.get("include");
    if (in->pages.size() != 1) {
        ctx.error(at, "include '" + path + "' has " + std::to_string(in->pages.size()) +
                          " pages; only a one-page instrument can join a page's items (include it among the pages)");
        return;
    }
    Page& page = form.pages[pageIndex];
    const size_t firstOrder = ctx.items.size();
    for (const Item& item : in->pages.front().items) {
        page.items.push_back(item);
        ctx.includedItems.insert(item.id);
        const size_t i = page.items.size() - 1;
        addSymbol(ctx, item, pageIndex, i, at, path);
        if (const YamlNode* s = m.get("show_if"))
            ctx.deferred.push_back(DeferredShowIf{s, pageIndex, i, firstOrder});
    }
    registerInstrument(ctx, form, in, at, path);
}

void addIncludedResults(Ctx& ctx, Form& form) {
    for (const Included& inc : ctx.included) {
        for (const Score& s : inc.form->scores) {
            if (form.findScore(s.id) != nullptr) {
                ctx.error(inc.at, "score id '" + s.id + "' of " + inc.path + " is also a score of the form; rename the form's");
                continue;
            }
            form.scores.push_back(s);
        }
        for (const Flag& f : inc.form->flags) {
            const bool clash = std::any_of(form.flags.begin(), form.flags.end(), [&](const Flag& g) { return g.id == f.id; });
            if (clash) {
                ctx.error(inc.at, "flag id '" + f.id + "' of " + inc.path + " is also a flag of the form; rename the form's");
                continue;
            }
            form.flags.push_back(f);
        }
    }
}

}  // namespace kiosk::forms::detail
