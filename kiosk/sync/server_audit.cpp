#include "kiosk/sync/server_audit.h"

#include <pqxx/pqxx>

#include "kiosk/core/clock.h"
#include "kiosk/store/crypto.h"
#include "kiosk/sync/pq_bytes.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {
store::Bytes serverAuditRowHash(const store::Bytes& prev, std::int64_t seq, const std::string& at,
                                const std::string& actor, const std::string& action, const std::string& detail) {
    const std::string prevText(prev.begin(), prev.end());
    const std::string seqText = std::to_string(seq);
    return store::hashFields({prevText, seqText, at, actor, action, detail});
}

void appendServerAudit(pqxx::dbtransaction& tx, const std::string& action, const std::string& detail) {
    // One writer at a time, so two desks never take the same seq; readers are not blocked. (An
    // advisory lock: LOCK TABLE would need UPDATE on the log, which nobody gets.)
    tx.exec("SELECT pg_advisory_xact_lock(7160017)");
    const pqxx::result last = tx.exec("SELECT seq, hash FROM ik_audit ORDER BY seq DESC LIMIT 1");
    std::int64_t seq = 1;
    store::Bytes prev(32, 0);
    if (!last.empty()) {
        seq = last[0][0].as<std::int64_t>() + 1;
        prev = bytesOf(last[0][1]);
    }
    const std::string actor = tx.exec("SELECT current_user")[0][0].as<std::string>();
    const std::string at = core::utcNowIso();
    const store::Bytes hash = serverAuditRowHash(prev, seq, at, actor, action, detail);
    tx.exec_params("INSERT INTO ik_audit (seq, at, actor, action, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7)",
                   seq, at, actor, action, detail, pqxx::binarystring(prev.data(), prev.size()),
                   pqxx::binarystring(hash.data(), hash.size()));
}

core::Result<std::string> serverAuditHash(Server& server, std::int64_t seq) {
    std::string hex;
    auto ran = server.run("reading the audit log", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const pqxx::result r = tx.exec_params("SELECT hash FROM ik_audit WHERE seq = $1", seq);
        if (r.empty()) return;
        const store::Bytes h = bytesOf(r[0][0]);
        hex = store::toHex(h.data(), h.size());
    });
    if (!ran) return ran.error();
    if (hex.empty())
        return core::makeError(core::ErrorCode::NotFound, "the clinic server's log has no entry " + std::to_string(seq));
    return hex;
}

core::Result<store::AuditReport> verifyServerAudit(Server& server) {
    store::AuditReport report;
    auto ran = server.run("reading the audit log", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const pqxx::result rows = tx.exec("SELECT seq, at, actor, action, detail, prev_hash, hash FROM ik_audit ORDER BY seq");
        store::Bytes prev(32, 0);
        std::int64_t expectSeq = 1;
        for (const auto& row : rows) {
            const auto seq = row[0].as<std::int64_t>();
            const store::Bytes storedPrev = bytesOf(row[5]);
            const store::Bytes hash = bytesOf(row[6]);
            auto broken = [&](const std::string& why) {
                report.firstBroken = seq;
                report.problem = why;
            };
            if (seq != expectSeq) {
                report.firstBroken = expectSeq;
                report.problem = "entry " + std::to_string(expectSeq) + " is missing";
                return;
            }
            if (seq == 1 && row[3].as<std::string>() != "clinic_init")
                return broken("entry 1 is not the clinic's creation");
            if (storedPrev != prev) return broken("entry " + std::to_string(seq) + " does not follow the entry before it");
            if (serverAuditRowHash(prev, seq, row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                        row[4].as<std::string>()) != hash)
                return broken("entry " + std::to_string(seq) + " was changed after it was written");
            prev = hash;
            ++expectSeq;
            ++report.entries;
            report.headSeq = seq;
            report.headHash = store::toHex(hash.data(), hash.size());
        }
        if (rows.empty()) report.problem = "the audit log is empty: the clinic's creation is missing";
    });
    if (!ran) return ran.error();
    return report;
}

}  // namespace kiosk::sync
