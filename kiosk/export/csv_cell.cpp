#include "kiosk/export/csv_cell.h"

namespace kiosk::exports {
namespace {

/// "-3", "-0.5", "+2": digits with at most one '.', after one leading sign.
bool isPlainNumber(std::string_view s) {
    if (s.size() < 2) return false;
    bool digit = false, dot = false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.' && !dot) dot = true;
        else return false;
    }
    return digit;
}

}  // namespace

bool needsNeutralising(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '@':
        case '\t':
        case '\r': return true;
        case '+':
        case '-': return !isPlainNumber(cell);
        default: return false;
    }
}

void appendCsvCell(std::string& line, std::string_view cell) {
    const bool neutralise = needsNeutralising(cell);
    bool quote = false;
    for (const char c : cell)
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    if (quote) line += '"';
    if (neutralise) line += '\'';
    if (!quote) {  // no quote inside either: the cell as it is
        line.append(cell);
        return;
    }
    for (std::size_t from = 0;;) {  // each quote doubled
        const std::size_t q = cell.find('"', from);
        if (q == std::string_view::npos) {
            line.append(cell.substr(from));
            break;
        }
        line.append(cell.substr(from, q + 1 - from)).append(1, '"');
        from = q + 1;
    }
    line += '"';
}

void appendCsvEntryValue(std::string& out, std::string_view value) {
    for (const char c : value) {
        if (c == '\\' || c == ';' || c == ',' || c == '=') out += '\\';
        out += c;
    }
}

}  // namespace kiosk::exports
