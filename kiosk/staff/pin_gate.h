#pragma once
// The staff gate: what stands between the patient screens and staff mode after the staff gesture.
// With a staff PIN in the settings it asks for that PIN; without one it asks for the staff
// passphrase (checked by an injected callback: app/ asks the store). There is no built-in PIN.
//
// Rules, all here and unit-tested (tests/staff): the typed secret is compared in constant time
// (secret_digest.h); wrong tries in a row back off (waitAfter: none, none, 10 s, 20 s) and the
// fifth locks the gate for 5 minutes, as does every wrong try after it until a right one; while
// locked nothing typed is compared. Every attempt goes to the audit callback as ok / wrong /
// locked-out, never with what was typed. Time comes in as arguments: tests never sleep. The gate
// never draws (ui/staff_gate.cpp draws its view()) and never logs.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/staff/secret_digest.h"

namespace kiosk::staff {

using TimePoint = std::chrono::steady_clock::time_point;

/// @brief What the gate asks for: the configured PIN, or the staff passphrase when none is set.
enum class GateMode { Pin, Passphrase };
/// @brief How one attempt ended. LockedOut: made while locked, refused without comparing.
enum class AttemptOutcome { Ok, Wrong, LockedOut };

const char* toString(GateMode mode);
const char* toString(AttemptOutcome outcome);

/// @brief One attempt, as the audit log gets it: never the digits or characters typed.
struct AttemptEvent {
    GateMode mode = GateMode::Pin;
    AttemptOutcome outcome = AttemptOutcome::Wrong;
    int wrongInARow = 0;          ///< wrong tries in a row after this attempt (0 after Ok)
    std::chrono::seconds wait{};  ///< tries refused for this long from now (0 = none)
};

/// @brief The event as an audit row's detail: "pin wrong in_a_row=3 wait=10s" (wait only when > 0).
std::string describe(const AttemptEvent& event);
/// @brief describe()'s text read back; nullopt for any other text.
std::optional<AttemptEvent> parseAttempt(std::string_view detail);

/// @brief Where the last run left the gate (app/ reads it from the audit log), so that a restart or
///        a power cut hands out no fresh tries: the wrong tries in a row, and how much of a wait
///        was still to run.
struct PriorAttempts {
    int wrongInARow = 0;
    std::chrono::seconds waitLeft{0};
};

/// @brief The gate as the newest staff-access audit @p detail left it, written @p age ago: its
///        wrong tries in a row and what is left of its wait (a fresh start for text that is not an
///        attempt, or an age that runs backwards: the clock was set back, so the wait runs again).
PriorAttempts priorAttempts(std::string_view detail, std::chrono::seconds age);

/// @brief The line the pad shows under its title.
enum class GateMessage { Enter, Wrong, Locked };

/// @brief Everything ui/ needs to draw the pad, and nothing it could leak: a count, not the text.
struct GateView {
    bool open = false;
    GateMode mode = GateMode::Pin;
    int entered = 0;        ///< characters typed so far (drawn as dots)
    int lockedSeconds = 0;  ///< > 0: tries are refused for this many more seconds (rounded up)
    GateMessage message = GateMessage::Enter;
    bool canSubmit = false; ///< something typed and not locked
};

/// @brief How the gate is set up (app/ fills it from the settings file).
struct GateOptions {
    std::string pin;                      ///< digits; "" = ask for the staff passphrase instead
    std::chrono::seconds idleClose{30};   ///< the pad closes by itself after this much silence
};

/// @brief What the gate calls out to; each may be empty.
struct GateHooks {
    /// Every attempt (see AttemptEvent). app/ writes it to the store's audit log.
    std::function<void(const AttemptEvent&)> audit;
    /// Passphrase mode: true if @p passphrase is the staff passphrase. Empty = every try is wrong.
    std::function<bool(const std::string& passphrase)> verifyPassphrase;
    /// The PIN comparison; the default is constant time. Tests pass a spy that calls it.
    bool (*equal)(const Digest&, const Digest&) = digestsEqual;
    /// Where the last run left the gate; asked when the pad opens until it answers (nullopt: not
    /// known yet, e.g. the database is still opening). Empty = start afresh.
    std::function<std::optional<PriorAttempts>()> history = nullptr;
};

/// @brief The gate's state machine: open, keys typed, attempts, back-off, lockout, idle close.
class PinGate {
public:
    static constexpr int kLockAfter = 5;  ///< wrong tries in a row that lock the gate
    static constexpr std::chrono::seconds kLockout{300};
    static constexpr std::size_t kMaxPinDigits = 12;
    static constexpr std::size_t kMaxPassphraseBytes = 256;

    /// Tries refused after @p wrongInARow wrong ones: 0, 0, 10 s, 20 s, then kLockout from the fifth.
    static std::chrono::seconds waitAfter(int wrongInARow);

    PinGate(GateOptions options, GateHooks hooks = {});
    ~PinGate();  ///< wipes what was typed
    PinGate(const PinGate&) = delete;
    PinGate& operator=(const PinGate&) = delete;

    GateMode mode() const { return m_mode; }
    bool isOpen() const { return m_open; }

    /// Opens the pad (the staff gesture was made): nothing typed, the idle time starts. The first
    /// time the history hook answers, its wrong tries and wait carry on from the last run.
    void open(TimePoint now);
    /// Any touch on the open pad: restarts the idle time.
    void touch(TimePoint now);
    /// Appends @p text (PIN mode: digits only, anything else ignored). Ignored while locked or closed.
    void type(std::string_view text, TimePoint now);
    /// Removes the last character typed (a whole UTF-8 character).
    void backspace(TimePoint now);
    /// Closes the pad and forgets what was typed; the wrong-try count and lockout stay.
    void cancel();
    /// Tries what was typed. nullopt (and nothing audited) when closed, or when nothing was typed
    /// and the gate is not locked. Ok closes the pad and grants once (takeGranted).
    std::optional<AttemptOutcome> submit(TimePoint now);
    /// The passphrase checked elsewhere (the desk: on a worker thread, argon2id takes a while): hands
    /// over what was typed, nothing of it kept here. nullopt when there is nothing to check: closed,
    /// nothing typed, or locked (then audited LockedOut as submit() does, and @p refused says so).
    /// Call settle() with the answer.
    std::optional<std::string> takeForCheck(TimePoint now, std::optional<AttemptOutcome>* refused = nullptr);
    /// The answer for what takeForCheck() handed over: the gate ends as submit() would have.
    AttemptOutcome settle(bool right, TimePoint now);
    /// Time passes: the pad closes after idleClose without a touch.
    void tick(TimePoint now);
    /// True once after a right PIN or passphrase.
    bool takeGranted();

    GateView view(TimePoint now) const;
    /// When the gate next changes by itself (idle close, the lockout countdown's next second, the
    /// lockout's end); nullopt when closed and not locked.
    std::optional<TimePoint> nextDeadline(TimePoint now) const;

private:
    bool lockedAt(TimePoint now) const { return m_lockedUntil && *m_lockedUntil > now; }
    void wipeTyped();
    void report(AttemptOutcome outcome, TimePoint now);

    GateMode m_mode;
    std::chrono::seconds m_idleClose;
    GateHooks m_hooks;
    SecretHasher m_hasher;
    Digest m_pinDigest{};  ///< the PIN is kept only as this digest
    std::string m_typed;   ///< reserved up front so it never reallocates (no stray copies); wiped
    bool m_open = false;
    bool m_historyRead = false;
    bool m_granted = false;
    bool m_showWrong = false;
    int m_wrong = 0;
    std::optional<TimePoint> m_lockedUntil;
    TimePoint m_lastInput{};
};

}  // namespace kiosk::staff
