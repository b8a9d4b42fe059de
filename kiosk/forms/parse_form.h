#pragma once
// The top level of a form file (internal to kiosk_forms; loader.h is the public entry point).
#include "kiosk/forms/parse_context.h"

namespace kiosk::forms::detail {

/// Reads @p root into @p form, reporting every shape and semantic error into @p ctx.
void readForm(Ctx& ctx, const YamlNode& root, Form& form);

}  // namespace kiosk::forms::detail
