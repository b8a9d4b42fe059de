#pragma once
// The one reading of a record's JSON text that the exports share: RapidJSON's SAX parser, run in
// place over a reused copy of the text, after one UTF-8 check of the whole text that steps over
// ASCII eight bytes at a time. The CSV reader (csv_record_reader.h) takes the events straight into
// its cells; the FHIR Bundle reads the events into a RapidJSON document (record_doc.h); the JSON
// export and the PDF get the nlohmann tree that nlohmann::json::parse would have built
// (parseRecordText), several times sooner than nlohmann's own lexer builds it.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk::exports {

/// @brief Whether @p text is well-formed UTF-8 (Unicode table 3-7, as RapidJSON's validating
///        parse and nlohmann's lexer judge it).
bool validUtf8(std::string_view text);

/// @brief Whether a string or key RapidJSON decoded from a text that validUtf8() passed is still
///        UTF-8: a lone low surrogate escape (\uDC00) comes out as three bytes that are not (an ED
///        lead byte), which nlohmann refuses. Only such strings are checked again.
inline bool decodedUtf8(std::string_view s) {
    return s.find('\xED') == std::string_view::npos || validUtf8(s);
}

/// @brief Parses @p text as nlohmann::json::parse(text, nullptr, false) does, into @p out: the same
///        tree for the same text, and false (with @p out discarded) where it would discard it (not
///        JSON, invalid UTF-8, a lone UTF-16 surrogate, a number too large, a byte order mark
///        other than EF BB BF). A NUL ends the text, as it ends nlohmann's. @p buffer is working
///        memory, kept by the caller from one record to the next.
bool parseRecordText(const std::string& text, nlohmann::json& out, std::string& buffer);

}  // namespace kiosk::exports
