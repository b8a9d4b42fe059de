#include "kiosk/app/shell/intake_scene.h"

#include <algorithm>
#include <deque>

#include "kiosk/core/log.h"

namespace kiosk::app {

ViewKey viewKey(const session::ViewModel& vm) {
    return ViewKey{vm.screen, vm.page, vm.idleWarning, vm.confirmStartOver, vm.idleSecondsLeft, vm.retryInSeconds,
                   vm.lang};
}

IntakeScene::IntakeScene(session::Intake& intake, ui::KioskView& view, RecordSink& sink)
    : m_intake(intake), m_view(view), m_sink(sink), m_patientSerial(intake.patientSerial()) {}

void IntakeScene::attachSpeech(speech::SpeechOutput& out, const core::Catalog& catalog) {
    m_speech = &out;
    m_reader = std::make_unique<speech::ReadAloud>(catalog);
    m_reader->update(m_intake.view(), m_intake.form());  // the screen it starts on is not "new"
}

void IntakeScene::run(const std::vector<speech::Request>& requests) {
    if (!m_speech) return;
    for (const speech::Request& r : requests) {
        if (auto say = std::get_if<speech::Speak>(&r)) {
            if (m_speech->available(say->what.lang)) m_speech->speak(say->what);
        } else {
            m_speech->stop();
        }
    }
}

void IntakeScene::syncReadAloud() {
    if (!m_speech) return;
    m_speechSeen = m_speech->changes();
    m_view.setReadAloud(m_speech->available(m_intake.view().lang), m_reader->on(), m_speech->speaking());
}

void IntakeScene::handleRequests() {
    const ui::UiRequests requests = m_view.takeRequests();
    if (requests.exitKiosk) {
        core::logger()->info("staff left the kiosk");
        m_exit = true;
        if (m_speech) m_speech->stop();
    }
    if (!m_reader) return;
    if (requests.readAloudTap) run(m_reader->tap(m_intake.view(), m_intake.form(), m_speech->speaking()));
    if (requests.readAloudToggle) run(m_reader->toggle(m_intake.view(), m_intake.form()));
}

bool IntakeScene::pollChanges() {
    const bool newForm = takeNewForm();
    return newForm || (m_speech && m_speech->changes() != m_speechSeen);
}

bool IntakeScene::takeNewForm() {
    if (!m_formUpdates || !m_formUpdates->waiting()) return false;  // one atomic load per frame
    if (!m_formUpdates->deliver(m_intake)) return false;
    const forms::Form& form = m_intake.form();
    core::logger()->info("form switched to the clinic's id={} v={} hash={}", form.id, form.version, form.contentHash);
    if (m_speech) m_speech->addLanguages(form.languages);  // a language the old form lacked gets its voice
    if (m_reader) run(m_reader->update(m_intake.view(), form));
    return true;
}

void IntakeScene::afterAction() {
    // One patient's intake ended (submitted, idle, reset): forget the UI's transient state too, so
    // nothing of one patient is left for the next. A patient who went back to the welcome screen
    // (to change language) keeps their text size and contrast.
    if (m_intake.patientSerial() == m_patientSerial) return;
    m_view.wipe();
    m_patientSerial = m_intake.patientSerial();
}

bool IntakeScene::apply(const session::Action& action) {
    const ViewKey before = viewKey(m_intake.view());
    std::deque<session::Action> queue{action};
    while (!queue.empty()) {
        const session::Action next = std::move(queue.front());
        queue.pop_front();
        for (const session::Effect& effect : m_intake.apply(next)) {
            if (auto feedback = runEffect(effect, m_sink)) queue.push_back(std::move(*feedback));
        }
        afterAction();
    }
    const bool newForm = takeNewForm();  // an intake that just ended makes way for a waiting version
    // A new screen, page or language stops what is being read (and reads the new one when on).
    if (m_reader) run(m_reader->update(m_intake.view(), m_intake.form()));
    return newForm || viewKey(m_intake.view()) != before;
}

bool IntakeScene::draw(SteadyTime now) {
    takeNewForm();  // e.g. staff just left the desk while a version waited
    syncReadAloud();
    const session::ViewModel vm = m_intake.view();
    const std::vector<session::Action> actions = m_view.draw(vm, m_intake.form(), now);
    for (const auto& action : actions)
        apply(action);
    const bool before = m_reader && m_reader->on();
    handleRequests();
    return !actions.empty() || (m_reader && m_reader->on() != before) || pollChanges();
}

void IntakeScene::onInput(SteadyTime now) { apply(session::Touch{now}); }

bool IntakeScene::onTick(SteadyTime now) {
    const bool uiWantsFrame = m_view.wakeAfterSeconds() >= 0;  // an animation of the UI's own
    return apply(session::Tick{now}) || uiWantsFrame;
}

std::optional<SteadyTime> IntakeScene::nextWake(SteadyTime now) const {
    std::optional<SteadyTime> wake = m_intake.nextDeadline();
    const double uiSeconds = m_view.wakeAfterSeconds();
    if (uiSeconds >= 0) {
        const auto uiWake =
            now + std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(uiSeconds));
        if (!wake || uiWake < *wake) wake = uiWake;
    }
    if (wake) wake = std::max(*wake, now);  // "at once" may come as a time already past
    return wake;
}

}  // namespace kiosk::app
