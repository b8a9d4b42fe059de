#include "kiosk/app/intake_scene.h"

#include <deque>

#include "kiosk/core/log.h"

namespace kiosk::app {

ViewKey viewKey(const session::ViewModel& vm) {
    return ViewKey{vm.screen, vm.page, vm.idleWarning, vm.idleSecondsLeft, vm.retryInSeconds, vm.lang};
}

std::optional<SteadyTime> sessionDeadline(const session::ViewModel& vm, const session::IntakeConfig& timing,
                                          const SessionTimers& timers, SteadyTime now) {
    using session::Screen;
    constexpr auto kMargin = std::chrono::milliseconds(5);  // land just past the session's threshold
    constexpr auto kSecond = std::chrono::seconds(1);
    const bool holdsPatient = vm.screen != Screen::Welcome || timers.patientData;
    if (holdsPatient && !timers.firstTick) return now;  // a new screen: let the session start its timers
    const SteadyTime since = timers.firstTick.value_or(now);

    std::optional<SteadyTime> wake;
    switch (vm.screen) {
        case Screen::ThankYou:
            wake = since + timing.thankYouFor + kMargin;
            break;
        case Screen::Saving:
        case Screen::SaveFailed:
            wake = now + kSecond;  // "retrying in N seconds" counts down on screen
            break;
        case Screen::Welcome:
            if (!timers.patientData) break;  // an empty welcome screen waits for a finger, forever
            [[fallthrough]];
        case Screen::Page:
        case Screen::Review:
        case Screen::Resume:  // a restored draft waits for "Continue": unattended, idle wipes it
            // The session's idle clock starts at the last touch, or at its first tick without one.
            wake = vm.idleWarning
                       ? now + kSecond
                       : std::max(timers.lastInput.value_or(since), since) + timing.idleAfter + kMargin;
            break;
    }
    if (timers.saveFailedAt) {  // a retry also runs behind the thank-you or welcome screen
        const SteadyTime retry = *timers.saveFailedAt + timing.retryEvery + kMargin;
        if (!wake || retry < *wake) wake = retry;
    }
    return wake;
}

IntakeScene::IntakeScene(session::Intake& intake, ui::KioskView& view, RecordSink& sink,
                         session::IntakeConfig timing, std::string welcomeLang)
    : m_intake(intake),
      m_view(view),
      m_sink(sink),
      m_timing(timing),
      m_screen(intake.screen()),
      m_welcomeLang(std::move(welcomeLang)) {
    m_timers.patientData = !m_intake.answers().empty();  // a resumed draft
    if (!m_welcomeLang.empty() && m_screen == session::Screen::Welcome &&
        m_intake.view().lang != m_welcomeLang) {
        apply(session::SetLanguage{m_welcomeLang}, SteadyTime{});
    }
}

void IntakeScene::afterAction(const session::Action& action, SteadyTime now) {
    if (std::holds_alternative<session::Tick>(action) && !m_timers.firstTick) m_timers.firstTick = now;
    if (std::holds_alternative<session::SaveFailed>(action)) m_timers.saveFailedAt = now;
    if (std::holds_alternative<session::SaveSucceeded>(action)) m_timers.saveFailedAt.reset();
    m_timers.patientData = !m_intake.answers().empty();

    const session::Screen screen = m_intake.screen();
    if (screen == m_screen) return;
    // Leaving an intake for the welcome screen (submitted, idle, reset): forget the UI's transient
    // state too, so nothing of one patient is left for the next. A patient who went back to the
    // welcome screen to change language keeps their answers, and their text size and contrast too.
    if (screen == session::Screen::Welcome && !m_timers.patientData) {
        m_view.wipe();
        m_greetNextPatient = true;
    }
    m_screen = screen;
    m_timers.firstTick.reset();
}

bool IntakeScene::apply(const session::Action& action, SteadyTime now) {
    const ViewKey before = viewKey(m_intake.view());
    std::deque<session::Action> queue{action};
    while (!queue.empty()) {
        const session::Action next = std::move(queue.front());
        queue.pop_front();
        for (const session::Effect& effect : m_intake.apply(next)) {
            if (auto feedback = runEffect(effect, m_sink)) queue.push_back(std::move(*feedback));
        }
        afterAction(next, now);
        // The next patient is greeted in the clinic's language, whatever the last one picked: once,
        // when an intake ends. A language tapped on the welcome screen itself then stays (touches
        // before Start are that patient choosing, not a new patient).
        if (m_greetNextPatient) {
            m_greetNextPatient = false;
            if (!m_welcomeLang.empty() && m_intake.view().lang != m_welcomeLang)
                queue.emplace_back(session::SetLanguage{m_welcomeLang});
        }
    }
    return viewKey(m_intake.view()) != before;
}

bool IntakeScene::draw(SteadyTime now) {
    const session::ViewModel vm = m_intake.view();
    const std::vector<session::Action> actions = m_view.draw(vm, m_intake.form(), now);
    for (const auto& action : actions)
        apply(action, now);
    if (m_view.takeRequests().exitKiosk) {
        core::logger()->info("staff left the kiosk");
        m_exit = true;
    }
    return !actions.empty();
}

void IntakeScene::onInput(SteadyTime now) {
    m_timers.lastInput = now;
    apply(session::Touch{now}, now);
}

bool IntakeScene::onTick(SteadyTime now) {
    const bool uiWantsFrame = m_view.wakeAfterSeconds() >= 0;  // an animation or a blinking caret
    return apply(session::Tick{now}, now) || uiWantsFrame;
}

std::optional<SteadyTime> IntakeScene::nextWake(SteadyTime now) const {
    std::optional<SteadyTime> wake = sessionDeadline(m_intake.view(), m_timing, m_timers, now);
    const double uiSeconds = m_view.wakeAfterSeconds();
    if (uiSeconds >= 0) {
        const auto uiWake =
            now + std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(uiSeconds));
        if (!wake || uiWake < *wake) wake = uiWake;
    }
    return wake;
}

}  // namespace kiosk::app
