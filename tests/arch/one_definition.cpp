#include "arch/one_definition.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace kiosk::arch {
namespace fs = std::filesystem;

namespace {

struct Definition {
    std::string where;  ///< file:line
};

struct Scope {
    bool isNamespace = false;
    std::string name;  ///< a namespace's name ("" = anonymous); empty for other braces
};

/// The file with comments, string and character literals and preprocessor lines blanked out
/// (newlines kept, so line numbers still hold).
std::string code(const std::string& text) {
    std::string out = text;
    size_t i = 0;
    const size_t n = text.size();
    bool lineStart = true;
    auto blank = [&](size_t from, size_t to) {
        for (size_t k = from; k < to && k < n; ++k)
            if (out[k] != '\n') out[k] = ' ';
    };
    while (i < n) {
        const char c = text[i];
        if (lineStart && (c == ' ' || c == '\t')) { ++i; continue; }
        if (lineStart && c == '#') {  // a preprocessor line, with its continuations
            size_t e = i;
            while (e < n && !(text[e] == '\n' && (e == 0 || text[e - 1] != '\\'))) ++e;
            blank(i, e);
            i = e;
            continue;
        }
        lineStart = c == '\n';
        if (c == '/' && i + 1 < n && text[i + 1] == '/') {
            const size_t e = text.find('\n', i);
            blank(i, e == std::string::npos ? n : e);
            i = e == std::string::npos ? n : e;
        } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
            const size_t e = text.find("*/", i + 2);
            const size_t end = e == std::string::npos ? n : e + 2;
            blank(i, end);
            i = end;
        } else if (c == 'R' && i + 1 < n && text[i + 1] == '"' && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
            const size_t open = text.find('(', i + 2);
            if (open == std::string::npos) { ++i; continue; }
            const std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
            const size_t e = text.find(close, open);
            const size_t end = e == std::string::npos ? n : e + close.size();
            blank(i, end);
            i = end;
        } else if (c == '"' || (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(text[i - 1]))))) {
            size_t e = i + 1;  // a ' after a hex digit is a digit separator (1'000)
            while (e < n && text[e] != c && text[e] != '\n') e += text[e] == '\\' ? 2 : 1;
            blank(i, std::min(e + 1, n));
            i = e + 1;
        } else {
            ++i;
        }
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void scan(const fs::path& file, const std::string& shown, std::map<std::string, Definition>& seen,
          std::vector<std::string>& problems) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = code(buffer.str());

    static const std::regex kNamespace(R"(^(inline\s+)?namespace(\s+([A-Za-z_][A-Za-z0-9_:]*))?$)");
    static const std::regex kType(
        R"(^(template\s*<.*>\s*)?(struct|class|union|enum(\s+class|\s+struct)?)\s+(\[\[[^\]]*\]\]\s*)?([A-Za-z_][A-Za-z0-9_]*)(\s+final)?(\s*:(?!:).*)?$)");

    std::vector<Scope> stack;
    std::string statement;
    int line = 1, statementLine = 1;
    for (const char c : text) {
        if (c == '{') {
            const std::string s = trim(statement);
            std::smatch m;
            const bool atNamespaceScope =
                std::all_of(stack.begin(), stack.end(), [](const Scope& sc) { return sc.isNamespace; });
            if (std::regex_match(s, m, kNamespace)) {
                stack.push_back({true, m[3].str()});
            } else {
                if (atNamespaceScope && std::regex_match(s, m, kType)) {
                    bool anonymous = false;
                    std::string name;
                    for (const Scope& sc : stack) {
                        anonymous = anonymous || sc.name.empty();
                        name += sc.name + "::";
                    }
                    name += m[5].str();
                    const std::string where = shown + ":" + std::to_string(statementLine);
                    if (!anonymous) {
                        auto [it, fresh] = seen.emplace(name, Definition{where});
                        if (!fresh)
                            problems.push_back(where + ": error: " + name + " is defined again (first at " +
                                               it->second.where +
                                               "); two types under one name break the one-definition rule (the "
                                               "linker keeps one copy of their inline members for both): rename one");
                    }
                }
                stack.push_back({false, {}});
            }
            statement.clear();
        } else if (c == '}') {
            if (!stack.empty()) stack.pop_back();
            statement.clear();
        } else if (c == ';') {
            statement.clear();
        } else {
            if (trim(statement).empty() && c != ' ' && c != '\t' && c != '\n' && c != '\r') statementLine = line;
            statement += c == '\n' ? ' ' : c;
        }
        if (c == '\n') ++line;
    }
}

}  // namespace

std::vector<std::string> checkOneDefinition(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root / "kiosk")) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".h" || ext == ".cpp")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, Definition> seen;
    std::vector<std::string> problems;
    for (const fs::path& f : files) scan(f, f.lexically_relative(root).generic_string(), seen, problems);
    return problems;
}

}  // namespace kiosk::arch
