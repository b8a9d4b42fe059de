#pragma once
// The top level of a form file (internal to kiosk_forms; loader.h is the public entry point).
#include "kiosk/forms/parse_context.h"

namespace kiosk::forms::detail {

/// `license: {text, attribution, url}` (of a form, or of an instrument block); @p what names it.
std::optional<License> readLicense(Ctx& ctx, const YamlNode& node, const std::string& what);

/// Reads @p root into @p form, reporting every shape and semantic error into @p ctx.
void readForm(Ctx& ctx, const YamlNode& root, Form& form);

}  // namespace kiosk::forms::detail
