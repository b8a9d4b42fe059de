#include "kiosk/forms/yaml_json.h"

#include <cmath>

#include "kiosk/forms/form_yaml.h"
#include "kiosk/forms/parse_context.h"

namespace kiosk::forms {
namespace {

// Recursion is bounded: the reader refuses trees deeper than kFormYaml.maxDepth.
nlohmann::json convert(const detail::YamlNode& n) {
    switch (n.kind) {
        case detail::YamlNode::Kind::Null:
            return nullptr;
        case detail::YamlNode::Kind::Seq: {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& c : n.items) a.push_back(convert(c));
            return a;
        }
        case detail::YamlNode::Kind::Map: {
            nlohmann::json o = nlohmann::json::object();
            for (size_t i = 0; i < n.keys.size(); ++i) o[n.keys[i].value] = convert(n.values[i]);
            return o;
        }
        case detail::YamlNode::Kind::Scalar:
            break;
    }
    if (n.plain && (n.value == "null" || n.value == "Null" || n.value == "NULL" || n.value == "~")) return nullptr;
    if (auto b = detail::plainBool(n)) return *b;
    if (auto d = detail::plainNumber(n)) {
        // Whole numbers stay integers so that "type": "integer" holds for version: 3.
        if (*d == std::floor(*d) && std::fabs(*d) < 9.0e15) return static_cast<long long>(*d);
        return *d;
    }
    return n.value;
}

}  // namespace

std::optional<nlohmann::json> yamlToJson(std::string_view text, const std::string& displayPath, core::Errors& errors) {
    detail::YamlNode root;
    if (!detail::parseFormYaml(text, displayPath, root, errors)) return std::nullopt;
    return convert(root);
}

}  // namespace kiosk::forms
