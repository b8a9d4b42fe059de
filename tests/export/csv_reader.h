#pragma once
// A strict RFC 4180 reader for tests: rows end in CRLF, quoted cells may hold , " CR LF. A stray
// quote or a bare LF between rows fails the test, so the writer's output is checked, not guessed.
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::exports::testing {

inline std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    bool quoted = false, wasQuoted = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            if (!cell.empty() || wasQuoted) ADD_FAILURE() << "stray quote at byte " << i;
            quoted = wasQuoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            row.push_back(std::move(cell));
            rows.push_back(std::move(row));
            row.clear();
            cell.clear();
            wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
            ADD_FAILURE() << "bare line break outside quotes at byte " << i;
        } else {
            cell += c;
        }
    }
    if (quoted) ADD_FAILURE() << "unterminated quote";
    if (!row.empty() || !cell.empty()) ADD_FAILURE() << "last row lacks CRLF";
    return rows;
}

}  // namespace kiosk::exports::testing
