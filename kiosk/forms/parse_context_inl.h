#pragma once
// Template members of Ctx and MapReader (parse_context.h).
#include "kiosk/core/suggest.h"

namespace kiosk::forms::detail {

template <class E>
std::optional<E> Ctx::choice(const YamlNode& n, std::string_view key,
                             const std::vector<std::pair<std::string, E>>& names) {
    std::vector<std::string> words;
    for (const auto& [w, e] : names) words.push_back(w);
    if (!n.isScalar()) {
        error(n, "'" + std::string(key) + "' must be one of " + joinList(words) + ", not " + describe(n));
        return std::nullopt;
    }
    for (const auto& [w, e] : names)
        if (w == n.value) return e;
    std::string msg = "unknown " + std::string(key) + " '" + n.value + "'";
    const std::string near = closest(n.value, words);
    msg += near.empty() ? "; use one of " + joinList(words) : "; did you mean '" + near + "'?";
    error(n, msg);
    return std::nullopt;
}

template <class Fn>
void MapReader::allow(const std::vector<std::string>& allowed, Fn elsewhere) {
    if (!m_ok) return;
    for (const auto& k : m_node.keys) {
        bool known = false;
        for (const auto& a : allowed) known = known || a == k.value;
        if (known) continue;
        const std::string other = elsewhere(k.value);
        if (!other.empty()) {
            m_ctx.error(k, other);
            continue;
        }
        std::string msg = "unknown key '" + k.value + "' in " + m_what;
        const std::string near = closest(k.value, allowed);
        msg += near.empty() ? "; the keys here are " + joinList(allowed) : "; did you mean '" + near + "'?";
        m_ctx.error(k, msg);
    }
}

}  // namespace kiosk::forms::detail
