// Intake::nextDeadline(): when the session next needs a Tick. It reads the same fields the Tick
// transition compares (intake.cpp, [SECTION] Time), so a Tick at the deadline is exactly when the
// change happens: app/ sleeps until then and needs no margin and no timers of its own.
#include <algorithm>

#include "kiosk/session/intake.h"
#include "kiosk/session/intake_ops.h"

namespace kiosk::session {
namespace {

using std::chrono::seconds;

/// The next moment a whole-second countdown to @p end, seen at @p now, shows one second less
/// (@p end itself for the last second).
TimePoint nextCountdownSecond(TimePoint end, TimePoint now) {
    if (now >= end) return end;
    return end - seconds(IntakeOps::secondsShown(end - now) - 1);
}

}  // namespace

std::optional<TimePoint> Intake::nextDeadline() const {
    // A timer that waits for its first Tick to start (none seen yet on this screen) is due at once.
    const TimePoint atOnce = m_now.value_or(TimePoint{});
    std::optional<TimePoint> next;
    auto consider = [&](TimePoint t) {
        if (!next || t < *next) next = t;
    };

    // A submitted record waiting for its retry, behind whatever screen shows now.
    if (!m_pending.empty() && !m_saving) {
        if (!m_retryAt) {
            consider(atOnce);
        } else if (m_screen == Screen::SaveFailed && m_now) {
            consider(nextCountdownSecond(*m_retryAt, *m_now));  // "retrying in N seconds"
        } else {
            consider(*m_retryAt);
        }
    }

    if (m_screen == Screen::ThankYou) {
        consider(m_thankYouUntil.value_or(atOnce));
        return next;
    }
    if (!IntakeOps::idleApplies(*this)) return next;  // an empty welcome screen waits for a finger
    if (!m_lastTouch) {
        consider(atOnce);
        return next;
    }
    const TimePoint warnAt = *m_lastTouch + IntakeOps::idleAfter(*this);
    if (!m_idleWarning) {
        consider(warnAt);
    } else {
        // The countdown shows m_idleSecondsLeft until the next whole second to the wipe.
        const TimePoint wipeAt = warnAt + m_config.idleCountdown;
        consider(wipeAt - seconds(std::max(m_idleSecondsLeft - 1, 0)));
    }
    return next;
}

}  // namespace kiosk::session
