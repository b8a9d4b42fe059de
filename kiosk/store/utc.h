#pragma once
// UTC timestamps as the store keeps them: "2026-11-25T10:03:00Z" (ISO 8601, whole seconds).
// One fixed format, so text order is time order and SQLite can compare them as strings.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::store {

using SystemClock = std::chrono::system_clock;

std::string toUtcIso(SystemClock::time_point t);
std::string utcNowIso();
/// @brief Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; nullopt for anything else.
std::optional<SystemClock::time_point> parseUtcIso(std::string_view text);

}  // namespace kiosk::store
