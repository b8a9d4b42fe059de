// [SECTION] index: typed answers · untyped answers · reading a record · the response · Observations
#include "kiosk/export/fhir_response.h"

#include <cmath>
#include <optional>
#include <type_traits>

#include "kiosk/export/fhir_patient.h"
#include "kiosk/export/fhir_signature.h"
#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/body_marks.h"
#include "kiosk/session/answer_json.h"

namespace kiosk::exports::fhir {
namespace {

using forms::ItemType;

json numberValue(double v, bool integer) {
    if (integer && std::fabs(v) < 1e15 && v == std::floor(v)) return json{{"valueInteger", static_cast<long long>(v)}};
    return json{{"valueDecimal", v}};
}

/// One marked region: its CHOIR coding, intensity and kinds as items nested in the answer.
json bodyMarkAnswer(const std::string& link, const forms::BodyMark& m, const FhirOptions& options) {
    json mark{{"valueCoding", regionCoding(m.region, options)}};
    if (m.intensity)
        mark["item"].push_back(
            json{{"linkId", link + ".intensity"}, {"answer", json::array({json{{"valueInteger", *m.intensity}}})}});
    if (!m.kinds.empty()) {
        json kinds{{"linkId", link + ".kinds"}, {"answer", json::array()}};
        for (const std::string& k : m.kinds) kinds["answer"].push_back(json{{"valueCoding", painKindCoding(k, options)}});
        mark["item"].push_back(std::move(kinds));
    }
    return mark;
}

// [SECTION] typed answers
/// The answer list of a question item (a matrix is handled by its caller); empty if nothing given.
json typedAnswers(const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang, const FhirOptions& options) {
    json out = json::array();
    auto option = [&](const std::string& value) {
        if (const forms::Option* o = item.findOption(value)) return optionValue(form, item, *o, lang, options);
        return json{{"valueString", value}};
    };
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, bool>) {
                out.push_back(json{{"valueBoolean", a}});
            } else if constexpr (std::is_same_v<T, double>) {
                out.push_back(numberValue(a, isIntegerItem(item)));
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (a.empty()) return;
                if (item.repeats) {
                    for (const std::string& line : forms::answerLines(a)) out.push_back(json{{"valueString", line}});
                    return;
                }
                out.push_back(item.type == ItemType::Single ? option(a) : json{{"valueString", a}});
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                for (const std::string& v : a) out.push_back(option(v));
            } else if constexpr (std::is_same_v<T, forms::Date>) {
                out.push_back(json{{"valueDate", forms::toIsoString(a)}});
            } else if constexpr (std::is_same_v<T, forms::NumberList>) {  // repeats: one answer a value
                for (double v : a) out.push_back(numberValue(v, isIntegerItem(item)));
            } else if constexpr (std::is_same_v<T, forms::DateList>) {
                for (const forms::Date& d : a) out.push_back(json{{"valueDate", forms::toIsoString(d)}});
            } else if constexpr (std::is_same_v<T, forms::BodyMapAnswer>) {
                const std::string link = item.linkId.empty() ? item.id : item.linkId;
                for (const forms::BodyMark& m : a) out.push_back(bodyMarkAnswer(link, m, options));
            } else if constexpr (std::is_same_v<T, forms::Signature>) {
                if (a.empty()) return;
                out.push_back(json{{"valueAttachment",
                                    {{"contentType", "image/png"}, {"data", a.picture.empty() ? base64(signaturePng(a)) : a.picture}, {"title", "signature"}}}});
            }
            // MatrixAnswer: rows are items of their own (responseItem)
        },
        answer);
    return out;
}

json answeredItem(const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang, const FhirOptions& options);

/// A list: the group item once per entry (FHIR's repeating group), its fields' answers as child
/// items in the list's order; an entry with nothing answered gives none.
json listEntries(const forms::Form& form, const forms::Item& item, const forms::ListAnswer& entries,
                 const std::string& lang, const FhirOptions& options) {
    json out = json::array();
    for (const forms::ListEntry& entry : entries) {
        json group{{"linkId", item.linkId.empty() ? item.id : item.linkId}};
        if (const std::string& t = item.label.get(lang, form.languages.empty() ? "en" : form.languages.front()); !t.empty())
            group["text"] = t;
        for (const forms::Item& field : item.fields) {
            const auto it = entry.fields.find(field.id);
            if (it == entry.fields.end()) continue;
            json f = answeredItem(form, field, it->second, lang, options);
            if (!f.is_null()) group["item"].push_back(std::move(f));
        }
        if (group.contains("item")) out.push_back(std::move(group));
    }
    return out;
}

/// The response item of @p item, or null when it holds no answer (a list: an array of entries).
json responseItem(const forms::Form& form, const forms::Item& item, const json& value, const json& pictures,
                  const std::string& lang, const FhirOptions& options) {
    auto parsed = session::answerFromJson(item, value, std::nullopt);
    if (!parsed) return nullptr;
    if (auto* signature = std::get_if<forms::Signature>(&*parsed)) {  // its picture, kept beside the answers
        const auto kept = pictures.find(item.id);
        if (kept != pictures.end() && kept->is_string() && isKeptPicture(kept->get_ref<const std::string&>()))
            signature->picture = kept->get<std::string>();
    }
    if (const auto* entries = std::get_if<forms::ListAnswer>(&*parsed)) {
        json out = listEntries(form, item, *entries, lang, options);
        return out.empty() ? json(nullptr) : out;
    }
    return answeredItem(form, item, *parsed, lang, options);
}

json answeredItem(const forms::Form& form, const forms::Item& item, const forms::Answer& answer,
                  const std::string& lang, const FhirOptions& options) {
    const forms::Answer* parsed = &answer;
    json r{{"linkId", item.linkId.empty() ? item.id : item.linkId}};
    const std::string& text = item.label.get(lang, form.languages.empty() ? "en" : form.languages.front());
    if (!text.empty()) r["text"] = text;
    if (const auto* m = std::get_if<forms::MatrixAnswer>(&*parsed)) {
        for (const forms::MatrixRow& row : item.rows) {
            const auto it = m->find(row.id);
            if (it == m->end() || it->second.empty()) continue;
            json ri{{"linkId", rowLinkId(item, row)}};
            if (const std::string& t = row.label.get(lang); !t.empty()) ri["text"] = t;
            const forms::Option* o = item.findOption(it->second);
            ri["answer"] = json::array({o ? optionValue(form, item, *o, lang, options) : json{{"valueString", it->second}}});
            r["item"].push_back(std::move(ri));
        }
        return r.contains("item") ? r : json(nullptr);
    }
    json answers = typedAnswers(form, item, *parsed, lang, options);
    if (answers.empty()) return nullptr;
    r["answer"] = std::move(answers);
    return r;
}

// [SECTION] untyped answers
json untypedAnswers(const json& v) {
    json out = json::array();
    auto one = [&](const json& e) -> json {
        if (e.is_boolean()) return json{{"valueBoolean", e}};
        if (e.is_number_integer()) return json{{"valueInteger", e}};
        if (e.is_number()) return numberValue(e.get<double>(), true);
        if (e.is_string()) return json{{"valueString", e}};
        // Anything else (signature strokes): the JSON itself, as an attachment.
        return json{{"valueAttachment", {{"contentType", "application/json"}, {"data", base64(e.dump())}}}};
    };
    if (v.is_array()) {
        for (const json& e : v)
            if (!(e.is_string() && e.get<std::string>().empty())) out.push_back(one(e));
    } else if (!(v.is_string() && v.get<std::string>().empty()) && !v.is_null()) {
        out.push_back(one(v));
    }
    return out;
}

json untypedItem(const std::string& id, const json& v, const FhirOptions& options) {
    json r{{"linkId", id}};
    if (const auto marks = untypedBodyMap(v)) {
        for (const forms::BodyMark& m : *marks) r["answer"].push_back(bodyMarkAnswer(id, m, options));
        return r;
    }
    if (v.is_object() && !v.contains("strokes")) {  // a matrix: rows as items
        for (const auto& [row, value] : v.items()) {
            json answers = untypedAnswers(value);
            if (!answers.empty()) r["item"].push_back(json{{"linkId", id + "." + row}, {"answer", std::move(answers)}});
        }
        return r.contains("item") ? r : json(nullptr);
    }
    json answers = untypedAnswers(v);
    if (answers.empty()) return nullptr;
    r["answer"] = std::move(answers);
    return r;
}

}  // namespace

// [SECTION] reading a record
std::optional<forms::BodyMapAnswer> untypedBodyMap(const json& v) {
    if (!v.is_array() || v.empty()) return std::nullopt;
    forms::BodyMapAnswer marks;
    for (const json& e : v) {
        if (!e.is_object() || !e.contains("region") || !e["region"].is_string()) return std::nullopt;
        forms::BodyMark m;
        m.region = e["region"].get<std::string>();
        if (const auto i = e.find("intensity"); i != e.end() && i->is_number_integer()) m.intensity = i->get<int>();
        if (const auto k = e.find("kinds"); k != e.end() && k->is_array())
            for (const json& kind : *k)
                if (kind.is_string()) m.kinds.push_back(kind.get<std::string>());
        marks.push_back(std::move(m));
    }
    return forms::normalizeBodyMap(marks);
}

std::string recordLang(const json& record) {
    const auto it = record.find("lang");
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string_view stringOf(const json& obj, const char* key) {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
}

const json& answersOf(const json& record) {
    static const json empty = json::object();
    const auto it = record.find("answers");
    return it != record.end() && it->is_object() ? *it : empty;
}

// [SECTION] the response
namespace {

/// The response without its subject.
json responseTree(const ExportMeta& meta, const json& record, const forms::Form* form, const FhirOptions& options) {
    json qr{{"resourceType", "QuestionnaireResponse"}, {"id", meta.id}};
    const std::string lang = recordLang(record).empty() ? meta.lang : recordLang(record);
    if (!lang.empty()) qr["language"] = lang;
    qr["identifier"] = {{"system", options.base + "/intake-record"}, {"value", meta.id}};
    qr["questionnaire"] =
        form ? questionnaireCanonical(*form, options) : questionnaireCanonical(meta.formId, meta.formVersion, options);
    qr["status"] = "completed";
    if (!meta.submittedAt.empty()) qr["authored"] = meta.submittedAt;
    const json& answers = answersOf(record);
    static const json none = json::object();
    const auto kept = record.find("signature_pictures");
    const json& pictures = kept != record.end() && kept->is_object() ? *kept : none;
    json items = json::array();
    if (form != nullptr) {
        for (const forms::Page& page : form->pages) {
            json group{{"linkId", page.linkId.empty() ? page.id : page.linkId}};
            if (const std::string& t = page.title.get(lang); !t.empty()) group["text"] = t;
            for (const forms::Item& item : page.items) {
                const auto it = answers.find(item.id);
                if (it == answers.end() || !item.isQuestion()) continue;
                json r = responseItem(*form, item, *it, pictures, lang, options);
                if (r.is_null()) r = untypedItem(item.linkId.empty() ? item.id : item.linkId, *it, options);
                if (r.is_array()) {  // a list's entries, each the group item again
                    for (json& e : r) group["item"].push_back(std::move(e));
                } else if (!r.is_null()) {
                    group["item"].push_back(std::move(r));
                }
            }
            if (!group.contains("item")) continue;
            if (page.group) items.push_back(std::move(group));
            else
                for (json& i : group["item"]) items.push_back(std::move(i));
        }
    } else {
        for (const auto& [id, value] : answers.items()) {
            json r = untypedItem(id, value, options);
            if (!r.is_null()) items.push_back(std::move(r));
        }
    }
    if (!items.empty()) qr["item"] = std::move(items);
    replaceControlChars(qr);
    return qr;
}

}  // namespace

json questionnaireResponse(const ExportMeta& meta, const json& record, const forms::Form* form,
                           const FhirOptions& options) {
    json qr = responseTree(meta, record, form, options);
    // Printed alone, the response has no Bundle to point into: its Patient is contained
    // ("#patient"), FHIR's way for a resource that has no identity of its own apart from the one
    // that holds it. A display name on the subject instead would carry the name but lose the birth
    // date an EHR matches on, and a urn:uuid would point at nothing.
    if (const auto patient = patientFacts(record, form)) {
        qr["contained"] = json::array({patientResource(*patient, "patient")});
        qr["subject"] = {{"reference", "#patient"}};
    }
    return qr;
}

std::vector<json> bundleEntries(const ExportMeta& meta, const json& record, const forms::Form* form,
                                const FhirOptions& options) {
    const auto patient = patientFacts(record, form);
    const std::string subject = patient ? patientUrl(meta.id) : std::string();
    json qr = responseTree(meta, record, form, options);
    if (patient) qr["subject"] = {{"reference", subject}};
    std::vector<json> out;
    out.push_back({{"fullUrl", "urn:uuid:" + meta.id}, {"resource", std::move(qr)}});
    if (patient) out.push_back({{"fullUrl", subject}, {"resource", patientResource(*patient)}});
    for (json& o : resultObservations(meta, record, form, options, subject)) out.push_back(std::move(o));
    return out;
}

// [SECTION] Observations
std::vector<json> resultObservations(const ExportMeta& meta, const json& record, const forms::Form* form,
                                     const FhirOptions& options, const std::string& subject) {
    std::vector<json> out;
    const std::string lang = form && !form->languages.empty() ? form->languages.front() : "en";
    auto observation = [&](const std::string& kind, const std::string& id, const std::string& display) {
        json o{{"resourceType", "Observation"}, {"status", "final"}};
        o["category"] = json::array({json{{"coding", json::array({json{
                                                        {"system", "http://terminology.hl7.org/CodeSystem/observation-category"},
                                                        {"code", "survey"}}})}}});
        json coding{{"system", options.base + "/CodeSystem/" + meta.formId + "/" + kind}, {"code", id}};
        if (!display.empty()) coding["display"] = display;
        o["code"] = json{{"coding", json::array({std::move(coding)})}};
        if (!meta.submittedAt.empty()) o["effectiveDateTime"] = meta.submittedAt;
        o["derivedFrom"] = json::array({json{{"reference", "urn:uuid:" + meta.id}}});
        if (!subject.empty()) o["subject"] = {{"reference", subject}};
        return o;
    };
    const auto scores = record.find("scores");
    if (scores != record.end() && scores->is_array()) {
        for (const json& s : *scores) {
            if (!s.is_object() || !s.contains("id") || !s["id"].is_string() || !s.contains("value") || !s["value"].is_number())
                continue;
            const std::string id = s["id"].get<std::string>();
            const forms::Score* def = nullptr;
            if (form)
                for (const forms::Score& fs : form->scores)
                    if (fs.id == id) def = &fs;
            json o = observation("score", id, def ? def->label.get(lang) : std::string());
            // A published score (PHQ-2 total, pain NRS) also carries its LOINC code.
            if (def && !def->loinc.empty()) o["code"]["coding"].push_back(loincCoding(def->loinc));
            // Observation has valueInteger but no valueDecimal: a fractional score is a Quantity.
            const json value = numberValue(s["value"].get<double>(), true);
            if (value.contains("valueInteger")) o["valueInteger"] = value["valueInteger"];
            else o["valueQuantity"] = json{{"value", value["valueDecimal"]}};
            if (!stringOf(s, "band").empty())
                o["interpretation"] = json::array({json{{"text", s["band"]}}});
            out.push_back(json{{"fullUrl", uuidFrom(meta.id + "/score/" + id)}, {"resource", std::move(o)}});
        }
    }
    const auto flags = record.find("flags");
    if (flags != record.end() && flags->is_array()) {
        for (const json& f : *flags) {
            if (!f.is_object() || !f.contains("id") || !f["id"].is_string()) continue;
            const std::string id = f["id"].get<std::string>();
            json o = observation("flag", id, std::string(stringOf(f, "label")));
            o["valueBoolean"] = true;
            const bool urgent = stringOf(f, "severity") == "urgent";
            o["interpretation"] = json::array({json{
                {"coding", json::array({json{{"system", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"},
                                             {"code", urgent ? "AA" : "A"}}})},
                {"text", urgent ? "urgent" : "caution"}}});
            if (const std::string_view explain = stringOf(f, "explain"); !explain.empty())
                o["note"] = json::array({json{{"text", explain}}});
            out.push_back(json{{"fullUrl", uuidFrom(meta.id + "/flag/" + id)}, {"resource", std::move(o)}});
        }
    }
    for (json& e : out) replaceControlChars(e);
    return out;
}

}  // namespace kiosk::exports::fhir
