#include "kiosk/app/cli/server_source.h"

#include <pqxx/pqxx>

#include "kiosk/sync/server_audit.h"

namespace kiosk::app {

core::Result<std::int64_t> ServerSource::count(const store::ListFilter& filter) {
    return sync::countServerRecords(m_server, filterOf(filter));
}

core::Result<std::vector<store::FormVersionCount>> ServerSource::formVersions(const store::ListFilter& filter) {
    return sync::serverFormVersions(m_server, filterOf(filter));
}

core::Result<void> ServerSource::forEachRecord(const store::ListFilter& filter, const store::ClinicKey& key,
                                               const exports::RecordFn& fn) {
    return sync::forEachServerRecord(m_server, filterOf(filter), key, fn);
}

core::Result<void> ServerSource::markExported(const std::function<bool(std::string& id)>& nextId,
                                              const store::ClinicKey& key, const store::ListFilter& filter) {
    (void)key;  // holding the unlocked key is the proof of staff, as for markServerRecord
    return sync::markServerExported(m_server, nextId, filterOf(filter));
}

core::Result<void> ServerSource::auditUnmarked(const std::string& detail) {
    return m_server.run("writing the audit log", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        sync::appendServerAudit(tx, "export", detail + (m_kioskId.empty() ? "" : " kiosk=" + m_kioskId));
        tx.commit();
    });
}

staff::EarlierRecords earlierRecordsOnServer(sync::Server& server, const store::ClinicKey& key) {
    staff::EarlierRecords r;
    r.list = [&server](const store::ListFilter& f) { return sync::listServerRecords(server, {f, ""}); };
    r.open = [&server, &key](const std::string& id) { return sync::readServerRecord(server, id, key); };
    r.auditShown = [&server](const std::string& id) {
        return sync::auditOnServer(server, "view", "previous-visit record=" + id);
    };
    return r;
}

}  // namespace kiosk::app
