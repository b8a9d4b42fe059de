#pragma once
// A small YAML tree with a 1-based line:col on every node, built from yaml-cpp's event parser.
// Why not YAML::Node: we need to know duplicate keys (yaml-cpp keeps the last silently), quoted vs
// plain scalars (`"4"` is text, `4` a number), and to bound work on hostile input (alias bombs,
// deep nesting, huge node counts) before anything walks the tree. Internal to kiosk_forms.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.h"

namespace kiosk::forms::detail {

/// @brief One YAML value and where it starts in the file.
struct YamlNode {
    enum class Kind { Null, Scalar, Seq, Map };
    Kind kind = Kind::Null;
    bool plain = false;             ///< Scalar: unquoted, so it may be a number or a bool
    std::string value;              ///< Scalar text
    std::vector<YamlNode> items;    ///< Seq items
    std::vector<YamlNode> keys;     ///< Map keys, in file order (always scalars, never repeated)
    std::vector<YamlNode> values;   ///< Map values, parallel to keys
    int line = 0, col = 0;          ///< 1-based

    bool isMap() const { return kind == Kind::Map; }
    bool isSeq() const { return kind == Kind::Seq; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isNull() const { return kind == Kind::Null; }
    /// The value of @p key in a map, or null.
    const YamlNode* find(std::string_view key) const;
    /// Nodes in this subtree (used for budgets).
    size_t count() const;
};

/// Limits that keep a hostile file from exhausting memory, stack or time.
inline constexpr size_t kMaxFormBytes = 2 * 1024 * 1024;  ///< real forms are ~10-100 kB
inline constexpr size_t kMaxYamlNodes = 100000;           ///< after alias expansion
inline constexpr int kMaxYamlDepth = 64;                  ///< a form nests about 10 deep

/// "the file is N bytes; the limit is ...": said by both the file and the string loaders.
std::string sizeLimitMessage(size_t bytes);

/// Parses @p text (one YAML document) into a tree. On any error returns false and appends errors
/// located in @p file; the text is checked first (size, UTF-8, control characters, tab indents).
bool parseYaml(std::string_view text, const std::string& file, YamlNode& root, core::Errors& errors);

/// Byte-level checks done before parsing: size, UTF-8, control characters, tabs in indentation.
/// Returns false (with errors) when the text must not be parsed.
bool checkSourceText(std::string_view text, const std::string& file, core::Errors& errors);

/// "a map", "a list", "the text 'x'", "nothing": how to name what was found in a message.
std::string describe(const YamlNode& node);

}  // namespace kiosk::forms::detail
