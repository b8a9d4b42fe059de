#include "kiosk/session/repeat_values.h"

#include <type_traits>
#include <variant>

namespace kiosk::session {
namespace {

template <class List>
std::optional<forms::Answer> change(const forms::Item& item, const forms::Answer* list, std::size_t slot,
                                    const std::optional<forms::Answer>& value) {
    using Value = typename List::value_type;
    List values;
    if (list != nullptr)
        if (const auto* given = std::get_if<List>(list)) values = *given;
    if (!value) {
        if (slot < values.size()) values.erase(values.begin() + static_cast<std::ptrdiff_t>(slot));
    } else if (const auto* v = std::get_if<Value>(&*value)) {
        if (slot < values.size()) values[slot] = *v;
        else if (slot == values.size() && values.size() < static_cast<std::size_t>(item.maxAnswers)) values.push_back(*v);
    }
    if (values.empty()) return std::nullopt;
    return forms::Answer{std::move(values)};
}

}  // namespace

bool takesValueList(const forms::Item& item) {
    return item.repeats && (item.type == forms::ItemType::Number || item.type == forms::ItemType::Date);
}

std::size_t valueCount(const forms::Answer* answer) {
    if (answer == nullptr) return 0;
    if (const auto* n = std::get_if<forms::NumberList>(answer)) return n->size();
    if (const auto* d = std::get_if<forms::DateList>(answer)) return d->size();
    return 0;
}

std::optional<forms::Answer> valueAt(const forms::Answer* list, std::size_t slot) {
    if (list == nullptr) return std::nullopt;
    if (const auto* n = std::get_if<forms::NumberList>(list))
        if (slot < n->size()) return forms::Answer{(*n)[slot]};
    if (const auto* d = std::get_if<forms::DateList>(list))
        if (slot < d->size()) return forms::Answer{(*d)[slot]};
    return std::nullopt;
}

std::optional<forms::Answer> withValueAt(const forms::Item& item, const forms::Answer* list, std::size_t slot,
                                         const std::optional<forms::Answer>& value) {
    if (item.type == forms::ItemType::Date) return change<forms::DateList>(item, list, slot, value);
    return change<forms::NumberList>(item, list, slot, value);
}

}  // namespace kiosk::session
