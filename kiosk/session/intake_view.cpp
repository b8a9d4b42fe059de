// Intake::view(): the picture the screens draw, every string in the patient's current language
// (so SetLanguage re-phrases titles, errors and review answers at once). Only the screens that
// belong to a patient show their answers; Welcome, Resume, Saving and ThankYou show none.
#include "kiosk/session/intake.h"
#include "kiosk/session/intake_ops.h"

namespace kiosk::session {
namespace {

std::vector<ReviewEntry> reviewEntries(const Intake& s, const forms::Visibility& v, const Wording& w) {
    std::vector<ReviewEntry> out;
    const auto& pages = s.form().pages;
    for (size_t p = 0; p < pages.size(); ++p) {
        if (!v.pageShown(static_cast<int>(p))) continue;
        for (const forms::Item& item : pages[p].items) {
            if (!item.isQuestion() || !v.itemShown(item.id)) continue;
            ReviewEntry e;
            e.page = static_cast<int>(p);
            e.pageTitle = w.text(pages[p].title);
            e.item = &item;
            auto it = s.answers().find(item.id);
            e.answerText = it != s.answers().end() ? answerText(item, it->second, w)
                                                   : w.tr("review.not_answered");
            out.push_back(std::move(e));
        }
    }
    return out;
}

}  // namespace

ViewModel Intake::view() const {
    using Ops = IntakeOps;
    ViewModel vm;
    vm.screen = m_screen;
    vm.lang = m_lang;
    vm.confirmStartOver = m_confirmStartOver;
    vm.idleWarning = m_idleWarning;
    vm.idleSecondsLeft = m_idleWarning ? m_idleSecondsLeft : 0;
    vm.goToDesk = m_screen == Screen::ThankYou && m_thankYouDesk;
    if (m_retryAt && m_now && !m_saving && *m_retryAt > *m_now)
        vm.retryInSeconds = Ops::secondsShown(*m_retryAt - *m_now);
    if (m_screen != Screen::Page && m_screen != Screen::Review && m_screen != Screen::SaveFailed)
        return vm;

    const forms::Visibility v = Ops::visibility(*this);
    const Wording w = Ops::wording(*this);
    for (size_t p = 0; p < m_form->pages.size(); ++p) {
        if (!v.pageShown(static_cast<int>(p))) continue;
        ++vm.stepCount;
        if (static_cast<int>(p) <= m_page) vm.step = vm.stepCount;
    }
    if (m_screen != Screen::Page) {
        vm.step = 0;
        vm.canGoBack = m_screen == Screen::Review;
        vm.review = reviewEntries(*this, v, w);
        return vm;
    }

    const forms::Page& page = m_form->pages[static_cast<size_t>(m_page)];
    vm.page = m_page;
    vm.pageTitle = w.text(page.title);
    vm.canGoBack = true;
    vm.editingFromReview = m_fromReview;
    vm.hasErrors = !m_errors.empty();
    for (const forms::Item& item : page.items) {
        if (!v.itemShown(item.id)) continue;
        ItemView iv;
        iv.item = &item;
        if (auto it = m_answers.find(item.id); it != m_answers.end()) iv.answer = &it->second;
        if (auto e = m_errors.find(item.id); e != m_errors.end()) iv.error = problemMessage(item, e->second, w);
        vm.items.push_back(std::move(iv));
    }
    return vm;
}

}  // namespace kiosk::session
