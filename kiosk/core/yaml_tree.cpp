// Builds a YamlNode tree from yaml-cpp's event parser (YAML::Parser + EventHandler).
// Events arrive flat, so the builder keeps its own stack: no recursion on the input's nesting.
// Hostile input is bounded here: nesting depth, node count and text bytes after alias expansion,
// one document.
#include "kiosk/core/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <new>
#include <sstream>
#include <unordered_map>

namespace kiosk::core {

const YamlNode* YamlNode::find(std::string_view key) const {
    for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i].value == key) return &values[i];
    return nullptr;
}

namespace {

/// Bytes of text in keys and scalar values of a subtree (what an alias to it repeats).
size_t textBytes(const YamlNode& node) {
    size_t n = node.value.size();
    for (const auto& c : node.items) n += textBytes(c);
    for (const auto& c : node.keys) n += textBytes(c);
    for (const auto& c : node.values) n += textBytes(c);
    return n;
}

}  // namespace

size_t YamlNode::count() const {
    size_t n = 1;
    for (const auto& c : items) n += c.count();
    for (const auto& c : keys) n += c.count();
    for (const auto& c : values) n += c.count();
    return n;
}

std::string describe(const YamlNode& node) {
    switch (node.kind) {
        case YamlNode::Kind::Null: return "nothing";
        case YamlNode::Kind::Map: return "a map";
        case YamlNode::Kind::Seq: return "a list";
        case YamlNode::Kind::Scalar: break;
    }
    std::string v = node.value.size() > 40 ? node.value.substr(0, 40) + "..." : node.value;
    return node.plain ? "'" + v + "'" : "the quoted text \"" + v + "\"";
}

namespace {

/// Thrown by the builder to stop yaml-cpp early; the error is already recorded.
struct StopParse {};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, const std::string& file, const YamlRules& rules, Errors& errors)
        : m_text(text), m_file(file), m_rules(rules), m_errors(errors) {
        m_lineStarts.push_back(0);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') m_lineStarts.push_back(i + 1);
    }

    YamlNode& root() { return m_root; }
    int documents() const { return m_documents; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++m_documents > 1) fail(mark, "a second YAML document (after '---'); a " + fileKind() + " holds one document");
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        YamlNode n = leaf(mark);
        n.kind = YamlNode::Kind::Null;
        add(std::move(n), anchor);
    }

    /// yaml-cpp names the anchor just before the node that carries it.
    void OnAnchor(const YAML::Mark&, const std::string& name) override { m_anchorName = name; }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) fail(mark, "this alias refers to an anchor that is not complete (an alias inside its own anchor)");
        const Anchor& a = it->second;
        spend(mark, a.nodes);
        // Checked before the copy: a long string repeated by aliases is refused, not allocated.
        m_textBytes += a.textBytes;
        if (m_textBytes > m_rules.maxTextBytes)
            fail(mark, (a.name.empty() ? std::string("this alias") : "the alias *" + a.name) + " repeats " + std::to_string(a.textBytes) +
                           " bytes of text, which takes the file past " + std::to_string(m_rules.maxTextBytes) +
                           " bytes (" + roundedSize(m_rules.maxTextBytes) + ") of text once its aliases are expanded; " +
                           std::string(m_rules.textNote) +
                           ". Repeated aliases (*name) can multiply a file's size: write the values out");
        YamlNode copy = a.node;
        add(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        if (tag == "!") checkQuoteClosed(mark);
        YamlNode n = leaf(mark);
        n.kind = YamlNode::Kind::Scalar;
        n.value = value;
        m_textBytes += value.size();  // never over the limit without aliases: the file's size bounds it
        if (tag == "?") n.plain = true;
        else if (tag != "!" && tag != "tag:yaml.org,2002:str")
            fail(mark, "YAML tags like '" + tag + "' are not used in " + fileKind() + "s; write the value plainly (quote it for text)");
        add(std::move(n), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, YamlNode::Kind::Seq);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, YamlNode::Kind::Map);
    }
    void OnMapEnd() override { close(); }

    /// 1-based line and character column (yaml-cpp counts bytes; editors count characters).
    /// Marks mostly move forward, so counting resumes from the last one: a 1 MB line stays linear.
    SourceLoc loc(const YAML::Mark& mark) {
        if (mark.line < 0 || static_cast<size_t>(mark.line) >= m_lineStarts.size() || mark.column < 0)
            return SourceLoc{m_file, std::max(mark.line + 1, 0), std::max(mark.column + 1, 0)};
        const size_t start = m_lineStarts[static_cast<size_t>(mark.line)];
        const size_t target = std::min(start + static_cast<size_t>(mark.column), m_text.size());
        if (mark.line != m_cacheLine || target < m_cacheByte) {
            m_cacheLine = mark.line;
            m_cacheByte = start;
            m_cacheCol = 1;
        }
        for (; m_cacheByte < target; ++m_cacheByte)
            if ((static_cast<unsigned char>(m_text[m_cacheByte]) & 0xC0) != 0x80) ++m_cacheCol;
        return SourceLoc{m_file, mark.line + 1, m_cacheCol};
    }

    /// yaml-cpp takes a quote left open as text running to the end of the file, and says nothing:
    /// the file's real keys vanish into it and the errors land far from the cause.
    void checkQuoteClosed(const YAML::Mark& mark) {
        if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= m_text.size()) return;
        const size_t open = static_cast<size_t>(mark.pos);
        const char quote = m_text[open];
        if (quote != '"' && quote != '\'') return;  // a block scalar (| or >)
        for (size_t i = open + 1; i < m_text.size(); ++i) {
            if (quote == '"' && m_text[i] == '\\') ++i;                   // \" inside double quotes
            else if (m_text[i] == quote && quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') ++i;  // ''
            else if (m_text[i] == quote) return;
        }
        fail(mark, std::string("this quote (") + quote +
                       ") is not closed, so the text runs on to the end of the file; close it on its line");
    }

    [[noreturn]] void fail(const YAML::Mark& mark, std::string message) {
        m_errors.push_back(makeError(ErrorCode::Invalid, std::move(message), loc(mark)));
        throw StopParse{};
    }

private:
    /// An anchored node, kept for its aliases with what each use of it costs.
    struct Anchor {
        YamlNode node;
        std::string name;
        size_t nodes = 0, textBytes = 0;
    };

    struct Open {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        std::unordered_map<std::string, size_t> keyIndex;  // maps: key -> position, for duplicates
    };

    YamlNode leaf(const YAML::Mark& mark) {
        spend(mark, 1);
        if (!m_anchorName.empty()) {  // this node carries the anchor just named
            m_pendingNames.push_back(std::move(m_anchorName));
            m_anchorName.clear();
        }
        YamlNode n;
        const SourceLoc l = loc(mark);
        n.line = l.line;
        n.col = l.col;
        return n;
    }

    void spend(const YAML::Mark& mark, size_t nodes) {
        m_nodes += nodes;
        if (m_nodes > m_rules.maxNodes)
            fail(mark, "the file holds more than " + std::to_string(m_rules.maxNodes) +
                           " YAML values (counting each use of an alias); " + std::string(m_rules.nodesNote) +
                           ". Repeated aliases (*name) can multiply a file's size: write the values out");
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
        if (tag != "?" && tag != "!" && !tag.empty())
            fail(mark, "YAML tags like '" + tag + "' are not used in " + fileKind() + "s; remove the tag");
        if (static_cast<int>(m_stack.size()) >= m_rules.maxDepth)
            fail(mark, "lists and maps are nested more than " + std::to_string(m_rules.maxDepth) +
                           " levels deep; " + std::string(m_rules.depthNote) + " (check the indentation and brackets)");
        Open o{leaf(mark), anchor, {}};
        o.node.kind = kind;
        m_stack.push_back(std::move(o));
    }

    void close() {
        Open o = std::move(m_stack.back());
        m_stack.pop_back();
        add(std::move(o.node), o.anchor);
    }

    void add(YamlNode n, YAML::anchor_t anchor) {
        if (anchor != 0) {
            Anchor& a = m_anchors[anchor];
            a.node = n;
            a.nodes = n.count();
            a.textBytes = textBytes(n);
            if (!m_pendingNames.empty()) {  // nodes complete innermost first, as their names were pushed last
                a.name = std::move(m_pendingNames.back());
                m_pendingNames.pop_back();
            }
        }
        if (m_stack.empty()) {
            m_root = std::move(n);
            return;
        }
        YamlNode& parent = m_stack.back().node;
        if (parent.kind == YamlNode::Kind::Seq) {
            parent.items.push_back(std::move(n));
            return;
        }
        if (parent.keys.size() == parent.values.size()) {  // a key
            if (n.kind != YamlNode::Kind::Scalar) {
                m_errors.push_back(makeError(ErrorCode::Invalid,
                    "a map key must be a plain word, not " + describe(n) + " (is a ':' or '?' misplaced?)",
                    SourceLoc{m_file, n.line, n.col}));
                throw StopParse{};
            }
            auto [it, fresh] = m_stack.back().keyIndex.emplace(n.value, parent.keys.size());
            if (!fresh) {
                const YamlNode* first = &parent.keys[it->second];
                m_errors.push_back(makeError(ErrorCode::Invalid,
                    "duplicate key '" + n.value + "'; it is already given at line " + std::to_string(first->line) +
                        ":" + std::to_string(first->col) + " (each key may appear once in a map; remove one)",
                    SourceLoc{m_file, n.line, n.col}));
                m_dropValueAt.push_back(m_stack.size());  // the value that follows is dropped
            }
            parent.keys.push_back(std::move(n));
            return;
        }
        if (!m_dropValueAt.empty() && m_dropValueAt.back() == m_stack.size()) {
            m_dropValueAt.pop_back();
            parent.keys.pop_back();
            return;
        }
        // A null map value sits where yaml-cpp found the next token: point at its key instead.
        if (n.kind == YamlNode::Kind::Null && n.line != parent.keys.back().line) {
            n.line = parent.keys.back().line;
            n.col = parent.keys.back().col;
        }
        parent.values.push_back(std::move(n));
    }

    std::string fileKind() const { return std::string(m_rules.file.name); }

    std::string_view m_text;
    const std::string& m_file;
    const YamlRules& m_rules;
    Errors& m_errors;
    std::vector<size_t> m_lineStarts;
    std::vector<Open> m_stack;
    std::map<YAML::anchor_t, Anchor> m_anchors;
    std::string m_anchorName;                 // named by OnAnchor, not yet given to its node
    std::vector<std::string> m_pendingNames;  // names of anchored nodes still open, innermost last
    size_t m_textBytes = 0;
    YamlNode m_root;
    size_t m_nodes = 0;
    std::vector<size_t> m_dropValueAt;  // stack depths whose next map value follows a duplicate key
    int m_documents = 0;
    int m_cacheLine = -1;  // loc(): the last mark's line, byte offset and character column
    size_t m_cacheByte = 0;
    int m_cacheCol = 1;
};

/// yaml-cpp's messages are terse; say what usually causes each one.
std::string explainSyntax(const std::string& msg) {
    struct Hint { const char* says; const char* hint; };
    static const Hint kHints[] = {
        {"illegal map value", "a ':' where it does not belong; check the indentation, and quote text that contains ': '"},
        {"end of map not found", "a map is not closed; check the indentation of this line against the lines above"},
        {"end of sequence not found", "a list is not closed; check the indentation of the '- ' items"},
        {"end of map flow not found", "a '{' has no matching '}'"},
        {"end of sequence flow not found", "a '[' has no matching ']'"},
        {"unknown anchor", "this alias (*name) has no anchor (&name) before it"},
        {"unknown token", "a character YAML does not expect here; put the text in double quotes"},
        {"bad file", "lists and maps are nested too deeply"},
        {"unexpected end of stream", "the file ends in the middle of a value (an unclosed quote or bracket?)"},
        {"invalid escape sequence", "a backslash in double quotes starts an unknown escape; use single quotes or write \\\\"},
        {"end of single quoted scalar", "a quote (') is not closed"},
        {"end of double quoted scalar", "a quote (\") is not closed"},
    };
    for (const auto& h : kHints)
        if (msg.find(h.says) != std::string::npos) return "YAML syntax error: " + msg + ": " + h.hint;
    return "YAML syntax error: " + msg;
}

}  // namespace

bool parseYaml(std::string_view text, const std::string& file, const YamlRules& rules, YamlNode& root,
               Errors& errors) {
    if (!checkYamlText(text, file, rules, errors)) return false;
    std::istringstream in{std::string(text)};
    TreeBuilder builder(text, file, rules, errors);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const StopParse&) {
        return false;
    } catch (const YAML::Exception& e) {
        errors.push_back(makeError(ErrorCode::Invalid, explainSyntax(e.msg), builder.loc(e.mark)));
        return false;
    } catch (const std::bad_alloc&) {
        errors.push_back(makeError(ErrorCode::Invalid, "out of memory while reading the file", SourceLoc{file}));
        return false;
    } catch (const std::exception& e) {
        errors.push_back(makeError(ErrorCode::Invalid, std::string("cannot read the YAML: ") + e.what(), SourceLoc{file}));
        return false;
    }
    root = std::move(builder.root());  // null when the file holds no document or only `~`
    return true;
}

}  // namespace kiosk::core
