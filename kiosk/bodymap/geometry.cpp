// Reading a body-map geometry file (JSON, assets/body_map/README.md) into bodymap::Geometry.
// Strict like the YAML readers: unknown and duplicate keys, wrong types, polygons of fewer than three
// points and points outside their view box are errors, each naming where in the file it is.
//
// [SECTION] Parsing     JSON text -> nlohmann::json, with duplicate keys and nesting caught
// [SECTION] Content     the walk over the parsed file, one function per object kind
// [SECTION] Entry       parseGeometry / loadGeometry / Geometry::find
#include "kiosk/bodymap/geometry.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <new>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "kiosk/core/suggest.h"

namespace kiosk::bodymap {
namespace {

using nlohmann::json;

/// Thrown inside this file to stop at the first problem; parseGeometry turns it into an Error.
struct Bad {
    std::string message;
    int line = 0, col = 0;
};

constexpr size_t kMaxNesting = 8;       // the deepest legal value is a point: 6 levels
constexpr double kMaxCoordinate = 1e6;  // far beyond any drawing; keeps float conversion exact enough

// [SECTION] Parsing
/// A path for messages: "regions[2].polygons[0]"; "the top level" for the root.
struct Frame {
    bool array = false;
    long index = -1;               // arrays: the element being read
    std::string key;               // objects: the key being read
    std::set<std::string> keys;    // objects: keys seen, for duplicates
};

std::string pathOf(const std::vector<Frame>& stack, size_t depth) {
    std::string path;
    for (size_t i = 0; i + 1 < depth && i + 1 < stack.size(); ++i) {
        if (stack[i].array) path += "[" + std::to_string(stack[i].index) + "]";
        else path += (path.empty() ? "" : ".") + stack[i].key;
    }
    return path.empty() ? "the top level" : path;
}

/// Line and character column of the byte at 1-based offset @p byte (as nlohmann counts).
std::pair<int, int> lineCol(std::string_view text, size_t byte) {
    int line = 1, col = 0;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {line, col == 0 ? 1 : col};
}

/// nlohmann says "[json.exception.parse_error.101] parse error at line 2, column 3: syntax error
/// while parsing ..."; the location goes into the Error, the rest into the message.
std::string syntaxMessage(const std::string& what) {
    const size_t at = what.find("parse error");
    const size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
    return "JSON " + (colon == std::string::npos ? what : what.substr(colon + 2));
}

json parseJson(std::string_view text) {
    std::vector<Frame> stack;
    const auto elementStarts = [&] {
        if (!stack.empty() && stack.back().array) ++stack.back().index;
    };
    const auto open = [&](bool array) {
        elementStarts();
        if (stack.size() >= kMaxNesting)
            throw Bad{"lists and objects are nested more than " + std::to_string(kMaxNesting) +
                      " levels deep in " + pathOf(stack, stack.size() + 1) + "; a point [x, y] sits 6 levels deep"};
        stack.push_back(Frame{array, -1, {}, {}});
    };
    const json::parser_callback_t callback = [&](int, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start: open(false); break;
            case json::parse_event_t::array_start: open(true); break;
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end: stack.pop_back(); break;
            case json::parse_event_t::key: {
                std::string key = parsed.get<std::string>();
                if (!stack.back().keys.insert(key).second)
                    throw Bad{"duplicate key '" + key + "' in " + pathOf(stack, stack.size()) +
                              " (each key may appear once in an object; remove one)"};
                stack.back().key = std::move(key);
                break;
            }
            case json::parse_event_t::value: elementStarts(); break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error& e) {
        const auto [line, col] = lineCol(text, e.byte);
        throw Bad{syntaxMessage(e.what()), line, col};
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        const std::string what = e.what();
        throw Bad{"JSON error: " + what.substr(what.find(']') == std::string::npos ? 0 : what.find(']') + 2)};
    }
}

// [SECTION] Content
std::string kindOf(const json& j) {
    switch (j.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return j.empty() ? "an empty list" : "a list";
        case json::value_t::string: return "the text \"" + j.get<std::string>().substr(0, 40) + "\"";
        case json::value_t::boolean: return j.get<bool>() ? "true" : "false";
        case json::value_t::null: return "null";
        default: return j.dump();  // numbers
    }
}

/// @p j must be an object whose keys are all in @p allowed.
void checkKeys(const json& j, const std::string& where, const std::vector<std::string>& allowed) {
    if (!j.is_object()) throw Bad{where + " must be an object {...}, not " + kindOf(j)};
    for (const auto& item : j.items())
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
            throw Bad{"unknown key '" + item.key() + "' in " + where + "; the keys here are " + core::joinList(allowed) +
                      core::didYouMean(item.key(), allowed)};
}

const json& need(const json& j, const std::string& where, const char* key, const char* hint) {
    auto it = j.find(key);
    if (it == j.end()) throw Bad{where + " has no '" + key + "'; add " + hint};
    return *it;
}

std::string text(const json& j, const std::string& where) {
    if (!j.is_string()) throw Bad{where + " must be text in quotes, not " + kindOf(j)};
    return j.get<std::string>();
}

double number(const json& j, const std::string& where) {
    if (!j.is_number()) throw Bad{where + " must be a number, not " + kindOf(j)};
    const double v = j.get<double>();
    if (!std::isfinite(v) || std::fabs(v) > kMaxCoordinate)
        throw Bad{where + " is " + j.dump() + "; coordinates stay within +/-1000000"};
    return v;
}

ViewBox readViewBox(const json& view, const std::string& where) {
    checkKeys(view, where, {"view_box"});
    const std::string at = where + ".view_box";
    const json& box = need(view, where, "view_box", "\"view_box\": [x, y, width, height]");
    if (!box.is_array() || box.size() != 4)
        throw Bad{at + " must be [x, y, width, height] (four numbers), not " + kindOf(box)};
    ViewBox b{static_cast<float>(number(box[0], at + "[0]")), static_cast<float>(number(box[1], at + "[1]")),
              static_cast<float>(number(box[2], at + "[2]")), static_cast<float>(number(box[3], at + "[3]"))};
    if (b.empty()) throw Bad{at + " must have a width and height above 0, not " + box.dump()};
    return b;
}

View readView(const json& j, const std::string& where, const Geometry& g) {
    const std::string v = text(j, where);
    if (v != "front" && v != "back") throw Bad{where + " must be \"front\" or \"back\", not \"" + v + "\""};
    const View view = v == "front" ? View::Front : View::Back;
    if (g.box(view).empty()) throw Bad{where + " is \"" + v + "\", but views has no " + v + "; add views." + v + ".view_box"};
    return view;
}

std::string readId(const json& j, const std::string& where) {
    std::string id = text(j, where);  // not const: returned by move
    bool ok = !id.empty() && id.size() <= 64 && id[0] >= 'a' && id[0] <= 'z';
    for (char c : id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw Bad{where + " must be an id of lower-case letters, digits and '_' (up to 64, a letter first) such as "
                          "knee_front_l, not " + kindOf(j)};
    return id;
}

int readChoir(const json& j, const std::string& where) {
    if (!j.is_number_integer() || j.get<long long>() < 1 || j.get<long long>() > 9999)
        throw Bad{where + " must be a whole number from 1 to 9999 (the CHOIR segment, e.g. 107), not " + kindOf(j)};
    return static_cast<int>(j.get<long long>());
}

Polygon readPolygon(const json& j, const std::string& where, const ViewBox& box, const char* viewName) {
    if (!j.is_array()) throw Bad{where + " must be a list of points [[x, y], ...], not " + kindOf(j)};
    if (j.size() < 3) throw Bad{where + " has " + std::to_string(j.size()) + " points; a polygon needs at least 3"};
    Polygon poly;
    poly.reserve(j.size());
    for (size_t i = 0; i < j.size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        const json& pt = j[i];
        if (!pt.is_array() || pt.size() != 2) throw Bad{at + " must be a point [x, y], not " + kindOf(pt)};
        const Point p{static_cast<float>(number(pt[0], at + "[0]")), static_cast<float>(number(pt[1], at + "[1]"))};
        if (!box.contains(p))
            throw Bad{at + " " + pt.dump() + " is outside the " + viewName + " view box " + json{box.x, box.y, box.width, box.height}.dump() +
                      " (are the coordinates shifted, or the view box too small?)"};
        poly.push_back(p);
    }
    return poly;
}

RegionShape readRegion(const json& j, const std::string& where, const Geometry& g) {
    checkKeys(j, where, {"id", "choir", "view", "polygons"});
    RegionShape r;
    r.id = readId(need(j, where, "id", "\"id\": \"a_region_id\" (what answers store)"), where + ".id");
    const std::string named = where + " ('" + r.id + "')";
    if (auto c = j.find("choir"); c != j.end()) r.choir = readChoir(*c, named + ".choir");
    r.view = readView(need(j, named, "view", "\"view\": \"front\" or \"back\""), named + ".view", g);
    const json& polys = need(j, named, "polygons", "\"polygons\": [[[x, y], [x, y], [x, y], ...]]");
    if (!polys.is_array() || polys.empty())
        throw Bad{named + ".polygons must be a list of one or more polygons [[[x, y], ...]], not " + kindOf(polys)};
    for (size_t i = 0; i < polys.size(); ++i)
        r.polygons.push_back(readPolygon(polys[i], named + ".polygons[" + std::to_string(i) + "]", g.box(r.view),
                                         r.view == View::Front ? "front" : "back"));
    return r;
}

Geometry readGeometry(const json& root) {
    if (!root.is_object()) throw Bad{"a body map file is an object {\"version\": 1, \"views\": ..., \"regions\": [...]}, not " + kindOf(root)};
    checkKeys(root, "the top level", {"version", "attribution", "license", "views", "regions"});
    const json& version = need(root, "the top level", "version", "\"version\": 1");
    if (version != 1) throw Bad{"version " + version.dump() + " is not supported; this kiosk reads body map files of version 1"};
    Geometry g;
    if (auto a = root.find("attribution"); a != root.end()) g.attribution = text(*a, "attribution");
    if (auto l = root.find("license"); l != root.end()) g.license = text(*l, "license");

    const json& views = need(root, "the top level", "views", "\"views\": {\"front\": {\"view_box\": [x, y, width, height]}, \"back\": ...}");
    checkKeys(views, "views", {"front", "back"});
    if (views.empty()) throw Bad{"views is empty; give front, back or both: {\"front\": {\"view_box\": [0, 0, 280, 565]}}"};
    if (auto f = views.find("front"); f != views.end()) g.front = readViewBox(*f, "views.front");
    if (auto b = views.find("back"); b != views.end()) g.back = readViewBox(*b, "views.back");

    const json& regions = need(root, "the top level", "regions", "\"regions\": [{\"id\": ..., \"view\": ..., \"polygons\": ...}]");
    if (!regions.is_array() || regions.empty())
        throw Bad{"regions must be a list of one or more regions [{...}], not " + kindOf(regions)};
    std::map<std::string, size_t> ids;
    std::map<int, size_t> codes;
    for (size_t i = 0; i < regions.size(); ++i) {
        const std::string where = "regions[" + std::to_string(i) + "]";
        RegionShape r = readRegion(regions[i], where, g);
        if (auto [it, fresh] = ids.emplace(r.id, i); !fresh)
            throw Bad{where + ".id '" + r.id + "' is already used by regions[" + std::to_string(it->second) +
                      "]; each region appears once (put its pieces in one region's polygons)"};
        if (r.choir != 0)
            if (auto [it, fresh] = codes.emplace(r.choir, i); !fresh)
                throw Bad{where + " ('" + r.id + "').choir " + std::to_string(r.choir) + " is already used by regions[" +
                          std::to_string(it->second) + "] ('" + g.regions[it->second].id + "'); each CHOIR code names one region"};
        g.regions.push_back(std::move(r));
    }
    return g;
}

}  // namespace

// [SECTION] Entry
const RegionShape* Geometry::find(std::string_view id) const {
    for (const auto& r : regions)
        if (r.id == id) return &r;
    return nullptr;
}

core::Result<Geometry> parseGeometry(std::string_view text, const std::string& displayPath) {
    if (text.size() > kGeometryFile.maxBytes)
        return core::makeError(core::ErrorCode::Invalid, core::sizeLimitMessage(text.size(), kGeometryFile),
                               core::SourceLoc{displayPath});
    try {
        return readGeometry(parseJson(text));
    } catch (const Bad& bad) {
        return core::makeError(core::ErrorCode::Invalid, bad.message, core::SourceLoc{displayPath, bad.line, bad.col});
    } catch (const std::bad_alloc&) {
        return core::makeError(core::ErrorCode::Invalid, "out of memory while reading the file", core::SourceLoc{displayPath});
    }
}

core::Result<Geometry> loadGeometry(const std::string& path) {
    core::Result<std::string> text = core::readTextFile(path, kGeometryFile);
    if (!text) return text.error();
    return parseGeometry(*text, path);
}

}  // namespace kiosk::bodymap
