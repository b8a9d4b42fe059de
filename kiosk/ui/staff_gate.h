#pragma once
// The hidden way out for staff: press and hold the top-left corner for a few seconds, then the
// staff gate (staff/pin_gate.h) on a big keypad: the PIN pad, or a keyboard for the staff
// passphrase when no PIN is set. This file only watches the corner, draws the gate's view and
// passes key presses on; the rules (constant-time compare, back-off, lockout, audit, idle close)
// are the gate's. A patient wiping the intake does not reset the lockout.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/staff/pin_gate.h"
#include "kiosk/ui/frame.h"
#include "kiosk/ui/keyboard.h"

namespace kiosk::ui {

/// @brief The staff passphrase keyboard (letters with shift, digits, the symbols passphrases use;
///        cancel, space and OK), @p width wide from (@p x, @p y): the gate's and the staff desk's.
///        Characters register as <@p charPrefix><char>, cancel / ok / backspace as
///        <@p controlPrefix><id>. Returns the key tapped this frame, or nullptr; the caller acts on it.
///        Its rows end above @p bottom when they can: on a short display (1280x800) they are made
///        lower, down to UX.md's smallest target, rather than run under the bar below.
///        While @p busy (the passphrase being checked) no key is tappable, Cancel included.
const KeyDef* passphraseKeyboard(Frame& f, float x, float y, float width, bool shift, bool locked, bool canSubmit,
                                 std::string_view charPrefix, std::string_view controlPrefix, float bottom,
                                 bool busy = false);

/// "Too many tries. Please wait 5 minutes." (or seconds under a minute): a lockout read in minutes,
/// not "276 seconds"; the gate's and the staff desk's unlock.
std::string lockedLine(const Frame& f, int seconds);

class StaffGate {
public:
    StaffGate(staff::GateOptions options, staff::GateHooks hooks) : m_gate(std::move(options), std::move(hooks)) {}

    /// Watches the corner (call every frame while the pad is closed).
    void watchCorner(Frame& f);
    bool pinOpen() const { return m_gate.isOpen(); }
    /// Draws the pad full screen; returns true once the right PIN or passphrase was entered.
    bool drawPinPad(Frame& f);

    /// Seconds until this gate needs a frame by itself (hold completing, lockout countdown or idle
    /// close); < 0 none.
    double wakeAfter(session::TimePoint now) const;

private:
    void drawPinKeys(Frame& f, float x, float y, const staff::GateView& v);
    void drawPassphraseKeys(Frame& f, float x, float y, float width, const staff::GateView& v);

    staff::PinGate m_gate;
    float m_holdSeconds = 3.0f;
    std::optional<session::TimePoint> m_holdStart;
    bool m_shift = false;  ///< passphrase keyboard: next letter upper case (one-shot)
};

}  // namespace kiosk::ui
