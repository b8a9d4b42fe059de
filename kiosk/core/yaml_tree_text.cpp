// Byte-level checks on a YAML file before parsing: a file that is too big, not UTF-8 text, or
// indented with tabs gets one plain message instead of a parser error far from the cause.
#include <cstdint>
#include <string>

#include "kiosk/core/yaml_tree.h"

namespace kiosk::core {
namespace {

Error at(const std::string& file, int line, int col, std::string message) {
    return makeError(ErrorCode::Invalid, std::move(message), SourceLoc{file, line, col});
}

/// Length of the valid UTF-8 sequence starting at @p i, or 0 when it is not valid
/// (overlong forms, surrogates and code points above U+10FFFF are rejected).
size_t utf8Length(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    const uint8_t c = b(i);
    if (c < 0x80) return 1;
    size_t n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07u; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return n;
}

}  // namespace

bool checkYamlText(std::string_view text, const std::string& file, const YamlRules& rules, Errors& errors) {
    if (text.size() > rules.file.maxBytes) {
        errors.push_back(makeError(ErrorCode::Invalid, sizeLimitMessage(text.size(), rules.file), SourceLoc{file}));
        return false;
    }
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        errors.push_back(at(file, 1, 1, "the file is UTF-16; save it as UTF-8"));
        return false;
    }
    size_t i = (text.substr(0, 3) == "\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark is fine
    int line = 1, col = 1;
    bool lineStart = true;    // still in the leading whitespace of the line
    int tabCol = 0;           // first tab in that leading whitespace
    size_t tabErrors = 0;
    bool ok = true;
    for (; i < text.size(); ++col) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            col = 0;
            lineStart = true;
            tabCol = 0;
            ++i;
            continue;
        }
        if (lineStart) {
            if (c == '\t') {
                if (tabCol == 0) tabCol = col;
            } else if (c != ' ' && c != '\r') {
                lineStart = false;
                // Tabs before a comment do no harm; before content they break YAML's indentation.
                if (tabCol != 0 && c != '#') {
                    ok = false;
                    if (++tabErrors <= 10)
                        errors.push_back(at(file, line, tabCol,
                                            "a tab is used for indentation; YAML needs spaces (set your "
                                            "editor to insert spaces for the Tab key)"));
                }
            }
        }
        const auto u = static_cast<uint8_t>(c);
        if (u < 0x20 && c != '\t' && c != '\r') {
            errors.push_back(at(file, line, col,
                                "control character " + std::to_string(u) +
                                    " in the file; a " + std::string(rules.file.name) +
                                    " is plain UTF-8 text (is this a binary file?)"));
            return false;
        }
        const size_t n = utf8Length(text, i);
        if (n == 0) {
            errors.push_back(at(file, line, col,
                                "invalid UTF-8 byte; save the file as UTF-8 text (some editors call it "
                                "\"Unicode (UTF-8)\")"));
            return false;
        }
        i += n;
    }
    if (tabErrors > 10)
        errors.push_back(at(file, 0, 0, std::to_string(tabErrors - 10) + " more lines are indented with tabs"));
    return ok;
}

}  // namespace kiosk::core
