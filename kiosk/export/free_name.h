#pragma once
// Moving a finished export into place without writing over anything already there, and without
// a check-then-rename race: the name is claimed by the rename itself (renameat2 RENAME_NOREPLACE,
// the rename's O_EXCL), or where a file system cannot do that, first made with O_CREAT|O_EXCL (a
// folder with mkdir) and then renamed over. Two exports under one name (the desk names its files
// by the second) thus get NAME.ext and NAME-2.ext, whichever finishes first taking NAME.ext.
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::exports {

/// How many numbered names an export tries: a folder of one second's exports is not a real case.
inline constexpr int kMostNumberedNames = 999;

/// @brief The @p n th name for @p target: @p target itself for 1, then "intakes-150000-2.csv" (the
///        number before a file's extension) or "intakes-150000-2" (after a folder's whole name).
std::string numberedName(const std::string& target, int n, bool folder);

/// @brief Renames @p from (a file, or a folder when @p folder) to the first of @p target's
///        numbered names (numberedName 1, 2, ... @p most) that nothing holds, never over anything.
///        Returns the name taken. Errors: Invalid "already exists" at @p target when all @p most
///        names are taken (@p most 1: @p target is), Io with the reason when the rename fails.
core::Result<std::string> renameToFreeName(const std::string& from, const std::string& target, bool folder,
                                           int most);

}  // namespace kiosk::exports
