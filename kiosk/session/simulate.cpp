#include "kiosk/session/simulate.h"

#include "kiosk/core/suggest.h"

#include <algorithm>

#include "kiosk/forms/conditions.h"
#include "kiosk/session/answer_json.h"
#include "kiosk/session/validation.h"

namespace kiosk::session {
namespace {

using core::ErrorCode;
using core::makeError;

// Errors sorted so that the report reads in form order; unknown ids (rank -1) come first.
struct Ranked {
    int rank;
    core::Error error;
};


// The item ids @p c compares, once each, in the order written ("matrix.row" counts as "matrix").
void conditionItems(const forms::Condition& c, std::vector<std::string>& ids) {
    if (c.kind == forms::Condition::Kind::Compare) {
        const std::string id = c.item.substr(0, c.item.find('.'));
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    for (const forms::Condition& k : c.children) conditionItems(k, ids);
}

std::string quotedList(const forms::Condition& c) {
    std::vector<std::string> ids;
    conditionItems(c, ids);
    for (auto& id : ids) id = "'" + id + "'";
    return core::joinList(ids);
}

// Why an answered item is not shown (its page's show_if, or its own), what decides it, and the
// two ways out: the answer set or the condition is wrong, or the kiosk's own dropping is wanted.
std::string hiddenReason(const forms::Form& form, const forms::Visibility& v, const forms::Item& item) {
    const int page = form.pageOf(item.id);
    const forms::Page& p = form.pages[static_cast<size_t>(page)];
    const bool byPage = !v.pageShown(page) && p.showIf;
    const std::string what = byPage ? "its page '" + p.id + "' is hidden by the page's show_if"
                                    : "the item is hidden by its show_if";
    const forms::Condition* c = byPage ? &*p.showIf : item.showIf ? &*item.showIf : nullptr;
    return "answer to '" + item.id + "' is given, but " + what + " with these answers" +
           (c ? " (it depends on " + quotedList(*c) + ")" : "") +
           "; check those answers, leave this one out, or pass --drop-hidden to drop it as the kiosk does";
}

// An answer key that is no item: a matrix row written the way form files name it, or a typo.
std::string unknownItem(const forms::Form& form, const std::string& key, const std::vector<std::string>& ids) {
    const size_t dot = key.find('.');
    const forms::Item* matrix = dot == std::string::npos ? nullptr : form.findItem(key.substr(0, dot));
    if (matrix != nullptr && matrix->type == forms::ItemType::Matrix) {
        const std::string id = matrix->id, row = key.substr(dot + 1);
        return "answer key '" + key + "' names a matrix row the way form files do; in answers a matrix is one "
               "object: {\"" + id + "\": {\"" + row + "\": ...}}";
    }
    return "unknown item '" + key + "' in the answers" + core::didYouMean(key, ids, 2);
}

// Whether @p c refers to any of @p ids (a "matrix.row" reference counts as "matrix").
bool refersTo(const forms::Condition& c, const std::vector<std::string>& ids) {
    if (c.kind == forms::Condition::Kind::Compare) {
        const std::string id = c.item.substr(0, c.item.find('.'));
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
    return std::any_of(c.children.begin(), c.children.end(),
                       [&](const forms::Condition& k) { return refersTo(k, ids); });
}

// Hidden only because an answer it depends on was refused: that refusal is the error to report.
bool hiddenByRefused(const forms::Form& form, const forms::Item& item, const std::vector<std::string>& refused) {
    const forms::Page& page = form.pages[static_cast<size_t>(form.pageOf(item.id))];
    return (item.showIf && refersTo(*item.showIf, refused)) ||
           (page.showIf && refersTo(*page.showIf, refused));
}

// Drives the Intake like a patient; the answers are already known to fit.
SimulateResult walk(const std::shared_ptr<const forms::Form>& form, const forms::Answers& answers,
                    const std::string& lang, const core::Catalog& catalog, const core::Clock& clock) {
    Intake intake(form, catalog, IntakeConfig{}, clock);
    intake.apply(Start{lang});
    // One Next per shown page. Answers go in in form order, so an item revealed by an earlier
    // answer on the same page is shown by the time its own answer arrives.
    for (size_t guard = 0; intake.screen() == Screen::Page && guard < form->pages.size(); ++guard) {
        const int page = intake.view().page;
        for (const forms::Item& item : form->pages[static_cast<size_t>(page)].items) {
            if (auto it = answers.find(item.id); it != answers.end())
                intake.apply(SetAnswer{it->first, it->second});
        }
        intake.apply(Next{});
        if (intake.screen() == Screen::Page && intake.view().page == page) break;  // refused
    }
    if (intake.screen() == Screen::Review) {
        for (const Effect& e : intake.apply(Submit{})) {
            if (const auto* save = std::get_if<SaveRequest>(&e)) return {save->record, {}, {}};
        }
    }
    core::Errors errors;
    const ViewModel vm = intake.view();
    for (const ItemView& iv : vm.items) {
        if (!iv.error.empty())
            errors.push_back(makeError(ErrorCode::Invalid, "'" + iv.item->id + "' was refused on page '" +
                                                                form->pages[static_cast<size_t>(vm.page)].id + "'"));
    }
    if (errors.empty())
        errors.push_back(makeError(ErrorCode::Internal, "the intake did not reach the review screen"));
    return {std::nullopt, std::move(errors), {}};
}

}  // namespace


SimulateResult simulate(const std::shared_ptr<const forms::Form>& form, const nlohmann::json& answers,
                        const std::string& lang, const core::Catalog& catalog, const core::Clock& clock,
                        HiddenAnswers hidden) {
    if (!form) return {std::nullopt, {makeError(ErrorCode::Internal, "no form to simulate")}, {}};
    std::vector<Ranked> found;
    auto report = [&](int rank, std::string message) {
        found.push_back({rank, makeError(ErrorCode::Invalid, std::move(message))});
    };

    const std::string language = core::pickLanguage(form->languages, lang);
    const auto& langs = form->languages;
    if (!langs.empty() && std::find(langs.begin(), langs.end(), language) == langs.end())
        report(-2, "language '" + language + "' is not one of the form's languages: " + core::joinList(form->languages));
    if (!answers.is_object()) {
        // Nothing in it is an answer, so "required" for every item would only bury this one error.
        return {std::nullopt,
                {makeError(ErrorCode::Invalid, "answers must be a JSON object of item id -> answer, "
                                               "like {\"pain_now\": 6}; the top level here is a JSON " +
                                                   std::string(answers.type_name()))},
                {}};
    }

    const std::vector<const forms::Item*> items = form->allItems();
    auto rankOf = [&](const forms::Item* item) {
        return static_cast<int>(std::find(items.begin(), items.end(), item) - items.begin());
    };
    std::vector<std::string> ids;
    for (const forms::Item* i : items)
        if (i->isQuestion()) ids.push_back(i->id);

    const forms::Date today = utcToday(clock);
    forms::Answers given;
    std::vector<std::string> refused;  // items whose answer did not fit: no "required" error for them
    if (answers.is_object()) {
        for (const auto& [id, value] : answers.items()) {
            const forms::Item* item = form->findItem(id);
            if (item == nullptr) {
                report(-1, unknownItem(*form, id, ids));
                continue;
            }
            auto parsed = answerFromJson(*item, value, today);
            if (!parsed.ok()) {
                report(rankOf(item), parsed.error().message);
                refused.push_back(id);
                continue;
            }
            given.emplace(id, std::move(parsed.value()));
        }
    }

    const forms::Visibility v = forms::computeVisibility(*form, given);
    std::vector<std::string> dropped;
    for (const forms::Item* item : items) {  // form order
        if (given.count(item->id) == 0 || v.itemShown(item->id)) continue;
        if (hidden == HiddenAnswers::Drop) {
            dropped.push_back(item->id);
        } else if (!hiddenByRefused(*form, *item, refused)) {
            report(rankOf(item), hiddenReason(*form, v, *item));
        }
    }
    const forms::Answers shown = forms::shownAnswers(given, v);
    for (size_t p = 0; p < form->pages.size(); ++p) {
        for (const ItemProblem& ip : validatePage(*form, static_cast<int>(p), shown, v, today)) {
            if (std::find(refused.begin(), refused.end(), ip.item->id) != refused.end()) continue;
            report(rankOf(ip.item), forms::describe(*ip.item, ip.problem));
        }
    }

    if (!found.empty()) {
        std::stable_sort(found.begin(), found.end(),
                         [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
        SimulateResult out;
        for (auto& r : found) out.errors.push_back(std::move(r.error));
        return out;
    }
    SimulateResult out = walk(form, shown, language, catalog, clock);
    out.dropped = std::move(dropped);
    return out;
}

}  // namespace kiosk::session
