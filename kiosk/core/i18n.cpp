#include "kiosk/core/i18n.h"

#include <filesystem>

#include "kiosk/core/text_file.h"
#include "kiosk/core/yaml_tree.h"

namespace kiosk::core {
namespace {

/// Translation files are read like every other YAML file: bounded, strict, located errors.
const YamlRules kTranslationYaml{
    {"translation file", 1024 * 1024, "A translation file is normally a few kB: is this the right file?"},
    100000,
    16,
    "a translation file has a few hundred",
    "a translation file needs 3 or 4",
    4 * 1024 * 1024,
    "a translation file holds a few kB",
};

void flatten(const YamlNode& node, const std::string& prefix, const std::string& lang, Catalog& out) {
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const std::string key = prefix.empty() ? node.keys[i].value : prefix + "." + node.keys[i].value;
        const YamlNode& value = node.values[i];
        if (value.isMap()) {
            flatten(value, key, lang, out);
        } else if (value.isScalar()) {
            out.set(lang, key, value.value);
        }
    }
}

}  // namespace

std::string pickLanguage(const std::vector<std::string>& offered, std::string_view wanted) {
    if (!wanted.empty()) return std::string(wanted);
    return offered.empty() ? std::string(kDefaultLanguage) : offered.front();
}

Result<void> Catalog::loadFile(const std::string& path) {
    // "ui.es.yaml" and "es.yaml" are both Spanish: the language is the last part of the stem, so
    // each area (ui, session, regions, ...) keeps its own file.
    std::string lang = std::filesystem::path(path).stem().string();
    if (auto dot = lang.rfind('.'); dot != std::string::npos) lang = lang.substr(dot + 1);
    const Result<std::string> text = readTextFile(path, kTranslationYaml.file);
    if (!text) return text.error();
    YamlNode root;
    Errors errors;
    if (!parseYaml(*text, path, kTranslationYaml, root, errors) || !errors.empty()) return errors.front();
    if (!root.isMap())
        return makeError(ErrorCode::Invalid, "a translation file must be a map of keys", SourceLoc{path, 1, 1});
    flatten(root, "", lang, *this);
    return {};
}

Result<Catalog> Catalog::loadDir(const std::string& dir) {
    Catalog catalog;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) return makeError(ErrorCode::NotFound, "cannot read translations folder", SourceLoc{dir});
    for (const auto& entry : it) {
        if (entry.path().extension() != ".yaml") continue;
        if (auto r = catalog.loadFile(entry.path().string()); !r) return r.error();
    }
    return catalog;
}

void Catalog::set(const std::string& lang, const std::string& key, std::string text) {
    m_text[lang][key] = std::move(text);
}

bool Catalog::has(std::string_view lang, std::string_view key) const {
    auto l = m_text.find(lang);
    return l != m_text.end() && l->second.find(key) != l->second.end();
}

const std::string& Catalog::tr(std::string_view lang, std::string_view key) const {
    for (std::string_view l : {lang, std::string_view(m_fallback)}) {
        auto li = m_text.find(l);
        if (li == m_text.end()) continue;
        auto ki = li->second.find(key);
        if (ki != li->second.end()) return ki->second;
    }
    m_missing = std::string(key);
    return m_missing;
}

std::string Catalog::format(std::string_view lang, std::string_view key,
                            const std::vector<std::string>& args) const {
    std::string out = tr(lang, key);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string ph = "{" + std::to_string(i) + "}";
        for (size_t pos = out.find(ph); pos != std::string::npos;
             pos = out.find(ph, pos + args[i].size())) {
            out.replace(pos, ph.size(), args[i]);
        }
    }
    return out;
}

std::string Catalog::count(std::string_view lang, std::string_view key, long long n,
                           const std::vector<std::string>& more) const {
    std::vector<std::string> args{std::to_string(n)};
    args.insert(args.end(), more.begin(), more.end());
    const std::string one = std::string(key) + "_one";
    const bool useOne = n == 1 && (has(lang, one) || has(m_fallback, one));
    return format(lang, useOne ? std::string_view(one) : key, args);
}

std::vector<std::string> Catalog::languages() const {
    std::vector<std::string> out;
    for (const auto& kv : m_text) out.push_back(kv.first);
    return out;
}

std::vector<std::string> Catalog::keys(std::string_view lang) const {
    std::vector<std::string> out;
    if (auto li = m_text.find(lang); li != m_text.end())
        for (const auto& kv : li->second) out.push_back(kv.first);
    return out;
}

}  // namespace kiosk::core
