#include "kiosk/sync/clinic_records.h"

#include <pqxx/pqxx>

#include "kiosk/core/clock.h"
#include "kiosk/core/log.h"
#include "kiosk/store/crypto.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/server_audit.h"

namespace kiosk::sync {
using core::ErrorCode;
using core::makeError;

namespace {

constexpr int kRecordsPerFetch = 64;

constexpr const char* kColumns =
    "r.id, r.form_id, r.form_version, r.content_hash, r.lang, r.started_at, r.submitted_at, r.kiosk_id, "
    "coalesce(m.status, 'submitted'), coalesce(m.status_at, r.submitted_at), coalesce(length(r.sealed), 0)";

struct Query {
    std::string sql;
    std::vector<std::string> args;
};

Query whereFor(const ServerFilter& sf) {
    Query q;
    const store::ListFilter& f = sf.records;
    auto add = [&](const std::string& clause, const std::string& arg) {
        q.args.push_back(arg);
        q.sql += (q.sql.empty() ? " WHERE " : " AND ") + clause + "$" + std::to_string(q.args.size());
    };
    if (!f.formId.empty()) add("r.form_id = ", f.formId);
    if (f.status) add("coalesce(m.status, 'submitted') = ", store::toString(*f.status));
    else if (!f.includeDeleted) add("coalesce(m.status, 'submitted') <> ", "deleted");
    if (!f.since.empty()) add("r.submitted_at >= ", f.since);
    if (!f.until.empty()) add("r.submitted_at < ", f.until);
    if (!sf.kioskId.empty()) add("r.kiosk_id = ", sf.kioskId);
    if (!f.ids.empty()) {
        std::string in = "r.id IN (";
        for (std::size_t i = 0; i < f.ids.size(); ++i) {
            q.args.push_back(f.ids[i]);
            in += (i ? ",$" : "$") + std::to_string(q.args.size());
        }
        q.sql += (q.sql.empty() ? " WHERE " : " AND ") + in + ")";
    }
    return q;
}

store::RecordSummary readSummary(const pqxx::row& row) {
    store::RecordSummary s;
    s.meta.id = row[0].as<std::string>();
    s.meta.formId = row[1].as<std::string>();
    s.meta.formVersion = row[2].as<int>();
    s.meta.contentHash = row[3].as<std::string>();
    s.meta.lang = row[4].as<std::string>();
    s.meta.startedAt = row[5].as<std::string>();
    s.meta.submittedAt = row[6].as<std::string>();
    s.meta.kioskId = row[7].as<std::string>();
    s.status = store::parseRecordStatus(row[8].as<std::string>()).value_or(store::RecordStatus::Submitted);
    s.statusAt = row[9].as<std::string>();
    s.sealedBytes = row[10].as<std::int64_t>();
    return s;
}

pqxx::result execWith(pqxx::transaction_base& tx, const std::string& sql, const std::vector<std::string>& args) {
    return tx.exec_params(sql, pqxx::prepare::make_dynamic_params(args));
}

/// @p q's WHERE with its arguments quoted in place: DECLARE ... CURSOR takes no parameters. The
/// placeholders are ours ($1..$N, replaced from the highest, so $1 never eats a $10's prefix).
std::string inlineArgs(pqxx::transaction_base& tx, const Query& q) {
    std::string sql = q.sql;
    for (std::size_t i = q.args.size(); i > 0; --i) {
        const std::string mark = "$" + std::to_string(i);
        const std::string value = tx.quote(q.args[i - 1]);
        for (auto at = sql.find(mark); at != std::string::npos; at = sql.find(mark, at + value.size()))
            sql.replace(at, mark.size(), value);
    }
    return sql;
}

/// " form=... since=... kiosk=..." for the audit row: what was asked for, never what records hold.
std::string describeFilter(const ServerFilter& f) {
    std::string d = store::describe(f.records);
    if (!f.kioskId.empty()) d += (d.empty() ? "" : " ") + std::string("kiosk=") + f.kioskId;
    return d.empty() ? d : " " + d;
}

/// The payload of @p row (columns kColumns, then sealed and sealed_hash), checked.
core::Result<std::string> openRow(const store::RecordSummary& s, const pqxx::row& row, const store::ClinicKey& key) {
    if (row[11].is_null()) return makeError(ErrorCode::NotFound, "it was deleted");
    const pqxx::binarystring sealed(row[11]);
    const pqxx::binarystring hash(row[12]);
    const store::Bytes actual = store::hash256(sealed.data(), sealed.size());
    if (store::Bytes(hash.data(), hash.data() + hash.size()) != actual)
        return makeError(ErrorCode::Integrity, "its sealed payload does not match the hash its kiosk sent");
    return store::openRecordPayload(s.meta, sealed.data(), sealed.size(), key);
}

}  // namespace

core::Result<std::vector<store::RecordSummary>> listServerRecords(Server& server, const ServerFilter& filter) {
    std::vector<store::RecordSummary> out;
    auto ran = server.run("listing records", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const Query w = whereFor(filter);
        std::string sql = std::string("SELECT ") + kColumns + " FROM ik_records r LEFT JOIN ik_marks m ON m.record_id = r.id" +
                          w.sql + " ORDER BY r.submitted_at DESC, r.id";
        if (filter.records.limit > 0) sql += " LIMIT " + std::to_string(filter.records.limit);
        for (const auto& row : execWith(tx, sql, w.args)) out.push_back(readSummary(row));
    });
    if (!ran) return ran.error();
    return out;
}

core::Result<store::ClinicKey> unlockServer(Server& server, const std::string& passphrase) {
    auto material = readClinicKey(server);
    if (!material) return material.error();
    auto key = store::unlockMaterial(*material, passphrase);
    auto logged = server.run("writing the audit log", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        appendServerAudit(tx, "unlock", key ? "ok" : "failed");
        tx.commit();
    });
    if (!key) return key.error();
    if (!logged) return logged.error();
    return key;
}

core::Result<void> forEachServerRecord(Server& server, const ServerFilter& filter, const store::ClinicKey& key,
    const std::function<bool(const store::RecordSummary&, const core::Result<std::string>&)>& fn) {
    return server.run("reading records", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const Query w = whereFor(filter);
        // A cursor: the records come kRecordsPerFetch at a time, so a desk exporting a whole
        // clinic holds one batch of sealed payloads in memory, never the whole set.
        tx.exec("DECLARE ik_stream NO SCROLL CURSOR FOR SELECT " + std::string(kColumns) +
                ", r.sealed, r.sealed_hash FROM ik_records r LEFT JOIN ik_marks m ON m.record_id = r.id" +
                inlineArgs(tx, w) + " ORDER BY r.submitted_at, r.id");
        for (bool more = true; more;) {
            const pqxx::result batch = tx.exec("FETCH " + std::to_string(kRecordsPerFetch) + " FROM ik_stream");
            more = batch.size() == static_cast<pqxx::result::size_type>(kRecordsPerFetch);
            for (const auto& row : batch) {
                const store::RecordSummary s = readSummary(row);
                if (!fn(s, openRow(s, row, key))) {
                    more = false;
                    break;
                }
            }
        }
        tx.exec("CLOSE ik_stream");
    });
}

core::Result<std::int64_t> countServerRecords(Server& server, const ServerFilter& filter) {
    std::int64_t n = 0;
    auto ran = server.run("counting records", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const Query w = whereFor(filter);
        n = execWith(tx, "SELECT count(*) FROM ik_records r LEFT JOIN ik_marks m ON m.record_id = r.id" + w.sql, w.args)[0][0]
                .as<std::int64_t>();
    });
    if (!ran) return ran.error();
    return n;
}

core::Result<std::vector<store::FormVersionCount>> serverFormVersions(Server& server, const ServerFilter& filter) {
    std::vector<store::FormVersionCount> out;
    auto ran = server.run("counting records", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const Query w = whereFor(filter);
        for (const auto& row : execWith(tx,
                 "SELECT r.form_id, r.form_version, r.content_hash, count(*) FROM ik_records r LEFT JOIN ik_marks m "
                 "ON m.record_id = r.id" + w.sql +
                 " GROUP BY r.form_id, r.form_version, r.content_hash ORDER BY r.form_id, r.form_version DESC, r.content_hash",
                 w.args))
            out.push_back({row[0].as<std::string>(), row[1].as<int>(), row[2].as<std::string>(), row[3].as<std::int64_t>()});
    });
    if (!ran) return ran.error();
    return out;
}

core::Result<void> markServerExported(Server& server, const std::function<bool(std::string& id)>& nextId,
                                      const ServerFilter& filter) {
    return server.run("marking records exported", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const std::string at = core::utcNowIso();
        std::int64_t n = 0;
        for (std::string id; nextId(id); ++n)
            tx.exec_params("INSERT INTO ik_marks (record_id, status, status_at) VALUES ($1, 'exported', $2) "
                           "ON CONFLICT (record_id) DO UPDATE SET status = 'exported', status_at = excluded.status_at "
                           "WHERE ik_marks.status <> 'deleted'",
                           id, at);
        appendServerAudit(tx, "export", "count=" + std::to_string(n) + describeFilter(filter));
        tx.commit();
    });
}

core::Result<std::int64_t> purgeServerRecords(Server& server, std::chrono::seconds olderThan, const store::ClinicKey& key,
                                              core::SystemTime now) {
    (void)key;  // as markServerRecord: the unlocked key is the proof of staff
    if (olderThan.count() <= 0) return makeError(ErrorCode::Invalid, "purge age must be positive");
    std::int64_t n = 0;
    const std::string nowText = core::toUtcIso(now);
    const std::string cutoff = core::toUtcIso(now - olderThan);
    auto ran = server.run("purging exported records", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        // The same rule as a kiosk's purge: exported records submitted before the cutoff lose their
        // payload and keep a 'deleted' tombstone.
        n = tx.exec_params("WITH purged AS (UPDATE ik_marks m SET status = 'deleted', status_at = $1 FROM ik_records r "
                           "WHERE r.id = m.record_id AND m.status = 'exported' AND r.submitted_at < $2 "
                           "RETURNING m.record_id) "
                           "UPDATE ik_records SET sealed = NULL WHERE id IN (SELECT record_id FROM purged)",
                           nowText, cutoff)
                .affected_rows();
        appendServerAudit(tx, "purge", "count=" + std::to_string(n) + " submitted_before=" + cutoff);
        tx.commit();
    });
    if (!ran) return ran.error();
    core::logger()->info("records purged on {} count={} before={}", server.describe(), n, cutoff);
    return n;
}

namespace {

/// One record's payload, audited as a view in the same transaction when @p audited.
core::Result<std::string> openServerRecord(Server& server, const std::string& id, const store::ClinicKey& key,
                                           bool audited) {
    core::Result<std::string> payload = makeError(ErrorCode::NotFound, "no record " + id + " on the clinic server");
    auto ran = server.run("reading a record", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const pqxx::result r = tx.exec_params(std::string("SELECT ") + kColumns +
                                                  ", r.sealed, r.sealed_hash FROM ik_records r LEFT JOIN ik_marks m "
                                                  "ON m.record_id = r.id WHERE r.id = $1", id);
        if (r.empty()) return;
        payload = openRow(readSummary(r[0]), r[0], key);
        if (!payload) {
            payload = makeError(payload.error().code, "record " + id + ": " + payload.error().message);
            return;
        }
        if (!audited) return;
        appendServerAudit(tx, "view", "record=" + id);
        tx.commit();  // the payload goes out only once its audit row is in
    });
    if (!ran) return ran.error();
    return payload;
}

}  // namespace

core::Result<std::string> viewServerRecord(Server& server, const std::string& id, const store::ClinicKey& key) {
    return openServerRecord(server, id, key, true);
}

core::Result<std::string> readServerRecord(Server& server, const std::string& id, const store::ClinicKey& key) {
    return openServerRecord(server, id, key, false);
}

core::Result<void> auditOnServer(Server& server, const std::string& action, const std::string& detail) {
    return server.run("writing the audit log", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        appendServerAudit(tx, action, detail);
        tx.commit();
    });
}

core::Result<void> markServerRecord(Server& server, const std::string& id, store::RecordStatus status,
                                    const store::ClinicKey& key) {
    (void)key;  // holding the unlocked key is the proof of staff; the server's role does the rest
    if (status != store::RecordStatus::Reviewed && status != store::RecordStatus::Deleted)
        return makeError(ErrorCode::Internal, "only review and delete marks are made one by one");
    bool found = false;
    std::string was;
    auto ran = server.run(status == store::RecordStatus::Deleted ? "deleting a record" : "marking a record reviewed",
                          [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const pqxx::result r = tx.exec_params(
            "SELECT coalesce(m.status, 'submitted') FROM ik_records r LEFT JOIN ik_marks m ON m.record_id = r.id "
            "WHERE r.id = $1 FOR UPDATE OF r", id);
        if (r.empty()) return;
        found = true;
        was = r[0][0].as<std::string>();
        if (was == "deleted") return;
        const std::string s = store::toString(status);
        tx.exec_params("INSERT INTO ik_marks (record_id, status, status_at) VALUES ($1, $2, $3) "
                       "ON CONFLICT (record_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at",
                       id, s, core::utcNowIso());
        if (status == store::RecordStatus::Deleted) tx.exec_params("UPDATE ik_records SET sealed = NULL WHERE id = $1", id);
        appendServerAudit(tx, status == store::RecordStatus::Deleted ? "delete" : "review", "record=" + id);
        tx.commit();
    });
    if (!ran) return ran.error();
    if (!found) return makeError(ErrorCode::NotFound, "no record " + id + " on the clinic server");
    if (was == "deleted") return makeError(ErrorCode::Invalid, "record " + id + " was deleted");
    return {};
}

}  // namespace kiosk::sync
