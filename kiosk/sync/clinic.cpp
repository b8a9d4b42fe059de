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
        tx.exec(serverSchemaSql());
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
