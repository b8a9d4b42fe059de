#include "kiosk/session/validation.h"

#include "kiosk/forms/answer_access.h"

namespace kiosk::session {

forms::Date utcToday(const core::Clock& clock) {
    const core::CalendarDay d = core::utcDay(clock.systemNow());
    return forms::Date{d.year, d.month, d.day};
}

std::vector<ItemProblem> validatePage(const forms::Form& form, int page,
                                      const forms::Answers& answers,
                                      const forms::Visibility& visibility,
                                      const std::optional<forms::Date>& today,
                                      const EntryRules& rules) {
    std::vector<ItemProblem> out;
    if (!visibility.pageShown(page)) return out;
    for (const forms::Item& item : form.pages[static_cast<size_t>(page)].items) {
        if (!visibility.itemShown(item.id)) continue;
        auto it = answers.find(item.id);
        const forms::Answer* answer = it != answers.end() ? &it->second : nullptr;
        std::optional<forms::AnswerProblem> p;
        if (answer != nullptr && forms::hasValue(*answer)) {
            p = forms::checkAnswer(item, *answer, today);
            if (!p) p = checkEntry(item, *answer, rules);
        }
        if (!p) p = forms::checkRequired(item, answer);
        if (p) out.push_back({&item, *p});
    }
    return out;
}

}  // namespace kiosk::session
