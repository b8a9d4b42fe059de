#include "kiosk/export/form_shelf.h"

#include <algorithm>
#include <filesystem>

#include "kiosk/forms/loader.h"

namespace kiosk::exports {
namespace fs = std::filesystem;

FormShelf FormShelf::loadFolder(const std::string& dir, std::vector<core::Error>* problems) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string ext = it->path().extension().string();
        std::error_code fileEc;
        if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(fileEc)) files.push_back(it->path().string());
    }
    if (ec && problems)
        problems->push_back(core::makeError(core::ErrorCode::Io, "cannot read the forms folder", core::SourceLoc{dir}));
    std::sort(files.begin(), files.end());
    FormShelf shelf;
    for (const auto& file : files) {
        forms::LoadResult loaded = forms::loadForm(file);
        if (loaded.ok()) shelf.add(loaded.form);
        else if (problems && !loaded.errors.empty()) problems->push_back(loaded.errors.front());
    }
    return shelf;
}

void FormShelf::add(std::shared_ptr<const forms::Form> form) {
    if (form) m_forms.push_back(std::move(form));
}

std::shared_ptr<const forms::Form> FormShelf::share(const std::string& id, int version,
                                                    const std::string& contentHash) const {
    for (const auto& f : m_forms)
        if (f->id == id && f->version == version && f->contentHash == contentHash) return f;
    return nullptr;
}

const forms::Form* FormShelf::find(const std::string& id, int version, const std::string& contentHash) const {
    return share(id, version, contentHash).get();
}

}  // namespace kiosk::exports
