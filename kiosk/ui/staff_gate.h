#pragma once
// The hidden way out for staff: press and hold the top-left corner for a few seconds, then a PIN
// on a big keypad. Wrong PINs lock the keypad for a growing time; the pad closes by itself when
// left alone. A patient wiping the intake does not reset the lockout.
#include <optional>
#include <string>

#include "kiosk/ui/frame.h"

namespace kiosk::ui {

class StaffGate {
public:
    StaffGate(std::string pin, int idleSeconds) : m_pin(std::move(pin)), m_idleSeconds(idleSeconds) {}

    /// Watches the corner (call every frame while the PIN pad is closed).
    void watchCorner(Frame& f);
    bool pinOpen() const { return m_pinOpen; }
    /// Draws the PIN pad full screen; returns true once the right PIN was entered.
    bool drawPinPad(Frame& f);

    /// Seconds until this gate needs a frame by itself (hold completing, lockout or idle ending); < 0 none.
    double wakeAfter(session::TimePoint now) const;
    /// Lockout after @p wrong consecutive wrong PINs: 0 for the first two, then 10 s doubling, max 10 min.
    static int lockoutSeconds(int wrong);

private:
    std::string m_pin;
    int m_idleSeconds;
    float m_holdSeconds = 3.0f;
    std::optional<session::TimePoint> m_holdStart;
    bool m_pinOpen = false;
    std::string m_entered;
    int m_wrong = 0;
    std::optional<session::TimePoint> m_lockedUntil;
    session::TimePoint m_lastInput{};
    bool m_showWrong = false;
};

}  // namespace kiosk::ui
