#pragma once
// The clinic on its PostgreSQL: `clinic init` installs the tables, the two group roles and their
// GRANTs, and the clinic key pair (the secret key wrapped by the staff passphrase, as on a kiosk);
// `clinic join` copies that key into a kiosk's store, so the kiosk seals every record to it.
//
// Roles (server_schema.cpp has the exact GRANTs): intake_kiosk may read the clinic key and the
// forms and insert records, and read back only a record's id, kiosk and sealed hash (to compare on
// a retry), never a payload, and may delete nothing; intake_staff reads everything and writes
// status marks and the audit log. Login roles are made members of one of them (README).
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

/// @brief Installs the schema, the roles and the clinic key on @p server. Refused if the server
///        already has a clinic (a second key would orphan every record sealed to the first).
core::Result<void> initClinic(Server& server, const store::ClinicKeyMaterial& key);

/// @brief The clinic key as the server keeps it; NotFound if there is no clinic there.
core::Result<store::ClinicKeyMaterial> readClinicKey(Server& server);

/// @brief Makes the clinic's key @p store's key (Store::importKeys); returns the fingerprint.
core::Result<std::string> joinClinic(Server& server, store::Store& store);

/// @brief Invalid ("another clinic") unless @p store seals to the key on @p server.
core::Result<void> checkSameClinic(Server& server, store::Store& store);

}  // namespace kiosk::sync
