#pragma once
// "Did you mean ...?" for typos in config keys, subcommands and options.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

/// Levenshtein distance (insertions, deletions, substitutions).
size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to @p word when it is close enough to be a typo (distance <= max(2, len/3)).
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kiosk::app
