#include "kiosk/forms/yaml_emit.h"

#include <sstream>

namespace kiosk::forms {
namespace {

using nlohmann::ordered_json;

/// A scalar as YAML: JSON's double-quoted strings are valid YAML double-quoted strings.
std::string scalar(const ordered_json& v) {
    return v.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

bool isEmptyContainer(const ordered_json& v) { return (v.is_object() || v.is_array()) && v.empty(); }

/// Short maps of scalars fit on one line: `{en: "Yes", es: "Sí"}`.
bool inlineMap(const ordered_json& v) {
    if (!v.is_object() || v.size() > 3) return false;
    size_t width = 0;
    for (const auto& [k, e] : v.items()) {
        if (e.is_structured()) return false;
        width += k.size() + scalar(e).size() + 4;
    }
    return width <= 80;
}

std::string inlineText(const ordered_json& v) {
    std::string out = "{";
    for (const auto& [k, e] : v.items()) out += (out.size() > 1 ? ", " : "") + scalar(ordered_json(k)) + ": " + scalar(e);
    return out + "}";
}

void emit(std::ostringstream& out, const ordered_json& v, int indent);

void emitMap(std::ostringstream& out, const ordered_json& v, int indent, bool firstInline) {
    bool first = true;
    for (const auto& [k, e] : v.items()) {
        if (!(first && firstInline)) out << std::string(static_cast<size_t>(indent), ' ');
        first = false;
        out << k << ':';
        if (isEmptyContainer(e)) {
            out << (e.is_object() ? " {}\n" : " []\n");
        } else if (inlineMap(e)) {
            out << ' ' << inlineText(e) << '\n';
        } else if (e.is_object()) {
            out << '\n';
            emitMap(out, e, indent + 2, false);
        } else if (e.is_array()) {
            out << '\n';
            emit(out, e, indent + 2);
        } else {
            out << ' ' << scalar(e) << '\n';
        }
    }
}

void emit(std::ostringstream& out, const ordered_json& v, int indent) {
    if (v.is_object()) {
        emitMap(out, v, indent, false);
        return;
    }
    for (const ordered_json& e : v) {  // an array
        out << std::string(static_cast<size_t>(indent), ' ') << "- ";
        if (e.is_object() && !e.empty()) {
            emitMap(out, e, indent + 2, true);
        } else if (e.is_array() && !e.empty()) {
            out << '\n';
            emit(out, e, indent + 2);
        } else {
            out << (isEmptyContainer(e) ? (e.is_object() ? "{}" : "[]") : scalar(e)) << '\n';
        }
    }
}

}  // namespace

std::string toYaml(const ordered_json& doc) {
    std::ostringstream out;
    emit(out, doc, 0);
    return out.str();
}

}  // namespace kiosk::forms
