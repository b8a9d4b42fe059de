// loadForm / loadFormFromString: file bytes -> checked text -> YAML tree -> Form, with every error.
#include "kiosk/forms/loader.h"

#include <algorithm>
#include <climits>

#include "kiosk/core/text_file.h"
#include "kiosk/forms/content_hash.h"
#include "kiosk/forms/form_yaml.h"
#include "kiosk/forms/parse_form.h"

namespace kiosk::forms {

LoadResult loadFormFromString(std::string_view text, const std::string& displayPath) {
    LoadResult result;
    detail::YamlNode root;
    if (!detail::parseFormYaml(text, displayPath, root, result.errors)) return result;
    auto form = std::make_shared<Form>();
    detail::Ctx ctx(displayPath, result.errors);
    detail::readForm(ctx, root, *form);
    // References are checked after the items they name: put the messages back in file order.
    // Errors without a line (the "too many errors" note) stay at the end.
    std::stable_sort(result.errors.begin(), result.errors.end(), [](const core::Error& a, const core::Error& b) {
        const auto key = [](const core::Error& e) {
            return std::make_pair(e.where.line == 0 ? INT_MAX : e.where.line, e.where.col);
        };
        return key(a) < key(b);
    });
    if (!result.errors.empty()) return result;
    form->sourcePath = displayPath;
    form->contentHash = contentHash(text);
    result.form = std::move(form);
    return result;
}

LoadResult loadForm(const std::string& path) {
    core::Result<std::string> bytes = core::readTextFile(path, detail::kFormYaml.file);
    if (!bytes) {
        LoadResult result;
        result.errors.push_back(bytes.error());
        return result;
    }
    return loadFormFromString(*bytes, path);
}

}  // namespace kiosk::forms
