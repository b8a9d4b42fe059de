#include "kiosk/forms/score_change.h"

#include <cmath>

#include "kiosk/forms/parse_context.h"
#include "kiosk/forms/scoring.h"

namespace kiosk::forms {
namespace {

/// Staff words in the two bundled languages; the label and bands come from the form.
struct Words {
    const char* better;
    const char* worse;
    const char* same;
    const char* higher;
    const char* lower;
    const char* by;
    const char* atLeast;  ///< "at least the %s-point minimal important change"
    const char* lessThan;
    const char* noMic;
};
const Words kEn{"improved", "worse", "no change", "higher", "lower", " by ",
                "at least the {}-point minimal important change", "less than the {}-point minimal important change",
                "no minimal important change is published"};
const Words kEs{"mejoró", "empeoró", "sin cambios", "más alto", "más bajo", " ",
                "al menos el cambio mínimo importante de {} puntos", "menos que el cambio mínimo importante de {} puntos",
                "no hay un cambio mínimo importante publicado"};

/// A number as staff read it: Spanish writes "3,5".
std::string number(double value, const std::string& lang) {
    std::string s = detail::formatNumber(value);
    if (lang == "es")
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string fill(const char* pattern, const std::string& value) {
    std::string s(pattern);
    const size_t at = s.find("{}");
    return at == std::string::npos ? s : s.replace(at, 2, value);
}

// A rule score's value is a group code (0 low, 1 medium...): its band says it; other scores show
// the number and the band.
std::string withBand(const Score& score, double value, const std::string& lang) {
    std::string s = number(value, lang);
    for (const ScoreBand& b : score.bands)
        if (value >= b.min - 1e-9 && value <= b.max + 1e-9)
            return score.method == ScoreMethod::Rule ? b.label.get(lang) : s + " (" + b.label.get(lang) + ")";
    return s;
}

}  // namespace

std::optional<ScoreChange> scoreChange(const Score& score, std::optional<double> previous, std::optional<double> now) {
    if (!previous || !now) return std::nullopt;
    ScoreChange c;
    c.score = &score;
    c.previous = *previous;
    c.now = *now;
    c.difference = roundTo(*now - *previous, score.decimals);
    if (!score.change) return c;
    const double gain = score.change->lowerIsBetter ? -c.difference : c.difference;
    c.way = gain > 0 ? ScoreChange::Way::Better : gain < 0 ? ScoreChange::Way::Worse : ScoreChange::Way::Same;
    if (score.change->mic) c.important = std::fabs(c.difference) >= *score.change->mic - 1e-9;
    return c;
}

std::string describeChange(const ScoreChange& c, const std::string& lang) {
    const Words& w = lang == "es" ? kEs : kEn;
    const Score& score = *c.score;
    std::string s = score.label.get(lang) + ": " + withBand(score, c.previous, lang) + " \u2192 " +
                    withBand(score, c.now, lang) + ": ";
    // "by 1" says nothing about a move between groups.
    const std::string amount = score.method == ScoreMethod::Rule ? std::string() : number(std::fabs(c.difference), lang);
    const char* by = amount.empty() ? "" : w.by;
    if (!c.way) {  // no `change` rule: only the direction of the number
        return s + (c.difference == 0 ? w.same : std::string(c.difference > 0 ? w.higher : w.lower) + by + amount);
    }
    if (*c.way == ScoreChange::Way::Same) return s + w.same;
    s += std::string(*c.way == ScoreChange::Way::Better ? w.better : w.worse) + by + amount + ", ";
    if (!c.important) return s + w.noMic;
    return s + fill(*c.important ? w.atLeast : w.lessThan, number(*score.change->mic, lang));
}

}  // namespace kiosk::forms
