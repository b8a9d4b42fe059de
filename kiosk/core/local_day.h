#pragma once
// The clinic's days: staff think in local days and times ("today's intakes", "from 3 to 5 March",
// "signed 10:42" on the desk and in the PDF) while the store keeps UTC. These convert between the
// two with the system's time zone (TZ), DST included.
#include "kiosk/core/clock.h"
#include <optional>
#include <string>
#include <utility>

namespace kiosk::core {

/// @brief The local day of @p t, "YYYY-MM-DD".
std::string localDay(core::SystemTime t);
/// @brief [since, until) in UTC ISO for local days @p from to @p to, both included; nullopt when
///        either is not a real "YYYY-MM-DD" day or @p to is before @p from.
std::optional<std::pair<std::string, std::string>> localDaysToUtc(const std::string& from, const std::string& to);
/// @brief "20261125-104200": the local time of @p t, for file names that sort (and name no one).
std::string localStamp(core::SystemTime t);
/// @brief The day @p n days after @p day ("YYYY-MM-DD"; @p n may be negative): the desk's date
///        steppers. @p day itself when it is not a real day.
std::string addDays(const std::string& day, int n);
/// @brief A stored UTC time as the local day and "HH:MM"; {"", ""} when it does not parse.
std::pair<std::string, std::string> localDayAndTime(const std::string& utcIso);

}  // namespace kiosk::core
