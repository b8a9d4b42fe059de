// loadForm / loadFormFromString: file bytes -> checked text -> YAML tree -> Form, with every error.
#include "kiosk/forms/loader.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include "kiosk/core/text_file.h"
#include "kiosk/forms/content_hash.h"
#include "kiosk/forms/form_yaml.h"
#include "kiosk/forms/load_included.h"
#include "kiosk/forms/parse_form.h"

namespace kiosk::forms {

namespace {

LoadResult load(std::string_view text, const std::string& displayPath, bool allowIncludes,
               const std::string& includeDir = {}) {
    LoadResult result;
    detail::YamlNode root;
    if (!detail::parseFormYaml(text, displayPath, root, result.errors)) return result;
    auto form = std::make_shared<Form>();
    detail::Ctx ctx(displayPath, result.errors);
    ctx.allowIncludes = allowIncludes;
    ctx.includeDir = includeDir;
    detail::readForm(ctx, root, *form);
    // References are checked after the items they name: put the messages back in file order.
    // Errors of an included file come first, as they were reported; errors without a line (the
    // "too many errors" note) stay at the end.
    std::stable_sort(result.errors.begin(), result.errors.end(), [&](const core::Error& a, const core::Error& b) {
        const auto key = [&](const core::Error& e) {
            return std::make_tuple(e.where.file == displayPath ? 1 : 0, e.where.line == 0 ? INT_MAX : e.where.line,
                                   e.where.col);
        };
        return key(a) < key(b);
    });
    if (!result.errors.empty()) return result;
    form->sourcePath = displayPath;
    // The record's fingerprint covers the wording of the included instruments too.
    std::string hashed(text);
    for (const detail::Included& inc : ctx.included) hashed += "\n# include " + inc.path + " " + inc.form->contentHash;
    form->contentHash = contentHash(hashed);
    result.form = std::move(form);
    return result;
}

}  // namespace

LoadResult loadFormFromString(std::string_view text, const std::string& displayPath, const std::string& includeDir) {
    return load(text, displayPath, true, includeDir);
}

namespace {
LoadResult loadFile(const std::string& path, bool allowIncludes, const std::string& includeDir = {}) {
    core::Result<std::string> bytes = core::readTextFile(path, detail::kFormYaml.file);
    if (!bytes) {
        LoadResult result;
        result.errors.push_back(bytes.error());
        return result;
    }
    return load(*bytes, path, allowIncludes, includeDir);
}
}  // namespace

namespace detail {
LoadResult loadIncluded(const std::string& path) { return loadFile(path, false); }
}  // namespace detail

LoadResult loadForm(const std::string& path, const std::string& includeDir) { return loadFile(path, true, includeDir); }

}  // namespace kiosk::forms
