// The desk's passphrase work (desk.h): checking the staff passphrase to unlock the records, and
// changing it. Both cost an argon2id derivation (a second or more on a kiosk), so they run on a
// worker with its own store connection while the screens keep drawing ("please wait"); the store
// audits every try and backs off after wrong ones as on the command line. The passphrases travel
// to the worker in a Secret the worker wipes once used; the form's fields are wiped here.
#include <sodium.h>

#include "kiosk/staff/desk_work.h"

namespace kiosk::staff {
namespace {

/// Typed passphrases on their way to the worker: wiped when the worker is done with them.
struct Secret {
    std::string current, fresh;
    ~Secret() {
        for (std::string* s : {&current, &fresh})
            if (!s->empty()) sodium_memzero(s->data(), s->size());
    }
};

const char* problemKey(PassphraseFormProblem p) {
    switch (p) {
        case PassphraseFormProblem::MissingCurrent: return "desk.passwd.missing_current";
        case PassphraseFormProblem::TooShort: return "desk.passwd.too_short";
        case PassphraseFormProblem::IsDefault: return "desk.passwd.is_default";
        case PassphraseFormProblem::Differ: return "desk.passwd.differ";
        case PassphraseFormProblem::SameAsCurrent: return "desk.passwd.same";
        case PassphraseFormProblem::Ok: break;
    }
    return "";
}

}  // namespace

// [SECTION] unlock
void Desk::startUnlockCheck() {
    if (m_keyWork) return;
    std::optional<std::string> typed = m_gate.takeForCheck(m_now);
    if (!typed) return;
    auto secret = std::make_shared<Secret>();
    secret->current = std::move(*typed);
    sodium_memzero(typed->data(), typed->capacity());  // a short string's characters stay in place when moved
    m_keyWork = std::make_unique<KeyWork>();
    m_keyWork->unlock = launchWork<core::Result<store::ClinicKey>>(
        m_options.exportOnThread, [db = m_store.path(), kiosk = m_store.kioskId(), secret]() -> core::Result<store::ClinicKey> {
            auto s = openWorkerStore(db, kiosk);
            if (!s) return s.error();
            return s->unlock(secret->current);  // audited by the store, failed tries too
        });
    pollKeyWork();
}

// [SECTION] change
void Desk::openChangePassphrase() {
    if (!needKey()) return;
    m_passForm.clearAll();
    m_view.passphrase = DeskPassphraseView{};
    m_view.screen = DeskScreen::ChangePassphrase;
}

void Desk::submitChangePassphrase() {
    if (m_keyWork || m_view.screen != DeskScreen::ChangePassphrase || !needKey()) return;
    m_view.passphrase.message.clear();
    if (const PassphraseFormProblem problem = m_passForm.check(); problem != PassphraseFormProblem::Ok) {
        m_view.passphrase.message = tr(problemKey(problem));
        if (problem == PassphraseFormProblem::MissingCurrent) {
            m_passForm.choose(0);
        } else {  // the new ones are typed again; the current one stays
            m_passForm.clear(1);
            m_passForm.clear(2);
            m_passForm.choose(1);
        }
        return;
    }
    auto secret = std::make_shared<Secret>();
    secret->current = m_passForm.current();
    secret->fresh = m_passForm.fresh();
    // Keep the cost the key was wrapped with (`keys init --kdf-strength`); read here, it is quick.
    store::KdfLimits limits = store::KdfLimits::moderate();
    if (auto status = m_store.keyStatus(); status && status->present && status->limits.opslimit > 0)
        limits = status->limits;
    m_keyWork = std::make_unique<KeyWork>();
    m_keyWork->change = launchWork<core::Result<void>>(
        m_options.exportOnThread,
        [db = m_store.path(), kiosk = m_store.kioskId(), secret, limits]() -> core::Result<void> {
            auto s = openWorkerStore(db, kiosk);
            if (!s) return s.error();
            // One transaction re-wraps the key; audited ok or failed by the store.
            return s->changePassphrase(secret->current, secret->fresh, limits);
        });
    pollKeyWork();
}

// [SECTION] the worker's answer
void Desk::pollKeyWork() {
    if (!m_keyWork) return;
    KeyWork& w = *m_keyWork;
    auto ready = [](const auto& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; };
    if (w.unlock.valid()) {
        if (!ready(w.unlock)) return;
        core::Result<store::ClinicKey> key = w.unlock.get();
        m_keyWork.reset();
        m_lastTouch = m_now;  // staff waited for it
        if (key) m_key.emplace(std::move(*key));
        (void)m_gate.settle(static_cast<bool>(key), m_now);
        if (!key && key.error().code != core::ErrorCode::Crypto)
            say("desk.notice.store_failed", {key.error().message});  // not a wrong passphrase: said as what it is
        if (!m_gate.takeGranted()) return;
        m_view.screen = DeskScreen::List;
        loadList();
        return;
    }
    if (w.change.valid()) {
        if (!ready(w.change)) return;
        const core::Result<void> changed = w.change.get();
        m_keyWork.reset();
        m_lastTouch = m_now;
        if (changed) {
            m_passForm.clearAll();
            m_view.passphrase = DeskPassphraseView{};
            m_view.screen = DeskScreen::List;
            sayDone("desk.passwd.done");
            return;
        }
        const core::Error& e = changed.error();
        if (e.code == core::ErrorCode::Crypto && e.message == "wrong passphrase") {
            m_view.passphrase.message = tr("desk.passwd.wrong_current");
            m_passForm.clear(0);
            m_passForm.choose(0);
        } else {
            m_view.passphrase.message = m_catalog.format(m_view.staffLang, "desk.passwd.failed", {e.format()});
        }
        return;
    }
    m_keyWork.reset();
}

void Desk::waitKeyWork() {
    if (!m_keyWork) return;
    if (m_keyWork->unlock.valid()) m_keyWork->unlock.wait();
    if (m_keyWork->change.valid()) m_keyWork->change.wait();
    pollKeyWork();
}

}  // namespace kiosk::staff
