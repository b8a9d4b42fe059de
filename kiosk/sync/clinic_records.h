#pragma once
// What staff do with the clinic-wide record set on the server (`records ... --pg`, `audit verify
// --pg`): list plain columns, unlock the clinic key, open and check sealed records, mark them
// reviewed or deleted. Review and delete marks made here are the truth for the clinic; each is
// audited on the server (server_audit.h). Nothing here returns or logs a record's content except
// the payloads handed to the caller.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

/// @brief Which server records; the store's filter plus the kiosk that saved them ("" = any).
struct ServerFilter {
    store::ListFilter records;
    std::string kioskId;
};

core::Result<std::vector<store::RecordSummary>> listServerRecords(Server& server, const ServerFilter& filter);

/// @brief The clinic key from the server, unwrapped with @p passphrase; audited on the server
///        ("unlock ok" or "unlock failed").
core::Result<store::ClinicKey> unlockServer(Server& server, const std::string& passphrase);

/// @brief Streams matching records oldest first with their payload, or the reason one is damaged
///        (a sealed payload that no longer matches its hash, its box or its plain columns),
///        through a server-side cursor: a few dozen records in memory at a time.
core::Result<void> forEachServerRecord(Server& server, const ServerFilter& filter, const store::ClinicKey& key,
    const std::function<bool(const store::RecordSummary&, const core::Result<std::string>&)>& fn);

core::Result<std::int64_t> countServerRecords(Server& server, const ServerFilter& filter);

/// @brief The distinct (form, version, content hash) of the matching records, as Store::formVersions.
core::Result<std::vector<store::FormVersionCount>> serverFormVersions(Server& server, const ServerFilter& filter);

/// @brief Marks the records @p nextId yields exported (a deleted one stays deleted), audited on the
///        server as one export with the count and the filter, in one transaction.
core::Result<void> markServerExported(Server& server, const std::function<bool(std::string& id)>& nextId,
                                      const ServerFilter& filter);

/// @brief The kiosk's purge on the server: exported records submitted before now - @p olderThan
///        lose their payload and keep a 'deleted' tombstone; audited; returns how many.
core::Result<std::int64_t> purgeServerRecords(Server& server, std::chrono::seconds olderThan, const store::ClinicKey& key,
                                              core::SystemTime now = core::systemClock().systemNow());

/// @brief One record's payload for a person to read, audited as "view record=ID" first.
core::Result<std::string> viewServerRecord(Server& server, const std::string& id, const store::ClinicKey& key);

/// @brief One record's payload opened for a program step (looking for a patient's earlier visit),
///        not audited, as Store::readPayload: the caller audits what it shows (auditOnServer).
core::Result<std::string> readServerRecord(Server& server, const std::string& id, const store::ClinicKey& key);

/// @brief One row of the server's audit log (@p action, @p detail), in its own transaction.
core::Result<void> auditOnServer(Server& server, const std::string& action, const std::string& detail);

/// @brief Marks a record reviewed or deleted (drops the payload, keeps the row); audited.
core::Result<void> markServerRecord(Server& server, const std::string& id, store::RecordStatus status,
                                    const store::ClinicKey& key);

}  // namespace kiosk::sync
