#include "kiosk/sync/marks_up.h"

#include <algorithm>

#include <pqxx/pqxx>

#include "kiosk/core/clock.h"
#include "kiosk/sync/pq_bytes.h"
#include "kiosk/sync/server_audit.h"

namespace kiosk::sync {

namespace {

/// The audit row ik_kiosk_mark appends for @p mark: the same words as the SQL, or the chain breaks.
const char* auditAction(store::RecordStatus status) {
    switch (status) {
        case store::RecordStatus::Reviewed: return "review";
        case store::RecordStatus::Exported: return "export";
        default: return "delete";
    }
}

/// The record ids of @p marks as a PostgreSQL text[] literal (libpqxx 6 binds no arrays).
std::string arrayLiteral(const std::vector<store::OutboxMark>& marks) {
    std::string out = "{";
    for (const auto& mark : marks) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : mark.recordId) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace

core::Result<MarksPushReport> pushMarks(Server& server, store::Store& store, std::int64_t batch) {
    MarksPushReport report;
    auto prepared = server.run("preparing the marks", [&](pqxx::connection_base& c) {
        c.prepare("ik_mark", "SELECT ik_kiosk_mark($1, $2, $3, $4, $5, $6, $7)");
    });
    if (!prepared) return prepared.error();
    std::string after;  // marks still waiting for their record are passed over, not read again
    for (;;) {
        auto marks = store.pendingMarks(std::max<std::int64_t>(1, batch), after);
        if (!marks) return marks.error();
        if (marks->empty()) break;
        after = marks->back().recordId;
        std::vector<store::OutboxMark> settled;
        std::vector<std::string> neverPushed;
        std::int64_t applied = 0;
        auto ran = server.run("sending marks", [&](pqxx::connection_base& c) {
            settled.clear();
            neverPushed.clear();
            applied = 0;
            pqxx::work tx(c);
            // Holds the records' and the audit log's locks to the COMMIT: the chain stays where the
            // hashes say. A batch is one kiosk's in the common case (one kiosk per store).
            const pqxx::row head = tx.exec_params1(
                "SELECT head_seq, head_hash, actor FROM ik_kiosk_audit_head($1, $2::text[])", marks->front().kioskId,
                arrayLiteral(*marks));
            auto seq = head[0].as<std::int64_t>();
            store::Bytes prev = bytesOf(head[1]);
            const std::string actor = head[2].as<std::string>();
            for (const auto& mark : *marks) {
                const std::string at = core::utcNowIso();
                const char* action = auditAction(mark.status);
                const store::Bytes hash = serverAuditRowHash(prev, seq + 1, at, actor, action,
                                                             "record=" + mark.recordId + " by=kiosk:" + mark.kioskId);
                const pqxx::row r = tx.exec_prepared1("ik_mark", mark.kioskId, mark.recordId, store::toString(mark.status),
                                                      mark.statusAt, at, bin(prev), bin(hash));
                if (r[0].is_null()) {
                    // Not on the server: pushed later (it waits), or deleted here before it ever was.
                    if (mark.recordNeverPushed) neverPushed.push_back(mark.recordId);
                    continue;
                }
                if (r[0].as<bool>()) {
                    ++seq;
                    prev = hash;
                    ++applied;
                }
                settled.push_back(mark);
            }
            tx.commit();
        });
        if (!ran) return ran.error();
        if (auto done = store.settleMarks(settled, neverPushed); !done) return done.error();
        report.applied += applied;
        report.settled += static_cast<std::int64_t>(settled.size());
    }
    return report;
}

}  // namespace kiosk::sync
