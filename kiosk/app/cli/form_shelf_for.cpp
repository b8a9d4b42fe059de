#include "kiosk/app/cli/form_shelf_for.h"

#include <iostream>
#include <vector>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/paths.h"

namespace kiosk::app {

std::string formsDirFor(const std::string& config, const std::string& formsDir) {
    if (!formsDir.empty()) return formsDir;
    KioskConfig settings;
    if (const SettingsFile file = loadSettings(config); file.load.ok()) settings = *file.load.config;
    resolveFolders(settings, defaultBundlePaths());
    return settings.formsDir;
}

exports::FormShelf loadFormShelf(const std::string& dir) {
    std::vector<core::Error> problems;
    exports::FormShelf shelf = exports::FormShelf::loadFolder(dir, &problems);
    for (const auto& p : problems) std::cerr << p.format() << " (skipped)\n";
    return shelf;
}

exports::FormShelf formShelfFor(const std::string& config, const std::string& formsDir) {
    return loadFormShelf(formsDirFor(config, formsDir));
}

}  // namespace kiosk::app
