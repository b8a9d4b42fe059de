#include "kiosk/export/record_text.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2  // whitespace and plain string runs 16 bytes at a time (x86-64 always has SSE2)
#endif
#include <rapidjson/reader.h>

namespace kiosk::exports {
namespace {

/// Bytes for RapidJSON's UTF-8 validator: Take() gives '\0' past the end, as MemoryStream does.
struct ByteStream {
    using Ch = char;
    const char* p;
    const char* end;
    char Take() { return p == end ? '\0' : *p++; }
};
/// Discards what the validator copies.
struct NoOutput {
    void Put(char) {}
};

using Json = nlohmann::json;
using DomBuilder = nlohmann::detail::json_sax_dom_parser<Json>;

/// RapidJSON's events handed to nlohmann's own tree builder (what json::parse uses), so the tree
/// is the one json::parse builds: non-negative integers unsigned, negative ones signed, doubles
/// correctly rounded (kParseFullPrecisionFlag, as nlohmann's strtod), the last of repeated keys.
struct ToTree : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ToTree> {
    explicit ToTree(DomBuilder& b) : build(b) {}
    DomBuilder& build;
    std::string text;  ///< a string or key, handed over (the builder moves it into the tree)

    /// RapidJSON lets a lone low surrogate escape (\uDC00) through as three bytes that are not
    /// UTF-8, which nlohmann refuses: the text itself is valid UTF-8 by now, so only an escape can
    /// have made such bytes (an ED lead byte), and only then is the string checked again.
    bool setText(const char* s, rapidjson::SizeType n) {
        if (!decodedUtf8(std::string_view(s, n))) return false;
        text.assign(s, n);
        return true;
    }

    bool Null() { return build.null(); }
    bool Bool(bool b) { return build.boolean(b); }
    bool Int(int i) { return build.number_integer(i); }
    bool Uint(unsigned u) { return build.number_unsigned(u); }
    bool Int64(std::int64_t i) { return build.number_integer(i); }
    bool Uint64(std::uint64_t u) { return build.number_unsigned(u); }
    bool Double(double d) { return build.number_float(d, text); }  // the text is not read
    bool String(const char* s, rapidjson::SizeType n, bool) { return setText(s, n) && build.string(text); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { return setText(s, n) && build.key(text); }
    bool StartObject() { return build.start_object(static_cast<std::size_t>(-1)); }
    bool EndObject(rapidjson::SizeType) { return build.end_object(); }
    bool StartArray() { return build.start_array(static_cast<std::size_t>(-1)); }
    bool EndArray(rapidjson::SizeType) { return build.end_array(); }
};

}  // namespace

bool validUtf8(std::string_view text) {
    ByteStream in{text.data(), text.data() + text.size()};
    NoOutput none;
    while (in.p != in.end) {
        while (in.end - in.p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, in.p, 8);
            if (word & 0x8080808080808080ull) break;
            in.p += 8;
        }
        while (in.p != in.end && static_cast<unsigned char>(*in.p) < 0x80) ++in.p;
        if (in.p == in.end) return true;
        if (!rapidjson::UTF8<>::Validate(in, none)) return false;
    }
    return true;
}

bool parseRecordText(const std::string& text, nlohmann::json& out, std::string& buffer) {
    out = Json();
    std::size_t from = 0;
    // nlohmann skips a byte order mark, and refuses a text that starts as one and is not.
    if (!text.empty() && static_cast<unsigned char>(text[0]) == 0xEF) {
        if (text.compare(0, 3, "\xEF\xBB\xBF") != 0) {
            out = Json(Json::value_t::discarded);
            return false;
        }
        from = 3;
    }
    bool ok = validUtf8(text);
    if (ok) {
        buffer.assign(text, from, std::string::npos);  // capacity kept; data() ends in a NUL: where the parse ends
        rapidjson::InsituStringStream in(buffer.data());
        DomBuilder build(out, false);
        ToTree events(build);
        constexpr unsigned kFlags =
            rapidjson::kParseInsituFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag;
        rapidjson::Reader parser;
        ok = !parser.Parse<kFlags>(in, events).IsError() && !build.is_errored();
    }
    if (!ok) out = Json(Json::value_t::discarded);
    return ok;
}

}  // namespace kiosk::exports
