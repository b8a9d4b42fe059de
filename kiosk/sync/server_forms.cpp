#include "kiosk/sync/server_forms.h"

#include <pqxx/pqxx>

#include "kiosk/core/log.h"
#include "kiosk/sync/clinic.h"
#include "kiosk/sync/server_audit.h"

namespace kiosk::sync {
using core::ErrorCode;
using core::makeError;

core::Result<void> publishForm(Server& server, const PublishedForm& form) {
    if (auto ok = requireCurrentSchema(server); !ok) return ok.error();
    if (form.source.size() > kMaxPublishedFormBytes)
        return makeError(ErrorCode::Invalid, "the form file is larger than " +
                                                 std::to_string(kMaxPublishedFormBytes / 1024) + " kB");
    std::string clash;
    auto ran = server.run("publishing a form", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const pqxx::result same = tx.exec_params(
            "SELECT content_hash FROM ik_forms WHERE form_id = $1 AND version = $2 AND content_hash <> $3 LIMIT 1",
            form.formId, form.version, form.contentHash);
        if (!same.empty()) {
            clash = same[0][0].as<std::string>();
            return;  // rolls back
        }
        tx.exec_params("UPDATE ik_forms SET active = false WHERE form_id = $1 AND active AND content_hash <> $2",
                       form.formId, form.contentHash);
        tx.exec_params("INSERT INTO ik_forms (form_id, version, content_hash, file_name, source, active) "
                       "VALUES ($1, $2, $3, $4, $5, true) "
                       "ON CONFLICT (form_id, version, content_hash) DO UPDATE SET active = true",
                       form.formId, form.version, form.contentHash, form.fileName, form.source);
        appendServerAudit(tx, "form_publish", "form=" + form.formId + " version=" + std::to_string(form.version) +
                                                  " hash=" + form.contentHash);
        tx.commit();
    });
    if (!ran) return ran.error();
    if (!clash.empty())
        return makeError(ErrorCode::Invalid,
                         "form " + form.formId + " version " + std::to_string(form.version) +
                             " is already published on the clinic server with other content (" + clash +
                             "): records name their form by id and version, so give the changed form a new version");
    core::logger()->info("form published on {} id={} v={}", server.describe(), form.formId, form.version);
    return {};
}

core::Result<std::vector<PublishedForm>> activeForms(Server& server) {
    std::vector<PublishedForm> out;
    if (server.schemaVersion() < 2) return out;  // no forms there before schema 2
    auto ran = server.run("reading the published forms", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        for (const auto& row : tx.exec("SELECT form_id, version, content_hash, file_name, source FROM ik_forms "
                                       "WHERE active AND length(source) <= " + std::to_string(kMaxPublishedFormBytes) +
                                       " ORDER BY form_id"))
            out.push_back({row[0].as<std::string>(), row[1].as<int>(), row[2].as<std::string>(),
                           row[3].as<std::string>(), row[4].as<std::string>()});
    });
    if (!ran) return ran.error();
    return out;
}

}  // namespace kiosk::sync
