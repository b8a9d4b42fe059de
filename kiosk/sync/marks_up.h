#pragma once
// Marks travel up: what staff do at this kiosk's own desk (review, export, delete) waits in the
// store's marks outbox and is sent after the records, through ik_kiosk_mark() (server schema 4),
// which marks only this kiosk's records, forward only, drops a deleted record's payload and audits
// the change as the kiosk's. Marks leave the outbox only after the server's COMMIT.
#include <cstdint>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

struct MarksPushReport {
    std::int64_t applied = 0;  ///< changed a record on the server
    std::int64_t settled = 0;  ///< left the outbox (applied, or the server's mark was as far already)
};

/// @brief Sends the marks waiting in @p store to @p server, @p batch per transaction. A mark whose
///        record the server does not have yet stays queued; one whose record was deleted here
///        before it was ever pushed is dropped (the server never had its payload).
core::Result<MarksPushReport> pushMarks(Server& server, store::Store& store, std::int64_t batch);

}  // namespace kiosk::sync
