#pragma once
// The clinic's days: staff think in local days ("today's intakes", "from 3 to 5 March") while the
// store keeps UTC. These convert between the two with the system's time zone (TZ), DST included.
#include <optional>
#include <string>
#include <utility>

#include "kiosk/core/clock.h"

namespace kiosk::staff {

/// @brief The local day of @p t, "YYYY-MM-DD".
std::string localDay(core::SystemTime t);
/// @brief [since, until) in UTC ISO for local days @p from to @p to, both included; nullopt when
///        either is not a real "YYYY-MM-DD" day or @p to is before @p from.
std::optional<std::pair<std::string, std::string>> localDaysToUtc(const std::string& from, const std::string& to);
/// @brief A stored UTC time as the local day and "HH:MM"; {"", ""} when it does not parse.
std::pair<std::string, std::string> localDayAndTime(const std::string& utcIso);

}  // namespace kiosk::staff
