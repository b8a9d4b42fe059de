#include "kiosk/export/json_out.h"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace kiosk::exports {
namespace {

/// The length of the well-formed UTF-8 sequence at @p s[i] (a lead byte >= 0x80), or 0 when it is
/// not one (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return k < s.size() && at(k) >= lo && at(k) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (c == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
    if (c == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

/// True when none of the 8 bytes at @p p needs a look of its own: no control character, quote,
/// backslash or byte of a UTF-8 sequence (most text, read a word at a time).
bool plainWord(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::uint64_t x;
    std::memcpy(&x, p, sizeof x);
    auto hasZero = [&](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    if ((x & highs) != 0) return false;
    if (((x - ones * 0x20) & ~x & highs) != 0) return false;  // a byte below 0x20
    return !hasZero(x ^ (ones * '"')) && !hasZero(x ^ (ones * '\\'));
}

/// nlohmann's own serializer, appending to @p out: for what is rare (doubles, invalid UTF-8), so
/// that those come out exactly as the tree writes them.
void dumpWithNlohmann(std::string& out, const nlohmann::json& value) {
    nlohmann::detail::serializer<nlohmann::json> s(nlohmann::detail::output_adapter<char, std::string>(out), ' ',
                                                   nlohmann::json::error_handler_t::replace);
    s.dump(value, false, false, 0);
}

}  // namespace

void JsonOut::clear() {
    m_buf.clear();
    m_first = true;
    m_afterKey = false;
}

void JsonOut::separate() {
    if (m_afterKey) m_afterKey = false;
    else if (!m_first) m_buf += ',';
    m_first = false;
}

JsonOut& JsonOut::open(char bracket) {
    separate();
    m_buf += bracket;
    m_first = true;
    return *this;
}

JsonOut& JsonOut::close(char bracket) {
    m_buf += bracket;
    m_first = false;
    return *this;
}

JsonOut& JsonOut::key(std::string_view name) {
    separate();
    escaped(name);
    m_buf += ':';
    m_afterKey = true;
    return *this;
}

JsonOut& JsonOut::string(std::string_view value) {
    separate();
    escaped(value);
    return *this;
}

JsonOut& JsonOut::boolean(bool value) {
    separate();
    m_buf += value ? "true" : "false";
    return *this;
}

JsonOut& JsonOut::integer(std::int64_t value) {
    separate();
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, value);
    m_buf.append(digits, r.ptr);
    return *this;
}

JsonOut& JsonOut::number(double value) {
    separate();
    dumpWithNlohmann(m_buf, nlohmann::json(value));
    return *this;
}

JsonOut& JsonOut::raw(std::string_view json) {
    separate();
    m_buf += json;
    return *this;
}

JsonOut& JsonOut::value(const nlohmann::json& v) {
    separate();
    dumpWithNlohmann(m_buf, v);
    return *this;
}

JsonOut& JsonOut::concat(std::string_view a, std::string_view b, std::string_view c, std::string_view d) {
    m_scratch.clear();
    m_scratch.append(a).append(b).append(c).append(d);
    return string(m_scratch);
}

JsonOut& JsonOut::literal(std::string_view text) {
    m_buf += text;
    m_first = true;
    m_afterKey = false;
    return *this;
}

void JsonOut::rollback(const Mark& m) {
    m_buf.resize(m.size);
    m_first = m.first;
    m_afterKey = m.afterKey;
}

void JsonOut::escaped(std::string_view s) {
    static const char* const hex = "0123456789abcdef";
    const std::size_t start = m_buf.size();
    m_buf += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size() && plainWord(s.data() + i)) {
            i += 8;
            continue;
        }
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Length(s, i);
            if (n == 0) {  // invalid UTF-8: written (replaced) exactly as nlohmann writes it
                m_buf.resize(start);
                nlohmann::json whole = std::string(s);
                if (m_controlsAsSpaces)
                    for (char& ch : whole.get_ref<std::string&>())
                        if (isControl(static_cast<unsigned char>(ch))) ch = ' ';
                dumpWithNlohmann(m_buf, whole);
                return;
            }
            i += n;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        m_buf.append(s.data() + run, i - run);
        if (m_controlsAsSpaces && isControl(c)) c = ' ';
        switch (c) {
            case '"': m_buf += "\\\""; break;
            case '\\': m_buf += "\\\\"; break;
            case '\b': m_buf += "\\b"; break;
            case '\f': m_buf += "\\f"; break;
            case '\n': m_buf += "\\n"; break;
            case '\r': m_buf += "\\r"; break;
            case '\t': m_buf += "\\t"; break;
            case ' ': m_buf += ' '; break;
            default:
                m_buf += "\\u00";
                m_buf += hex[c >> 4];
                m_buf += hex[c & 0x0f];
        }
        run = ++i;
    }
    m_buf.append(s.data() + run, s.size() - run);
    m_buf += '"';
}

}  // namespace kiosk::exports
