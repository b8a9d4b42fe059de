#pragma once
// The clinic server's audit log: staff actions made against the server (unlock, view, review,
// export, delete, clinic init), chained by hash as the kiosk's own log is (store/audit.h), with the
// database user as the actor. Append-only by trigger; the same limits as the kiosk's chain.
#include <cstdint>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/store/audit.h"
#include "kiosk/store/crypto.h"

namespace pqxx {
class dbtransaction;
}

namespace kiosk::sync {

class Server;

/// @brief The hash of a row of the server's log: what chains it to @p prev (BLAKE2b; the server
///        cannot compute it, so a kiosk's mark brings it along: marks_up.h).
store::Bytes serverAuditRowHash(const store::Bytes& prev, std::int64_t seq, const std::string& at,
                                const std::string& actor, const std::string& action, const std::string& detail);

/// @brief Appends a row inside @p tx (the transaction of the action it records). Throws pqxx
///        exceptions: call inside Server::run.
void appendServerAudit(pqxx::dbtransaction& tx, const std::string& action, const std::string& detail);

/// @brief The hash (hex) of entry @p seq of the server's log; NotFound if there is none.
core::Result<std::string> serverAuditHash(Server& server, std::int64_t seq);

/// @brief Walks the server's chain from the first row (a clinic_init); the report as `audit verify`'s.
core::Result<store::AuditReport> verifyServerAudit(Server& server);

}  // namespace kiosk::sync
