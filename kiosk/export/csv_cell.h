#pragma once
// One CSV cell as RFC 4180 wants it, made safe to open in a spreadsheet (OWASP "CSV injection"):
// a cell that starts with = + - @ TAB or CR would run as a formula, so it gets a leading ' (which
// spreadsheets show as text). A plain number such as -3 or -0.5 is left alone: it cannot be a
// formula, and a score column must stay a number. Then a cell holding , " CR or LF is quoted with
// its quotes doubled.
#include <string>
#include <string_view>

namespace kiosk::exports {

/// @brief True when @p cell would be read as a formula (see the file comment).
bool needsNeutralising(std::string_view cell);

/// @brief Appends @p cell to @p line neutralised and quoted as needed (no separator).
void appendCsvCell(std::string& line, std::string_view cell);

/// @brief A list entry's value as its cell part writes it (csv_export.h): '\\', ';', ',' and '='
///        escaped with '\\', so "field=value" pairs joined by ',' and entries by ';' split one way.
void appendCsvEntryValue(std::string& out, std::string_view value);

}  // namespace kiosk::exports
