// import-fhir, the items: pages from groups, each item type and answer options (see fhir_import.h
// for the mapping; enableWhen -> show_if in fhir_import_conditions.cpp).
// [SECTION] index: extensions · options · items · pages
#include <algorithm>
#include <cmath>

#include "kiosk/forms/fhir_import_ctx.h"
#include "kiosk/forms/fhir_link.h"

namespace kiosk::forms::detail {
namespace {

const char* const kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
const char* const kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
const char* const kMaxOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
const char* const kItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

std::string str(const json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) && obj[key].is_string() ? obj[key].get<std::string>() : std::string();
}

const json* element(const json& obj, const std::string& key) {
    return obj.contains("_" + key) ? &obj["_" + key] : nullptr;
}

// [SECTION] extensions
/// What the importer does with an item's extensions: read them (bounds, unit, slider, scores...),
/// or ignore presentation-only ones; every other extension is a warning.
struct ItemExtensions {
    std::optional<double> min, max;
    std::string unit, control;
    json unitText;  ///< the unit's `_display` (its translations), null when it has none
    std::optional<int> decimals;
    std::optional<int> maxOccurs;  ///< questionnaire-maxOccurs: a repeating item's most answers
    std::optional<int> minOccurs;  ///< questionnaire-minOccurs: a repeating group's fewest entries
    bool hidden = false;
};

std::optional<double> numberOf(const json& ext) {
    for (const char* k : {"valueInteger", "valueDecimal"})
        if (ext.contains(k) && ext[k].is_number()) return ext[k].get<double>();
    return std::nullopt;
}

ItemExtensions readExtensions(ImportCtx& ctx, const json& item, const std::string& path, const std::string& linkId) {
    static const std::set<std::string> kPresentation = {
        "http://hl7.org/fhir/StructureDefinition/rendering-xhtml",
        "http://hl7.org/fhir/StructureDefinition/rendering-style",
        "http://hl7.org/fhir/StructureDefinition/entryFormat",
        "http://hl7.org/fhir/StructureDefinition/questionnaire-supportLink",
        "http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory",
        "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation",
        "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue",
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText",
    };
    ItemExtensions x;
    const json list = item.value("extension", json::array());
    for (size_t i = 0; i < list.size(); ++i) {
        const json& ext = list[i];
        const std::string url = str(ext, "url");
        const std::string at = path + ".extension[" + std::to_string(i) + "]";
        if (url == kMinValue) x.min = numberOf(ext);
        else if (url == kMaxValue) x.max = numberOf(ext);
        else if (url == "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces" && ext.contains("valueInteger"))
            x.decimals = std::clamp(ext["valueInteger"].get<int>(), 0, 6);
        else if (url == "http://hl7.org/fhir/StructureDefinition/questionnaire-unit") {
            x.unit = ext.contains("valueCoding") ? (str(ext["valueCoding"], "display").empty() ? str(ext["valueCoding"], "code")
                                                                                            : str(ext["valueCoding"], "display"))
                                                 : std::string();
            if (!x.unit.empty() && !str(ext["valueCoding"], "display").empty())
                if (const json* t = element(ext["valueCoding"], "display")) x.unitText = *t;
        }
        else if (url == kItemControl && ext.contains("valueCodeableConcept"))
            for (const json& c : ext["valueCodeableConcept"].value("coding", json::array())) x.control = str(c, "code");
        else if (url == kMaxOccurs && ext.contains("valueInteger") && ext["valueInteger"].is_number_integer())
            x.maxOccurs = ext["valueInteger"].get<int>();
        else if (url == "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs" && ext.contains("valueInteger") &&
                 ext["valueInteger"].is_number_integer())
            x.minOccurs = ext["valueInteger"].get<int>();
        else if (url == "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden")
            x.hidden = ext.value("valueBoolean", false);
        else if (kPresentation.count(url)) continue;
        else if (url.find("calculatedExpression") != std::string::npos)
            ctx.warn(at, linkId, "calculatedExpression dropped: the kiosk does not compute answers, the patient gives them");
        else if (url.find("enableWhenExpression") != std::string::npos)
            ctx.warn(at, linkId, "enableWhenExpression dropped: the item is shown whatever the expression says");
        else
            ctx.warn(at, linkId, "extension " + (url.empty() ? std::string("without url") : url) + " dropped (the kiosk does not use it)");
    }
    return x;
}

// [SECTION] options
/// The answer options of a choice item: answerOption, or the contained ValueSet of answerValueSet.
/// Each as {value, label, code, system, code_type}; @p sym learns code -> value.
ojson readOptions(ImportCtx& ctx, const json& q, const json& item, const std::string& path, const std::string& linkId,
                  bool allowScore, FhirItemSym& sym) {
    ojson options = ojson::array();
    std::set<std::string> values;
    auto add = [&](const std::string& code, const std::string& system, const std::string& codeType, ojson label,
                   std::optional<double> score, bool exclusive) {
        std::string value = optionIdFromCode(code);
        for (int n = 2; !values.insert(value).second; ++n) value = optionIdFromCode(code) + "_" + std::to_string(n);
        ojson o{{"value", value}, {"label", std::move(label)}};
        if (score && allowScore) o["score"] = *score;
        if (exclusive) o["exclusive"] = true;
        o["code"] = code;
        if (!system.empty()) o["system"] = system;
        if (codeType != "coding") o["code_type"] = codeType;
        sym.codes[code] = value;
        options.push_back(std::move(o));
    };
    if (item.contains("answerOption")) {
        const json& list = item["answerOption"];
        for (size_t i = 0; i < list.size(); ++i) {
            const json& opt = list[i];
            const std::string at = path + ".answerOption[" + std::to_string(i) + "]";
            std::optional<double> score;
            bool exclusive = false;
            for (const json& ext : opt.value("extension", json::array())) {
                const std::string url = str(ext, "url");
                if (url.find("ordinalValue") != std::string::npos || url.find("iso21090-CO-value") != std::string::npos ||
                    url.find("itemWeight") != std::string::npos)
                    score = numberOf(ext);
                else if (url.find("optionExclusive") != std::string::npos)
                    exclusive = ext.value("valueBoolean", false);
                else if (!url.empty() && url.find("rendering-") == std::string::npos)
                    ctx.warn(at, linkId, "extension " + url + " of an option dropped");
            }
            const size_t before = options.size();
            if (opt.contains("valueCoding") && opt["valueCoding"].is_object()) {
                const json& c = opt["valueCoding"];
                for (const json& ext : c.value("extension", json::array())) {
                    const std::string url = str(ext, "url");
                    if (url.find("ordinalValue") != std::string::npos || url.find("iso21090-CO-value") != std::string::npos)
                        score = numberOf(ext);
                }
                const std::string code = str(c, "code").empty() ? str(c, "display") : str(c, "code");
                if (code.empty()) {
                    ctx.warn(at, linkId, "an option without code or display dropped");
                    continue;
                }
                const std::string display = str(c, "display").empty() ? code : str(c, "display");
                add(code, str(c, "system"), "coding", ctx.text(display, element(c, "display")), score, exclusive);
            } else if (opt.contains("valueString") && opt["valueString"].is_string()) {
                const std::string v = opt["valueString"].get<std::string>();
                add(v, "", "string", ctx.text(v, element(opt, "valueString")), score, exclusive);
            } else if (opt.contains("valueInteger") && opt["valueInteger"].is_number_integer()) {
                const std::string v = std::to_string(opt["valueInteger"].get<long long>());
                add(v, "", "integer", ctx.text(v, nullptr), score ? score : opt["valueInteger"].get<double>(), exclusive);
            } else if (opt.contains("valueDate") && opt["valueDate"].is_string()) {
                const std::string v = opt["valueDate"].get<std::string>();
                add(v, "", "date", ctx.text(v, nullptr), score, exclusive);
            } else {
                ctx.warn(at, linkId, "an option that is no coding, string, integer or date dropped");
            }
            if (options.size() > before && opt.value("initialSelected", false))
                sym.selected.push_back(options.back()["value"].get<std::string>());
        }
    } else if (item.contains("answerValueSet")) {
        const std::string ref = str(item, "answerValueSet");
        // A contained ValueSet, named "#id" or (as some authoring tools write) by its url.
        const json* vs = nullptr;
        if (!ref.empty() && q.contains("contained") && q["contained"].is_array())
            for (const json& c : q["contained"])
                if (str(c, "resourceType") == "ValueSet" && ((ref[0] == '#' && str(c, "id") == ref.substr(1)) || str(c, "url") == ref))
                    vs = &c;
        if (vs == nullptr) {
            ctx.warn(path + ".answerValueSet", linkId,
                     "value set '" + ref + "' is not contained in the Questionnaire, so its options are unknown here");
            return options;
        }
        auto concept = [&](const std::string& system, const json& c) {
            const std::string code = str(c, "code");
            if (code.empty()) return;
            const std::string display = str(c, "display").empty() ? code : str(c, "display");
            std::optional<double> score;
            for (const json& ext : c.value("extension", json::array()))
                if (str(ext, "url").find("ordinalValue") != std::string::npos ||
                    str(ext, "url").find("itemWeight") != std::string::npos)
                    score = numberOf(ext);
            add(code, system, "coding", ctx.text(display, element(c, "display")), score, false);
        };
        if (vs->contains("expansion"))
            for (const json& c : (*vs)["expansion"].value("contains", json::array())) concept(str(c, "system"), c);
        else if (vs->contains("compose"))
            for (const json& inc : (*vs)["compose"].value("include", json::array()))
                for (const json& c : inc.value("concept", json::array())) concept(str(inc, "system"), c);
        if (options.empty())
            ctx.warn(path + ".answerValueSet", linkId,
                     "value set '" + ref + "' lists no concepts (only filters or other value sets), so its options are unknown here");
    }
    return options;
}

// [SECTION] items
/// The initial value(s) of @p item as text to show ("12", "2020-01-02", a coding's display, a
/// quantity with its unit; several joined by ", "); nullopt when there is none, or one that reads
/// differently in every language (a boolean) or cannot be shown (an attachment, a reference).
std::optional<std::string> initialText(const json& item) {
    if (!item.contains("initial") || !item["initial"].is_array() || item["initial"].empty()) return std::nullopt;
    std::string out;
    for (const json& v : item["initial"]) {
        std::string one;
        for (const char* k : {"valueString", "valueDate", "valueDateTime", "valueTime", "valueUri"})
            if (v.contains(k) && v[k].is_string()) one = v[k].get<std::string>();
        for (const char* k : {"valueInteger", "valueDecimal"})
            if (v.contains(k) && v[k].is_number()) one = v[k].dump();
        if (v.contains("valueCoding") && v["valueCoding"].is_object())
            one = str(v["valueCoding"], "display").empty() ? str(v["valueCoding"], "code") : str(v["valueCoding"], "display");
        if (v.contains("valueQuantity") && v["valueQuantity"].is_object() && v["valueQuantity"].contains("value") &&
            v["valueQuantity"]["value"].is_number()) {
            const json& q = v["valueQuantity"];
            one = q["value"].dump() + (str(q, "unit").empty() ? "" : " " + str(q, "unit"));
        }
        if (one.empty()) return std::nullopt;
        out += (out.empty() ? "" : ", ") + one;
    }
    return out;
}

/// The label of an item: its prefix and text ("1." + "How often..."), else its linkId.
ojson labelOf(ImportCtx& ctx, const json& item, const std::string& linkId) {
    std::string text = str(item, "text");
    const std::string prefix = str(item, "prefix");
    if (text.empty()) text = linkId;
    ojson label = ctx.text(text, element(item, "text"));
    if (!prefix.empty())
        for (auto& [lang, v] : label.items()) v = prefix + " " + v.get<std::string>();
    return label;
}

bool whole(double v) { return std::isfinite(v) && v == std::floor(v); }

/// Does @p text read as the name of one entry ("Medication", "Prior surgery")? At most 5 words and
/// 40 characters, not a question or a sentence: "Which medicines do you take?" on a card reads
/// "Which medicines do you take? 1". A trailing ':' is dropped.
std::optional<std::string> entryName(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == ':')) text.pop_back();
    while (!text.empty() && text.front() == ' ') text.erase(0, 1);
    size_t chars = 0, words = text.empty() ? 0 : 1;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
        if (text[i] == ' ' && i + 1 < text.size() && text[i + 1] != ' ') ++words;
    }
    if (text.empty() || chars > 40 || words > 5 || text.find('?') != std::string::npos || text.back() == '.')
        return std::nullopt;
    return text;
}

/// What one entry of a repeating group is called, as a list's entry_label: its SDC shortText (the
/// short text of the item, translated like any text), else its own text when that reads as a
/// name. The kiosk numbers the cards with it ("Medication 1") and names its add button after it
/// ("Add Medication 2"); nullopt leaves the kiosk's "Entry".
std::optional<ojson> entryLabelOf(ImportCtx& ctx, const json& group) {
    for (const json& ext : group.value("extension", json::array()))
        if (str(ext, "url") == "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText" &&
            !str(ext, "valueString").empty())
            return ctx.text(str(ext, "valueString"), element(ext, "valueString"));
    if (str(group, "text").empty()) return std::nullopt;
    ojson label = ctx.text(str(group, "text"), element(group, "text"));
    for (auto& [lang, v] : label.items()) {
        const std::optional<std::string> name = entryName(v.get<std::string>());
        if (!name) return std::nullopt;
        v = *name;
    }
    return label;
}

/// Fills @p out (id, type, label set) for the FHIR @p type; false when the item is dropped.
bool mapType(ImportCtx& ctx, const json& q, const json& item, const std::string& type, const std::string& path,
             const std::string& linkId, ojson& out, FhirItemSym& sym) {
    const ItemExtensions x = readExtensions(ctx, item, path, linkId);
    const bool repeats = item.value("repeats", false);
    auto setType = [&](const std::string& t) {
        ojson front{{"id", out["id"]}, {"type", t}};
        for (auto& [k, v] : out.items())
            if (k != "id") front[k] = v;
        out = std::move(front);
        sym.type = t;
    };
    if (x.hidden) {
        ctx.warn(path, linkId, "a hidden item (questionnaire-hidden) is not asked");
        return false;
    }
    const bool textual = type == "string" || type == "text";
    // Numbers and dates repeat as a list of values (at most maxOccurs, else the kiosk's 10, 50 at most).
    auto listRepeats = [&] {
        out["repeats"] = true;
        if (x.maxOccurs) out["max_answers"] = std::clamp(*x.maxOccurs, 2, 50);
    };
    const bool listed = type == "integer" || type == "decimal" || type == "quantity" || type == "date" || type == "dateTime";
    if (x.maxOccurs && !(repeats && listed))
        ctx.warn(path, linkId, "maxOccurs dropped: only a repeating number or date takes a most number of answers");
    if (repeats && !textual && !listed && type != "choice" && type != "open-choice" && type != "group")
        ctx.warn(path, linkId,
                 "repeats dropped: the kiosk takes one " + type + " answer (choices repeat as multi, text one answer a line)");
    if (type == "display") {
        setType("info");
    } else if (type == "string" || type == "text" || type == "url" || type == "time") {
        setType("text");
        if (type == "text" || (repeats && textual)) out["keyboard"] = "multiline";
        if (repeats && textual) out["repeats"] = true;  // one answer a line
        if (type == "time") ctx.warn(path, linkId, "a time item is asked as text");
        if (item.contains("maxLength") && item["maxLength"].is_number_integer())
            out["max_length"] = std::clamp(item["maxLength"].get<int>(), 1, 10000);
    } else if (type == "integer" || type == "decimal" || type == "quantity") {
        const bool integer = type == "integer";
        const bool slider = integer && x.control == "slider" && x.min && x.max && whole(*x.min) && whole(*x.max) &&
                            *x.max > *x.min && *x.max - *x.min <= 20;
        setType(slider ? "scale" : "number");
        if (x.min) out["min"] = integer ? ojson(static_cast<long long>(*x.min)) : ojson(*x.min);
        if (x.max) out["max"] = integer ? ojson(static_cast<long long>(*x.max)) : ojson(*x.max);
        if (x.min && x.max && !(*x.min < *x.max)) {
            ctx.warn(path, linkId, "minValue is not below maxValue: both dropped");
            out.erase("min");
            out.erase("max");
        }
        if (!integer && !slider) {
            const int decimals = x.decimals.value_or(1);
            out["decimals"] = decimals;
            out["step"] = std::pow(10.0, -decimals);
        }
        if (!x.unit.empty() && !slider) out["unit"] = ctx.text(x.unit, x.unitText.is_null() ? nullptr : &x.unitText);
        if (type == "quantity") ctx.warn(path, linkId, "a quantity is asked as a number; its unit choice is dropped");
        if (repeats && slider)
            ctx.warn(path, linkId, "repeats dropped: a slider is asked once, as a scale");
        else if (repeats)
            listRepeats();
    } else if (type == "boolean") {
        setType("yes_no");
    } else if (type == "date" || type == "dateTime") {
        setType("date");
        if (type == "dateTime") ctx.warn(path, linkId, "a dateTime is asked as a date: the time of day is dropped");
        if (repeats) listRepeats();
    } else if (type == "choice" || type == "open-choice") {
        ojson options = readOptions(ctx, q, item, path, linkId, !repeats, sym);
        if (type == "open-choice") ctx.warn(path, linkId, "open-choice: only the options are offered, no free-text answer");
        if (options.empty()) {
            ctx.warn(path, linkId, "a choice without options the kiosk can list is asked as text");
            setType("text");
            return true;
        }
        // One option cannot make a single choice: a multi of one is "tick it or not".
        const bool multi = repeats || options.size() < 2;
        setType(multi ? "multi" : "single");
        if (!repeats && multi) out["max_selected"] = 1;
        out["options"] = std::move(options);
    } else if (type == "attachment" || type == "reference") {
        ctx.warn(path, linkId, "a " + type + " item is dropped: the kiosk cannot take one");
        return false;
    } else {
        ctx.warn(path, linkId, "item type '" + type + "' is not an R4 type the kiosk knows; the item is dropped");
        return false;
    }
    return true;
}

// [SECTION] pages
/// Can a repeating group become a list? When one of its items is a question an entry can hold (a
/// simple type, not read-only or hidden); else it is asked once, as a plain group.
bool listable(const json& group) {
    static const std::set<std::string> kSimple = {"string", "text", "url", "time", "integer", "decimal", "quantity",
                                                   "date", "dateTime", "boolean", "choice", "open-choice"};
    for (const json& child : group.value("item", json::array())) {
        if (!child.is_object() || !kSimple.count(str(child, "type")) || child.value("readOnly", false)) continue;
        bool hidden = false;
        for (const json& ext : child.value("extension", json::array()))
            hidden = hidden || (str(ext, "url") == "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden" &&
                                ext.value("valueBoolean", false));
        if (!hidden) return true;
    }
    return false;
}

struct Walker {
    ImportCtx& ctx;
    const json& q;
    std::vector<OutPage> pages;
    size_t order = 0;

    OutPage& newPage(const std::string& linkId, ojson title, const std::string& path, bool keepLinkId) {
        OutPage p;
        const std::string id = ctx.uniqueId(linkId);
        p.yaml = ojson{{"id", id}};
        if (keepLinkId && id != linkId) p.yaml["link_id"] = linkId;
        p.yaml["title"] = std::move(title);
        p.linkId = linkId;
        p.path = path;
        p.firstOrder = order;
        pages.push_back(std::move(p));
        return pages.back();
    }

    /// Adds @p item (and what it holds) to the last page; @p inherited: its groups' conditions.
    void add(const json& item, const std::string& path, const std::vector<PendingCondition>& inherited) {
        const std::string linkId = str(item, "linkId");
        const std::string type = str(item, "type");
        std::vector<PendingCondition> conds = inherited;
        if (item.contains("enableWhen") && item["enableWhen"].is_array() && !item["enableWhen"].empty())
            conds.push_back(PendingCondition{&item["enableWhen"], str(item, "enableBehavior"), path + ".enableWhen"});
        const bool readOnly = item.value("readOnly", false) && type != "display" && type != "group";
        const std::optional<std::string> initial = initialText(item);
        if (item.contains("initial") && readOnly && !initial)
            ctx.warn(path + ".initial", linkId,
                     "initial value dropped: the kiosk cannot show this kind of value in a read-only text");
        if (type == "group") {
            if (item.value("repeats", false)) {
                if (listable(item)) return (void)addList(item, path, conds);
                ctx.warn(path, linkId, "a repeating group without questions a list entry can hold is asked once, its items one answer each");
            }
            readExtensions(ctx, item, path, linkId);
            if (!str(item, "text").empty()) {  // its heading, as an info item
                OutItem heading;
                heading.yaml = ojson{{"id", ctx.uniqueId(linkId)}, {"type", "info"}};
                if (heading.yaml["id"] != linkId) heading.yaml["link_id"] = linkId;
                heading.yaml["label"] = labelOf(ctx, item, linkId);
                heading.conditions = conds;
                heading.linkId = linkId;
                heading.path = path;
                heading.order = order++;
                pages.back().items.push_back(std::move(heading));
            }
            addChildren(item, path, conds);
            return;
        }
        if (readOnly)
            ctx.warn(path, linkId, initial ? "readOnly: shown as text with its initial value, no answer is recorded"
                                           : "readOnly: shown as text, no answer is recorded");
        OutItem out;
        FhirItemSym sym;
        out.yaml = ojson{{"id", ctx.uniqueId(linkId)}};
        sym.id = out.yaml["id"];
        out.yaml["label"] = labelOf(ctx, item, linkId);
        if (readOnly && initial)  // "Reason for visit: follow-up", in every language of the label
            for (auto& [lang, v] : out.yaml["label"].items()) v = v.get<std::string>() + ": " + *initial;
        const std::string kioskType = readOnly ? std::string("display") : type;
        if (mapType(ctx, q, item, kioskType, path, linkId, out.yaml, sym)) {
            if (out.yaml["id"] != linkId) out.yaml["link_id"] = linkId;
            if (item.value("required", false) && sym.type != "info") out.yaml["required"] = true;
            if (sym.type != "info")
                if (auto value = importInitial(ctx, item, out.yaml, sym, path, linkId)) out.yaml["initial"] = std::move(*value);
            out.conditions = conds;
            out.linkId = linkId;
            out.path = path;
            out.order = order++;
            sym.order = out.order;
            if (sym.type != "info") ctx.byLinkId[linkId] = sym;
            pages.back().items.push_back(std::move(out));
        }
        // A question's own children: follow-up questions, asked after it.
        addChildren(item, path, {});
    }

    /// A repeating group of simple questions (listable) as a list item on the last page, its
    /// entries each answering the questions. What a field cannot hold is dropped with a warning
    /// naming it; past the loader's bound on fields the rest are dropped too.
    void addList(const json& group, const std::string& path, const std::vector<PendingCondition>& conds) {
        const std::string linkId = str(group, "linkId");
        ojson fields = ojson::array();
        FhirItemSym sym;  // conditions may ask whether it is answered, never look inside
        const json children = group.value("item", json::array());
        // A group without text of its own is asked by its first display item ("Please provide the
        // following medication details..."), else the patient would read its linkId.
        json asked = group;
        size_t intro = children.size();
        for (size_t i = 0; i < children.size() && str(group, "text").empty(); ++i)
            if (str(children[i], "type") == "display" && !str(children[i], "text").empty()) {
                intro = i;
                asked["text"] = children[i]["text"];
                asked.erase("_text");
                if (children[i].contains("_text")) asked["_text"] = children[i]["_text"];
                break;
            }
        for (size_t i = 0; i < children.size(); ++i) {
            const std::string at = path + ".item[" + std::to_string(i) + "]";
            if (i == intro) continue;
            if (fields.size() == kMaxListFields) {
                ctx.warn(at, str(children[i], "linkId"), "dropped: a list entry asks at most " + std::to_string(kMaxListFields) + " questions");
                continue;
            }
            if (auto f = listField(children[i], at)) {
                sym.fields.push_back(str(children[i], "linkId"));
                if (f->contains("required")) sym.exact.insert(sym.fields.back());
                fields.push_back(std::move(*f));
            }
        }
        if (sym.fields.size() == 1) sym.exact.insert(sym.fields.front());

        const ItemExtensions x = readExtensions(ctx, group, path, linkId);
        OutItem out;
        out.yaml = ojson{{"id", ctx.uniqueId(linkId)}, {"type", "list"}};
        if (out.yaml["id"] != linkId) out.yaml["link_id"] = linkId;
        out.yaml["label"] = labelOf(ctx, asked, linkId);
        if (auto entry = entryLabelOf(ctx, group)) out.yaml["entry_label"] = std::move(*entry);
        if (group.value("required", false)) out.yaml["required"] = true;
        const int most = std::clamp(x.maxOccurs.value_or(10), 1, 50);
        if (x.maxOccurs) out.yaml["max_entries"] = most;
        if (x.minOccurs && *x.minOccurs > 0) out.yaml["min_entries"] = std::min(*x.minOccurs, most);
        if (group.contains("initial")) ctx.warn(path, linkId, "initial value of a group dropped");
        out.yaml["fields"] = std::move(fields);
        out.conditions = conds;
        out.linkId = linkId;
        out.path = path;
        out.order = order++;
        sym.id = out.yaml["id"];
        sym.type = "list";
        sym.order = out.order;
        for (const std::string& field : sym.fields) ctx.listOfField[field] = linkId;
        ctx.byLinkId[linkId] = sym;
        pages.back().items.push_back(std::move(out));
    }

    /// A question inside a repeating group as a list field (text, number, date, yes_no, single);
    /// nullopt, with a warning naming its linkId, for what an entry cannot hold.
    std::optional<ojson> listField(const json& item, const std::string& path) {
        const std::string linkId = str(item, "linkId");
        const std::string type = str(item, "type");
        if (type == "group" || type == "display") {
            ctx.warn(path, linkId, type == "group" ? "a group inside a repeating group is dropped: a list entry holds simple questions"
                                                   : "a display item inside a repeating group is dropped: a list entry holds questions");
            return std::nullopt;
        }
        if (item.value("readOnly", false)) {
            ctx.warn(path, linkId, "a read-only item inside a repeating group is dropped: a list entry holds questions");
            return std::nullopt;
        }
        json copy = item;  // what a field cannot have is warned about and left out before it is mapped
        if (copy.contains("enableWhen")) ctx.warn(path + ".enableWhen", linkId, "enableWhen inside a repeating group dropped: each entry asks every question");
        if (copy.contains("initial")) ctx.warn(path + ".initial", linkId, "initial value inside a repeating group dropped: each entry starts empty");
        if (copy.contains("item")) ctx.warn(path, linkId, "items nested in a question inside a repeating group are dropped");
        if (copy.value("repeats", false)) ctx.warn(path, linkId, "repeats dropped inside a repeating group: each entry takes one answer to it");
        for (const char* key : {"enableWhen", "enableBehavior", "initial", "item", "repeats"}) copy.erase(key);
        ojson out{{"id", ctx.uniqueId(linkId)}};
        FhirItemSym sym;
        sym.id = out["id"];
        out["label"] = labelOf(ctx, copy, linkId);
        if (!mapType(ctx, q, copy, type, path, linkId, out, sym)) return std::nullopt;
        if (sym.type == "scale") {  // a slider: its numbers, by the stepper a field has
            out["type"] = "number";
            sym.type = "number";
        }
        static const std::set<std::string> kFieldTypes = {"text", "number", "date", "yes_no", "single"};
        if (!kFieldTypes.count(sym.type)) {
            ctx.warn(path, linkId, "a " + sym.type + " question inside a repeating group is dropped: a list entry holds text, "
                                   "number, date, yes/no and single-choice questions");
            return std::nullopt;
        }
        if (out["id"] != linkId) out["link_id"] = linkId;
        if (copy.value("required", false)) out["required"] = true;
        return out;
    }

    void addChildren(const json& item, const std::string& path, const std::vector<PendingCondition>& inherited) {
        if (!item.contains("item")) return;
        const json& children = item["item"];
        for (size_t i = 0; i < children.size(); ++i) add(children[i], path + ".item[" + std::to_string(i) + "]", inherited);
    }
};

}  // namespace

std::vector<OutPage> importItems(ImportCtx& ctx, const json& questionnaire) {
    Walker w{ctx, questionnaire, {}, 0};
    const json& items = questionnaire["item"];
    const std::string title = str(questionnaire, "title").empty() ? "Questions" : str(questionnaire, "title");
    bool loosePage = false;  // the last page holds top-level questions (not a group of its own)
    for (size_t i = 0; i < items.size(); ++i) {
        const json& item = items[i];
        const std::string path = "item[" + std::to_string(i) + "]";
        if (str(item, "type") == "group" && item.value("repeats", false) && listable(item)) {
            // A page of its own holding the list: the list is the FHIR group, so the page has no item
            // of its own (group: false) and its enableWhen goes on the list. Named after the form,
            // as a page of top-level questions is: the list's text is its question already.
            OutPage& p = w.newPage("page_" + std::to_string(w.pages.size() + 1),
                                   ctx.text(title, questionnaire.contains("_title") ? &questionnaire["_title"] : nullptr),
                                   path, false);
            p.yaml["group"] = false;
            std::vector<PendingCondition> conds;
            if (item.contains("enableWhen") && item["enableWhen"].is_array() && !item["enableWhen"].empty())
                conds.push_back(PendingCondition{&item["enableWhen"], str(item, "enableBehavior"), path + ".enableWhen"});
            w.addList(item, path, conds);
            loosePage = false;
            continue;
        }
        if (str(item, "type") == "group") {
            OutPage& p = w.newPage(str(item, "linkId"), labelOf(ctx, item, str(item, "linkId")), path, true);
            if (item.contains("enableWhen") && item["enableWhen"].is_array() && !item["enableWhen"].empty())
                p.conditions.push_back(PendingCondition{&item["enableWhen"], str(item, "enableBehavior"), path + ".enableWhen"});
            if (item.contains("initial")) ctx.warn(path, str(item, "linkId"), "initial value of a group dropped");
            if (item.value("repeats", false))
                ctx.warn(path, str(item, "linkId"),
                         "a repeating group without questions a list entry can hold is asked once, its items one answer each");
            readExtensions(ctx, item, path, str(item, "linkId"));
            w.addChildren(item, path, {});
            loosePage = false;
        } else {
            if (!loosePage) {
                // Named after the form (no linkId of its own: its id never reaches a response).
                OutPage& p = w.newPage("page_" + std::to_string(w.pages.size() + 1),
                                       ctx.text(title, questionnaire.contains("_title") ? &questionnaire["_title"] : nullptr),
                                       path, false);
                p.yaml["group"] = false;
                loosePage = true;
            }
            w.add(item, path, {});
        }
    }
    // A group whose items were all dropped makes no page.
    w.pages.erase(std::remove_if(w.pages.begin(), w.pages.end(), [](const OutPage& p) { return p.items.empty(); }),
                  w.pages.end());
    for (OutPage& p : w.pages) p.firstOrder = p.items.front().order;
    return std::move(w.pages);
}

}  // namespace kiosk::forms::detail
