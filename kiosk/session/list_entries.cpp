#include "kiosk/session/list_entries.h"

#include <variant>

#include "kiosk/forms/answer_access.h"

namespace kiosk::session {
namespace {

forms::ListAnswer entriesOf(const forms::Answer* answer) {
    if (answer != nullptr)
        if (const auto* l = std::get_if<forms::ListAnswer>(answer)) return *l;
    return {};
}

std::optional<forms::Answer> kept(forms::ListAnswer entries) {
    if (entries.empty()) return std::nullopt;
    return forms::Answer{std::move(entries)};
}

}  // namespace

std::size_t entryCount(const forms::Answer* answer) {
    if (answer == nullptr) return 0;
    const auto* l = std::get_if<forms::ListAnswer>(answer);
    return l == nullptr ? 0 : l->size();
}

const forms::Answer* fieldAt(const forms::Answer* list, std::size_t entry, const std::string& field) {
    const auto* l = list == nullptr ? nullptr : std::get_if<forms::ListAnswer>(list);
    if (l == nullptr || entry >= l->size()) return nullptr;
    auto it = (*l)[entry].fields.find(field);
    return it == (*l)[entry].fields.end() ? nullptr : &it->second;
}

std::optional<forms::Answer> withFieldAt(const forms::Item& item, const forms::Answer* list, std::size_t entry,
                                         const std::string& field, const std::optional<forms::Answer>& value) {
    forms::ListAnswer entries = entriesOf(list);
    const bool given = value && forms::hasValue(*value);
    if (item.findField(field) == nullptr) return kept(std::move(entries));
    if (entry == entries.size()) {
        // A new entry starts with its first answer; a clear there has nothing to clear.
        if (!given || entries.size() >= static_cast<std::size_t>(item.maxEntries)) return kept(std::move(entries));
        entries.emplace_back();
    }
    if (entry >= entries.size()) return kept(std::move(entries));
    if (given) entries[entry].fields[field] = *value;
    else entries[entry].fields.erase(field);
    return kept(std::move(entries));
}

std::optional<forms::Answer> withoutEntry(const forms::Answer* list, std::size_t entry) {
    forms::ListAnswer entries = entriesOf(list);
    if (entry < entries.size()) entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(entry));
    return kept(std::move(entries));
}

}  // namespace kiosk::session
