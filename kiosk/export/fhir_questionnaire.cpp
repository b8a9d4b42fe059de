// [SECTION] index: extensions · answer options · items · pages and the form
#include "kiosk/export/fhir_questionnaire.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/bodymap/regions.h"
#include "kiosk/export/fhir_conditions.h"

namespace kiosk::exports::fhir {
namespace {

using forms::ItemType;

const char* const kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
const char* const kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
const char* const kShortText = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText";

// [SECTION] extensions
json number(const forms::Item& item, double v) {
    return isIntegerItem(item) ? json(static_cast<long long>(v)) : json(v);
}

void addBounds(json& q, const forms::Item& item) {
    const std::string type = isIntegerItem(item) ? "Integer" : "Decimal";
    if (item.min) q["extension"].push_back(extension(kMinValue, type, number(item, *item.min)));
    if (item.max) q["extension"].push_back(extension(kMaxValue, type, number(item, *item.max)));
}

/// A display child: help text, a slider's end labels (SDC itemControl help / lower / upper).
json displayChild(const std::string& linkId, const forms::Text& text, const std::string& control,
                  const std::string& lang) {
    json d{{"linkId", linkId}, {"type", "display"}};
    putText(d, "text", text, lang);
    d["extension"] = json::array({itemControl(control)});
    return d;
}

// [SECTION] answer options
json answerOptions(const forms::Form& form, const forms::Item& item, const FhirOptions& options,
                   const std::string& lang) {
    json list = json::array();
    for (const forms::Option& o : item.options) {
        json value = optionValue(form, item, o, lang, options);
        if (value.contains("valueCoding")) {
            if (auto t = translations(o.label, lang)) value["valueCoding"]["_display"] = std::move(*t);
        }
        if (o.score)
            value["extension"].push_back(
                extension("http://hl7.org/fhir/StructureDefinition/ordinalValue", "Decimal", *o.score));
        if (o.exclusive)
            value["extension"].push_back(
                extension("http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive", "Boolean", true));
        list.push_back(std::move(value));
    }
    return list;
}

// [SECTION] items
/// The item's starting answer: initialSelected on its options (R4 allows no initial[x] beside
/// answerOption, que-11), else initial[x] of the item's FHIR type.
void addInitial(json& q, const forms::Item& item) {
    if (!item.initial) return;
    const forms::Answer& a = *item.initial;
    if (item.type == ItemType::Single || item.type == ItemType::Multi) {
        std::vector<std::string> chosen;
        if (const auto* one = std::get_if<std::string>(&a)) chosen.push_back(*one);
        if (const auto* many = std::get_if<std::vector<std::string>>(&a)) chosen = *many;
        for (size_t i = 0; i < item.options.size() && i < q["answerOption"].size(); ++i)
            if (std::find(chosen.begin(), chosen.end(), item.options[i].value) != chosen.end())
                q["answerOption"][i]["initialSelected"] = true;
        return;
    }
    json v;
    if (const auto* b = std::get_if<bool>(&a)) v["valueBoolean"] = *b;
    else if (const auto* s = std::get_if<std::string>(&a)) v["valueString"] = *s;
    else if (const auto* n = std::get_if<double>(&a)) v[isIntegerItem(item) ? "valueInteger" : "valueDecimal"] = number(item, *n);
    else if (const auto* d = std::get_if<forms::Date>(&a)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
        v["valueDate"] = buf;
    }
    if (!v.empty()) q["initial"] = json::array({std::move(v)});
}

json bodyMapItem(json q, const forms::Item& item, const FhirOptions& options) {
    q["repeats"] = true;
    json regions = json::array();
    for (const bodymap::Region& r : bodymap::regions()) regions.push_back(json{{"valueCoding", regionCoding(r.id, options)}});
    q["answerOption"] = std::move(regions);
    const std::string link = item.linkId.empty() ? item.id : item.linkId;
    for (const forms::BodyDetail d : item.detail) {
        if (d == forms::BodyDetail::Intensity) {
            json i{{"linkId", link + ".intensity"}, {"text", "Intensity (0-10)"}, {"type", "integer"}};
            i["extension"] = json::array({extension(kMinValue, "Integer", 0), extension(kMaxValue, "Integer", 10)});
            q["item"].push_back(std::move(i));
        } else {
            json k{{"linkId", link + ".kinds"}, {"text", "Kind of pain"}, {"type", "choice"}, {"repeats", true}};
            for (const std::string_view kind : bodymap::painKinds())
                k["answerOption"].push_back(json{{"valueCoding", painKindCoding(kind, options)}});
            q["item"].push_back(std::move(k));
        }
    }
    return q;
}

/// A repeating number or date: repeats, and its most answers as maxOccurs.
void addRepeats(json& q, const forms::Item& item) {
    if (!item.repeats) return;
    q["repeats"] = true;
    q["extension"].push_back(
        extension("http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs", "Integer", item.maxAnswers));
}

json questionItem(const forms::Form& form, const forms::Item& item, const FhirOptions& options) {
    const std::string lang = form.languages.empty() ? "en" : form.languages.front();
    const std::string link = item.linkId.empty() ? item.id : item.linkId;
    json q{{"linkId", link}};
    if (!item.loinc.empty()) q["code"] = json::array({loincCoding(item.loinc)});
    putText(q, "text", item.label, lang);
    q["type"] = itemType(item);
    if (item.required) q["required"] = true;
    if (item.showIf) addEnableWhen(q, form, *item.showIf, options);
    switch (item.type) {
        case ItemType::Text:
            q["maxLength"] = item.maxLength;
            if (item.repeats) q["repeats"] = true;
            break;
        case ItemType::Number:
            addBounds(q, item);
            if (!item.unit.empty()) {
                json unit = json::object();  // translated like every text: import-fhir keeps a language only then
                putText(unit, "display", item.unit, lang);
                q["extension"].push_back(
                    extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit", "Coding", std::move(unit)));
            }
            addRepeats(q, item);
            break;
        case ItemType::Date: addRepeats(q, item); break;
        case ItemType::Scale:
            addBounds(q, item);
            q["extension"].push_back(itemControl("slider"));
            q["extension"].push_back(
                extension("http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue", "Integer", 1));
            if (!item.minLabel.empty()) q["item"].push_back(displayChild(link + ".min_label", item.minLabel, "lower", lang));
            if (!item.maxLabel.empty()) q["item"].push_back(displayChild(link + ".max_label", item.maxLabel, "upper", lang));
            break;
        case ItemType::Single: q["answerOption"] = answerOptions(form, item, options, lang); break;
        case ItemType::Multi:
            q["repeats"] = true;
            q["answerOption"] = answerOptions(form, item, options, lang);
            if (item.minSelected > 0)
                q["extension"].push_back(extension("http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs",
                                                   "Integer", item.minSelected));
            if (item.maxSelected > 0)
                q["extension"].push_back(extension("http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs",
                                                   "Integer", item.maxSelected));
            break;
        case ItemType::Matrix:
            q["extension"].push_back(itemControl("table"));
            for (const forms::MatrixRow& row : item.rows) {
                json r{{"linkId", rowLinkId(item, row)}};
                if (!row.loinc.empty()) r["code"] = json::array({loincCoding(row.loinc)});
                putText(r, "text", row.label, lang);
                r["type"] = "choice";
                if (item.required) r["required"] = true;
                r["answerOption"] = answerOptions(form, item, options, lang);
                q["item"].push_back(std::move(r));
            }
            break;
        case ItemType::BodyMap: q = bodyMapItem(std::move(q), item, options); break;
        case ItemType::List:  // a repeating group: each entry answers the fields as its child items
            q["repeats"] = true;
            if (item.minEntries > 0)
                q["extension"].push_back(extension("http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs",
                                                   "Integer", item.minEntries));
            q["extension"].push_back(extension("http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs",
                                               "Integer", item.maxEntries));
            if (!item.entryLabel.empty()) {  // what one entry is called ("Medicine"): SDC's short text of the group
                json shortText{{"url", kShortText}};
                putText(shortText, "valueString", item.entryLabel, lang);
                q["extension"].push_back(std::move(shortText));
            }
            for (const forms::Item& field : item.fields) q["item"].push_back(questionItem(form, field, options));
            break;
        default: break;
    }
    addInitial(q, item);
    if (!item.help.empty()) q["item"].push_back(displayChild(link + ".help", item.help, "help", lang));
    return q;
}

}  // namespace

// [SECTION] pages and the form
json questionnaire(const forms::Form& form, const FhirOptions& options) {
    const std::string lang = form.languages.empty() ? "en" : form.languages.front();
    json q{{"resourceType", "Questionnaire"}, {"language", lang}, {"url", questionnaireUrl(form, options)}};
    if (const std::string v = questionnaireVersion(form); !v.empty()) q["version"] = v;
    putText(q, "title", form.title, lang);
    q["status"] = "active";
    if (!form.description.empty()) putText(q, "description", form.description, lang);
    if (form.license) {
        std::string text = form.license->text;
        if (!form.license->attribution.empty()) text += ". " + form.license->attribution;
        if (!form.license->url.empty()) text += " (" + form.license->url + ")";
        q["copyright"] = text;
    }
    json items = json::array();
    for (const forms::Page& page : form.pages) {
        json g{{"linkId", page.linkId.empty() ? page.id : page.linkId}};
        putText(g, "text", page.title, lang);
        g["type"] = "group";
        if (page.showIf) addEnableWhen(g, form, *page.showIf, options);
        for (const forms::Item& item : page.items) g["item"].push_back(questionItem(form, item, options));
        if (page.group) {
            items.push_back(std::move(g));
        } else {  // its items at the top level (a page import-fhir made of top-level questions)
            for (json& i : g["item"]) items.push_back(std::move(i));
        }
    }
    q["item"] = std::move(items);
    return q;
}

}  // namespace kiosk::exports::fhir
