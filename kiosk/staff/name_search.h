#pragma once
// How the desk's "Find by name" compares what staff typed with a patient's name: case and the
// accents of Latin letters do not matter ("maria" and "MARÍA" find "María", "nunez" finds "Núñez"),
// since a receptionist types what the patient says, on a keyboard whose accents are a tap away
// but easy to leave out. Plain C++; the copies it makes of a name are wiped before they go.
#include <string>
#include <string_view>

namespace kiosk::staff {

/// @brief @p text in lower case with the accents of Latin-1 letters taken off (UTF-8 in and out:
///        "Núñez" -> "nunez", "ÇA" -> "ca"); other characters as they are.
std::string foldForSearch(std::string_view text);

/// @brief True when @p typed, folded, is found in "first last", folded; an empty @p typed matches.
bool nameMatches(const std::string& first, const std::string& last, std::string_view typed);

}  // namespace kiosk::staff
