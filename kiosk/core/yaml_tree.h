#pragma once
// The one strict YAML reader, shared by form files and the settings file: a small tree with a 1-based
// line:col on every node, built from yaml-cpp's event parser.
// Why not YAML::Node: we need to know duplicate keys (yaml-cpp keeps the last silently), quoted vs
// plain scalars (`"4"` is text, `4` a number), and to bound work on hostile input (alias bombs,
// deep nesting, huge node counts) before anything walks the tree. Both readers say every problem,
// a duplicate key above all, in the same words at the same place.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/core/text_file.h"

namespace kiosk::core {

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
    /// Where this node starts in @p file.
    SourceLoc loc(const std::string& file) const { return SourceLoc{file, line, col}; }
};

/// @brief Limits and words for one kind of YAML file: the limits keep a hostile file from
///        exhausting memory, stack or time; the notes tell what a real file of the kind looks like.
struct YamlRules {
    TextFileKind file;              ///< name ("form file") and byte limit
    size_t maxNodes = 100000;       ///< after alias expansion
    int maxDepth = 64;              ///< nesting of lists and maps
    std::string_view nodesNote;     ///< "a questionnaire has a few thousand"
    std::string_view depthNote;     ///< "a form needs about 10"
    /// Bytes of text in all keys and values after alias expansion: one long string repeated by
    /// aliases stays under maxNodes yet could fill memory. Keep it at least file.maxBytes.
    size_t maxTextBytes = 16 * 1024 * 1024;
    std::string_view textNote;      ///< "a questionnaire holds well under 1 MB"
};

/// Parses @p text (one YAML document) into @p root. Returns false (errors appended, located in
/// @p file) when the text cannot be read; true otherwise, but errors may still have been appended
/// for duplicate keys (the later value is dropped). A file without content gives a null root: the
/// caller decides whether empty is fine. The text is checked first (size, UTF-8, control
/// characters, tab indents).
bool parseYaml(std::string_view text, const std::string& file, const YamlRules& rules, YamlNode& root,
               Errors& errors);

/// Byte-level checks done before parsing: size, UTF-8, control characters, tabs in indentation.
/// Returns false (with errors) when the text must not be parsed.
bool checkYamlText(std::string_view text, const std::string& file, const YamlRules& rules, Errors& errors);

/// "a map", "a list", "'x'", "the quoted text \"x\"", "nothing": how to name what was found in a message.
std::string describe(const YamlNode& node);

}  // namespace kiosk::core
