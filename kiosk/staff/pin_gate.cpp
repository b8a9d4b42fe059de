#include "kiosk/staff/pin_gate.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <vector>
#include <cmath>

namespace kiosk::staff {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int codePoints(std::string_view s) {
    return static_cast<int>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

const char* toString(GateMode mode) { return mode == GateMode::Pin ? "pin" : "passphrase"; }

const char* toString(AttemptOutcome outcome) {
    switch (outcome) {
        case AttemptOutcome::Ok: return "ok";
        case AttemptOutcome::Wrong: return "wrong";
        case AttemptOutcome::LockedOut: return "locked_out";
    }
    return "wrong";
}

std::string describe(const AttemptEvent& event) {
    std::string out = std::string(toString(event.mode)) + " " + toString(event.outcome) +
                      " in_a_row=" + std::to_string(event.wrongInARow);
    if (event.wait.count() > 0) out += " wait=" + std::to_string(event.wait.count()) + "s";
    return out;
}

std::optional<AttemptEvent> parseAttempt(std::string_view detail) {
    // "<mode> <outcome> in_a_row=N[ wait=Ws]", exactly as describe() writes it.
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start <= detail.size();) {
        const std::size_t end = std::min(detail.find(' ', start), detail.size());
        words.push_back(detail.substr(start, end - start));
        start = end + 1;
    }
    if (words.size() != 3 && words.size() != 4) return std::nullopt;
    AttemptEvent e;
    if (words[0] == toString(GateMode::Pin)) e.mode = GateMode::Pin;
    else if (words[0] == toString(GateMode::Passphrase)) e.mode = GateMode::Passphrase;
    else return std::nullopt;
    bool known = false;
    for (AttemptOutcome o : {AttemptOutcome::Ok, AttemptOutcome::Wrong, AttemptOutcome::LockedOut})
        if (words[1] == toString(o)) e.outcome = o, known = true;
    if (!known) return std::nullopt;
    const auto number = [](std::string_view word, std::string_view prefix, std::string_view suffix) -> std::optional<int> {
        if (word.size() <= prefix.size() + suffix.size() || word.substr(0, prefix.size()) != prefix ||
            word.substr(word.size() - suffix.size()) != suffix)
            return std::nullopt;
        const std::string_view digits = word.substr(prefix.size(), word.size() - prefix.size() - suffix.size());
        int value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
        return value;
    };
    const auto inARow = number(words[2], "in_a_row=", "");
    if (!inARow) return std::nullopt;
    e.wrongInARow = *inARow;
    if (words.size() == 4) {
        const auto wait = number(words[3], "wait=", "s");
        if (!wait) return std::nullopt;
        e.wait = std::chrono::seconds(*wait);
    }
    return e;
}

PriorAttempts priorAttempts(std::string_view detail, std::chrono::seconds age) {
    const std::optional<AttemptEvent> e = parseAttempt(detail);
    if (!e) return {};
    PriorAttempts p;
    p.wrongInARow = e->wrongInARow;
    const std::chrono::seconds gone = std::max(age, std::chrono::seconds(0));
    p.waitLeft = std::max(e->wait - gone, std::chrono::seconds(0));
    return p;
}

std::chrono::seconds PinGate::waitAfter(int wrongInARow) {
    if (wrongInARow >= kLockAfter) return kLockout;
    if (wrongInARow >= 3) return std::chrono::seconds(10 * (wrongInARow - 2));
    return std::chrono::seconds(0);
}

PinGate::PinGate(GateOptions options, GateHooks hooks)
    : m_mode(options.pin.empty() ? GateMode::Passphrase : GateMode::Pin),
      m_idleClose(options.idleClose),
      m_hooks(std::move(hooks)) {
    if (!m_hooks.equal) m_hooks.equal = digestsEqual;
    if (m_mode == GateMode::Pin) m_pinDigest = m_hasher.digest(options.pin);
    sodium_memzero(options.pin.data(), options.pin.size());
    m_typed.reserve(std::max(kMaxPinDigits, kMaxPassphraseBytes));
}

PinGate::~PinGate() { wipeTyped(); }

void PinGate::wipeTyped() {
    sodium_memzero(m_typed.data(), m_typed.size());
    m_typed.clear();
}

void PinGate::open(TimePoint now) {
    if (!m_historyRead && m_hooks.history) {
        if (const std::optional<PriorAttempts> prior = m_hooks.history()) {
            m_historyRead = true;
            m_wrong = std::max(m_wrong, prior->wrongInARow);
            if (prior->waitLeft.count() > 0) m_lockedUntil = std::max(m_lockedUntil.value_or(now), now + prior->waitLeft);
        }
    }
    wipeTyped();
    m_open = true;
    m_showWrong = false;
    m_lastInput = now;
}

void PinGate::touch(TimePoint now) {
    if (m_open) m_lastInput = now;
}

void PinGate::type(std::string_view text, TimePoint now) {
    if (!m_open) return;
    m_lastInput = now;
    if (lockedAt(now)) return;
    const std::size_t limit = m_mode == GateMode::Pin ? kMaxPinDigits : kMaxPassphraseBytes;
    for (char c : text) {
        if (m_mode == GateMode::Pin && !isDigit(c)) return;
    }
    if (m_typed.size() + text.size() > limit) return;
    m_typed.append(text.data(), text.size());
    m_showWrong = false;
}

void PinGate::backspace(TimePoint now) {
    if (!m_open) return;
    m_lastInput = now;
    while (!m_typed.empty()) {
        const auto c = static_cast<unsigned char>(m_typed.back());
        m_typed.back() = '\0';
        m_typed.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

void PinGate::cancel() {
    wipeTyped();
    m_open = false;
}

void PinGate::report(AttemptOutcome outcome, TimePoint now) {
    if (!m_hooks.audit) return;
    AttemptEvent e;
    e.mode = m_mode;
    e.outcome = outcome;
    e.wrongInARow = m_wrong;
    if (lockedAt(now)) e.wait = std::chrono::ceil<std::chrono::seconds>(*m_lockedUntil - now);
    m_hooks.audit(e);
}

std::optional<AttemptOutcome> PinGate::submit(TimePoint now) {
    if (!m_open) return std::nullopt;
    m_lastInput = now;
    if (lockedAt(now)) {  // refused without comparing: a locked gate gives no answer at all
        wipeTyped();
        report(AttemptOutcome::LockedOut, now);
        return AttemptOutcome::LockedOut;
    }
    if (m_typed.empty()) return std::nullopt;
    bool right = false;
    if (m_mode == GateMode::Pin) {
        right = m_hooks.equal(m_hasher.digest(m_typed), m_pinDigest);
    } else if (m_hooks.verifyPassphrase) {
        right = m_hooks.verifyPassphrase(m_typed);
    }
    wipeTyped();
    return settle(right, now);
}

std::optional<std::string> PinGate::takeForCheck(TimePoint now, std::optional<AttemptOutcome>* refused) {
    if (!m_open) return std::nullopt;
    m_lastInput = now;
    if (lockedAt(now)) {
        wipeTyped();
        report(AttemptOutcome::LockedOut, now);
        if (refused) *refused = AttemptOutcome::LockedOut;
        return std::nullopt;
    }
    if (m_typed.empty()) return std::nullopt;
    std::string out = std::move(m_typed);  // the buffer itself goes: no copy left behind
    m_typed = std::string();
    m_typed.reserve(std::max(kMaxPinDigits, kMaxPassphraseBytes));
    return out;
}

AttemptOutcome PinGate::settle(bool right, TimePoint now) {
    if (right) {
        m_wrong = 0;
        m_lockedUntil.reset();
        m_showWrong = false;
        m_open = false;
        m_granted = true;
        report(AttemptOutcome::Ok, now);
        return AttemptOutcome::Ok;
    }
    ++m_wrong;
    m_showWrong = true;
    const std::chrono::seconds wait = waitAfter(m_wrong);
    if (wait.count() > 0) m_lockedUntil = now + wait;
    report(AttemptOutcome::Wrong, now);
    return AttemptOutcome::Wrong;
}

void PinGate::tick(TimePoint now) {
    if (m_open && now - m_lastInput >= m_idleClose) cancel();
}

bool PinGate::takeGranted() {
    const bool granted = m_granted;
    m_granted = false;
    return granted;
}

GateView PinGate::view(TimePoint now) const {
    GateView v;
    v.open = m_open;
    v.mode = m_mode;
    v.entered = codePoints(m_typed);
    if (lockedAt(now)) {
        v.lockedSeconds = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(*m_lockedUntil - now).count());
        v.message = GateMessage::Locked;
    } else {
        v.message = m_showWrong ? GateMessage::Wrong : GateMessage::Enter;
    }
    v.canSubmit = v.lockedSeconds == 0 && !m_typed.empty();
    return v;
}

std::optional<TimePoint> PinGate::nextDeadline(TimePoint now) const {
    std::optional<TimePoint> next;
    auto consider = [&](TimePoint t) { next = next ? std::min(*next, t) : t; };
    if (m_open) consider(m_lastInput + m_idleClose);
    if (lockedAt(now)) {
        // The countdown shows whole seconds: wake when the shown number changes.
        const auto left = *m_lockedUntil - now;
        const auto shownFor = left - std::chrono::floor<std::chrono::seconds>(left - std::chrono::nanoseconds(1));
        if (m_open) consider(now + shownFor);
        consider(*m_lockedUntil);
    }
    return next;
}

}  // namespace kiosk::staff
