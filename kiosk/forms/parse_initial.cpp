// `initial`: an item's starting answer, read as the item's own answer type and checked by the same
// rules as a patient's answer (answer_check.h), so a form cannot start a question on a value the
// patient could not give.
#include "kiosk/forms/answer_access.h"
#include "kiosk/forms/answer_check.h"
#include "kiosk/forms/parse_items.h"

namespace kiosk::forms::detail {
namespace {

/// The value at @p n as @p item's answer type; nullopt after reporting what was expected.
std::optional<Answer> initialValue(Ctx& ctx, const YamlNode& n, const Item& item) {
    auto expected = [&](const std::string& what) {
        ctx.error(n, "'initial' of " + std::string(toString(item.type)) + " item '" + item.id + "' must be " + what);
        return std::nullopt;
    };
    if (item.repeats && item.type != ItemType::Text) {
        ctx.error(n, "'initial' is not for items with repeats: true: the patient adds each value; remove 'initial'");
        return std::nullopt;
    }
    switch (item.type) {
        case ItemType::Text:
        case ItemType::Single:
            if (!n.isScalar()) return expected(item.type == ItemType::Text ? "a text" : "one of its option values");
            return Answer{n.value};
        case ItemType::Number:
        case ItemType::Scale:
            if (auto v = plainNumber(n)) return Answer{*v};
            return expected("a number");
        case ItemType::YesNo:
            if (auto v = plainBool(n)) return Answer{*v};
            return expected("true or false");
        case ItemType::Date:
            if (n.isScalar())
                if (auto d = parseIsoDate(n.value)) return Answer{*d};
            return expected("a date written YYYY-MM-DD");
        case ItemType::Multi: {
            if (!n.isSeq()) return expected("a list of its option values, e.g. [a, b]");
            std::vector<std::string> values;
            for (const YamlNode& v : n.items) {
                if (!v.isScalar()) return expected("a list of its option values, e.g. [a, b]");
                values.push_back(v.value);
            }
            return Answer{std::move(values)};
        }
        default:
            ctx.error(n, "'initial' is for text, number, scale, date, yes_no, single and multi items, not " +
                             std::string(toString(item.type)) + " items: a patient gives that answer themselves; "
                             "remove 'initial'");
            return std::nullopt;
    }
}

}  // namespace

void readInitial(Ctx& ctx, const YamlNode& node, Item& item) {
    std::optional<Answer> value = initialValue(ctx, node, item);
    if (!value) return;
    // A past_only date is checked against today at the kiosk: a form file has no today.
    if (auto problem = checkAnswer(item, *value, std::nullopt)) {
        ctx.error(node, "'initial' is not an answer a patient could give: " + describe(item, *problem));
        return;
    }
    item.initial = std::move(value);
}

}  // namespace kiosk::forms::detail
