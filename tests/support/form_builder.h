#pragma once
// Builds forms::Form values in test code (no YAML), so forms/ and session/ tests do not depend on
// the loader. Helpers return plain model structs; tests tweak fields directly where needed.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/forms/model.h"

namespace kiosk::testing {

using namespace kiosk::forms;

inline Text txt(std::string en, std::string es = {}) {
    Text t;
    t.byLang["en"] = std::move(en);
    if (!es.empty()) t.byLang["es"] = std::move(es);
    return t;
}

// [SECTION] Conditions
inline Condition cmp(std::string item, CondOp op, CondValue value = {}) {
    Condition c;
    c.kind = Condition::Kind::Compare;
    c.item = std::move(item);
    c.op = op;
    c.value = std::move(value);
    return c;
}
inline Condition allOf(std::vector<Condition> kids) {
    Condition c;
    c.kind = Condition::Kind::All;
    c.children = std::move(kids);
    return c;
}
inline Condition anyOf(std::vector<Condition> kids) {
    Condition c;
    c.kind = Condition::Kind::Any;
    c.children = std::move(kids);
    return c;
}
inline Condition notOf(Condition kid) {
    Condition c;
    c.kind = Condition::Kind::Not;
    c.children.push_back(std::move(kid));
    return c;
}

// [SECTION] Items
inline Option opt(std::string value, std::optional<double> score = std::nullopt, std::string en = {},
                  std::string es = {}) {
    Option o;
    o.label = txt(en.empty() ? value : en, es);
    o.value = std::move(value);
    o.score = score;
    return o;
}
inline Item item(std::string id, ItemType type) {
    Item i;
    i.label = txt("Question " + id, "Pregunta " + id);
    i.id = std::move(id);
    i.type = type;
    return i;
}
inline Item yesNo(std::string id) { return item(std::move(id), ItemType::YesNo); }
inline Item consent(std::string id) { return item(std::move(id), ItemType::Consent); }
inline Item text(std::string id) { return item(std::move(id), ItemType::Text); }
inline Item date(std::string id) { return item(std::move(id), ItemType::Date); }
inline Item info(std::string id) { return item(std::move(id), ItemType::Info); }
inline Item signature(std::string id) { return item(std::move(id), ItemType::Signature); }
inline Item bodyMap(std::string id, std::vector<BodyDetail> detail = {}) {
    Item i = item(std::move(id), ItemType::BodyMap);
    i.detail = std::move(detail);
    return i;
}
inline Item number(std::string id, std::optional<double> min = std::nullopt,
                   std::optional<double> max = std::nullopt) {
    Item i = item(std::move(id), ItemType::Number);
    i.min = min;
    i.max = max;
    return i;
}
inline Item scale(std::string id) {
    Item i = item(std::move(id), ItemType::Scale);
    i.min = 0;
    i.max = 10;
    return i;
}
inline Item single(std::string id, std::vector<Option> options) {
    Item i = item(std::move(id), ItemType::Single);
    i.options = std::move(options);
    return i;
}
inline Item multi(std::string id, std::vector<Option> options) {
    Item i = item(std::move(id), ItemType::Multi);
    i.options = std::move(options);
    return i;
}
inline Item matrix(std::string id, std::vector<std::string> rows, std::vector<Option> options) {
    Item i = item(std::move(id), ItemType::Matrix);
    for (auto& r : rows) {
        MatrixRow row;
        row.label = txt("Row " + r, "Fila " + r);
        row.id = std::move(r);
        i.rows.push_back(std::move(row));
    }
    i.options = std::move(options);
    return i;
}
inline Item required(Item i) {
    i.required = true;
    return i;
}
inline Item shownIf(Item i, Condition c) {
    i.showIf = std::move(c);
    return i;
}

// [SECTION] Form
inline Page page(std::string id, std::vector<Item> items, std::optional<Condition> showIf = std::nullopt) {
    Page p;
    p.title = txt("Page " + id, "Página " + id);
    p.id = std::move(id);
    p.items = std::move(items);
    p.showIf = std::move(showIf);
    return p;
}

inline Form form(std::vector<Page> pages, std::string id = "test_form") {
    Form f;
    f.id = std::move(id);
    f.version = 3;
    f.title = txt("Test form", "Formulario de prueba");
    f.languages = {"en", "es"};
    f.pages = std::move(pages);
    f.contentHash = "sha256:00ff";
    return f;
}

inline std::shared_ptr<const Form> share(Form f) { return std::make_shared<const Form>(std::move(f)); }

}  // namespace kiosk::testing
