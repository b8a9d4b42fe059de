#include "kiosk/forms/parse_context.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kiosk::forms::detail {
namespace {
/// Forms that are this broken have a systematic problem; more messages would hide the first ones.
constexpr size_t kMaxErrors = 100;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

void Ctx::error(core::SourceLoc at, std::string message) {
    if (m_errors.size() == kMaxErrors)
        m_errors.push_back(core::makeError(core::ErrorCode::Invalid,
                                           "too many errors; fix the ones above first", core::SourceLoc{m_file}));
    if (m_errors.size() > kMaxErrors) return;
    m_errors.push_back(core::makeError(core::ErrorCode::Invalid, std::move(message), std::move(at)));
}

std::optional<double> plainNumber(const YamlNode& n) {
    if (!n.isScalar() || !n.plain || n.value.empty()) return std::nullopt;
    // YAML 1.2 core: [-+]? ( digits | digits.digits? | .digits ) ([eE][-+]?digits)?
    const std::string& s = n.value;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    size_t digits = 0;
    while (i < s.size() && isDigit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        size_t exp = 0;
        while (i < s.size() && isDigit(s[i])) ++i, ++exp;
        if (exp == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    double v = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> plainBool(const YamlNode& n) {
    if (!n.isScalar() || !n.plain) return std::nullopt;
    const std::string& s = n.value;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    return std::nullopt;
}

bool isIdent(std::string_view s) {
    if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_')) return false;
    return true;
}

int loincCheckDigit(std::string_view digits) {
    if (digits.empty() || digits.size() > 7) return -1;
    // LOINC's mod 10: from the right, every other digit (the rightmost first) is doubled and the
    // digits of all the products and the other digits are added; the check digit tops it up to 10.
    int sum = 0;
    bool twice = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
        if (!isDigit(*it)) return -1;
        const int d = (*it - '0') * (twice ? 2 : 1);
        sum += d / 10 + d % 10;
    }
    return (10 - sum % 10) % 10;
}

std::string formatNumber(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::optional<std::string> Ctx::text(const YamlNode& n, std::string_view key) {
    if (n.isScalar()) return n.value;
    error(n, "'" + std::string(key) + "' must be text, not " + describe(n));
    return std::nullopt;
}

std::optional<double> Ctx::number(const YamlNode& n, std::string_view key) {
    if (auto v = plainNumber(n)) return v;
    std::string msg = "'" + std::string(key) + "' must be a number, not " + describe(n);
    if (n.isScalar() && !n.plain) {
        YamlNode plain = n;
        plain.plain = true;
        if (plainNumber(plain)) msg += "; remove the quotes";
    }
    error(n, msg);
    return std::nullopt;
}

std::optional<int> Ctx::integer(const YamlNode& n, std::string_view key, int lo, int hi) {
    auto v = number(n, key);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v < lo || *v > hi) {
        error(n, "'" + std::string(key) + "' must be a whole number from " + std::to_string(lo) + " to " +
                     std::to_string(hi) + ", not " + n.value);
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

std::optional<bool> Ctx::boolean(const YamlNode& n, std::string_view key) {
    if (auto v = plainBool(n)) return v;
    std::string msg = "'" + std::string(key) + "' must be true or false, not " + describe(n);
    if (n.isScalar() && (n.value == "yes" || n.value == "no" || n.value == "on" || n.value == "off"))
        msg += " (write true or false)";
    error(n, msg);
    return std::nullopt;
}

std::optional<std::string> Ctx::ident(const YamlNode& n, std::string_view key) {
    if (n.isScalar() && isIdent(n.value)) return n.value;
    if (!n.isScalar()) {
        error(n, "'" + std::string(key) + "' must be an id like pain_now, not " + describe(n));
        return std::nullopt;
    }
    std::string fixed;
    for (char c : n.value) {
        if (c >= 'A' && c <= 'Z') fixed += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || isDigit(c) || c == '_') fixed += c;
        else if (c == ' ' || c == '-' || c == '.') fixed += '_';
    }
    std::string msg = std::string(key) + " " + describe(n) +
                      " is not valid; ids are lowercase letters, digits and _, start with a letter, "
                      "and have at most 64 characters";
    if (isIdent(fixed)) msg += " (e.g. '" + fixed + "')";
    error(n, msg);
    return std::nullopt;
}

std::optional<std::string> Ctx::loinc(const YamlNode& n) {
    const auto text = this->text(n, "loinc");
    if (!text) return std::nullopt;
    const size_t dash = text->find('-');
    const bool shaped = dash != std::string::npos && dash + 2 == text->size() && isDigit(text->back());
    const int check = shaped ? loincCheckDigit(std::string_view(*text).substr(0, dash)) : -1;
    if (check < 0) {
        error(n, "'loinc' must be a LOINC code such as \"44250-9\" (digits, '-', a check digit), not " + describe(n));
        return std::nullopt;
    }
    if (check != text->back() - '0') {
        error(n, "LOINC code '" + *text + "' has a wrong check digit (it would be " + text->substr(0, dash) + "-" +
                     std::to_string(check) + "); copy the code again from loinc.org");
        return std::nullopt;
    }
    return text;
}

const std::vector<YamlNode>* Ctx::list(const YamlNode& n, std::string_view key) {
    if (n.isSeq()) return &n.items;
    error(n, "'" + std::string(key) + "' must be a list (lines starting with '- ', or [a, b]), not " + describe(n));
    return nullptr;
}

Text Ctx::translated(const YamlNode& n, std::string_view key, bool everyLanguage) {
    Text t;
    t.where = loc(n);
    const std::string k(key);
    if (n.isScalar()) {
        if (n.value.empty()) error(n, "'" + k + "' is empty; write the text");
        if (!languagesKnown) return t;
        if (languages.size() > 1) {
            if (!everyLanguage) {
                error(n, "'" + k + "' is a single text, but the form has languages " + joinList(languages) +
                             "; write it per language, e.g. {" + languages[0] + ": ...}");
                return t;
            }
            error(n, "'" + k + "' is a single text, but the form has languages " + joinList(languages) +
                         "; write it as {" + languages[0] + ": ..., " + languages[1] + ": ...}");
            return t;
        }
        t.byLang[languages[0]] = n.value;
        return t;
    }
    if (!n.isMap()) {
        error(n, "'" + k + "' must be a text per language, e.g. {en: ..., es: ...}, not " + describe(n));
        return t;
    }
    for (size_t i = 0; i < n.keys.size(); ++i) {
        const YamlNode& lang = n.keys[i];
        const YamlNode& value = n.values[i];
        ++m_langUses[lang.value];
        bool declared = !languagesKnown;
        for (const auto& l : languages) declared = declared || l == lang.value;
        if (!declared) {
            m_undeclared.push_back({lang.value, loc(lang),
                                    "'" + k + "' has a '" + lang.value + "' text, but '" + lang.value +
                                        "' is not in languages (" + joinList(languages) +
                                        "); add it to languages or remove this text" +
                                        didYouMean(lang.value, languages)});
            continue;
        }
        if (!value.isScalar()) {
            error(value, "the '" + lang.value + "' text of '" + k + "' must be text, not " + describe(value));
            continue;
        }
        if (value.value.empty()) {
            error(value, "the '" + lang.value + "' text of '" + k + "' is empty; write the translation");
            continue;
        }
        t.byLang[lang.value] = value.value;
    }
    if (languagesKnown && everyLanguage)
        for (const auto& l : languages)
            if (n.find(l) == nullptr)
                m_missing.push_back({l, loc(n), "'" + k + "' has no '" + l +
                                                    "' text; every text needs each language in languages (" +
                                                    joinList(languages) + ")"});
    return t;
}

void Ctx::reportLanguageUse() {
    std::vector<std::string> unknownUsed;  // codes texts use that `languages` lacks, in first-use order
    for (const LangIssue& u : m_undeclared)
        if (std::find(unknownUsed.begin(), unknownUsed.end(), u.lang) == unknownUsed.end()) unknownUsed.push_back(u.lang);
    std::vector<std::string> explained;  // codes whose per-text errors the `languages` error replaces
    for (size_t i = 0; i < languages.size() && i < languageLocs.size(); ++i) {
        const std::string& declared = languages[i];
        if (m_langUses.count(declared) || unknownUsed.empty()) continue;
        // One unknown code is the intended one whatever its spelling; among several, the closest.
        std::string meant = unknownUsed.size() == 1 ? unknownUsed[0] : closest(declared, unknownUsed, 2);
        if (meant.empty()) continue;
        error(languageLocs[i], "'" + declared + "' is in languages, but no text uses it; the texts use '" + meant +
                                   "' instead: did you mean '" + meant + "'?");
        explained.push_back(declared);
        explained.push_back(meant);
        unknownUsed.erase(std::find(unknownUsed.begin(), unknownUsed.end(), meant));
    }
    const auto isExplained = [&](const LangIssue& issue) {
        return std::find(explained.begin(), explained.end(), issue.lang) != explained.end();
    };
    for (auto* issues : {&m_undeclared, &m_missing})
        for (LangIssue& issue : *issues)
            if (!isExplained(issue)) error(std::move(issue.at), std::move(issue.message));
    m_undeclared.clear();
    m_missing.clear();
}

const ItemSym* Ctx::findItem(std::string_view id) const {
    auto it = itemIndex.find(std::string(id));
    return it == itemIndex.end() ? nullptr : &items[it->second];
}

const ListFieldSym* Ctx::findListField(std::string_view id) const {
    for (const ListFieldSym& f : listFields)
        if (f.id == id) return &f;
    return nullptr;
}

std::vector<std::string> Ctx::itemIds() const {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& s : items) ids.push_back(s.id);
    return ids;
}

bool Ctx::unique(std::map<std::string, core::SourceLoc>& seen, const std::string& id, const YamlNode& at,
                 std::string_view what) {
    auto [it, inserted] = seen.emplace(id, loc(at));
    if (inserted) return true;
    error(at, "duplicate " + std::string(what) + " '" + id + "'; it is already used at line " +
                  std::to_string(it->second.line) + ":" + std::to_string(it->second.col) + " (" +
                  std::string(what) + "s must be unique; rename one)");
    return false;
}

MapReader::MapReader(Ctx& ctx, const YamlNode& node, std::string what)
    : m_ctx(ctx), m_node(node), m_what(std::move(what)) {
    m_ok = node.isMap();
    if (!m_ok) m_ctx.error(node, m_what + " must be a map of 'key: value' lines, not " + describe(node));
}

const YamlNode* MapReader::need(std::string_view key, std::string_view hint) {
    if (!m_ok) return nullptr;
    const YamlNode* v = m_node.find(key);
    if (v == nullptr || v->isNull()) {
        m_ctx.error(v ? *v : m_node, m_what + " has no '" + std::string(key) + "'; " + std::string(hint));
        return nullptr;
    }
    return v;
}

}  // namespace kiosk::forms::detail
