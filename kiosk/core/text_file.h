#pragma once
// Reading a whole text file that a person wrote (a form, the settings, body-map geometry) with a size
// bound checked before the read, so a wrong path (a 50 MB log, /dev/zero, a folder) is refused with
// a plain message instead of filling memory or hanging.
#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"

namespace kiosk::core {

/// @brief What kind of file is read: its name in messages and its size limit.
struct TextFileKind {
    std::string_view name = "file";  ///< "form file", "config file": said as "not a form file"
    size_t maxBytes = 0;
    std::string_view sizeNote;       ///< said after the size error: what a real file of this kind weighs
    /// A pipe is read too, up to the limit (`--passphrase-file <(pass show kiosk)`, /dev/stdin):
    /// for what scripts hand over without writing it to disk. Devices never are.
    bool pipes = false;
};

/// 2097152 -> "2 MB", 65536 -> "64 kB" (binary units, as the limits are written), else "N bytes".
std::string roundedSize(size_t bytes);

/// "the file is N bytes; the limit is M bytes (2 MB). <sizeNote>"
std::string sizeLimitMessage(size_t bytes, const TextFileKind& kind);

/// @brief The bytes of @p path. Errors (located in @p path): NotFound or Io "cannot open the <name>:
///        <reason>", Invalid for a folder, a device or FIFO (unless kind.pipes), or a file over the
///        limit (never read; a pipe is read up to one byte past it).
Result<std::string> readTextFile(const std::string& path, const TextFileKind& kind);

}  // namespace kiosk::core
