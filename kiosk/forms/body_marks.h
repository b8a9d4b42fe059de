#pragma once
// Body-map answers: reading them from outside (answer files, drafts, records written before the
// drawn map: ids of the earlier region list become the CHOIR regions they stand for, so
// everything after reading sees current ids only), and what the body-map scores count in them.
#include <optional>
#include <string>

#include "kiosk/forms/answer.h"

namespace kiosk::forms {

/// @brief @p marks with every old region id replaced by its region(s). Where two marks land on
///        one region they become one: the highest intensity and the kinds of both, in the
///        catalogue's order (nothing a patient said is dropped). Unknown ids are kept as they are,
///        for checkAnswer to report; marks keep their first-seen order.
BodyMapAnswer normalizeBodyMap(const BodyMapAnswer& marks);

/// A marked region hurts unless the patient rated it 0 ("no pain now"); one not rated yet does.
bool isPainful(const BodyMark& mark);
/// Painful regions of @p marks (each region once; unknown ids are not counted).
int painfulRegions(const BodyMapAnswer& marks);
/// The Widespread Pain Index: how many of its 19 areas hold a painful region (0-19).
int widespreadPainIndex(const BodyMapAnswer& marks);
/// How many of the 5 body regions hold a painful area that counts toward generalized pain
/// (jaw, chest and abdomen do not); generalized pain is 4 or more.
int generalizedPainRegions(const BodyMapAnswer& marks);

/// @brief The strongest rated region: its id and intensity.
struct WorstRegion {
    std::string region;
    int intensity = 0;
};
/// The region with the highest intensity (the first marked on a tie); none when no mark is rated.
std::optional<WorstRegion> worstRegion(const BodyMapAnswer& marks);

}  // namespace kiosk::forms
