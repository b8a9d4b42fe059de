#pragma once
// Where the kiosk finds its bundled files (forms/, assets/) and which form file to open.
// A development build uses its source tree (KIOSK_SOURCE_DIR); an installed one its share folder.
#include <string>
#include <vector>

#include "kiosk/app/cli/kiosk_config.h"
#include "kiosk/core/error.h"

namespace kiosk::app {

/// @brief The bundled folders, before config or flags override them.
struct BundlePaths {
    std::string formsDir;
    std::string assetsDir;
};

/// Picks the bundle for a binary at @p exePath: <exe dir>/../share/intake-kiosk when it exists (an
/// installed package, any prefix; <prefix>/share/intake-kiosk for the window program in
/// <prefix>/lib/intake-kiosk/), else @p sourceDir when it has forms/ or assets/ (a development
/// build), else /usr/share/intake-kiosk.
BundlePaths bundlePaths(const std::string& exePath, const std::string& sourceDir);
/// bundlePaths() for the running binary (/proc/self/exe) and this build's source tree.
BundlePaths defaultBundlePaths();

/// Turns `--form` / `form:` into a file. A value with a '/' or ending in .yaml/.yml is a path (relative
/// to the working directory); anything else is a form id: <formsDir>/<id>.yaml or .yml, else the file
/// whose top-level `id:` it is. An empty value picks the only form in @p formsDir, else "intake".
/// Errors name the forms that do exist.
core::Result<std::string> resolveFormFile(const std::string& formArg, const std::string& formsDir);

/// Fills the folders @p config leaves empty: forms and assets from @p bundle, data from the XDG rules.
void resolveFolders(KioskConfig& config, const BundlePaths& bundle);

/// The questionnaire files in @p dir (*.yaml, *.yml), sorted; empty when the folder is unreadable.
std::vector<std::string> listFormFiles(const std::string& dir);

/// Creates the folder holding @p filePath if it is missing, readable by its owner only (it will
/// hold patient records). Existing folders are left as they are. Io error (located at @p filePath)
/// "cannot make the data folder F: <why>" when it cannot be made.
core::Result<void> makePrivateParentDir(const std::string& filePath);

}  // namespace kiosk::app
