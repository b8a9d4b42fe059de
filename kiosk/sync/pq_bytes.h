#pragma once
// bytea in and out of libpqxx 6.4 for the sync layer's files (not part of its interface).
#include <pqxx/binarystring>
#include <pqxx/field>

#include "kiosk/store/crypto.h"

namespace kiosk::sync {

/// @p b as a bytea parameter.
inline pqxx::binarystring bin(const store::Bytes& b) { return pqxx::binarystring(b.data(), b.size()); }

/// A bytea column's bytes.
inline store::Bytes bytesOf(const pqxx::field& f) {
    const pqxx::binarystring b(f);
    return store::Bytes(b.data(), b.data() + b.size());
}

}  // namespace kiosk::sync
