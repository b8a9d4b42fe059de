#pragma once
// The clinic server's connection string (a libpq URL or key=value string), checked before anything
// connects: a password in it is refused, since a command line is visible to every user of the
// machine (ps) and lands in shell history. Passwords come from a password file: PGPASSFILE or the
// string's own passfile=...; TLS is the string's sslmode=verify-full (README "Several kiosks").
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::sync {

/// @brief Checks @p url: libpq must parse it and it must hold no password. Invalid errors say why.
core::Result<void> checkServerUrl(const std::string& url);

/// @brief "host:port/dbname as user" from @p url, for messages and `sync status`: never a secret.
std::string describeServer(const std::string& url);

}  // namespace kiosk::sync
