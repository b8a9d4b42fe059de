#include "kiosk/forms/instrument.h"

#include "kiosk/forms/content_hash.h"
#include "kiosk/forms/parse_context.h"

namespace kiosk::forms {
namespace {

// Fields are separated by a unit separator, which a form file cannot contain (control characters
// are refused before parsing), so two different texts never join into the same string.
void field(std::string& out, const std::string& s) {
    out += s;
    out += '\x1f';
}

}  // namespace

std::string verbatimFingerprint(const Form& form, const std::string& lang) {
    std::string text;
    for (const Page& page : form.pages) {
        for (const Item& item : page.items) {
            if (!item.verbatim) continue;
            field(text, item.id);
            for (const Text* t : {&item.label, &item.help, &item.minLabel, &item.maxLabel})
                field(text, t->byLang.count(lang) ? t->byLang.at(lang) : std::string());
            for (const Option& o : item.options) {
                field(text, o.value);
                field(text, o.label.byLang.count(lang) ? o.label.byLang.at(lang) : std::string());
                field(text, o.score ? detail::formatNumber(*o.score) : std::string());
            }
            for (const MatrixRow& r : item.rows) {
                field(text, r.id);
                field(text, r.label.byLang.count(lang) ? r.label.byLang.at(lang) : std::string());
            }
            text += '\x1e';
        }
    }
    return contentHash(text);
}

}  // namespace kiosk::forms
