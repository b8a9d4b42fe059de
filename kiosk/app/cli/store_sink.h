#pragma once
// The kiosk's RecordSink on the real store: finished intakes are sealed and committed to SQLite,
// drafts are saved per page, and a draft left by a crash can be resumed at start.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "kiosk/app/cli/draft_writer.h"
#include "kiosk/app/cli/effects.h"
#include "kiosk/session/form_updates.h"
#include "kiosk/staff/pin_gate.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/pusher.h"

namespace kiosk::app {

/// @brief RecordSink over store::Store. The store never throws; neither does this.
class StoreRecordSink final : public RecordSink {
public:
    /// Opens (or creates) the database at @p dbPath (see resolveDbPath) and, on a new kiosk, the
    /// clinic keys with the default passphrase (staff are told to change it). @p draftMaxAge: older
    /// drafts are dropped. @p afterSubmit: the kiosk clears its draft with each submit; a tool that
    /// saves beside a running kiosk (simulate --save) keeps it.
    static core::Result<std::unique_ptr<StoreRecordSink>> open(
        const std::string& dbPath, const std::string& kioskId, std::chrono::seconds draftMaxAge,
        store::DraftAfterSubmit afterSubmit = store::DraftAfterSubmit::Clear);

    core::Result<std::string> submit(const session::Record& record) override;
    core::Result<void> saveDraft(const std::string& snapshotJson) override;
    core::Result<void> discardDraft() override;

    /// Audits a SettingsChange if the settings file at @p path differs from the one noted at the
    /// last start (Store::noteSettings); true if it did.
    core::Result<bool> noteSettingsFile(const std::string& path);

    /// The staff gate's hooks on this store: every attempt audited (StaffAccess, counts only), and
    /// the passphrase checked by unlocking the clinic key (Store::unlock audits that too; the key
    /// is wiped at once), and where the last run left the gate (the newest StaffAccess row), so a
    /// restart keeps a lockout. The hooks hold this sink: it must outlive the gate.
    staff::GateHooks staffGateHooks();
    /// The clinic key the gate's passphrase last unlocked, once (then nullopt): the desk's visit
    /// starts unlocked with it instead of asking the same passphrase again (DeskOptions::takeGateKey).
    std::optional<store::ClinicKey> takeGateKey() { return std::exchange(m_gateKey, std::nullopt); }

    /// Starts the background pusher to the clinic server at @p url (settings `server.url`): its
    /// own thread and database connection; each submit wakes it. The kiosk never waits on it.
    /// The clinic's published forms it brings are kept when they load with their includes
    /// (instruments) from @p formsDir, the kiosk's forms folder, and offered to @p updates (the
    /// patient flow takes them between patients), @p wake called when one is news.
    void startSync(const std::string& url, const std::string& formsDir, session::FormUpdates* updates = nullptr,
                   std::function<void()> wake = {});
    /// Has the pusher push now (marks made at the staff desk); nothing without a clinic server.
    void wakeSync() {
        if (m_pusher) m_pusher->wake();
    }
    /// Stops the pusher (before the window it wakes goes); a push in progress ends first.
    void stopSync() { m_pusher.reset(); }
    /// The store itself, for the staff desk (staff/desk.h) on the kiosk's own connection.
    store::Store& store() { return m_store; }

    /// The draft a crash left behind, if it is young enough to resume (patient data: memory only).
    std::optional<std::string> takeDraft();

    /// From now on drafts are written by a thread of their own over a second connection
    /// (draft_writer.h): a page turn never waits for the disk or the pusher's write lock. A submit
    /// or discard first settles it. The kiosk's `run` turns this on; tools stay synchronous.
    void saveDraftsInBackground();

private:
    StoreRecordSink(store::Store store, store::DraftAfterSubmit afterSubmit)
        : m_store(std::move(store)), m_afterSubmit(afterSubmit) {}
    store::Store m_store;
    store::DraftAfterSubmit m_afterSubmit;
    std::string m_draftStartedAt;  ///< UTC start of the intake the current draft belongs to
    std::string m_pendingId;       ///< a failed submit retries with the same id (idempotent)
    std::optional<store::ClinicKey> m_gateKey;  ///< until the desk takes it (its memory wiped when dropped)
    std::unique_ptr<sync::Pusher> m_pusher;  ///< null when this kiosk has no clinic server
    std::unique_ptr<DraftWriter> m_drafts;   ///< null: drafts are written on the caller's thread
    /// The writer's own connection, opened on its thread at the first draft; touched here only
    /// after DraftWriter::settle().
    std::shared_ptr<std::optional<store::Store>> m_draftStore;
    void settleDrafts();
};

}  // namespace kiosk::app
