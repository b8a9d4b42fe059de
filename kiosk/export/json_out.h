#pragma once
// A small streaming JSON writer for exports that write many records: objects, arrays, keys and
// values appended to one text buffer as they come, no tree, and the buffer kept from one record
// to the next (clear() keeps its capacity), so a record costs no allocation once the buffer has
// grown. Compact output, written exactly as nlohmann::json::dump(-1, ' ', false,
// error_handler_t::replace) writes the same values: strings escaped the same way (", \, \b \f \n
// \r \t, other control characters as \u00xx, UTF-8 as it is, invalid UTF-8 replaced by U+FFFD),
// numbers formatted the same way. Written with keys in the order a nlohmann::json object sorts
// them, a streamed document is byte for byte the tree's dump (tests/export/json_out_test.cpp).
// The caller keeps the shape right (a key before each value in an object); mark() and
// rollback() take back what was written since a point (an element that turns out empty).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace kiosk::exports {

class JsonOut {
public:
    /// @brief A point to come back to: what was written and where the separators stood.
    struct Mark {
        std::size_t size = 0;
        bool first = true, afterKey = false;
    };

    /// From now on, control characters other than tab, CR and LF in strings are written as spaces
    /// (FHIR strings may not hold them: fhir::replaceControlChars), not escaped.
    void controlsAsSpaces(bool on) { m_controlsAsSpaces = on; }
    /// The characters controlsAsSpaces() replaces: below U+0020, but tab, LF and CR.
    static bool isControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

    /// Empties the buffer (its capacity stays).
    void clear();
    const std::string& text() const { return m_buf; }

    JsonOut& beginObject() { return open('{'); }
    JsonOut& endObject() { return close('}'); }
    JsonOut& beginArray() { return open('['); }
    JsonOut& endArray() { return close(']'); }
    /// An object's key; its value follows.
    JsonOut& key(std::string_view name);
    /// A key written in the code (a literal: plain ASCII, nothing to escape), copied as it is.
    template <std::size_t N>
    JsonOut& key(const char (&name)[N]) {
        separate();
        m_buf += '"';
        m_buf.append(name, N - 1);
        m_buf += "\":";
        m_afterKey = true;
        return *this;
    }

    JsonOut& string(std::string_view value);
    JsonOut& boolean(bool value);
    JsonOut& integer(std::int64_t value);
    /// A double as nlohmann::json writes one (shortest round trip, "2.0" for two, null if not finite).
    JsonOut& number(double value);
    /// Already valid JSON text, as one value.
    JsonOut& raw(std::string_view json);
    /// Already valid members of an object ("k":v,"k2":v2, no braces), as the next of the open
    /// object's members: what key(k).value(v)... would write (text made once and kept).
    JsonOut& members(std::string_view json) { return raw(json); }
    /// A string of the base64 of @p bytes (nothing in it to escape), written straight in.
    JsonOut& base64(std::string_view bytes);
    /// Any value of a tree, written by nlohmann's own serializer (for the rare ones).
    JsonOut& value(const nlohmann::json& v);
    /// One string made of the pieces, escaped as one.
    JsonOut& concat(std::string_view a, std::string_view b, std::string_view c = {}, std::string_view d = {});
    /// Text between top-level values (a separator, a document's head): appended as it is, and
    /// the next value is written as the first of its container.
    JsonOut& literal(std::string_view text);

    /// key(name).string(value), and the like.
    template <std::size_t N>
    JsonOut& field(const char (&name)[N], std::string_view value) {
        return key(name).string(value);
    }

    Mark mark() const { return Mark{m_buf.size(), m_first, m_afterKey}; }
    void rollback(const Mark& m);
    /// True when nothing has been written since @p m.
    bool unchangedSince(const Mark& m) const { return m_buf.size() == m.size; }

private:
    JsonOut& open(char bracket);
    JsonOut& close(char bracket);
    /// The comma before an element, unless it opens its container or follows its key.
    void separate();
    void escaped(std::string_view s);

    std::string m_buf;
    std::string m_scratch;  ///< concat()'s pieces, joined
    bool m_first = true;      ///< the next element is the first of its container
    bool m_afterKey = false;  ///< a key was written: its value follows without a comma
    bool m_controlsAsSpaces = false;
};

}  // namespace kiosk::exports
