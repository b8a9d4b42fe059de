#include "kiosk/forms/scoring.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/body_marks.h"
#include "kiosk/forms/conditions.h"

namespace kiosk::forms {
namespace {

std::optional<double> optionScore(const Item& item, const std::string& value) {
    const Option* o = item.findOption(value);
    return o != nullptr ? o->score : std::nullopt;
}

// The value of one referenced item for sum / mean / max, before reversing.
std::optional<double> itemValue(const ItemRef& ref, const Answer& answer) {
    if (ref.row != nullptr) {
        const auto* s = std::get_if<std::string>(&answer);
        return s != nullptr ? optionScore(*ref.item, *s) : std::nullopt;
    }
    const Item& item = *ref.item;
    if (const auto* d = std::get_if<double>(&answer)) return *d;
    if (const auto* b = std::get_if<bool>(&answer)) return *b ? 1.0 : 0.0;
    if (const auto* s = std::get_if<std::string>(&answer)) {
        if (item.type == ItemType::Single) return optionScore(item, *s);
        return std::nullopt;
    }
    if (const auto* m = std::get_if<std::vector<std::string>>(&answer)) {
        double sum = 0;
        for (const auto& v : *m) sum += optionScore(item, v).value_or(0);
        return sum;
    }
    if (const auto* marks = std::get_if<BodyMapAnswer>(&answer)) return static_cast<double>(marks->size());
    return std::nullopt;
}

// What one referenced item adds for `count`.
double countValue(const Answer& answer) {
    if (const auto* b = std::get_if<bool>(&answer)) return *b ? 1.0 : 0.0;
    if (const auto* m = std::get_if<std::vector<std::string>>(&answer))
        return static_cast<double>(m->size());
    if (const auto* marks = std::get_if<BodyMapAnswer>(&answer)) return static_cast<double>(marks->size());
    if (const auto* entries = std::get_if<ListAnswer>(&answer)) return static_cast<double>(entries->size());
    return 1.0;
}

// "matrix" in a score's items means each of its rows.
std::vector<std::pair<std::string, ItemRef>> expand(const Score& score, const Form& form) {
    std::vector<std::pair<std::string, ItemRef>> out;
    for (const std::string& id : score.items) {
        ItemRef ref = resolveRef(form, id);
        if (ref && ref.item->type == ItemType::Matrix && ref.row == nullptr) {
            for (const MatrixRow& row : ref.item->rows)
                out.emplace_back(id, ItemRef{ref.item, &row});
        } else {
            out.emplace_back(id, ref);  // an unknown id too: it counts toward total, never answered
        }
    }
    return out;
}

bool isReversed(const Score& score, const std::string& id) {
    return std::find(score.reverse.begin(), score.reverse.end(), id) != score.reverse.end();
}

/// Rounds the value and finds its band.
void finish(ScoreOutcome& out, const Score& score) {
    if (!out.value) return;
    out.value = roundTo(*out.value, score.decimals);
    constexpr double kEps = 1e-9;  // band edges are written as decimals: 4.0 must match 4
    for (const ScoreBand& band : score.bands) {
        if (*out.value >= band.min - kEps && *out.value <= band.max + kEps) {
            out.band = &band;
            break;
        }
    }
}

/// painful_regions, wpi, generalized_pain, worst_region: over the marks of every listed item.
ScoreOutcome bodyMapScore(const Score& score, const Form& form, const Answers& answers) {
    ScoreOutcome out;
    out.score = &score;
    BodyMapAnswer all;
    for (const auto& [id, ref] : expand(score, form)) {
        ++out.total;
        const std::optional<Answer> answer = refValue(ref, answers);
        const auto* marks = answer ? std::get_if<BodyMapAnswer>(&*answer) : nullptr;
        if (!marks) continue;
        ++out.answered;
        all.insert(all.end(), marks->begin(), marks->end());
    }
    if (out.answered < score.minAnswered) return out;
    switch (score.method) {
        case ScoreMethod::PainfulRegions: out.value = painfulRegions(all); break;
        case ScoreMethod::Wpi: out.value = widespreadPainIndex(all); break;
        case ScoreMethod::GeneralizedPain: out.value = generalizedPainRegions(all) >= 4 ? 1 : 0; break;
        case ScoreMethod::WorstRegion:
            if (auto worst = worstRegion(all)) {
                out.value = worst->intensity;
                out.region = worst->region;
            }
            break;
        default: break;
    }
    finish(out, score);
    return out;
}

void scoresNamed(const Condition& c, std::vector<std::string>& out) {
    if (!c.score.empty() && std::find(out.begin(), out.end(), c.score) == out.end()) out.push_back(c.score);
    for (const Condition& child : c.children) scoresNamed(child, out);
}

/// method rule: no value unless every score its rules name has one (a risk group is not guessed
/// from a subscore with a missing item); then the first rule that holds, else `otherwise`.
ScoreOutcome ruleScore(const Score& score, const Form& form, const Answers& answers) {
    ScoreOutcome out;
    out.score = &score;
    std::vector<std::string> named;
    for (const ScoreRule& r : score.rules) scoresNamed(r.when, named);
    for (const std::string& id : named) {
        ++out.total;
        const Score* s = form.findScore(id);
        if (s != nullptr && computeScore(*s, form, answers).value) ++out.answered;
    }
    if (out.answered < out.total) return out;
    for (const ScoreRule& r : score.rules) {
        if (evaluate(r.when, form, answers)) {
            out.value = r.value;
            break;
        }
    }
    if (!out.value) out.value = score.otherwise;
    finish(out, score);
    return out;
}

}  // namespace

std::optional<ValueRange> valueRange(const Item& item) {
    switch (item.type) {
        case ItemType::Scale: return ValueRange{item.min.value_or(0), item.max.value_or(10)};
        case ItemType::Number:
            if (item.min && item.max) return ValueRange{*item.min, *item.max};
            return std::nullopt;
        case ItemType::YesNo:
        case ItemType::Consent: return ValueRange{0, 1};
        case ItemType::Single:
        case ItemType::Matrix: {
            std::optional<ValueRange> r;
            for (const Option& o : item.options) {
                if (!o.score) continue;
                if (!r) r = ValueRange{*o.score, *o.score};
                r->min = std::min(r->min, *o.score);
                r->max = std::max(r->max, *o.score);
            }
            return r;
        }
        default: return std::nullopt;
    }
}

double roundTo(double value, int decimals) {
    const double scale = std::pow(10.0, std::max(decimals, 0));
    return std::round(value * scale) / scale;
}

ScoreOutcome computeScore(const Score& score, const Form& form, const Answers& answers) {
    if (isBodyMapMethod(score.method)) return bodyMapScore(score, form, answers);
    if (score.method == ScoreMethod::Rule) return ruleScore(score, form, answers);
    ScoreOutcome out;
    out.score = &score;
    std::vector<double> values;
    for (const auto& [id, ref] : expand(score, form)) {
        ++out.total;
        const std::optional<Answer> answer = refValue(ref, answers);
        if (!answer) continue;
        const bool reversed = isReversed(score, id);
        std::optional<double> v;
        if (score.method == ScoreMethod::Count) {
            v = countValue(*answer);
            if (reversed && (ref.item->type == ItemType::YesNo || ref.item->type == ItemType::Consent))
                v = 1.0 - *v;
        } else {
            v = itemValue(ref, *answer);
            if (v && reversed) {
                if (auto range = valueRange(*ref.item)) v = range->min + range->max - *v;
            }
        }
        if (!v) continue;
        ++out.answered;
        values.push_back(*v);
    }
    if (out.answered < score.minAnswered) return out;

    double sum = 0;
    for (double v : values) sum += v;
    switch (score.method) {
        case ScoreMethod::Sum:
            if (score.prorate && out.answered > 0 && out.answered < out.total)
                sum = sum * out.total / out.answered;
            out.value = sum;
            break;
        case ScoreMethod::Count: out.value = sum; break;
        case ScoreMethod::Mean:
            if (!values.empty()) out.value = sum / static_cast<double>(values.size());
            break;
        case ScoreMethod::Max:
            if (!values.empty()) out.value = *std::max_element(values.begin(), values.end());
            break;
        default: break;  // body-map methods: bodyMapScore; rule: ruleScore
    }
    finish(out, score);
    return out;
}

std::vector<ScoreOutcome> computeScores(const Form& form, const Answers& answers) {
    std::vector<ScoreOutcome> out;
    out.reserve(form.scores.size());
    for (const Score& s : form.scores) out.push_back(computeScore(s, form, answers));
    return out;
}

std::vector<const Flag*> raisedFlags(const Form& form, const Answers& answers) {
    std::vector<const Flag*> out;
    for (const Flag& f : form.flags)
        if (evaluate(f.when, form, answers)) out.push_back(&f);
    return out;
}

}  // namespace kiosk::forms
