#pragma once
// Loading an instrument file that a form's page entry includes (internal to kiosk_forms): the same
// reader as loadForm, with includes refused inside it (one level, so nothing can loop).
#include <string>

#include "kiosk/forms/loader.h"

namespace kiosk::forms::detail {

LoadResult loadIncluded(const std::string& path);

}  // namespace kiosk::forms::detail
