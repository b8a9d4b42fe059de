#pragma once
// How a form file is read: core's strict YAML reader with a form's limits and words, and "empty"
// is an error (a form needs content). Internal to kiosk_forms.
#include <string>
#include <string_view>

#include "kiosk/core/yaml_tree.h"

namespace kiosk::forms::detail {

using core::YamlNode;
using core::describe;

/// Real forms are ~10-100 kB and nest about 10 deep; the limits leave room and stop hostile files
/// (aliases may repeat text up to 4 times the file limit).
inline const core::YamlRules kFormYaml{
    {"form file", 2 * 1024 * 1024, "A questionnaire is normally under 100 kB: is this the right file?"},
    100000,
    64,
    "a questionnaire has a few thousand",
    "a form needs about 10",
    8 * 1024 * 1024,
    "a questionnaire holds well under 1 MB",
};

/// core::parseYaml with kFormYaml; a file without content is an error here.
bool parseFormYaml(std::string_view text, const std::string& file, YamlNode& root, core::Errors& errors);

}  // namespace kiosk::forms::detail
