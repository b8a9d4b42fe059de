// speech::pageText and friends: see page_text.h. Every word comes from the form or the catalogue.
#include "kiosk/speech/page_text.h"

#include <cmath>

#include "kiosk/forms/conditions.h"

namespace kiosk::speech {
namespace {

/// Reads texts of one form in one language, like session::Wording.
struct Reader {
    const forms::Form& form;
    const core::Catalog& catalog;
    std::string lang;
    std::string formLang;
    Utterance out;

    Reader(const forms::Form& f, const core::Catalog& c, const std::string& wanted)
        : form(f), catalog(c), lang(core::pickLanguage(f.languages, wanted)),
          formLang(core::pickLanguage(f.languages)) {
        out.lang = lang;
    }
    const std::string& text(const forms::Text& t) const { return t.get(lang, formLang); }
    /// The spoken form of a label: its `say:` in this language, else the label.
    const std::string& spoken(const forms::Text& label, const forms::Text& say) const {
        auto it = say.byLang.find(lang);
        return it != say.byLang.end() ? it->second : text(label);
    }
    void add(const std::string& s) {
        std::string line = sentence(s);
        if (!line.empty()) out.sentences.push_back(std::move(line));
    }
    void tr(const char* key) { add(catalog.tr(lang, key)); }
    void fmt(const char* key, const std::vector<std::string>& args) { add(catalog.format(lang, key, args)); }
};

std::string wholeNumber(double v) {
    return std::to_string(static_cast<long long>(std::llround(v)));
}

void howToAnswer(Reader& r, const forms::Item& item) {
    using forms::ItemType;
    switch (item.type) {
        case ItemType::Info: break;
        case ItemType::YesNo:
            r.tr("ui.yes");
            r.tr("ui.no");
            break;
        case ItemType::Multi:
            if (item.maxSelected > 0)
                r.fmt("ui.choose_up_to", {std::to_string(item.maxSelected)});
            else
                r.tr("ui.choose_all_that_apply");
            [[fallthrough]];
        case ItemType::Single:
            for (const forms::Option& o : item.options) r.add(r.spoken(o.label, o.say));
            break;
        case ItemType::List:  // what one entry asks, as its card shows it
            r.tr("speech.list_fields");
            for (const forms::Item& field : item.fields) r.add(r.spoken(field.label, field.say));
            break;
        case ItemType::Matrix:
            r.tr("speech.matrix_rows");
            for (const forms::MatrixRow& row : item.rows) r.add(r.spoken(row.label, row.say));
            r.tr("speech.matrix_options");
            for (const forms::Option& o : item.options) r.add(r.spoken(o.label, o.say));
            break;
        case ItemType::Scale: {
            const std::string lo = wholeNumber(item.min.value_or(0)), hi = wholeNumber(item.max.value_or(10));
            if (!item.minLabel.empty() && !item.maxLabel.empty())
                r.fmt("speech.scale", {lo, r.text(item.minLabel), hi, r.text(item.maxLabel)});
            else
                r.fmt("speech.scale_plain", {lo, hi});
            break;
        }
        case ItemType::Number:
            if (!item.unit.empty()) r.fmt("speech.number_unit", {r.text(item.unit)});
            if (item.repeats) r.fmt("ui.repeat.hint", {std::to_string(item.maxAnswers)});  // as shown
            break;
        case ItemType::Text: r.tr("ui.tap_to_type"); break;
        case ItemType::Date:
            r.tr("speech.date");
            if (item.repeats) r.fmt("ui.repeat.hint", {std::to_string(item.maxAnswers)});
            break;
        case ItemType::BodyMap: r.tr("speech.body_map"); break;
        case ItemType::Signature: r.tr("ui.signature.hint"); break;
        case ItemType::Consent: r.fmt("speech.consent", {r.catalog.tr(r.lang, "ui.consent_agree")}); break;
    }
}

void readPage(Reader& r, const forms::Page& page, const std::vector<const forms::Item*>& shown) {
    r.add(r.text(page.title));
    for (const forms::Item* item : shown) {
        if (!item) continue;
        r.add(r.spoken(item->label, item->say));
        if (!item->help.empty()) r.add(r.text(item->help));
        howToAnswer(r, *item);
    }
}

}  // namespace

std::string sentence(std::string text) {
    const char* space = " \t\r\n";
    const auto first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    text = text.substr(first, text.find_last_not_of(space) - first + 1);
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    const char last = text.back();
    // "…" ends in 0xA6; a closing quote or bracket after a full stop still ends the sentence.
    const std::string enders = ".?!:;";
    const bool closed = enders.find(last) != std::string::npos ||
                        (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE2\x80\xA6") == 0) ||
                        ((last == '"' || last == ')') && text.size() >= 2 &&
                         enders.find(text[text.size() - 2]) != std::string::npos);
    if (!closed) text += '.';
    return text;
}

Utterance pageText(const forms::Form& form, const forms::Page& page, const std::vector<const forms::Item*>& shown,
                   const std::string& lang, const core::Catalog& catalog) {
    Reader r(form, catalog, lang);
    readPage(r, page, shown);
    return std::move(r.out);
}

Utterance freshPageText(const forms::Form& form, int pageIndex, const std::string& lang,
                        const core::Catalog& catalog) {
    if (pageIndex < 0 || pageIndex >= static_cast<int>(form.pages.size())) return Utterance{lang, {}};
    const forms::Visibility v = forms::computeVisibility(form, forms::Answers{});
    const forms::Page& page = form.pages[static_cast<size_t>(pageIndex)];
    std::vector<const forms::Item*> shown;
    for (const forms::Item& item : page.items)
        if (v.itemShown(item.id)) shown.push_back(&item);
    return pageText(form, page, shown, lang, catalog);
}

Utterance screenText(const session::ViewModel& vm, const forms::Form& form, const core::Catalog& catalog) {
    using session::Screen;
    Reader r(form, catalog, vm.lang);
    if (vm.idleWarning) {
        r.tr("ui.idle.title");
        r.fmt("speech.idle", {catalog.tr(r.lang, "ui.idle.still_here")});
        return std::move(r.out);
    }
    switch (vm.screen) {
        case Screen::Welcome:
            r.add(r.text(form.title));
            if (!form.description.empty()) r.add(r.text(form.description));
            r.fmt("speech.welcome", {catalog.tr(r.lang, "ui.welcome.start")});
            break;
        case Screen::Page:
            if (vm.page >= 0 && vm.page < static_cast<int>(form.pages.size())) {
                std::vector<const forms::Item*> shown;
                for (const session::ItemView& iv : vm.items) shown.push_back(iv.item);
                readPage(r, form.pages[static_cast<size_t>(vm.page)], shown);
            }
            break;
        case Screen::Review:
            r.tr("ui.review.title");
            r.tr("ui.review.intro");
            break;
        case Screen::Saving: r.tr("ui.saving.title"); break;
        case Screen::SaveFailed:
            r.tr("ui.save_failed.title");
            r.tr("ui.save_failed.body");
            break;
        case Screen::ThankYou:
            r.tr("ui.thank_you.title");
            r.tr("ui.thank_you.body");
            r.tr("ui.thank_you.next");
            break;
        case Screen::Resume:
            r.tr("ui.resume.title");
            r.tr("ui.resume.question");
            break;
    }
    return std::move(r.out);
}

}  // namespace kiosk::speech
