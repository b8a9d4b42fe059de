#include "kiosk/app/cli/store_sink.h"

#include <filesystem>

#include "kiosk/app/cli/paths.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include <sodium.h>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/clinic_forms.h"
#include "kiosk/core/log.h"
#include "kiosk/core/text_file.h"
#include "kiosk/store/crypto.h"
#include "kiosk/core/clock.h"
#include "kiosk/export/record_payload.h"

namespace kiosk::app {

core::Result<std::unique_ptr<StoreRecordSink>> StoreRecordSink::open(const std::string& dbPath,
                                                                     const std::string& kioskId,
                                                                     std::chrono::seconds draftMaxAge,
                                                                     store::DraftAfterSubmit afterSubmit) {
    store::StoreOptions options;
    if (auto made = makePrivateParentDir(dbPath); !made) return made.error();
    options.dbPath = dbPath;
    options.kioskId = kioskId;
    options.draftMaxAge = draftMaxAge;
    auto opened = store::Store::open(options);
    if (!opened) return opened.error();
    auto made = opened->ensureKeys();
    if (!made) return made.error();
    // Printed once, when the key is made: the passphrase is a clinic secret, not patient data.
    if (*made)
        std::fprintf(stderr, "intake-kiosk: created the clinic key; the staff passphrase is '%s'.\n",
                     store::kDefaultPassphrase);
    // Staff are warned (log file and stderr) at every start until they change it.
    if (auto status = opened->keyStatus(); status && status->defaultPassphrase) {
        core::logger()->warn("the staff passphrase is still the default: change it with `intake-kiosk staff passwd`");
    }
    return std::unique_ptr<StoreRecordSink>(new StoreRecordSink(std::move(*opened), afterSubmit));
}

core::Result<std::string> StoreRecordSink::submit(const session::Record& record) {
    if (m_pendingId.empty()) m_pendingId = store::newUuid();
    store::RecordMeta meta;
    meta.id = m_pendingId;
    meta.formId = record.formId;
    meta.formVersion = record.formVersion;
    meta.contentHash = record.contentHash;
    meta.lang = record.lang;
    meta.startedAt = record.startedAt;
    meta.submittedAt = record.submittedAt.empty() ? core::utcNowIso() : record.submittedAt;
    meta.flags = store::FlagCounts{};
    for (const session::RaisedFlag& f : record.flags)
        ++(f.severity == forms::Severity::Urgent ? meta.flags->urgent : meta.flags->caution);
    // The newest draft goes to disk first: the submit deletes it with the record's COMMIT, and a
    // failed submit (retried) leaves it there. Nothing of this intake is written after the submit.
    if (m_drafts) m_drafts->flush();
    auto id = m_store.submit(meta, exports::recordPayload(record), m_afterSubmit);
    if (id && m_afterSubmit == store::DraftAfterSubmit::Clear) settleDrafts();  // the draft ended with it
    if (id) {
        if (m_pusher) m_pusher->wake();
        m_pendingId.clear();
        if (m_afterSubmit == store::DraftAfterSubmit::Clear) m_draftStartedAt.clear();  // cleared with the submit
    }
    return id;
}

core::Result<void> StoreRecordSink::saveDraft(const std::string& snapshotJson) {
    if (m_draftStartedAt.empty()) m_draftStartedAt = core::utcNowIso();
    if (m_drafts) {
        m_drafts->post(snapshotJson, m_draftStartedAt);  // a failure is logged by the writer
        return {};
    }
    return m_store.saveDraft(snapshotJson, m_draftStartedAt);
}

core::Result<void> StoreRecordSink::discardDraft() {
    m_draftStartedAt.clear();  // a pending record keeps its id: it survives idle and is retried
    settleDrafts();  // nothing of the wiped intake is written after this
    return m_store.discardDraft();
}

void StoreRecordSink::settleDrafts() {
    if (!m_drafts) return;
    m_drafts->settle();
    if (*m_draftStore) (*m_draftStore)->forgetDraftKey();  // the next intake's draft gets a fresh key
}

void StoreRecordSink::saveDraftsInBackground() {
    if (m_drafts) return;
    store::StoreOptions options;
    options.dbPath = m_store.path();
    options.kioskId = m_store.kioskId();
    // The writer's connection is opened on its thread at the first draft (opening checks the file).
    auto own = std::make_shared<std::optional<store::Store>>();
    m_draftStore = own;
    m_drafts = std::make_unique<DraftWriter>(
        [options, own](const std::string& snapshot, const std::string& startedAt) -> core::Result<void> {
            if (!*own) {
                auto opened = store::Store::open(options);
                if (!opened) return opened.error();
                // A resumed draft keeps its key: reading it takes the key into this connection (a
                // new key now would leave the resumed draft unopenable if power went next).
                if (auto resumed = opened->loadDraft(); resumed && *resumed && !(*resumed)->snapshot.empty())
                    sodium_memzero((*resumed)->snapshot.data(), (*resumed)->snapshot.size());
                own->emplace(std::move(*opened));
            }
            return (*own)->saveDraft(snapshot, startedAt);
        });
}

core::Result<bool> StoreRecordSink::noteSettingsFile(const std::string& path) {
    const auto read = core::readTextFile(path, settingsFileKind());
    if (!read) return read.error();
    const std::string& text = *read;
    const store::Bytes hash = store::hash256(reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return m_store.noteSettings(path, store::toHex(hash.data(), hash.size()));
}

staff::GateHooks StoreRecordSink::staffGateHooks() {
    staff::GateHooks hooks;
    hooks.audit = [this](const staff::AttemptEvent& e) {
        if (auto audited = m_store.audit(store::AuditAction::StaffAccess, staff::describe(e)); !audited)
            core::logger()->warn("staff access not audited: {}", audited.error().format());
    };
    hooks.verifyPassphrase = [this](const std::string& passphrase) {
        auto key = m_store.unlock(passphrase);
        if (!key) return false;
        m_gateKey = std::move(*key);  // for the desk's visit, which starts next (takeGateKey)
        return true;
    };
    // The lockout outlives a restart: the newest staff-access row says where the gate stood.
    hooks.history = [this]() -> std::optional<staff::PriorAttempts> {
        const auto last = m_store.lastAudit(store::AuditAction::StaffAccess);
        if (!last) {
            core::logger()->warn("staff access history not readable: {}", last.error().format());
            return staff::PriorAttempts{};
        }
        if (!*last) return staff::PriorAttempts{};
        const auto age = std::chrono::floor<std::chrono::seconds>(core::systemClock().systemNow() - (*last)->at);
        return staff::priorAttempts((*last)->detail, age);
    };
    return hooks;
}

void StoreRecordSink::startSync(const std::string& url, const std::string& formsDir, session::FormUpdates* updates,
                                std::function<void()> wake) {
    sync::Pusher::Settings settings{m_store.path(), m_store.kioskId(), url, std::chrono::seconds(30)};
    // The clinic's published forms, asked for with every push (at least every 30 s), kept
    // (validated) and offered to the welcome screen to switch to between patients.
    settings.onForms = clinicFormsTaker(std::filesystem::path(m_store.path()).parent_path().string(), formsDir,
                                        updates, std::move(wake));
    m_pusher = std::make_unique<sync::Pusher>(std::move(settings));
    core::logger()->info("sync: pushing records to the clinic server in the background");
}

std::optional<std::string> StoreRecordSink::takeDraft() {
    auto draft = m_store.loadDraft();
    if (!draft) {
        core::logger()->warn("draft not readable: {}", draft.error().format());
        return std::nullopt;
    }
    if (!*draft) return std::nullopt;
    m_draftStartedAt = (*draft)->startedAt;
    return (*draft)->snapshot;
}

}  // namespace kiosk::app
