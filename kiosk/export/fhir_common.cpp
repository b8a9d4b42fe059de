#include "kiosk/export/fhir_common.h"

#include <sodium.h>

#include <cmath>
#include <cstring>
#include <utility>

#include "kiosk/bodymap/regions.h"
#include "kiosk/export/json_out.h"

namespace kiosk::exports::fhir {
namespace {

bool whole(double v) { return std::isfinite(v) && v == std::floor(v); }

}  // namespace

std::string questionnaireUrl(const forms::Form& form, const FhirOptions& options) {
    if (form.fhir && !form.fhir->url.empty()) return form.fhir->url;
    return options.base + "/Questionnaire/" + form.id;
}

std::string questionnaireVersion(const forms::Form& form) {
    if (form.fhir) return form.fhir->version;
    return std::to_string(form.version);
}

std::string questionnaireCanonical(const forms::Form& form, const FhirOptions& options) {
    const std::string version = questionnaireVersion(form);
    return questionnaireUrl(form, options) + (version.empty() ? "" : "|" + version);
}

std::string questionnaireCanonical(const std::string& formId, int version, const FhirOptions& options) {
    return options.base + "/Questionnaire/" + formId + "|" + std::to_string(version);
}

bool isIntegerItem(const forms::Item& item) {
    if (item.type == forms::ItemType::Scale) return true;
    return item.type == forms::ItemType::Number && item.decimals == 0 && whole(item.step) &&
           (!item.min || whole(*item.min));
}

std::string itemType(const forms::Item& item) {
    using forms::ItemType;
    switch (item.type) {
        case ItemType::Info: return "display";
        case ItemType::Text: return item.textKind == forms::TextKind::Multiline ? "text" : "string";
        case ItemType::Number:
        case ItemType::Scale: return isIntegerItem(item) ? "integer" : "decimal";
        case ItemType::Date: return "date";
        case ItemType::YesNo:
        case ItemType::Consent: return "boolean";
        case ItemType::Single:
        case ItemType::Multi:
        case ItemType::BodyMap: return "choice";
        case ItemType::Signature: return "attachment";
        case ItemType::Matrix:
        case ItemType::List: return "group";
    }
    return "display";
}

json optionValue(const forms::Form& form, const forms::Item& item, const forms::Option& option,
                 const std::string& lang, const FhirOptions& options) {
    if (!option.code.empty() && !option.codeType.empty() && option.codeType != "coding") {
        if (option.codeType == "integer") {
            // The loader took any text: a code that is no whole number stays a string.
            char* end = nullptr;
            const long long n = std::strtoll(option.code.c_str(), &end, 10);
            if (end != nullptr && *end == '\0' && end != option.code.c_str()) return json{{"valueInteger", n}};
            return json{{"valueString", option.code}};
        }
        return json{{option.codeType == "date" ? "valueDate" : "valueString", option.code}};
    }
    json coding = json::object();
    if (option.code.empty()) {
        coding["system"] = options.base + "/CodeSystem/" + form.id + "/" + item.id;
        coding["code"] = option.value;
    } else {
        if (!option.system.empty()) coding["system"] = option.system;
        coding["code"] = option.code;
    }
    const std::string& display = option.label.get(lang, form.languages.empty() ? "en" : form.languages.front());
    if (!display.empty()) coding["display"] = display;
    return json{{"valueCoding", std::move(coding)}};
}

json regionCoding(std::string_view regionId, const FhirOptions& options) {
    if (const bodymap::Region* r = bodymap::findRegion(regionId); r != nullptr && r->choir != 0)
        return json{{"system", options.base + "/CodeSystem/choir-bodymap"}, {"code", std::to_string(r->choir)}};
    // Not a region of the catalogue (a record from elsewhere): kept as it is, under a system of its own.
    return json{{"system", options.base + "/CodeSystem/body-region"}, {"code", std::string(regionId)}};
}

json painKindCoding(std::string_view kind, const FhirOptions& options) {
    return json{{"system", options.base + "/CodeSystem/pain-kind"}, {"code", std::string(kind)}};
}

json loincCoding(std::string_view code) { return json{{"system", "http://loinc.org"}, {"code", std::string(code)}}; }

std::string rowLinkId(const forms::Item& matrix, const forms::MatrixRow& row) {
    return (matrix.linkId.empty() ? matrix.id : matrix.linkId) + "." + row.id;
}

std::optional<json> translations(const forms::Text& text, const std::string& primary) {
    json list = json::array();
    for (const auto& [lang, value] : text.byLang) {
        if (lang == primary || value.empty()) continue;
        list.push_back(json{{"url", "http://hl7.org/fhir/StructureDefinition/translation"},
                            {"extension", json::array({extension("lang", "Code", lang),
                                                       extension("content", "String", value)})}});
    }
    if (list.empty()) return std::nullopt;
    return json{{"extension", std::move(list)}};
}

void putText(json& obj, const std::string& key, const forms::Text& text, const std::string& primary) {
    const std::string& value = text.get(primary);
    if (value.empty()) return;
    obj[key] = value;
    if (auto t = translations(text, primary)) obj["_" + key] = std::move(*t);
}

json extension(const std::string& url, const std::string& valueType, json value) {
    return json{{"url", url}, {"value" + valueType, std::move(value)}};
}

json itemControl(const std::string& code) {
    return extension("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl", "CodeableConcept",
                     json{{"coding", json::array({json{{"system", "http://hl7.org/fhir/questionnaire-item-control"},
                                                       {"code", code}}})}});
}

void replaceControlChars(json& v) {
    if (v.is_string()) {
        for (char& c : v.get_ref<std::string&>())
            if (JsonOut::isControl(static_cast<unsigned char>(c))) c = ' ';
    } else if (v.is_structured()) {
        for (json& e : v) replaceControlChars(e);
    }
}

std::string base64(std::string_view bytes) {
    std::string out;
    appendBase64(out, bytes);
    return out;
}

void appendBase64(std::string& out, std::string_view bytes) {
    if (bytes.empty()) return;
    const size_t size = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    const size_t at = out.size();
    out.resize(at + size);
    sodium_bin2base64(out.data() + at, size, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(at + size - 1);  // the terminating NUL
}

std::string uuidFrom(std::string_view seed) {
    char out[46];
    return std::string(uuidFrom(seed, out));
}

std::string_view uuidFrom(std::string_view seed, char (&out)[46]) {
    // SipHash-2-4 with 128-bit output under a fixed, public key: not a secret, a well-mixed function
    // of the name (record ids are random UUIDs: no one chooses names to collide). An export makes 25
    // a record; for names this short it is about 4x quicker than BLAKE2b, which it replaced.
    static const unsigned char kKey[crypto_shorthash_siphashx24_KEYBYTES] = {'i', 'n', 't', 'a', 'k', 'e', '-', 'k',
                                                                            'i', 'o', 's', 'k', '/', 'u', 'i', 'd'};
    unsigned char h[crypto_shorthash_siphashx24_BYTES];
    crypto_shorthash_siphashx24(h, reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), kKey);
    h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x80);  // version 8: name-based, custom hash
    h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);  // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::memcpy(out, "urn:uuid:", 9);
    std::size_t n = 9;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[n++] = '-';
        out[n++] = hex[h[i] >> 4];
        out[n++] = hex[h[i] & 0x0f];
    }
    return std::string_view(out, n);
}

}  // namespace kiosk::exports::fhir
