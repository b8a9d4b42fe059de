#pragma once
// Where an export reads its records from and marks them: a kiosk's own store (StoreSource), or,
// through the same interface, the clinic server (app/cli/server_source.h, `export --pg`). The
// export job and the CSV plan see only this: count, the form versions, the records streamed one
// at a time with their payloads (or why one is damaged), and the export marks with their audit.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"

namespace kiosk::exports {

/// Called for each record, oldest first; returning false stops the stream.
using RecordFn = std::function<bool(const store::RecordSummary&, const core::Result<std::string>&)>;

class RecordSource {
public:
    virtual ~RecordSource() = default;
    /// The database file an output must never overwrite; "" when the records are not in a file here.
    virtual std::string databasePath() const = 0;
    /// The kiosk named in the document's header ("" for records of several kiosks).
    virtual std::string kioskId() const = 0;
    virtual core::Result<std::int64_t> count(const store::ListFilter& filter) = 0;
    virtual core::Result<std::vector<store::FormVersionCount>> formVersions(const store::ListFilter& filter) = 0;
    virtual core::Result<void> forEachRecord(const store::ListFilter& filter, const store::ClinicKey& key,
                                             const RecordFn& fn) = 0;
    /// Marks the records @p nextId yields exported, audited as one export with describe(@p filter).
    virtual core::Result<void> markExported(const std::function<bool(std::string& id)>& nextId,
                                            const store::ClinicKey& key, const store::ListFilter& filter) = 0;
    /// Audits an export whose records stay unmarked (--no-mark): @p detail says what was asked for.
    virtual core::Result<void> auditUnmarked(const std::string& detail) = 0;
};

/// @brief A kiosk's own store as a RecordSource.
class StoreSource : public RecordSource {
public:
    explicit StoreSource(store::Store& store) : m_store(store) {}
    std::string databasePath() const override { return m_store.path(); }
    std::string kioskId() const override { return m_store.kioskId(); }
    core::Result<std::int64_t> count(const store::ListFilter& filter) override { return m_store.count(filter); }
    core::Result<std::vector<store::FormVersionCount>> formVersions(const store::ListFilter& filter) override {
        return m_store.formVersions(filter);
    }
    core::Result<void> forEachRecord(const store::ListFilter& filter, const store::ClinicKey& key,
                                     const RecordFn& fn) override {
        return m_store.forEachRecord(filter, key, fn);
    }
    core::Result<void> markExported(const std::function<bool(std::string& id)>& nextId, const store::ClinicKey& key,
                                    const store::ListFilter& filter) override {
        return m_store.markExportedEach(nextId, key, filter);
    }
    core::Result<void> auditUnmarked(const std::string& detail) override {
        return m_store.audit(store::AuditAction::Export, detail);
    }

private:
    store::Store& m_store;
};

}  // namespace kiosk::exports
