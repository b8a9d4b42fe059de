#pragma once
// A form file as JSON, read the way the loader reads it (same parser, same limits, same scalar
// rules: plain 4 is a number, "4" is text, true/false are booleans). Used to check forms against
// forms/form.schema.json and by tools that want the raw structure.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"

namespace kiosk::forms {

/// @brief The YAML in @p text as JSON, or nullopt with errors (located in @p displayPath).
std::optional<nlohmann::json> yamlToJson(std::string_view text, const std::string& displayPath, core::Errors& errors);

}  // namespace kiosk::forms
