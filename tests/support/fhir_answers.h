#pragma once
// A valid answer set for any form, keyed the FHIR way (original linkIds, options by their FHIR
// code), as `simulate --answers` takes them: for the FHIR round-trip and export tests.
#include <nlohmann/json.hpp>

#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/model.h"

namespace kiosk::testing {

/// One answer for every question it can answer plainly (yes/no, numbers, text, dates, choices).
inline nlohmann::json fhirAnswersFor(const forms::Form& form) {
    nlohmann::json a = nlohmann::json::object();
    for (const forms::Item* item : form.allItems()) {
        const std::string key = forms::linkIdOf(*item);
        auto code = [](const forms::Option& o) { return o.code.empty() ? o.value : o.code; };
        switch (item->type) {
            case forms::ItemType::YesNo:
            case forms::ItemType::Consent: a[key] = true; break;
            case forms::ItemType::Number: a[key] = item->min ? *item->min : item->max ? *item->max : 1; break;
            case forms::ItemType::Scale: a[key] = *item->min; break;
            case forms::ItemType::Text: a[key] = "x"; break;
            case forms::ItemType::Date: a[key] = "2020-01-02"; break;
            case forms::ItemType::Single: a[key] = code(item->options.front()); break;
            case forms::ItemType::Multi: a[key] = nlohmann::json::array({code(item->options.front())}); break;
            default: break;
        }
        // A repeating number or date takes a list (FHIR's repeats): two of the same value.
        if (item->repeats && (item->type == forms::ItemType::Number || item->type == forms::ItemType::Date))
            a[key] = nlohmann::json::array({a[key], a[key]});
    }
    return a;
}

}  // namespace kiosk::testing
