#include "kiosk/sync/server_marks.h"

#include <pqxx/pqxx>

namespace kiosk::sync {

core::Result<std::int64_t> pullMarks(Server& server, store::Store& store) {
    if (server.schemaVersion() < 3) return std::int64_t{0};
    auto after = store.serverMarksHorizon();
    if (!after) return after.error();
    std::vector<store::ServerMark> marks;
    std::string horizon;
    auto ran = server.run("reading the clinic server's marks", [&](pqxx::connection_base& c) {
        // One snapshot for both: every transaction before the horizon is in it (or never committed).
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(c);
        horizon = tx.exec("SELECT ik_pull_horizon()::text")[0][0].as<std::string>();
        const pqxx::result rows =
            after->empty() ? tx.exec_params("SELECT record_id, status, status_at FROM ik_kiosk_marks($1, NULL)", store.kioskId())
                           : tx.exec_params("SELECT record_id, status, status_at FROM ik_kiosk_marks($1, $2::xid8)",
                                            store.kioskId(), *after);
        marks.reserve(rows.size());
        for (const auto& row : rows) {
            const auto status = store::parseRecordStatus(row[1].as<std::string>());
            if (!status) continue;  // the server's CHECK allows no other; a newer one is not ours to apply
            marks.push_back({row[0].as<std::string>(), *status, row[2].as<std::string>()});
        }
    });
    if (!ran) return ran.error();
    return store.applyServerMarks(marks, horizon);
}

}  // namespace kiosk::sync
