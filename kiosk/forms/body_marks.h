#pragma once
// Body-map answers read from outside (answer files, drafts, records written before the drawn map):
// ids of the earlier region list become the CHOIR regions they stand for (bodymap::aliases), so
// everything after reading sees current ids only.
#include "kiosk/forms/answer.h"

namespace kiosk::forms {

/// @brief @p marks with every old region id replaced by its region(s). Where two marks land on
///        one region they become one: the highest intensity and the kinds of both, in the
///        catalogue's order (nothing a patient said is dropped). Unknown ids are kept as they are,
///        for checkAnswer to report; marks keep their first-seen order.
BodyMapAnswer normalizeBodyMap(const BodyMapAnswer& marks);

}  // namespace kiosk::forms
