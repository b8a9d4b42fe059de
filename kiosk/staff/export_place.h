#pragma once
// Where the staff desk writes an export: a removable drive when one is mounted under /media (or
// /run/media, as desktops mount them), so the file leaves the kiosk with the person holding the
// stick; else the folder set for exports. Found from the mount table, never by guessing names.
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::staff {

/// @brief Where to look; the defaults are the real system's (tests point them at temp files).
struct ExportPlaces {
    std::string mountTable = "/proc/self/mounts";
    std::string mediaRoots[2] = {"/media/", "/run/media/"};
    std::string fallbackDir;  ///< the configured export folder ("" = none)
};

/// @brief A folder to export into.
struct ExportFolder {
    std::string path;
    bool removable = false;  ///< a drive under /media
};

/// @brief The first writable mount point under a media root, else @p places.fallbackDir (made,
///        owner-only, if missing). NotFound with a plain message when there is neither.
core::Result<ExportFolder> findExportFolder(const ExportPlaces& places);

}  // namespace kiosk::staff
