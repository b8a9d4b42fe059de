// import-fhir, the whole file: JSON and version checks, linkIds (missing, duplicate, enableWhen
// cycles), then the items (fhir_import_items.cpp), the languages and the YAML.
// [SECTION] index: context · checks before converting · the form
#include "kiosk/forms/fhir_import.h"

#include <algorithm>
#include <functional>

#include "kiosk/forms/fhir_import_ctx.h"
#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/yaml_emit.h"

namespace kiosk::forms {
namespace detail {

// [SECTION] context
void ImportCtx::error(const std::string& path, const std::string& message) {
    m_errors.push_back(core::makeError(core::ErrorCode::Invalid, path + ": " + message, core::SourceLoc{m_file}));
}

void ImportCtx::warn(const std::string& path, const std::string& linkId, const std::string& message) {
    m_warnings.push_back(m_file + ": warning: " + path + (linkId.empty() ? "" : " (linkId '" + linkId + "')") + ": " +
                         message);
}

std::string ImportCtx::uniqueId(const std::string& linkId) {
    const std::string base = idFromLinkId(linkId);
    std::string id = base;
    for (int n = 2; !m_ids.insert(id).second; ++n) {
        const std::string suffix = "_" + std::to_string(n);
        id = base.substr(0, 64 - suffix.size()) + suffix;
    }
    return id;
}

std::string languageOf(const std::string& code) {
    std::string lang = code.substr(0, code.find_first_of("-_"));
    std::transform(lang.begin(), lang.end(), lang.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    const bool ok = lang.size() >= 2 && lang.size() <= 3 &&
                    std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return ok ? lang : std::string();
}

ojson ImportCtx::text(const std::string& value, const json* element) {
    ojson out = ojson::object();
    out[primary] = value;
    if (element != nullptr && element->is_object() && element->contains("extension") && (*element)["extension"].is_array()) {
        for (const json& ext : (*element)["extension"]) {
            if (!ext.is_object() || ext.value("url", "") != "http://hl7.org/fhir/StructureDefinition/translation") continue;
            std::string lang, content;
            for (const json& part : ext.value("extension", json::array())) {
                if (!part.is_object()) continue;
                if (part.value("url", "") == "lang" && part.contains("valueCode") && part["valueCode"].is_string())
                    lang = languageOf(part["valueCode"].get<std::string>());
                if (part.value("url", "") == "content" && part.contains("valueString") && part["valueString"].is_string())
                    content = part["valueString"].get<std::string>();
            }
            if (!lang.empty() && lang != primary && !content.empty()) out[lang] = content;
        }
    }
    ++m_texts;
    for (const auto& [lang, v] : out.items()) ++m_langUses[lang];
    return out;
}

std::vector<std::string> ImportCtx::keptLanguages(const std::string& path) {
    std::vector<std::string> kept{primary};
    for (const auto& [lang, uses] : m_langUses) {
        if (lang == primary) continue;
        if (uses == m_texts) {
            kept.push_back(lang);
        } else {
            warn(path, "", "language '" + lang + "' dropped: " + std::to_string(uses) + " of " + std::to_string(m_texts) +
                               " texts are translated, and the kiosk shows a language only when every text has it");
        }
    }
    return kept;
}

namespace {

/// Keeps only @p langs in every translated text of @p v (the keys form files translate).
void filterLanguages(ojson& v, const std::vector<std::string>& langs) {
    static const std::set<std::string> kTextKeys = {"title", "description", "label", "help", "unit", "min_label", "max_label",
                                                     "entry_label"};
    if (v.is_array()) {
        for (ojson& e : v) filterLanguages(e, langs);
        return;
    }
    if (!v.is_object()) return;
    for (auto& [key, e] : v.items()) {
        if (kTextKeys.count(key) && e.is_object()) {
            ojson kept = ojson::object();
            for (const std::string& l : langs)
                if (e.contains(l)) kept[l] = e[l];
            e = std::move(kept);
        } else {
            filterLanguages(e, langs);
        }
    }
}

// [SECTION] checks before converting
/// Where an item is written in another FHIR version than R4: the JSON path and which version.
struct VersionHint {
    std::string path, version, why;
};

/// "item[0].required: expected true or false, not string": the elements of an item the import
/// reads, each of the JSON type R4 gives it (a hand-edited "required": "true" is the usual slip);
/// false when one is not. enableWhen entries too.
bool typesFit(ImportCtx& ctx, const json& item, const std::string& at) {
    bool ok = true;
    auto expect = [&](const json& of, const std::string& path, const char* key, bool (json::*is)() const noexcept,
                      const char* what) {
        if (!of.contains(key) || (of[key].*is)()) return;
        ctx.error(path + "." + key, std::string("expected ") + what + ", not " + of[key].type_name());
        ok = false;
    };
    for (const char* key : {"required", "repeats", "readOnly"}) expect(item, at, key, &json::is_boolean, "true or false");
    for (const char* key : {"type", "text", "prefix", "enableBehavior"}) expect(item, at, key, &json::is_string, "a string");
    for (const char* key : {"extension", "modifierExtension", "enableWhen", "answerOption", "initial"})
        expect(item, at, key, &json::is_array, "a list");
    if (ok && item.contains("enableWhen"))
        for (size_t i = 0; i < item["enableWhen"].size(); ++i) {
            const json& ew = item["enableWhen"][i];
            const std::string path = at + ".enableWhen[" + std::to_string(i) + "]";
            if (!ew.is_object()) {
                ctx.error(path, "an enableWhen must be an object, not " + std::string(ew.type_name()));
                ok = false;
                continue;
            }
            for (const char* key : {"question", "operator"}) expect(ew, path, key, &json::is_string, "a string");
            expect(ew, path, "answerBoolean", &json::is_boolean, "true or false");
        }
    return ok;
}

/// Every linkId with its path; duplicates and missing ones are errors. Notes the first sign of
/// STU3 or R5 and the enableWhen edges (item -> question) for the cycle check.
void scan(ImportCtx& ctx, const json& items, const std::string& path, std::map<std::string, std::string>& paths,
          std::optional<VersionHint>& version, std::map<std::string, std::vector<std::string>>& edges,
          const std::vector<std::string>& inherited) {
    if (!items.is_array()) {
        ctx.error(path, "'item' must be a list of items, not " + std::string(items.type_name()));
        return;
    }
    for (size_t i = 0; i < items.size(); ++i) {
        const json& item = items[i];
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            ctx.error(at, "an item must be an object, not " + std::string(item.type_name()));
            continue;
        }
        if (!typesFit(ctx, item, at)) continue;
        if (!version) {
            if (item.contains("option") || item.contains("options") || item.contains("initialString") ||
                item.contains("initialBoolean") || item.contains("initialCoding"))
                version = VersionHint{at, "STU3", "'option' / 'options' / 'initial[x]' are STU3's names"};
            else if (item.contains("answerConstraint") || item.contains("disabledDisplay") ||
                     item.value("type", "") == "coding" || item.value("type", "") == "question")
                version = VersionHint{at, "R5", "'answerConstraint', 'disabledDisplay' and the types coding / question are R5's"};
            for (const json& ew : item.value("enableWhen", json::array()))
                if (!version && ew.is_object() && ew.contains("hasAnswer"))
                    version = VersionHint{at, "STU3", "enableWhen.hasAnswer is STU3's (R4: operator exists)"};
        }
        std::string linkId;
        if (!item.contains("linkId") || !item["linkId"].is_string() || item["linkId"].get<std::string>().empty()) {
            ctx.error(at + ".linkId", "every item needs a linkId (a non-empty string)");
        } else {
            linkId = item["linkId"].get<std::string>();
            const auto [it, inserted] = paths.emplace(linkId, at);
            if (!inserted)
                ctx.error(at + ".linkId", "duplicate linkId '" + linkId + "': " + it->second +
                                              " has it already (linkIds are unique in a Questionnaire)");
        }
        std::vector<std::string> deps = inherited;
        if (item.contains("enableWhen") && item["enableWhen"].is_array())
            for (const json& ew : item["enableWhen"])
                if (ew.is_object() && ew.contains("question") && ew["question"].is_string())
                    deps.push_back(ew["question"].get<std::string>());
        if (!linkId.empty())
            for (const std::string& d : deps) edges[linkId].push_back(d);
        if (item.contains("item")) {
            // A group's conditions hold for its items; a question's children have their own.
            scan(ctx, item["item"], at + ".item", paths, version, edges,
                 item.value("type", "") == "group" ? deps : std::vector<std::string>{});
        }
    }
}

/// enableWhen cycles ('a' shown when 'b' is, 'b' when 'a' is): an error at the first item of each.
void checkCycles(ImportCtx& ctx, const std::map<std::string, std::vector<std::string>>& edges,
                 const std::map<std::string, std::string>& paths) {
    std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
    std::vector<std::string> stack;
    std::function<void(const std::string&)> visit = [&](const std::string& node) {
        state[node] = 1;
        stack.push_back(node);
        const auto it = edges.find(node);
        if (it != edges.end()) {
            for (const std::string& next : it->second) {
                if (state[next] == 1) {
                    std::string cycle;
                    for (auto s = std::find(stack.begin(), stack.end(), next); s != stack.end(); ++s) cycle += "'" + *s + "' -> ";
                    const auto p = paths.find(next);
                    ctx.error((p == paths.end() ? "item" : p->second) + ".enableWhen",
                              "enableWhen cycle " + cycle + "'" + next + "': no item of it could ever be shown");
                } else if (state[next] == 0 && paths.count(next)) {
                    visit(next);
                }
            }
        }
        stack.pop_back();
        state[node] = 2;
    };
    for (const auto& [node, out] : edges)
        if (state[node] == 0) visit(node);
}

/// Line and column of byte @p offset of @p text.
std::string position(const std::string& text, std::size_t offset) {
    int line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

}  // namespace
}  // namespace detail

// [SECTION] the form
namespace {

FhirImport importChecked(std::string_view text, const std::string& displayPath) {
    using namespace detail;
    FhirImport out;
    ImportCtx ctx(displayPath);
    const std::string source(text);
    json q;
    try {
        q = json::parse(source);
    } catch (const json::parse_error& e) {
        ctx.error("$", "not JSON (at " + position(source, e.byte) + "); a FHIR Questionnaire is a JSON file");
        out.errors = std::move(ctx.errors());
        return out;
    }
    if (q.is_object() && q.contains("resourceType") && !q["resourceType"].is_string()) {
        ctx.error("resourceType", "expected a string, not " + std::string(q["resourceType"].type_name()));
        out.errors = std::move(ctx.errors());
        return out;
    }
    const std::string type = q.is_object() ? q.value("resourceType", "") : std::string();
    if (!q.is_object() || type != "Questionnaire") {
        ctx.error(q.is_object() ? "resourceType" : "$",
                  !q.is_object()    ? "a FHIR Questionnaire is a JSON object, not " + std::string(q.type_name())
                  : type.empty()   ? "no resourceType: this is not a FHIR resource"
                                   : "this is a FHIR " + type + ", not a Questionnaire");
        out.errors = std::move(ctx.errors());
        return out;
    }
    if (!q.contains("item")) {
        ctx.error("item", "the Questionnaire has no items: nothing to ask");
        out.errors = std::move(ctx.errors());
        return out;
    }
    std::map<std::string, std::string> paths;
    std::optional<VersionHint> version;
    std::map<std::string, std::vector<std::string>> edges;
    scan(ctx, q["item"], "item", paths, version, edges, {});
    if (version) {
        ctx.error(version->path, "this Questionnaire is FHIR " + version->version + ", not R4 (" + version->why +
                                     "); convert it to R4 first");
    }
    if (ctx.errors().empty()) checkCycles(ctx, edges, paths);
    if (!ctx.errors().empty()) {
        out.errors = std::move(ctx.errors());
        return out;
    }

    if (q.contains("language") && q["language"].is_string()) {
        const std::string lang = languageOf(q["language"].get<std::string>());
        if (lang.empty()) ctx.warn("language", "", "not a language code the kiosk knows; texts are taken as English");
        else ctx.primary = lang;
    }
    ojson form = ojson::object();
    auto str = [&](const char* key) { return q.contains(key) && q[key].is_string() ? q[key].get<std::string>() : std::string(); };
    const std::string name = !str("name").empty() ? str("name") : !str("id").empty() ? str("id") : "imported";
    out.formId = idFromLinkId(name);
    form["id"] = out.formId;
    form["version"] = 1;
    form["languages"] = ojson::array();
    const std::string title = !str("title").empty() ? str("title") : name;
    form["title"] = ctx.text(title, q.contains("_title") ? &q["_title"] : nullptr);
    if (!str("description").empty())
        form["description"] = ctx.text(str("description"), q.contains("_description") ? &q["_description"] : nullptr);
    if (!str("copyright").empty()) form["license"] = ojson{{"text", str("copyright")}};
    if (!str("url").empty()) {
        form["fhir"] = ojson{{"url", str("url")}};
        if (!str("version").empty()) form["fhir"]["version"] = str("version");
    } else {
        ctx.warn("url", "", "the Questionnaire has no url: exported responses will point at the kiosk's own "
                            "Questionnaire (`intake-kiosk form export-fhir`)");
    }
    for (const char* key : {"extension", "modifierExtension"})
        for (const json& ext : q.value(key, json::array()))
            if (ext.is_object()) ctx.warn(key, "", "extension " + ext.value("url", "?") + " dropped (the kiosk does not use it)");

    std::vector<OutPage> pages = importItems(ctx, q);
    resolveConditions(ctx, pages);
    if (pages.empty()) ctx.error("item", "no item of the Questionnaire can be asked on the kiosk");
    if (!ctx.errors().empty()) {
        out.errors = std::move(ctx.errors());
        out.warnings = std::move(ctx.warnings());
        return out;
    }
    ojson list = ojson::array();
    for (OutPage& p : pages) {
        ojson items = ojson::array();
        for (OutItem& i : p.items) items.push_back(std::move(i.yaml));
        p.yaml["items"] = std::move(items);
        list.push_back(std::move(p.yaml));
    }
    form["pages"] = std::move(list);
    const std::vector<std::string> langs = ctx.keptLanguages("language");
    for (const std::string& l : langs) form["languages"].push_back(l);
    filterLanguages(form, langs);
    out.yaml = "# yaml-language-server: $schema=form.schema.json\n# Imported from " + displayPath +
               " by `intake-kiosk import-fhir`.\n" + toYaml(form);
    out.warnings = std::move(ctx.warnings());
    return out;
}

}  // namespace

FhirImport importFhirQuestionnaire(std::string_view text, const std::string& displayPath) {
    try {
        return importChecked(text, displayPath);
    } catch (const detail::json::exception& e) {
        // A value of a type R4 does not give it, somewhere typesFit() does not look: an error, not
        // an abort. The Questionnaire is a form, not patient data: its own words may be said.
        FhirImport out;
        detail::ImportCtx ctx(displayPath);
        ctx.error("$", std::string("a value is not of the JSON type FHIR R4 gives it (") + e.what() +
                           "); check the Questionnaire against the R4 schema");
        out.errors = std::move(ctx.errors());
        return out;
    }
}

}  // namespace kiosk::forms
