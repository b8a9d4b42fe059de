#include "kiosk/forms/fhir_link.h"

namespace kiosk::forms {
namespace {

bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A string naming an option by its code, as the kiosk names it by value.
nlohmann::json optionValue(const Item& item, const nlohmann::json& v) {
    if (!v.is_string() || item.findOption(v.get<std::string>()) != nullptr) return v;
    for (const Option& o : item.options)
        if (!o.code.empty() && o.code == v.get<std::string>()) return o.value;
    return v;
}

}  // namespace

const std::string& linkIdOf(const Item& item) { return item.linkId.empty() ? item.id : item.linkId; }
const std::string& linkIdOf(const Page& page) { return page.linkId.empty() ? page.id : page.linkId; }

std::string idFromLinkId(std::string_view linkId) {
    const bool valid = !linkId.empty() && linkId.size() <= 64 && isLower(linkId.front()) &&
                       linkId.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
    if (valid) return std::string(linkId);
    std::string out;
    bool gap = false;
    for (const char raw : linkId) {
        const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
        if (isLower(c) || isDigit(c)) {
            if (gap && !out.empty()) out += '_';
            out += c;
            gap = false;
        } else {
            gap = true;  // '_' and every other character: one separator, none at the ends
        }
    }
    if (out.empty()) return "q";
    if (isDigit(out.front())) out = "q_" + out;
    if (out.size() > 64) out.resize(64);
    while (out.back() == '_') out.pop_back();
    return out;
}

namespace {

/// The item (or list field) of @p items keyed @p key: by id, else by linkId.
template <class Items>
const Item* byKey(const Items& items, const std::string& key) {
    for (const Item* i : items)
        if (i->id == key) return i;
    for (const Item* i : items)
        if (i->linkId == key) return i;
    return nullptr;
}

nlohmann::json valueByItemId(const Item& item, const nlohmann::json& value) {
    nlohmann::json v = value;
    if (item.type == ItemType::Single) v = optionValue(item, value);
    if (item.type == ItemType::Multi && value.is_array())
        for (auto& e : v) e = optionValue(item, e);
    // FHIR's repeats on text: one answer a line (a repeating number or date keeps its array)
    if (item.repeats && item.type == ItemType::Text && value.is_array()) {
        std::string lines;
        for (const auto& e : value) lines += (lines.empty() ? "" : "\n") + (e.is_string() ? e.get<std::string>() : e.dump());
        v = lines;
    }
    // A list: each entry's fields keyed by field id, their values as the fields take them.
    if (item.type == ItemType::List && value.is_array()) {
        std::vector<const Item*> fields;
        for (const Item& f : item.fields) fields.push_back(&f);
        for (auto& entry : v) {
            if (!entry.is_object()) continue;
            nlohmann::json keyed = nlohmann::json::object();
            for (const auto& [key, field] : entry.items()) {
                const Item* f = byKey(fields, key);
                if (f == nullptr) keyed[key] = field;
                else keyed[f->id] = valueByItemId(*f, field);
            }
            entry = std::move(keyed);
        }
    }
    return v;
}

}  // namespace

nlohmann::json answersByItemId(const Form& form, const nlohmann::json& answers) {
    if (!answers.is_object()) return answers;
    nlohmann::json out = nlohmann::json::object();
    const std::vector<const Item*> items = form.allItems();
    for (const auto& [key, value] : answers.items()) {
        const Item* item = byKey(items, key);
        if (item == nullptr) out[key] = value;
        else out[item->id] = valueByItemId(*item, value);
    }
    return out;
}

}  // namespace kiosk::forms
