#pragma once
// Small private files beside the database (the draft key, the clinic key's pin): written whole or
// not at all, owner-only.
#include <cstddef>
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::store {

/// @brief Writes @p size bytes to @p path as a new 0600 file: a temporary file, fsync, rename, and
///        the folder synced, so a crash leaves the old file or the new one. Errors name @p what
///        ("the draft key"), never the bytes.
core::Result<void> writePrivateFile(const std::string& path, const unsigned char* data, std::size_t size,
                                    const std::string& what);

}  // namespace kiosk::store
