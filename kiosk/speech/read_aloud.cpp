#include "kiosk/speech/read_aloud.h"

#include "kiosk/speech/page_text.h"

namespace kiosk::speech {

ReadAloud::Key ReadAloud::keyOf(const session::ViewModel& vm) {
    return Key{vm.screen, vm.screen == session::Screen::Page ? vm.page : -1, vm.lang, vm.idleWarning};
}

std::vector<Request> ReadAloud::speakScreen(const session::ViewModel& vm, const forms::Form& form) {
    Utterance u = screenText(vm, form, m_catalog);
    if (u.empty()) return {Stop{}};
    return {Speak{std::move(u)}};
}

std::vector<Request> ReadAloud::update(const session::ViewModel& vm, const forms::Form& form) {
    const Key key = keyOf(vm);
    if (!m_seen) {
        m_seen = true;
        m_key = key;
        return {};
    }
    if (key.samePlace(m_key) && key.idle == m_key.idle) return {};
    const Key before = m_key;
    m_key = key;
    // The intake ended: wiped after the idle warning, or "Start over" on the resume screen.
    if (key.screen == session::Screen::Welcome && before.screen != session::Screen::Welcome &&
        (before.idle || before.screen == session::Screen::Resume))
        m_on = false;
    if (!m_on) return {Stop{}};
    if (key.screen == session::Screen::ThankYou) {  // the intake is over: say so, then stay quiet
        m_on = false;
        return speakScreen(vm, form);
    }
    if (!key.idle && before.idle && key.samePlace(before)) return {Stop{}};  // "I'm still here"
    return speakScreen(vm, form);
}

std::vector<Request> ReadAloud::tap(const session::ViewModel& vm, const forms::Form& form, bool speaking) {
    m_key = keyOf(vm);
    m_seen = true;
    if (speaking) {
        m_on = false;
        return {Stop{}};
    }
    m_on = true;
    return speakScreen(vm, form);
}

std::vector<Request> ReadAloud::toggle(const session::ViewModel& vm, const forms::Form& form) {
    m_key = keyOf(vm);
    m_seen = true;
    if (m_on) {
        m_on = false;
        return {Stop{}};
    }
    m_on = true;
    return speakScreen(vm, form);
}

std::vector<Request> ReadAloud::end() {
    m_on = false;
    return {Stop{}};
}

}  // namespace kiosk::speech
