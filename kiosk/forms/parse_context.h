#pragma once
// What the form parsers share while reading one file: the error list, the declared languages, the
// item symbol table for references, and typed readers that report "what is wrong, and what would be
// right" at the exact line:col of the offending key or value. Internal to kiosk_forms.
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/core/suggest.h"
#include "kiosk/forms/model.h"
#include "kiosk/forms/form_yaml.h"

namespace kiosk::forms::detail {

using core::closest;
using core::didYouMean;
using core::joinList;


/// @brief An item as the references in show_if, scores and flags see it.
struct ItemSym {
    std::string id;
    core::SourceLoc idLoc;  ///< the `id` value, for "already used at line:col"
    size_t page = 0, index = 0;  ///< position in Form::pages[page].items[index]
    size_t order = 0;            ///< position in the whole form
    const Item* item = nullptr;  ///< set once every page is read
};

/// @brief A field of a list item: not a reference target, but its id is unique in the form.
struct ListFieldSym {
    std::string id, list;
    core::SourceLoc where;
};
/// @brief A `show_if` waiting for the symbol table (it may only name items before it).
struct DeferredShowIf {
    const YamlNode* node = nullptr;
    size_t page = 0;
    std::optional<size_t> item;  ///< empty: the page's own show_if
    /// An `include`'s show_if, given to each page (or item) it brings: it may use what comes
    /// before the first of them (the page index for pages, the item order for items) and joins
    /// their own show_if (both must hold).
    std::optional<size_t> includeScope;
};

/// @brief An instrument file a page entry included, and where the form includes it.
struct Included {
    std::shared_ptr<const Form> form;
    core::SourceLoc at;
    std::string path;  ///< as written in the form
};

class Ctx {
public:
    Ctx(std::string file, core::Errors& errors) : m_file(std::move(file)), m_errors(errors) {}

    const std::string& file() const { return m_file; }
    core::SourceLoc loc(const YamlNode& n) const { return core::SourceLoc{m_file, n.line, n.col}; }
    void error(const YamlNode& at, std::string message) { error(loc(at), std::move(message)); }
    void error(core::SourceLoc at, std::string message);
    size_t errorCount() const { return m_errors.size(); }

    // Typed readers: each reports a wrong type or value at @p n and returns nullopt. @p key names
    // the value in messages ("'max' must be a number, not 'ten'").
    std::optional<std::string> text(const YamlNode& n, std::string_view key);
    std::optional<double> number(const YamlNode& n, std::string_view key);
    std::optional<int> integer(const YamlNode& n, std::string_view key, int lo, int hi);
    std::optional<bool> boolean(const YamlNode& n, std::string_view key);
    /// A LOINC code: digits, '-', the check digit (LOINC's mod 10), e.g. "44250-9".
    std::optional<std::string> loinc(const YamlNode& n);
    /// An id: [a-z][a-z0-9_]*, at most 64 characters.
    std::optional<std::string> ident(const YamlNode& n, std::string_view key);
    /// One of @p names; unknown words get "did you mean" and the list of choices.
    template <class E>
    std::optional<E> choice(const YamlNode& n, std::string_view key,
                            const std::vector<std::pair<std::string, E>>& names);
    /// A list; anything else is reported and gives null.
    const std::vector<YamlNode>* list(const YamlNode& n, std::string_view key);
    /// A translated text: {en: ..., es: ...}; a plain string is the form's only language.
    /// Checks every declared language is present and no other is used; those two errors wait
    /// for reportLanguageUse(), which can tell a misspelt `languages` entry from a missing text.
    /// With @p everyLanguage false (`say:`), a language left out is allowed (the label is used).
    Text translated(const YamlNode& n, std::string_view key, bool everyLanguage = true);
    /// Reports the language errors translated() held back, once every text is read. A code in
    /// `languages` that no text uses, while texts use a code not in `languages`, is one mistake in
    /// `languages` (`[en, sp]` over `es:` texts): one error there instead of two per text.
    void reportLanguageUse();

    // Languages of the form (set before any Text is read); unknown when `languages` is broken.
    std::vector<std::string> languages;
    std::vector<core::SourceLoc> languageLocs;  ///< where each of languages is written
    bool languagesKnown = false;

    // Items in form order, for references.
    std::vector<ItemSym> items;
    std::map<std::string, size_t> itemIndex;
    std::vector<DeferredShowIf> deferred;
    std::vector<ListFieldSym> listFields;  ///< fields of list items, in form order
    const ListFieldSym* findListField(std::string_view id) const;
    const ItemSym* findItem(std::string_view id) const;
    std::vector<std::string> itemIds() const;
    /// Score ids, known before any condition is read: "that is a score" beats "no such item".
    std::vector<std::string> scoreIds;
    /// Those of method rule: a rule cannot name another rule (so rules never go round in a circle).
    std::vector<std::string> ruleScoreIds;
    /// Instrument files included by the pages (their pages are in Form::pages already).
    std::vector<Included> included;
    /// Items an include put among a page's own items (their verbatim text was checked in their file).
    std::set<std::string> includedItems;
    /// False while reading an instrument file: it cannot include another file.
    bool allowIncludes = true;
    /// Where `include:` paths start; "" = the form file's own folder.
    std::string includeDir;

    /// Records @p id in @p seen; reports a duplicate (with the first place) and returns false.
    bool unique(std::map<std::string, core::SourceLoc>& seen, const std::string& id, const YamlNode& at,
                std::string_view what);

private:
    /// A language error of one text, held until reportLanguageUse().
    struct LangIssue {
        std::string lang;
        core::SourceLoc at;
        std::string message;
    };
    std::vector<LangIssue> m_undeclared;       ///< a text in a language not in `languages`
    std::vector<LangIssue> m_missing;          ///< a text without one of `languages`
    std::map<std::string, size_t> m_langUses;  ///< texts per language code written

    std::string m_file;
    core::Errors& m_errors;
};

/// Plain scalars YAML reads as numbers / booleans (YAML 1.2 core schema).
std::optional<double> plainNumber(const YamlNode& n);
std::optional<bool> plainBool(const YamlNode& n);
bool isIdent(std::string_view s);
/// The LOINC check digit of @p digits (the part before '-'), or -1 when it is not 1-7 digits.
int loincCheckDigit(std::string_view digits);
/// 4, 2.5, -1: a number as a form file would write it.
std::string formatNumber(double v);

/// @brief Reads a map's keys: rejects keys it does not know (with "did you mean") and reports
///        required keys that are missing, at the map's own position.
class MapReader {
public:
    /// @p what names the map in messages ("item 'pain_now'", "page 'about_you'", "the form").
    MapReader(Ctx& ctx, const YamlNode& node, std::string what);
    bool ok() const { return m_ok; }
    const YamlNode& node() const { return m_node; }
    /// Names the map better once its id is known ("an item" -> "item 'pain_now'").
    void rename(std::string what) { m_what = std::move(what); }
    /// Reports keys not in @p allowed. @p elsewhere explains keys that belong to another kind
    /// of map (e.g. `options` on a scale item); return "" when it does not know the key.
    template <class Fn>
    void allow(const std::vector<std::string>& allowed, Fn elsewhere);
    void allow(const std::vector<std::string>& allowed) {
        allow(allowed, [](const std::string&) { return std::string(); });
    }
    const YamlNode* get(std::string_view key) const { return m_ok ? m_node.find(key) : nullptr; }
    /// Like get, but a missing key is an error: "<what> has no '<key>'; <hint>".
    const YamlNode* need(std::string_view key, std::string_view hint);

private:
    Ctx& m_ctx;
    const YamlNode& m_node;
    std::string m_what;
    bool m_ok = false;
};

}  // namespace kiosk::forms::detail

#include "kiosk/forms/parse_context_inl.h"
