#pragma once
// A valid answer set for any form, keyed the FHIR way (original linkIds, options by their FHIR
// code), as `simulate --answers` takes them: for the FHIR round-trip and export tests.
#include <nlohmann/json.hpp>

#include "kiosk/forms/fhir_link.h"
#include "kiosk/forms/model.h"

namespace kiosk::testing {

/// One answer to @p item keyed the FHIR way, or null for what it does not answer plainly.
inline nlohmann::json fhirAnswerFor(const forms::Item& item) {
    auto code = [](const forms::Option& o) { return o.code.empty() ? o.value : o.code; };
    nlohmann::json v;
    switch (item.type) {
        case forms::ItemType::YesNo:
        case forms::ItemType::Consent: v = true; break;
        case forms::ItemType::Number: v = item.min ? *item.min : item.max ? *item.max : 1; break;
        case forms::ItemType::Scale: v = *item.min; break;
        case forms::ItemType::Text: v = "x"; break;
        case forms::ItemType::Date: v = "2020-01-02"; break;
        case forms::ItemType::Single: v = code(item.options.front()); break;
        case forms::ItemType::Multi: v = nlohmann::json::array({code(item.options.front())}); break;
        case forms::ItemType::List: {  // two entries, each field answered, keyed by the fields' linkIds
            nlohmann::json entry = nlohmann::json::object();
            for (const forms::Item& field : item.fields)
                if (nlohmann::json f = fhirAnswerFor(field); !f.is_null()) entry[forms::linkIdOf(field)] = f;
            v = nlohmann::json::array({entry, entry});
            break;
        }
        default: break;
    }
    // A repeating number or date takes a list (FHIR's repeats): two of the same value.
    if (!v.is_null() && item.repeats && (item.type == forms::ItemType::Number || item.type == forms::ItemType::Date))
        v = nlohmann::json::array({v, v});
    return v;
}

/// One answer for every question it can answer plainly (yes/no, numbers, text, dates, choices, lists).
inline nlohmann::json fhirAnswersFor(const forms::Form& form) {
    nlohmann::json a = nlohmann::json::object();
    for (const forms::Item* item : form.allItems())
        if (nlohmann::json v = fhirAnswerFor(*item); !v.is_null()) a[forms::linkIdOf(*item)] = std::move(v);
    return a;
}

}  // namespace kiosk::testing
