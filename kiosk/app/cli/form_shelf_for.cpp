#include "kiosk/app/cli/form_shelf_for.h"

#include <iostream>
#include <vector>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/app/cli/paths.h"

namespace kiosk::app {

std::string formsDirFor(const std::string& config, const std::string& formsDir) {
    if (!formsDir.empty()) return formsDir;
    const SettingsFile settings = loadSettings(config);
    if (settings.load.ok() && !settings.load.config->formsDir.empty()) return settings.load.config->formsDir;
    return defaultBundlePaths().formsDir;
}

exports::FormShelf formShelfFor(const std::string& config, const std::string& formsDir) {
    std::vector<core::Error> problems;
    exports::FormShelf shelf = exports::FormShelf::loadFolder(formsDirFor(config, formsDir), &problems);
    for (const auto& p : problems) std::cerr << p.format() << " (skipped)\n";
    return shelf;
}

}  // namespace kiosk::app
