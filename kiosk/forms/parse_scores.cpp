// Scores and flags: staff-facing results. Score items must give a number for the method
// (sum/mean/max) or be countable (count); reverse items are a subset of items; bands do not
// overlap. Flags carry a severity and a `when` condition over any item of the form.
#include <algorithm>
#include <cmath>

#include "kiosk/bodymap/regions.h"
#include "kiosk/forms/parse_items.h"
#include "kiosk/forms/scoring.h"

namespace kiosk::forms::detail {
namespace {

const std::vector<std::pair<std::string, ScoreMethod>> kMethods = {
    {"sum", ScoreMethod::Sum},
    {"mean", ScoreMethod::Mean},
    {"max", ScoreMethod::Max},
    {"count", ScoreMethod::Count},
    {"painful_regions", ScoreMethod::PainfulRegions},
    {"wpi", ScoreMethod::Wpi},
    {"generalized_pain", ScoreMethod::GeneralizedPain},
    {"worst_region", ScoreMethod::WorstRegion},
    {"rule", ScoreMethod::Rule},
};
const std::vector<std::pair<std::string, bool>> kBetter = {{"lower", true}, {"higher", false}};

std::string methodName(ScoreMethod method) {
    for (const auto& [name, m] : kMethods)
        if (m == method) return name;
    return "?";
}
const std::vector<std::pair<std::string, Severity>> kSeverities = {
    {"urgent", Severity::Urgent}, {"caution", Severity::Caution},
};

/// Can @p ref contribute to a score with @p method? Says why not at @p at.
bool checkScoreItem(Ctx& ctx, const YamlNode& at, const ItemRef& ref, ScoreMethod method, const std::string& scoreId) {
    const Item& item = *ref.sym->item;
    const std::string t(toString(item.type));
    if (item.type == ItemType::Info) {
        ctx.error(at, "score '" + scoreId + "' lists '" + item.id + "', an info item, which has no answer");
        return false;
    }
    if (isBodyMapMethod(method)) {
        if (item.type != ItemType::BodyMap) {
            ctx.error(at, "score '" + scoreId + "' has method: " + methodName(method) + ", which reads body-map regions, but '" +
                              item.id + "' is a " + t + " item; list body_map items only");
            return false;
        }
        if (method == ScoreMethod::WorstRegion &&
            std::find(item.detail.begin(), item.detail.end(), BodyDetail::Intensity) == item.detail.end()) {
            ctx.error(at, "score '" + scoreId + "' has method: worst_region, which compares how strong the pain is in "
                              "each region, but '" + item.id + "' does not ask; add detail: [intensity] to it");
            return false;
        }
        return true;
    }
    if (method == ScoreMethod::Count) return true;  // counts yes answers, selections, regions or answers
    if (item.repeats && item.type == ItemType::Number) {
        ctx.error(at, "score '" + scoreId + "' cannot use '" + item.id + "': it repeats (several values); "
                      "use method: count, or an item without repeats");
        return false;
    }
    switch (item.type) {
        case ItemType::Number:
        case ItemType::Scale:
        case ItemType::YesNo:
            return true;
        case ItemType::Single:
        case ItemType::Matrix:
            for (const auto& o : item.options) {
                if (!o.score) {
                    ctx.error(at, "score '" + scoreId + "' uses '" + item.id + "', but its option '" + o.value +
                                      "' (line " + std::to_string(o.where.line) +
                                      ") has no 'score'; give every option a score: N");
                    return false;
                }
            }
            return true;
        default:
            ctx.error(at, "score '" + scoreId + "' cannot " +
                              std::string(method == ScoreMethod::Sum ? "sum" : method == ScoreMethod::Mean ? "average" : "take the max of") +
                              " '" + item.id + "', a " + t + " item; use number, scale, yes_no, single or matrix items" +
                              (item.type == ItemType::Multi || item.type == ItemType::List ? ", or method: count"
                               : item.type == ItemType::BodyMap
                                   ? ", or method: count, painful_regions, wpi, generalized_pain or worst_region"
                                   : ""));
            return false;
    }
}

/// Reverse scoring needs both ends of the item's range.
bool checkReversible(Ctx& ctx, const YamlNode& at, const ItemRef& ref) {
    const Item& item = *ref.sym->item;
    if (item.type == ItemType::Number && (!item.min || !item.max)) {
        ctx.error(at, "'" + item.id + "' is reverse-scored but has no min and max; reverse scoring uses min + max - value");
        return false;
    }
    return true;
}

/// What a score can come to, as far as the form tells: a band outside it can never apply, and
/// `whole` scores have no values between two whole numbers for a band to miss.
struct Reach {
    double min = 0, max = 0;
    bool whole = true;
};

/// The values one listed item (or matrix row) gives @p method; empty when unbounded.
std::optional<Reach> itemReach(const Item& item, bool row, ScoreMethod method) {
    if (method == ScoreMethod::Count) {
        const size_t rows = item.type == ItemType::Matrix && !row ? item.rows.size() : 1;
        switch (item.type) {
            case ItemType::Multi:
                return Reach{0, static_cast<double>(item.maxSelected > 0 ? static_cast<size_t>(item.maxSelected)
                                                                         : item.options.size())};
            case ItemType::BodyMap: return Reach{0, static_cast<double>(bodymap::regions().size())};
            case ItemType::List: return Reach{0, static_cast<double>(item.maxEntries)};  // its entries
            default: return Reach{0, static_cast<double>(rows)};
        }
    }
    const auto range = valueRange(item);
    if (!range) return std::nullopt;
    const auto isWhole = [](double v) { return v == std::floor(v); };
    Reach r{range->min, range->max, true};
    if (item.type == ItemType::Number) r.whole = item.decimals == 0 && isWhole(item.step) && isWhole(r.min);
    for (const Option& o : item.options) r.whole = r.whole && isWhole(o.score.value_or(0));
    if (item.type == ItemType::Matrix && !row && method == ScoreMethod::Sum) {  // a whole matrix adds up its rows
        r.min *= static_cast<double>(item.rows.size());
        r.max *= static_cast<double>(item.rows.size());
    }
    return r;
}

/// What @p score can come to, or nothing when an item is unbounded or did not resolve.
std::optional<Reach> scoreReach(const Ctx& ctx, const Score& score) {
    switch (score.method) {  // the body-map methods' ranges do not depend on the items
        case ScoreMethod::PainfulRegions: return Reach{0, static_cast<double>(bodymap::regions().size()), true};
        case ScoreMethod::Wpi: return Reach{0, static_cast<double>(bodymap::wpiAreas().size()), true};
        case ScoreMethod::GeneralizedPain: return Reach{0, 1, true};
        case ScoreMethod::WorstRegion: return Reach{0, 10, true};
        case ScoreMethod::Rule: {  // one of the rules' values, or `otherwise`
            std::vector<double> values;
            for (const ScoreRule& r : score.rules) values.push_back(r.value);
            if (score.otherwise) values.push_back(*score.otherwise);
            if (values.empty()) return std::nullopt;
            Reach r{*std::min_element(values.begin(), values.end()), *std::max_element(values.begin(), values.end()), true};
            for (double v : values) r.whole = r.whole && v == std::floor(v);
            return r;
        }
        default: break;
    }
    std::optional<Reach> total;
    double lowest = 0, highest = 0;  // one item's extremes, for mean, max and a prorated sum
    double count = 0;  // rows, after expanding whole matrices
    for (const std::string& ref : score.items) {
        const size_t dot = ref.find('.');
        const ItemSym* sym = ctx.findItem(ref.substr(0, dot));
        if (!sym || !sym->item) return std::nullopt;
        const auto r = itemReach(*sym->item, dot != std::string::npos, score.method);
        if (!r) return std::nullopt;
        const size_t n = sym->item->type == ItemType::Matrix && dot == std::string::npos ? sym->item->rows.size() : 1;
        const double per = score.method == ScoreMethod::Sum ? static_cast<double>(n) : 1;  // undo a matrix's rows
        lowest = total ? std::min(lowest, r->min / per) : r->min / per;
        highest = total ? std::max(highest, r->max / per) : r->max / per;
        if (!total) total = Reach{0, 0, true};
        total->min += r->min;
        total->max += r->max;
        total->whole = total->whole && r->whole;
        count += static_cast<double>(n);
    }
    if (!total) return std::nullopt;
    switch (score.method) {
        case ScoreMethod::Sum:
            // Scaling up to all items can lift a sum of the highest-reaching items past the plain total.
            if (score.prorate) return Reach{lowest * count, highest * count, false};
            return total;
        case ScoreMethod::Mean: return Reach{lowest, highest, false};
        case ScoreMethod::Max: return Reach{lowest, highest, total->whole};
        case ScoreMethod::Count: return total;
        default: return std::nullopt;  // body-map methods and rule returned above
    }
}

void readBands(Ctx& ctx, const YamlNode& node, Score& score) {
    const auto* list = ctx.list(node, "bands");
    if (!list) return;
    const std::optional<Reach> reach = scoreReach(ctx, score);
    struct Placed { double min, max; int line; const YamlNode* node; };
    std::vector<Placed> placed;
    for (const YamlNode& bn : *list) {
        MapReader m(ctx, bn, "a band of score '" + score.id + "'");
        if (!m.ok()) continue;
        m.allow({"min", "max", "label"});
        ScoreBand b;
        b.where = ctx.loc(bn);
        const YamlNode* lo = m.need("min", "add min: N (bands include both ends)");
        const YamlNode* hi = m.need("max", "add max: N (bands include both ends)");
        auto vlo = lo ? ctx.number(*lo, "min") : std::nullopt;
        auto vhi = hi ? ctx.number(*hi, "max") : std::nullopt;
        if (const YamlNode* l = m.need("label", "add label: {...} (what staff read for this range)"))
            b.label = ctx.translated(*l, "label");
        if (!vlo || !vhi) continue;
        b.min = *vlo;
        b.max = *vhi;
        if (b.min > b.max) {
            ctx.error(*hi, "band max " + formatNumber(b.max) + " is below its min " + formatNumber(b.min));
            continue;
        }
        for (const Placed& p : placed) {
            if (b.min <= p.max && p.min <= b.max) {
                ctx.error(bn, "band " + formatNumber(b.min) + ".." + formatNumber(b.max) + " overlaps band " +
                                  formatNumber(p.min) + ".." + formatNumber(p.max) + " (line " + std::to_string(p.line) +
                                  "); bands include both ends, so each must start above the previous max");
                break;
            }
        }
        if (reach && (b.max < reach->min || b.min > reach->max)) {
            ctx.error(bn, "band " + formatNumber(b.min) + ".." + formatNumber(b.max) + " can never apply: score '" +
                              score.id + "' goes from " + formatNumber(reach->min) + " to " + formatNumber(reach->max));
            continue;
        }
        placed.push_back({b.min, b.max, bn.line, &bn});
        score.bands.push_back(std::move(b));
    }
    // The smallest difference two results can have: a whole-number score has nothing between 3
    // and 4 to miss; otherwise results are rounded to `decimals`.
    const bool whole = reach && reach->whole;
    const double resolution = whole ? 1 : std::pow(10.0, -score.decimals);
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.min < b.min; });
    for (size_t i = 1; i < placed.size(); ++i) {
        const Placed& before = placed[i - 1];
        const Placed& band = placed[i];
        if (band.min - before.max <= resolution * (1 + 1e-9)) continue;
        const double from = whole ? std::floor(before.max) + 1 : roundTo(before.max + resolution, score.decimals);
        const double to = whole ? std::ceil(band.min) - 1 : roundTo(band.min - resolution, score.decimals);
        ctx.error(*band.node, "no band covers " + formatNumber(from) + (from < to ? " to " + formatNumber(to) : "") +
                                  ": the band before (line " + std::to_string(before.line) + ") ends at " +
                                  formatNumber(before.max) + "; start this band at " + formatNumber(from) +
                                  (whole ? " (the score is a whole number)"
                                         : " (the score is rounded to " + std::to_string(score.decimals) +
                                               (score.decimals == 1 ? " decimal)" : " decimals)")));
    }
}

/// `change: {better: lower|higher, mic: N, source: "..."}`.
void readChange(Ctx& ctx, const YamlNode& node, Score& score) {
    MapReader m(ctx, node, "'change'");
    if (!m.ok()) return;
    m.allow({"better", "mic", "source"});
    ChangeRule c;
    if (const YamlNode* b = m.need("better", "add better: lower (or higher): which way is an improvement"))
        if (auto v = ctx.choice(*b, "better", kBetter)) c.lowerIsBetter = *v;
    if (const YamlNode* mic = m.get("mic")) {
        if (auto v = ctx.number(*mic, "mic")) {
            if (*v <= 0) ctx.error(*mic, "'mic' is a change in score points and must be greater than 0");
            else c.mic = *v;
        }
        if (!m.get("source"))
            ctx.error(*mic, "a minimal important change needs the source that gives it; add source: \"...\"");
    }
    if (const YamlNode* s = m.get("source"))
        if (auto v = ctx.text(*s, "source")) c.source = *v;
    score.change = c;
}

/// method: rule: `rules: [{when: condition over scores, value: N}]`, `otherwise: N`.
void readRules(Ctx& ctx, MapReader& m, Score& score) {
    if (const YamlNode* i = m.get("items"))
        ctx.error(*i, "a rule score reads other scores in its rules, not items; remove 'items'");
    if (const YamlNode* r = m.get("reverse")) ctx.error(*r, "'reverse' has no meaning for method: rule; remove it");
    score.decimals = 0;
    if (const YamlNode* d = m.get("decimals"))
        if (auto v = ctx.integer(*d, "decimals", 0, 6)) score.decimals = *v;
    if (const YamlNode* o = m.get("otherwise"))
        if (auto v = ctx.number(*o, "otherwise")) score.otherwise = *v;
    const YamlNode* rules = m.need("rules", "add rules: [{when: {score: ..., op: ..., value: ...}, value: N}]");
    const auto* list = rules ? ctx.list(*rules, "rules") : nullptr;
    if (!list) return;
    if (list->empty()) ctx.error(*rules, "'rules' is empty; add at least one {when: ..., value: N}");
    for (const YamlNode& rn : *list) {
        MapReader rm(ctx, rn, "a rule of score '" + score.id + "'");
        if (!rm.ok()) continue;
        rm.allow({"when", "value"});
        ScoreRule rule;
        rule.where = ctx.loc(rn);
        const YamlNode* w = rm.need("when", "add when: {score: a_score, op: \">=\", value: N}");
        const YamlNode* v = rm.need("value", "add value: N (the score's value when this rule holds)");
        CondScope scope{"when", std::nullopt, std::nullopt, true, score.id};
        auto cond = w ? readCondition(ctx, *w, scope) : std::nullopt;
        auto value = v ? ctx.number(*v, "value") : std::nullopt;
        if (!cond || !value) continue;
        rule.when = std::move(*cond);
        rule.value = *value;
        score.rules.push_back(std::move(rule));
    }
}

void readScore(Ctx& ctx, const YamlNode& node, Score& score, std::map<std::string, core::SourceLoc>& ids) {
    MapReader m(ctx, node, "a score");
    score.where = ctx.loc(node);
    if (!m.ok()) return;
    m.allow({"id", "label", "method", "items", "reverse", "missing", "decimals", "bands", "rules", "otherwise",
             "change", "loinc", "note"});
    if (const YamlNode* id = m.need("id", "add id: a_score_id"))
        if (auto v = ctx.ident(*id, "id")) {
            score.id = *v;
            ctx.unique(ids, score.id, *id, "score id");
            m.rename("score '" + score.id + "'");
            // Records and exports put item answers and scores side by side, keyed by id.
            if (const ItemSym* clash = ctx.findItem(score.id))
                ctx.error(*id, "score id '" + score.id + "' is also the id of an item (line " +
                                   std::to_string(clash->idLoc.line) + "); give the score its own id, e.g. '" +
                                   score.id + "_score'");
        }
    if (const YamlNode* l = m.need("label", "add label: {...} (what staff read)")) score.label = ctx.translated(*l, "label");
    if (const YamlNode* me = m.get("method"))
        if (auto v = ctx.choice(*me, "method", kMethods)) score.method = *v;

    if (const YamlNode* l = m.get("loinc"))
        if (auto v = ctx.loinc(*l)) score.loinc = *v;
    if (const YamlNode* n = m.get("note")) score.note = ctx.translated(*n, "note");
    if (const YamlNode* c = m.get("change")) readChange(ctx, *c, score);
    if (score.method == ScoreMethod::Rule) {
        readRules(ctx, m, score);
        if (const YamlNode* b = m.get("bands")) readBands(ctx, *b, score);
        return;
    }
    for (const char* key : {"rules", "otherwise"})
        if (const YamlNode* k = m.get(key))
            ctx.error(*k, "'" + std::string(key) + "' belongs to method: rule; remove it or set method: rule");

    size_t counted = 0;  // items after expanding whole matrices into rows
    std::map<std::string, core::SourceLoc> listed;
    if (const YamlNode* items = m.need("items", "add items: [item_id, ...]")) {
        if (const auto* list = ctx.list(*items, "items")) {
            if (list->empty()) ctx.error(*items, "score '" + score.id + "' has no items; list the items it adds up");
            for (const YamlNode& in : *list) {
                auto ref = resolveRef(ctx, in, "score '" + score.id + "'");
                if (!ref) continue;
                if (!checkScoreItem(ctx, in, *ref, score.method, score.id)) continue;
                // A whole matrix stands for its rows: "m" and "m.r" together count "m.r" twice.
                const Item& item = *ref->sym->item;
                std::vector<std::string> keys;
                if (item.type == ItemType::Matrix && !ref->row)
                    for (const auto& r : item.rows) keys.push_back(item.id + "." + r.id);
                else
                    keys.push_back(in.value);
                bool fresh = true;
                for (const auto& k : keys)
                    if (listed.count(k)) fresh = false;
                if (!fresh) {
                    ctx.error(in, "score '" + score.id + "' lists '" + in.value + "' twice (a matrix id includes all its rows)");
                    continue;
                }
                for (const auto& k : keys) listed.emplace(k, ctx.loc(in));
                counted += keys.size();
                score.items.push_back(in.value);
            }
        }
    }
    if (const YamlNode* rev = m.get("reverse")) {
        if (score.method == ScoreMethod::Count || isBodyMapMethod(score.method)) {
            ctx.error(*rev, "'reverse' has no meaning for method: " + methodName(score.method) + "; remove it");
        } else if (const auto* list = ctx.list(*rev, "reverse")) {
            for (const YamlNode& rn : *list) {
                if (!rn.isScalar() || std::find(score.items.begin(), score.items.end(), rn.value) == score.items.end()) {
                    ctx.error(rn, "reverse lists " + describe(rn) + ", which is not in the items of score '" + score.id +
                                      "'" + (rn.isScalar() ? didYouMean(rn.value, score.items) : std::string()));
                    continue;
                }
                auto ref = resolveRef(ctx, rn, "reverse");
                if (ref && checkReversible(ctx, rn, *ref)) score.reverse.push_back(rn.value);
            }
        }
    }
    if (const YamlNode* miss = m.get("missing")) {
        MapReader mm(ctx, *miss, "'missing'");
        mm.allow({"min_answered", "prorate", "rule"});
        if (const YamlNode* r = mm.get("rule")) score.missingRule = ctx.translated(*r, "rule");
        if (const YamlNode* ma = mm.get("min_answered"))
            if (auto v = ctx.integer(*ma, "min_answered", 1, std::max<int>(1, static_cast<int>(counted))))
                score.minAnswered = *v;
        if (const YamlNode* pr = mm.get("prorate")) {
            if (auto v = ctx.boolean(*pr, "prorate")) {
                if (*v && score.method != ScoreMethod::Sum)
                    ctx.error(*pr, "'prorate' scales up a sum; it has no meaning for method: " + methodName(score.method));
                else score.prorate = *v;
            }
        }
    }
    if (const YamlNode* d = m.get("decimals"))
        if (auto v = ctx.integer(*d, "decimals", 0, 6)) score.decimals = *v;
    if (const YamlNode* b = m.get("bands")) readBands(ctx, *b, score);
}

void readFlag(Ctx& ctx, const YamlNode& node, Flag& flag, std::map<std::string, core::SourceLoc>& ids) {
    MapReader m(ctx, node, "a flag");
    flag.where = ctx.loc(node);
    if (!m.ok()) return;
    m.allow({"id", "severity", "label", "explain", "when"});
    if (const YamlNode* id = m.need("id", "add id: a_flag_id"))
        if (auto v = ctx.ident(*id, "id")) {
            flag.id = *v;
            ctx.unique(ids, flag.id, *id, "flag id");
            m.rename("flag '" + flag.id + "'");
        }
    if (const YamlNode* s = m.need("severity", "add severity: urgent (see a clinician first) or caution"))
        if (auto v = ctx.choice(*s, "severity", kSeverities)) flag.severity = *v;
    if (const YamlNode* l = m.need("label", "add label: {...} (the alert staff see)")) flag.label = ctx.translated(*l, "label");
    if (const YamlNode* e = m.get("explain")) flag.explain = ctx.translated(*e, "explain");
    if (const YamlNode* w = m.need("when", "add when: {item: ..., op: ..., value: ...}"))
        if (auto c = readCondition(ctx, *w, CondScope{"when", std::nullopt, std::nullopt, true, ""})) flag.when = std::move(*c);
}

}  // namespace

void readScores(Ctx& ctx, const YamlNode& node, std::vector<Score>& scores) {
    const auto* list = ctx.list(node, "scores");
    if (!list) return;
    std::map<std::string, core::SourceLoc> ids;
    scores.resize(list->size());
    for (size_t i = 0; i < list->size(); ++i) readScore(ctx, (*list)[i], scores[i], ids);
}

void readFlags(Ctx& ctx, const YamlNode& node, std::vector<Flag>& flags) {
    const auto* list = ctx.list(node, "flags");
    if (!list) return;
    std::map<std::string, core::SourceLoc> ids;
    flags.resize(list->size());
    for (size_t i = 0; i < list->size(); ++i) readFlag(ctx, (*list)[i], flags[i], ids);
}

}  // namespace kiosk::forms::detail
