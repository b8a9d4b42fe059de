#include "kiosk/forms/form_yaml.h"

namespace kiosk::forms::detail {

bool parseFormYaml(std::string_view text, const std::string& file, YamlNode& root, core::Errors& errors) {
    if (!core::parseYaml(text, file, kFormYaml, root, errors)) return false;
    if (root.isNull()) {
        errors.push_back(core::makeError(core::ErrorCode::Invalid,
            "the file is empty; a form needs at least id, version, title, languages and pages",
            core::SourceLoc{file, 1, 1}));
        return false;
    }
    return true;
}

}  // namespace kiosk::forms::detail
