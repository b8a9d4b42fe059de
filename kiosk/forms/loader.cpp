// loadForm / loadFormFromString: file bytes -> checked text -> YAML tree -> Form, with every error.
#include "kiosk/forms/loader.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "kiosk/forms/content_hash.h"
#include "kiosk/forms/parse_form.h"

namespace kiosk::forms {

LoadResult loadFormFromString(std::string_view text, const std::string& displayPath) {
    LoadResult result;
    detail::YamlNode root;
    if (!detail::parseYaml(text, displayPath, root, result.errors)) return result;
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
    LoadResult result;
    const auto fail = [&](core::ErrorCode code, std::string message) {
        result.errors.push_back(core::makeError(code, std::move(message), core::SourceLoc{path}));
        return result;
    };
    // Check the size before reading, so a huge or endless file (a device, a FIFO) is never read in.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail(errno == ENOENT ? core::ErrorCode::NotFound : core::ErrorCode::Io,
                    std::string("cannot open the form file: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return fail(core::ErrorCode::Invalid, "this is a directory, not a form file");
    if (!S_ISREG(st.st_mode)) return fail(core::ErrorCode::Invalid, "this is not a regular file");
    if (static_cast<unsigned long long>(st.st_size) > detail::kMaxFormBytes)
        return fail(core::ErrorCode::Invalid, detail::sizeLimitMessage(static_cast<size_t>(st.st_size)));
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(core::ErrorCode::Io, std::string("cannot open the form file: ") + std::strerror(errno));
    std::string bytes(static_cast<size_t>(st.st_size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return fail(core::ErrorCode::Io, "cannot read the form file");
    return loadFormFromString(bytes, path);
}

}  // namespace kiosk::forms
