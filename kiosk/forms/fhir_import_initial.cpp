// import-fhir: a question's starting answer (item.initial[x], answerOption.initialSelected) as the
// `initial` of our item. Only what the kiosk's item would take from a patient is kept, so the
// imported form still validates; anything else is a warning naming the linkId and the value kept
// out, never a silent loss.
#include <cmath>

#include "kiosk/forms/fhir_import_ctx.h"
#include "kiosk/forms/answer_access.h"

namespace kiosk::forms::detail {
namespace {

/// One initial[x] as our answer value for an item of kiosk type @p type; "" in @p why when it
/// fits, else what is wrong with it.
std::optional<ojson> oneValue(const json& v, const std::string& type, const ojson& out, const FhirItemSym& sym,
                              std::string& why) {
    auto number = [&]() -> std::optional<double> {
        for (const char* k : {"valueInteger", "valueDecimal"})
            if (v.contains(k) && v[k].is_number()) return v[k].get<double>();
        if (v.contains("valueQuantity") && v["valueQuantity"].is_object() && v["valueQuantity"].contains("value") &&
            v["valueQuantity"]["value"].is_number())
            return v["valueQuantity"]["value"].get<double>();
        return std::nullopt;
    };
    auto string = [&](const char* k) -> std::optional<std::string> {
        if (v.contains(k) && v[k].is_string()) return v[k].get<std::string>();
        return std::nullopt;
    };
    if (type == "text") {
        std::optional<std::string> s = string("valueString");
        if (!s) s = string("valueUri");
        if (!s) s = string("valueTime");
        if (!s) return why = "it is no text", std::nullopt;
        const long long limit = out.contains("max_length") ? out["max_length"].get<long long>() : 200;
        if (static_cast<long long>(s->size()) > limit) return why = "it is longer than the item's maxLength", std::nullopt;
        return ojson(*s);
    }
    if (type == "number" || type == "scale") {
        const std::optional<double> n = number();
        if (!n) return why = "it is no number", std::nullopt;
        const double lo = out.contains("min") ? out["min"].get<double>() : (type == "scale" ? 0 : -INFINITY);
        const double hi = out.contains("max") ? out["max"].get<double>() : (type == "scale" ? 10 : INFINITY);
        if (*n < lo || *n > hi) return why = "it lies outside minValue..maxValue", std::nullopt;
        if (type == "scale" && *n != std::floor(*n)) return why = "a slider takes whole numbers", std::nullopt;
        if (out.contains("decimals")) {
            const double scaled = *n * std::pow(10.0, out["decimals"].get<int>());
            if (std::fabs(scaled - std::round(scaled)) > 1e-6) return why = "it has more decimals than the item takes", std::nullopt;
        } else if (type == "number" && *n != std::floor(*n)) {
            return why = "an integer item takes whole numbers", std::nullopt;
        }
        return *n == std::floor(*n) && std::fabs(*n) < 1e15 ? ojson(static_cast<long long>(*n)) : ojson(*n);
    }
    if (type == "yes_no") {
        if (v.contains("valueBoolean") && v["valueBoolean"].is_boolean()) return ojson(v["valueBoolean"].get<bool>());
        return why = "it is no boolean", std::nullopt;
    }
    if (type == "date") {
        std::optional<std::string> s = string("valueDate");
        if (!s) s = string("valueDateTime");
        if (s && s->size() > 10) s = s->substr(0, 10);  // a dateTime is asked as a date
        if (!s || !parseIsoDate(*s)) return why = "it is no full date (YYYY-MM-DD)", std::nullopt;
        return ojson(*s);
    }
    if (type == "single" || type == "multi") {
        std::string code;
        if (v.contains("valueCoding") && v["valueCoding"].is_object()) {
            const json& c = v["valueCoding"];
            code = c.contains("code") && c["code"].is_string() ? c["code"].get<std::string>()
                   : c.contains("display") && c["display"].is_string() ? c["display"].get<std::string>() : "";
        } else if (auto s = string("valueString")) {
            code = *s;
        } else if (auto d = string("valueDate")) {
            code = *d;
        } else if (v.contains("valueInteger") && v["valueInteger"].is_number_integer()) {
            code = std::to_string(v["valueInteger"].get<long long>());
        }
        const auto it = sym.codes.find(code);
        if (code.empty() || it == sym.codes.end()) return why = "it is none of the item's options", std::nullopt;
        return ojson(it->second);
    }
    return why = "a " + type + " item takes no starting answer", std::nullopt;
}

}  // namespace

std::optional<ojson> importInitial(ImportCtx& ctx, const json& item, const ojson& out, const FhirItemSym& sym,
                                   const std::string& path, const std::string& linkId) {
    const bool hasInitial = item.contains("initial") && item["initial"].is_array() && !item["initial"].empty();
    if (!hasInitial && sym.selected.empty()) return std::nullopt;
    const std::string at = hasInitial ? path + ".initial" : path + ".answerOption";
    auto drop = [&](const std::string& why) {
        ctx.warn(at, linkId, "initial value dropped: " + why);
        return std::nullopt;
    };
    if (hasInitial && !sym.selected.empty()) return drop("both initial and answerOption.initialSelected are given");
    if (sym.type == "multi") {
        ojson values = ojson::array();
        if (!hasInitial)
            for (const std::string& v : sym.selected) values.push_back(v);
        for (const json& v : hasInitial ? item["initial"] : json::array()) {
            std::string why;
            auto one = oneValue(v, sym.type, out, sym, why);
            if (!one) return drop(why);
            values.push_back(std::move(*one));
        }
        if (out.contains("max_selected") && values.size() > out["max_selected"].get<size_t>())
            return drop("more are chosen than the item allows");
        if (values.size() > 1)
            for (const ojson& o : out["options"])
                for (const ojson& v : values)
                    if (o.value("exclusive", false) && o["value"] == v)
                        return drop("an exclusive option is chosen with others");
        return values;
    }
    if (!hasInitial) {
        if (sym.selected.size() > 1) return drop("several options are selected for a question with one answer");
        return ojson(sym.selected.front());
    }
    if (item["initial"].size() > 1) return drop("several values for a question with one answer");
    std::string why;
    auto one = oneValue(item["initial"][0], sym.type, out, sym, why);
    if (!one) return drop(why);
    return one;
}

}  // namespace kiosk::forms::detail
