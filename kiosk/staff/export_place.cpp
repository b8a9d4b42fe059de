#include "kiosk/staff/export_place.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::staff {
namespace fs = std::filesystem;
namespace {

/// /proc/mounts escapes a space in a path as \040 (and tab, newline, backslash likewise).
std::string unescapeMount(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const std::string oct = field.substr(i + 1, 3);
            if (oct.find_first_not_of("01234567") == std::string::npos) {
                out += static_cast<char>(std::stoi(oct, nullptr, 8));
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return out;
}

bool writableDir(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(path, ec) && ::access(path.c_str(), W_OK | X_OK) == 0;
}

}  // namespace

core::Result<ExportFolder> findExportFolder(const ExportPlaces& places) {
    std::ifstream mounts(places.mountTable);
    for (std::string line; std::getline(mounts, line);) {
        std::istringstream fields(line);
        std::string device, point;
        if (!(fields >> device >> point)) continue;
        point = unescapeMount(point);
        for (const std::string& root : places.mediaRoots)
            if (!root.empty() && point.rfind(root, 0) == 0 && point.size() > root.size() && writableDir(point))
                return ExportFolder{point, true};
    }
    if (places.fallbackDir.empty())
        return core::makeError(core::ErrorCode::NotFound,
                               "no USB drive is plugged in and no export folder is set (export_dir in the settings)");
    std::error_code ec;
    if (!fs::exists(places.fallbackDir, ec)) {
        fs::create_directories(places.fallbackDir, ec);
        fs::permissions(places.fallbackDir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    if (!writableDir(places.fallbackDir))
        return core::makeError(core::ErrorCode::Io, "the export folder cannot be written", core::SourceLoc{places.fallbackDir});
    return ExportFolder{places.fallbackDir, false};
}

}  // namespace kiosk::staff
