#pragma once
// The clinic key's pin: the hash of the public key every record is sealed to, kept in a second
// place an attacker must also change. The first place is the audit log's key_init entry (its
// fingerprint); the second is a small file beside the database, `<db>.key-pin` (0600):
//
//     # intake-kiosk: the clinic public key this database seals to (BLAKE2b-256). Do not edit.
//     3f0a...  (64 hex digits)
//
// The store checks the key in meta against both when it opens, and against the pin before each
// save. A database whose pin file is missing (made before pins existed, or restored elsewhere)
// gets it written again, but only for a key its audit log confirms.
#include <optional>
#include <string>

#include "kiosk/core/error.h"
#include "kiosk/store/crypto.h"

namespace kiosk::store {

/// @brief Where the pin of the database at @p dbPath lives: `<dbPath>.key-pin`.
std::string keyPinPath(const std::string& dbPath);

/// @brief The pinned hash (32 bytes); nullopt when there is no pin file; Integrity when the file
///        exists but holds no pin (edited, truncated, unreadable).
core::Result<std::optional<Bytes>> readKeyPin(const std::string& path);

/// @brief Writes the pin for @p publicKeyHash (durably, 0600).
core::Result<void> writeKeyPin(const std::string& path, const Bytes& publicKeyHash);

/// @brief The 16-hex fingerprint staff compare across machines: the start of the hash's hex.
std::string fingerprintOf(const Bytes& publicKeyHash);

}  // namespace kiosk::store
