#pragma once
// The clinic server as an export's RecordSource (`export --pg`): records of every kiosk (or of
// --kiosk ID), streamed through a server cursor, marked exported and audited on the server.
#include <string>

#include "kiosk/export/record_source.h"
#include "kiosk/staff/previous_visit.h"
#include "kiosk/sync/clinic_records.h"
#include "kiosk/sync/server.h"

namespace kiosk::app {

class ServerSource : public exports::RecordSource {
public:
    /// @p kioskId: only that kiosk's records ("" = all); it also names the document's kiosk.
    ServerSource(sync::Server& server, std::string kioskId) : m_server(server), m_kioskId(std::move(kioskId)) {}
    std::string databasePath() const override { return ""; }
    std::string kioskId() const override { return m_kioskId; }
    core::Result<std::int64_t> count(const store::ListFilter& filter) override;
    core::Result<std::vector<store::FormVersionCount>> formVersions(const store::ListFilter& filter) override;
    core::Result<void> forEachRecord(const store::ListFilter& filter, const store::ClinicKey& key,
                                     const exports::RecordFn& fn) override;
    core::Result<void> markExported(const std::function<bool(std::string& id)>& nextId, const store::ClinicKey& key,
                                    const store::ListFilter& filter) override;
    core::Result<void> auditUnmarked(const std::string& detail) override;

private:
    sync::ServerFilter filterOf(const store::ListFilter& f) const { return {f, m_kioskId}; }
    sync::Server& m_server;
    std::string m_kioskId;
};

/// @brief A patient's earlier visits looked for on the clinic server, among every kiosk's records
///        (`records show --change --pg`, the PDF of `export --pg`); the earlier record shown is
///        audited on the server. @p server and @p key must outlive it.
staff::EarlierRecords earlierRecordsOnServer(sync::Server& server, const store::ClinicKey& key);

}  // namespace kiosk::app
