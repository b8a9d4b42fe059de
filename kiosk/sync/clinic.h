#pragma once
// The clinic on its PostgreSQL: `clinic init` installs the tables, the two group roles and their
// GRANTs, and the clinic key pair (the secret key wrapped by the staff passphrase, as on a kiosk);
// `clinic join` copies that key into a kiosk's store, so the kiosk seals every record to it.
//
// Roles (server_schema.cpp has the exact GRANTs): intake_kiosk may read the clinic key and the
// forms and insert records of its own kiosk only (each login role is bound to one kiosk id at its
// first join or push; row-level security checks every row), reads no record back (a retry
// compares the sealed hash of its own kiosk's record through ik_pushed_hash()), and may delete
// nothing; intake_staff reads everything and writes status marks and the audit log. Login roles
// are made members of one of them (README).
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/server.h"

namespace kiosk::sync {

/// @brief Installs the schema, the roles and the clinic key on @p server. Refused if the server
///        already has a clinic (a second key would orphan every record sealed to the first).
core::Result<void> initClinic(Server& server, const store::ClinicKeyMaterial& key);

/// @brief Brings a clinic made by an older program to this program's schema (the admin's role);
///        returns the version now on the server.
core::Result<int> upgradeClinic(Server& server);

/// @brief Invalid (the admin must run `clinic upgrade`) when the server's schema is older than
///        this program's, NotFound when there is no clinic.
core::Result<void> requireCurrentSchema(Server& server);

/// @brief Binds the session's kiosk role to @p kioskId on first use (ik_claim_kiosk); refused
///        ("does not allow this") when the role pushes as another kiosk or the id is another
///        role's. Nothing for staff and the admin.
core::Result<void> claimKiosk(Server& server, const std::string& kioskId);

/// @brief The clinic key as the server keeps it; NotFound if there is no clinic there.
core::Result<store::ClinicKeyMaterial> readClinicKey(Server& server);

/// @brief Makes the clinic's key @p store's key (Store::importKeys); returns the fingerprint.
core::Result<std::string> joinClinic(Server& server, store::Store& store);

/// @brief Invalid ("another clinic") unless @p store seals to the key on @p server.
core::Result<void> checkSameClinic(Server& server, store::Store& store);

}  // namespace kiosk::sync
