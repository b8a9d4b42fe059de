#pragma once
// Writing a form file: JSON (ordered, in the shape of forms/form.schema.json) as block YAML that
// the loader reads back to the same values. Strings are always double-quoted (so "4", "yes" or
// "no" stay text, as the loader's scalar rules want), numbers and booleans plain.
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::forms {

/// @brief @p doc (an object) as YAML text, keys in the order given.
std::string toYaml(const nlohmann::ordered_json& doc);

}  // namespace kiosk::forms
