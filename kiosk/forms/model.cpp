#include "kiosk/forms/model.h"

#include <array>
#include <utility>

namespace kiosk::forms {
namespace {
constexpr std::array<std::pair<ItemType, std::string_view>, 13> kItemTypeNames{{
    {ItemType::Info, "info"},         {ItemType::Text, "text"},
    {ItemType::Number, "number"},     {ItemType::Date, "date"},
    {ItemType::YesNo, "yes_no"},      {ItemType::Single, "single"},
    {ItemType::Multi, "multi"},       {ItemType::Scale, "scale"},
    {ItemType::BodyMap, "body_map"},  {ItemType::Signature, "signature"},
    {ItemType::Consent, "consent"},   {ItemType::Matrix, "matrix"},
    {ItemType::List, "list"},
}};
const std::string kEmpty;
}  // namespace

const std::string& Text::get(std::string_view lang, std::string_view fallback) const {
    for (std::string_view l : {lang, fallback}) {
        auto it = byLang.find(std::string(l));
        if (it != byLang.end()) return it->second;
    }
    return byLang.empty() ? kEmpty : byLang.begin()->second;
}

std::string_view toString(ItemType type) {
    for (const auto& [t, name] : kItemTypeNames)
        if (t == type) return name;
    return "?";
}

std::optional<ItemType> itemTypeFromString(std::string_view name) {
    for (const auto& [t, n] : kItemTypeNames)
        if (n == name) return t;
    return std::nullopt;
}

const Option* Item::findOption(std::string_view value) const {
    for (const auto& o : options)
        if (o.value == value) return &o;
    return nullptr;
}

const MatrixRow* Item::findRow(std::string_view rowId) const {
    for (const auto& r : rows)
        if (r.id == rowId) return &r;
    return nullptr;
}

const Item* Item::findField(std::string_view fieldId) const {
    for (const auto& f : fields)
        if (f.id == fieldId) return &f;
    return nullptr;
}

const Item* Form::findItem(std::string_view itemId) const {
    for (const auto& p : pages)
        for (const auto& i : p.items)
            if (i.id == itemId) return &i;
    return nullptr;
}

const Score* Form::findScore(std::string_view scoreId) const {
    for (const auto& s : scores)
        if (s.id == scoreId) return &s;
    return nullptr;
}

int Form::pageOf(std::string_view itemId) const {
    for (size_t p = 0; p < pages.size(); ++p)
        for (const auto& i : pages[p].items)
            if (i.id == itemId) return static_cast<int>(p);
    return -1;
}

std::vector<const Item*> Form::allItems() const {
    std::vector<const Item*> out;
    for (const auto& p : pages)
        for (const auto& i : p.items) out.push_back(&i);
    return out;
}

bool answersNoToAll(const Item& item) {
    if (item.type == ItemType::YesNo) return true;
    if (item.type != ItemType::Single) return false;
    for (const Option& o : item.options)
        if (o.value == "no") return true;
    return false;
}

bool isBodyMapMethod(ScoreMethod method) {
    return method == ScoreMethod::PainfulRegions || method == ScoreMethod::Wpi ||
           method == ScoreMethod::GeneralizedPain || method == ScoreMethod::WorstRegion;
}

}  // namespace kiosk::forms
