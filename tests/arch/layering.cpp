#include "arch/layering.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace kiosk::arch {
namespace fs = std::filesystem;

namespace {

const std::set<std::string> kLibraries = {"imgui", "glfw", "gl", "cli11"};

struct Graph {
    std::map<std::string, std::set<std::string>> allowed;  ///< layer -> layers and libraries it may include
    std::map<std::string, std::string> line;               ///< layer -> its line, as written (for messages)
};

std::string shown(const fs::path& path, const fs::path& root) {
    const fs::path rel = path.lexically_relative(root);
    return rel.empty() || *rel.begin() == ".." ? path.string() : rel.generic_string();
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

Graph readGraph(const fs::path& file, const std::string& name, std::vector<std::string>& problems) {
    Graph g;
    std::ifstream in(file);
    if (!in) {
        problems.push_back(name + ": error: cannot read the layers file");
        return g;
    }
    std::vector<std::pair<int, std::string>> uses;  // (line, name) checked once every layer is known
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        const std::string body = trim(text.substr(0, text.find('#')));
        if (body.empty()) continue;
        const auto colon = body.find(':');
        const std::string layer = colon == std::string::npos ? std::string() : trim(body.substr(0, colon));
        if (layer.empty() || layer.find_first_of(" \t") != std::string::npos) {
            problems.push_back(name + ":" + std::to_string(n) + ": error: expected 'layer: what it may include'");
            continue;
        }
        if (g.allowed.count(layer)) {
            problems.push_back(name + ":" + std::to_string(n) + ": error: layer '" + layer + "' has a line already");
            continue;
        }
        auto& deps = g.allowed[layer];
        std::string& shownLine = g.line[layer] = layer + ":";  // the line with single spaces
        std::istringstream words(body.substr(colon + 1));
        for (std::string w; words >> w;) {
            deps.insert(w);
            uses.emplace_back(n, w);
            shownLine += " " + w;
        }
    }
    for (const auto& [n, w] : uses)
        if (!g.allowed.count(w) && !kLibraries.count(w))
            problems.push_back(name + ":" + std::to_string(n) + ": error: '" + w +
                               "' is neither a layer of this file nor one of the libraries imgui, glfw, gl, cli11");
    return g;
}

/// The deepest layer whose folder holds @p dir (a path under kiosk/, "/"-separated), or "".
std::string layerOf(const Graph& g, const std::string& dir) {
    std::string best;
    for (const auto& entry : g.allowed) {
        const std::string& layer = entry.first;
        const bool holds = dir == layer || dir.rfind(layer + "/", 0) == 0;
        if (holds && layer.size() > best.size()) best = layer;
    }
    return best;
}

/// The library an angle-bracket include belongs to, or "" for one the check leaves alone.
std::string libraryOf(const std::string& header) {
    const auto starts = [&](const char* prefix) { return header.rfind(prefix, 0) == 0; };
    if (starts("imgui") || starts("backends/imgui")) return "imgui";
    if (starts("GLFW/")) return "glfw";
    if (starts("GL/") || starts("GLES")) return "gl";
    if (starts("CLI/")) return "cli11";
    return {};
}

bool isSource(const fs::path& p) {
    static const std::set<std::string> kExts = {".h", ".hpp", ".cpp", ".cc", ".cxx", ".inl"};
    return kExts.count(p.extension().string()) > 0;
}

void checkFile(const Graph& g, const fs::path& file, const std::string& name, const std::string& layer,
               const std::string& layersName, std::vector<std::string>& problems) {
    static const std::regex kInclude(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::ifstream in(file);
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        std::smatch m;
        if (text.find("include") == std::string::npos || !std::regex_search(text, m, kInclude)) continue;
        const std::string header = m[2].str();
        const bool quoted = m[1].str() == "\"";
        const std::string where = name + ":" + std::to_string(n) + ": error: ";
        std::string target;
        if (quoted) {
            if (header.rfind("kiosk/", 0) != 0) {
                problems.push_back(where + "#include \"" + header +
                                   "\" is not spelled \"kiosk/<layer>/...\", so the layering check cannot place it");
                continue;
            }
            const std::string dir = fs::path(header.substr(6)).parent_path().generic_string();
            target = layerOf(g, dir);
            if (target.empty()) {
                problems.push_back(where + "#include \"" + header + "\" is in no layer of " + layersName);
                continue;
            }
        } else {
            target = libraryOf(header);
            if (target.empty()) continue;
        }
        if (target == layer || g.allowed.at(layer).count(target)) continue;
        const std::string spelled = quoted ? "\"" + header + "\"" : "<" + header + ">";
        problems.push_back(where + "forbidden edge " + layer + " -> " + target + " (#include " + spelled + "); " +
                           layersName + " has '" + g.line.at(layer) + "'");
    }
}

}  // namespace

std::vector<std::string> checkLayering(const fs::path& root, const fs::path& layersFile) {
    std::vector<std::string> problems;
    const std::string layersName = shown(layersFile, root);
    const Graph g = readGraph(layersFile, layersName, problems);

    const fs::path kiosk = root / "kiosk";
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(kiosk, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && isSource(it->path())) files.push_back(it->path());
    if (ec) problems.push_back(shown(kiosk, root) + ": error: cannot read the folder: " + ec.message());
    std::sort(files.begin(), files.end());

    std::set<std::string> homeless;  // folders reported as in no layer, once each
    for (const fs::path& file : files) {
        const std::string dir = file.parent_path().lexically_relative(kiosk).generic_string();
        const std::string layer = layerOf(g, dir);
        if (layer.empty()) {
            if (homeless.insert(dir).second)
                problems.push_back(shown(file, root) + ": error: kiosk/" + (dir == "." ? std::string() : dir + "/") +
                                   " is in no layer of " + layersName + "; give it a line there");
            continue;
        }
        checkFile(g, file, shown(file, root), layer, layersName, problems);
    }
    return problems;
}

}  // namespace kiosk::arch
