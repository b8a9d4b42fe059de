#include "kiosk/app/cli/paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/core/file_error.h"

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

bool isDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

bool hasYamlExtension(const std::string& s) {
    const std::string ext = fs::path(s).extension().string();
    return ext == ".yaml" || ext == ".yml";
}

/// The top-level `id:` of a form file, read from its text without parsing the whole YAML (start-up
/// stays lazy: only the chosen form is loaded). "" when there is none in the first 64 kB / 400 lines:
/// only that much is read, however big the file (a real form names its id at the top).
std::string peekFormId(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(file.gcount()));
    std::istringstream in(head);
    std::string line;
    for (int n = 0; n < 400 && std::getline(in, line); ++n) {
        if (line.rfind("id:", 0) != 0) continue;
        std::string id = line.substr(3);
        if (auto hash = id.find(" #"); hash != std::string::npos) id.resize(hash);
        id.erase(0, id.find_first_not_of(" \t\"'"));
        id.erase(id.find_last_not_of(" \t\r\"'") + 1);
        return id;
    }
    return {};
}

}  // namespace

BundlePaths bundlePaths(const std::string& exePath, const std::string& sourceDir) {
    fs::path root;
    // <prefix>/bin/intake-kiosk, or the window program in <prefix>/lib/intake-kiosk/.
    const fs::path bin = fs::path(exePath).parent_path();
    const fs::path installed = bin.parent_path() / "share" / "intake-kiosk";
    const fs::path installedFromLib = bin.parent_path().parent_path() / "share" / "intake-kiosk";
    if (!exePath.empty() && isDir(installed)) {
        root = installed;
    } else if (!exePath.empty() && bin.filename() == "intake-kiosk" && isDir(installedFromLib)) {
        root = installedFromLib;
    } else if (!sourceDir.empty() &&
               (isDir(fs::path(sourceDir) / "forms") || isDir(fs::path(sourceDir) / "assets"))) {
        root = sourceDir;
    } else {
        root = "/usr/share/intake-kiosk";
    }
    return BundlePaths{(root / "forms").string(), (root / "assets").string()};
}

BundlePaths defaultBundlePaths() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
#ifdef KIOSK_SOURCE_DIR
    const std::string sourceDir = KIOSK_SOURCE_DIR;
#else
    const std::string sourceDir;
#endif
    return bundlePaths(ec ? std::string() : exe.string(), sourceDir);
}

void resolveFolders(KioskConfig& config, const BundlePaths& bundle) {
    if (config.formsDir.empty()) config.formsDir = bundle.formsDir;
    if (config.assetsDir.empty()) config.assetsDir = bundle.assetsDir;
    config.dataDir = resolveDataDir(config.dataDir, std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
}

std::vector<std::string> listFormFiles(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (isFile(it->path()) && hasYamlExtension(it->path().string())) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

core::Result<std::string> resolveFormFile(const std::string& formArg, const std::string& formsDir) {
    using core::ErrorCode;
    if (formArg.find('/') != std::string::npos || hasYamlExtension(formArg)) {
        if (isFile(formArg)) return formArg;
        return core::makeError(ErrorCode::NotFound, "no such form file", core::SourceLoc{formArg});
    }
    const std::vector<std::string> files = listFormFiles(formsDir);
    std::string id = formArg;
    if (id.empty()) {
        if (files.size() == 1) return files.front();
        id = "intake";
    }
    for (const char* ext : {".yaml", ".yml"}) {
        const fs::path candidate = fs::path(formsDir) / (id + ext);
        if (isFile(candidate)) return candidate.string();
    }
    // The id inside the file (`id: clinic_intake` in intake.yaml).
    for (const auto& f : files) {
        if (peekFormId(f) == id) return f;
    }
    std::string known;
    for (const auto& f : files) {
        const std::string fileId = peekFormId(f);
        known += (known.empty() ? "" : ", ") + (fileId.empty() ? fs::path(f).stem().string() : fileId);
    }
    std::string msg = "no form '" + id + "' in " + formsDir;
    msg += known.empty() ? " (the folder has no .yaml forms)" : " (forms there: " + known + ")";
    return core::makeError(ErrorCode::NotFound, msg);
}

core::Result<void> makePrivateParentDir(const std::string& filePath) {
    const fs::path dir = fs::path(filePath).parent_path();
    std::error_code ec;
    if (dir.empty() || fs::exists(dir, ec)) return {};
    fs::create_directories(dir, ec);
    if (ec && !isDir(dir))
        return core::makeError(core::ErrorCode::Io,
                               "cannot make the data folder " + dir.string() + ": " +
                                   core::fileErrorReason(ec.value(), dir.string()),
                               core::SourceLoc{filePath});
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    return {};
}

}  // namespace kiosk::app
