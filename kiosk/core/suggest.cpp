#include "kiosk/core/suggest.h"

#include <algorithm>

namespace kiosk::core {

size_t editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance, three rows: forms have short words, so this is cheap.
    std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates, size_t minEdits) {
    if (word.size() > 200) return {};  // nobody mistypes 200 characters; keep the work bounded
    const size_t limit = std::max<size_t>(minEdits, word.size() / 3);
    std::string best;
    size_t bestDistance = limit + 1;
    for (const auto& c : candidates) {
        if (c == word || c.size() > word.size() + limit + 1) continue;
        const size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::vector<std::string> suggestions(std::string_view word, const std::vector<std::string>& candidates,
                                     size_t minEdits, size_t maxCount) {
    if (std::string c = closest(word, candidates, minEdits); !c.empty()) return {std::move(c)};
    // A part of an id is a common slip too ("allergy" for oil_allergy). Short words are part of
    // too many ids to say anything, so both sides need three letters.
    constexpr size_t kMinPart = 3;
    std::vector<std::string> out;
    if (word.size() < kMinPart || word.size() > 200) return out;
    for (const auto& c : candidates) {
        if (out.size() == maxCount) break;
        if (c == word || c.size() < kMinPart) continue;
        if (c.find(word) != std::string::npos || word.find(c) != std::string_view::npos) out.push_back(c);
    }
    return out;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates, size_t minEdits) {
    const std::vector<std::string> s = suggestions(word, candidates, minEdits);
    if (s.empty()) return {};
    std::string out = "; did you mean ";
    for (size_t i = 0; i < s.size(); ++i)
        out += (i == 0 ? "" : i + 1 == s.size() ? " or " : ", ") + ("'" + s[i] + "'");
    return out + "?";
}

std::string joinList(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ", ";
        out += w;
    }
    return out;
}

}  // namespace kiosk::core
