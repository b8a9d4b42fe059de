#pragma once
// Translation catalogue: patient-facing strings are keys (tr("page.next")), looked up per language
// in assets/i18n/<area>.<lang>.yaml (STYLE.md #11). Nested YAML maps flatten to dotted keys.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::core {

/// The language of last resort: when a form lists none, and for a string missing in a catalogue.
inline constexpr std::string_view kDefaultLanguage = "en";

/// @brief The language to show: @p wanted when set, else the first of @p offered (a form's
///        languages, the first being its main one), else kDefaultLanguage. Whether @p wanted is one
///        of @p offered is the caller's question (the session ignores it, simulate reports it).
std::string pickLanguage(const std::vector<std::string>& offered, std::string_view wanted = {});

/// @brief Strings per language and key; a missing key falls back to the fallback language, then to
///        the key itself (so a gap shows up on screen and in the catalogue test, never as a crash).
class Catalog {
public:
    /// Loads every *.yaml in @p dir; "ui.es.yaml" holds Spanish strings of the ui area.
    static Result<Catalog> loadDir(const std::string& dir);
    /// Loads one language file (the language is the last dot-part of the file's stem).
    Result<void> loadFile(const std::string& path);

    void set(const std::string& lang, const std::string& key, std::string text);
    bool has(std::string_view lang, std::string_view key) const;
    /// The text for @p key in @p lang, with "{name}" placeholders left as they are.
    const std::string& tr(std::string_view lang, std::string_view key) const;
    /// tr() with "{0}", "{1}", ... replaced by @p args.
    std::string format(std::string_view lang, std::string_view key,
                       const std::vector<std::string>& args) const;
    /// format() of a sentence about @p n things, with "{0}" = n and @p more as "{1}", ...: the
    /// key's "_one" form when n is 1 and the catalogue has it ("in 1 second", "en 1 segundo"),
    /// else the key. English and Spanish both have one form for 1 and one for the rest.
    std::string count(std::string_view lang, std::string_view key, long long n,
                      const std::vector<std::string>& more = {}) const;

    std::vector<std::string> languages() const;
    std::vector<std::string> keys(std::string_view lang) const;
    void setFallback(std::string lang) { m_fallback = std::move(lang); }

private:
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> m_text;
    std::string m_fallback{kDefaultLanguage};
    mutable std::string m_missing;  // holds the key returned for a missing string
};

}  // namespace kiosk::core
