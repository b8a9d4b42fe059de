#include "kiosk/sync/clinic.h"

#include <pqxx/pqxx>

#include "kiosk/core/log.h"
#include "kiosk/sync/pq_bytes.h"
#include "kiosk/sync/server_audit.h"
#include "kiosk/sync/server_schema.h"

namespace kiosk::sync {
using core::ErrorCode;
using core::makeError;

core::Result<void> initClinic(Server& server, const store::ClinicKeyMaterial& key) {
    if (server.schemaVersion() > 0)
        return makeError(ErrorCode::Invalid, "the clinic server (" + server.describe() +
                                                 ") already has a clinic; a second clinic key would make every record "
                                                 "sealed to the first unreadable. Join it: `intake-kiosk clinic join --pg URL`");
    return server.run("creating the clinic", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        for (const char* step : serverSchemaSteps()) tx.exec(step);
        const auto& w = key.wrapped;
        tx.exec_params(
            "INSERT INTO ik_clinic (id, public_key, fingerprint, secret_box, secret_nonce, kdf_salt, kdf_opslimit, "
            "kdf_memlimit, default_passphrase) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8)",
            bin(key.publicKey), key.fingerprint(), bin(w.box), bin(w.nonce), bin(w.salt),
            static_cast<long long>(w.limits.opslimit), static_cast<long long>(w.limits.memlimit), key.defaultPassphrase);
        appendServerAudit(tx, "clinic_init", "fingerprint=" + key.fingerprint());
        tx.commit();
        core::logger()->info("clinic created on {} fingerprint={}", server.describe(), key.fingerprint());
    });
}

core::Result<int> upgradeClinic(Server& server) {
    const int from = server.schemaVersion();
    if (from == 0)
        return makeError(ErrorCode::NotFound, "the clinic server (" + server.describe() +
                                                  ") has no clinic yet: run `intake-kiosk clinic init --pg URL` first");
    if (from >= kServerSchemaVersion) return from;
    auto ran = server.run("upgrading the clinic's schema", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        const auto steps = serverSchemaSteps();
        for (int v = from + 1; v <= kServerSchemaVersion; ++v) tx.exec(steps[static_cast<std::size_t>(v - 1)]);
        appendServerAudit(tx, "clinic_upgrade", "schema=" + std::to_string(from) + "->" + std::to_string(kServerSchemaVersion));
        tx.commit();
    });
    if (!ran) return ran.error();
    core::logger()->info("clinic schema upgraded on {} from {} to {}", server.describe(), from, kServerSchemaVersion);
    return kServerSchemaVersion;
}

core::Result<void> requireCurrentSchema(Server& server) {
    if (server.schemaVersion() == 0)
        return makeError(ErrorCode::NotFound, "the clinic server (" + server.describe() +
                                                  ") has no clinic yet: run `intake-kiosk clinic init --pg URL`");
    if (server.schemaVersion() < kServerSchemaVersion)
        return makeError(ErrorCode::Invalid,
                         "the clinic server (" + server.describe() + ") has schema version " +
                             std::to_string(server.schemaVersion()) + ", older than this program's (" +
                             std::to_string(kServerSchemaVersion) +
                             "): the admin runs `intake-kiosk clinic upgrade --pg URL`. Records stay queued on this kiosk");
    return {};
}

core::Result<void> claimKiosk(Server& server, const std::string& kioskId) {
    return server.run("binding this kiosk to its database role", [&](pqxx::connection_base& c) {
        pqxx::work tx(c);
        tx.exec_params("SELECT ik_claim_kiosk($1)", kioskId);
        tx.commit();
    });
}

core::Result<store::ClinicKeyMaterial> readClinicKey(Server& server) {
    if (server.schemaVersion() == 0)
        return makeError(ErrorCode::NotFound, "the clinic server (" + server.describe() +
                                                  ") has no clinic yet: run `intake-kiosk clinic init --pg URL` first");
    store::ClinicKeyMaterial key;
    bool found = false;
    auto ran = server.run("reading the clinic key", [&](pqxx::connection_base& c) {
        pqxx::read_transaction tx(c);
        const pqxx::result r = tx.exec(
            "SELECT public_key, secret_box, secret_nonce, kdf_salt, kdf_opslimit, kdf_memlimit, default_passphrase "
            "FROM ik_clinic WHERE id = 1");
        if (r.empty()) return;
        found = true;
        key.publicKey = bytesOf(r[0][0]);
        key.wrapped.box = bytesOf(r[0][1]);
        key.wrapped.nonce = bytesOf(r[0][2]);
        key.wrapped.salt = bytesOf(r[0][3]);
        key.wrapped.limits.opslimit = static_cast<std::uint64_t>(r[0][4].as<long long>());
        key.wrapped.limits.memlimit = static_cast<std::size_t>(r[0][5].as<long long>());
        key.defaultPassphrase = r[0][6].as<bool>();
    });
    if (!ran) return ran.error();
    if (!found) return makeError(ErrorCode::NotFound, "the clinic server (" + server.describe() + ") has no clinic key");
    return key;
}

core::Result<std::string> joinClinic(Server& server, store::Store& store) {
    if (auto ok = requireCurrentSchema(server); !ok) return ok.error();
    if (auto ok = claimKiosk(server, store.kioskId()); !ok) return ok.error();
    auto key = readClinicKey(server);
    if (!key) return key.error();
    if (auto ok = store.importKeys(*key); !ok) return ok.error();
    return key->fingerprint();
}

core::Result<void> checkSameClinic(Server& server, store::Store& store) {
    auto theirs = readClinicKey(server);
    if (!theirs) return theirs.error();
    auto ours = store.keyMaterial();
    if (!ours) return ours.error();
    if (ours->publicKey != theirs->publicKey)
        return makeError(ErrorCode::Integrity,
                         "the clinic server (" + server.describe() + ") belongs to another clinic: its key is " +
                             theirs->fingerprint() + ", this kiosk seals to " + ours->fingerprint() +
                             ". Nothing was pushed; check server.url");
    return {};
}

}  // namespace kiosk::sync
