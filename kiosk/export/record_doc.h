#pragma once
// A record's JSON read for the FHIR Bundle writer (fhir_stream.h) as a RapidJSON document parsed
// in place: its strings stay in a copy of the text, its values in one memory pool, both kept from
// record to record, so a record costs a few allocations where the nlohmann tree
// (record_text.h parseRecordText) cost one or more per value and then as many frees: that tree
// was a third of the FHIR export's time. The document is the tree's twin: the same texts accepted
// and refused, and where a key repeats, member() finds the last, as the tree keeps it. Values that
// the writer hands to nlohmann-based code (an answer to session::answerFromJson, what the Patient
// reads) go through toTree(), which builds what nlohmann::json::parse would have built.
// tests/export/record_doc_test.cpp holds the two equal.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2  // as record_text.cpp and csv_record_reader.cpp include it: one definition of the reader
#endif
#include <rapidjson/document.h>

#include <nlohmann/json.hpp>

namespace kiosk::exports {

/// @brief One record's JSON at a time (parse() or assign() replaces the last). Not thread-safe:
///        one per writer.
class RecordDoc {
public:
    using Value = rapidjson::Value;

    RecordDoc();
    RecordDoc(const RecordDoc&) = delete;
    RecordDoc& operator=(const RecordDoc&) = delete;

    /// @brief Reads @p text; false (the document then null) where parseRecordText() refuses it
    ///        (not JSON, invalid UTF-8, a lone UTF-16 surrogate, a number too large, a byte order
    ///        mark other than EF BB BF).
    bool parse(const std::string& text);
    /// @brief Takes a tree already built (FhirBundleWriter::addParsed): the same values, strings
    ///        copied byte for byte.
    void assign(const nlohmann::json& record);
    const Value& root() const { return m_doc; }

    /// The last member of @p object named @p key (nlohmann keeps the last of repeated keys);
    /// nullptr when there is none or @p object is no object.
    static const Value* member(const Value& object, std::string_view key);
    /// A string's text (a view into the document).
    static std::string_view text(const Value& string) { return {string.GetString(), string.GetStringLength()}; }
    /// The tree nlohmann::json::parse builds for the text of @p v (numbers: unsigned when not
    /// negative, as parse gives them).
    static nlohmann::json toTree(const Value& v);

private:
    static constexpr std::size_t kPoolBytes = 64 * 1024;  ///< a record's values fit, most of the time
    std::vector<char> m_poolBuffer = std::vector<char>(kPoolBytes);
    rapidjson::MemoryPoolAllocator<> m_pool;
    rapidjson::Document m_doc;
    std::string m_text;  ///< the record's text, parsed in place (its strings point into it)
};

}  // namespace kiosk::exports
