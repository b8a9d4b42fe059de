#pragma once
// "Did you mean ...?" for misspelt keys, ids and enum values: form files, answers, config, command line.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// Edit distance (insert, delete, substitute, swap two neighbours) between @p a and @p b.
size_t editDistance(std::string_view a, std::string_view b);

/// The candidate closest to @p word when it is close enough to be a likely typo, else "".
/// Close enough: at most max(@p minEdits, length / 3) edits (a typo changes about one character in three).
std::string closest(std::string_view word, const std::vector<std::string>& candidates, size_t minEdits = 1);

/// What @p word may have meant: the closest() candidate when there is one; otherwise, for words of
/// three letters or more, up to @p maxCount candidates that contain the word or that it contains
/// (`allergy` -> oil_allergy; `pain` -> pain_now, pain_map), in candidate order. Empty when neither.
std::vector<std::string> suggestions(std::string_view word, const std::vector<std::string>& candidates,
                                     size_t minEdits = 1, size_t maxCount = 3);

/// "; did you mean 'x'?" (or "'x', 'y' or 'z'?", see suggestions) or "" when nothing fits.
/// It ends the sentence: put any further advice before it.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates, size_t minEdits = 1);

/// "a, b, c" for messages listing what is allowed.
std::string joinList(const std::vector<std::string>& words);

}  // namespace kiosk::core
