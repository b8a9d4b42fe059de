#include "kiosk/app/cli/clinic_forms.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/core/log.h"
#include "kiosk/export/private_file.h"
#include "kiosk/forms/loader.h"

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

std::string fileFor(const std::string& dir, const std::string& formId) { return (fs::path(dir) / (formId + ".yaml")).string(); }
std::string previousFor(const std::string& dir, const std::string& formId) {
    return (fs::path(dir) / (formId + ".previous.yaml")).string();
}

/// Writes @p text to @p target whole (temp file, fsync, rename); false with a warning if it could not.
bool writeWhole(const std::string& target, const std::string& text, const std::string& formId) {
    auto file = exports::PrivateOutput::create(target);
    if (!file) {
        core::logger()->warn("clinic form {} not kept: {}", formId, file.error().format());
        return false;
    }
    (*file)->stream() << text;
    if (auto done = (*file)->commit(); !done) {
        core::logger()->warn("clinic form {} not kept: {}", formId, done.error().format());
        return false;
    }
    return true;
}

/// The form in @p path if it loads as @p formId (includes from @p includeDir), else nullptr.
std::shared_ptr<const forms::Form> loadAs(const std::string& path, const std::string& formId, const std::string& includeDir) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return nullptr;
    forms::LoadResult loaded = forms::loadForm(path, includeDir);
    if (!loaded.ok() || loaded.form->id != formId) return nullptr;
    return loaded.form;
}

/// The kept text of @p path, "" when there is none.
std::string keptText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::string clinicFormsDir(const std::string& dataDir) { return (fs::path(dataDir) / "clinic-forms").string(); }

int keepClinicForms(const std::string& dir, const std::vector<sync::PublishedForm>& forms, const std::string& includeDir,
                    std::vector<std::shared_ptr<const forms::Form>>* valid) {
    int changed = 0;
    for (const auto& published : forms) {
        const forms::LoadResult loaded =
            forms::loadFormFromString(published.source, "clinic server: " + published.fileName, includeDir);
        if (!loaded.ok() || loaded.form->id != published.formId) {
            core::logger()->warn("clinic form {} v{} not taken: {}", published.formId, published.version,
                                 loaded.errors.empty() ? std::string("its id does not match") : loaded.errors.front().format());
            continue;
        }
        if (valid) valid->push_back(loaded.form);
        const std::string target = fileFor(dir, published.formId);
        const std::string before = keptText(target);
        if (before == published.source) continue;
        std::error_code ec;
        if (fs::create_directories(dir, ec)) ::chmod(dir.c_str(), 0700);
        // The one replaced stays beside it: a draft a crash leaves on it resumes on it.
        if (!before.empty() && !writeWhole(previousFor(dir, published.formId), before, published.formId)) continue;
        if (!writeWhole(target, published.source, published.formId)) continue;
        ++changed;
        core::logger()->info("clinic form kept id={} v={} hash={}", published.formId, published.version,
                             published.contentHash);
    }
    return changed;
}

std::function<void(const std::vector<sync::PublishedForm>&)> clinicFormsTaker(const std::string& dataDir,
                                                                              const std::string& includeDir,
                                                                              session::FormUpdates* updates,
                                                                              std::function<void()> wake) {
    return [dir = clinicFormsDir(dataDir), includeDir, updates,
            wake = std::move(wake)](const std::vector<sync::PublishedForm>& forms) {
        std::vector<std::shared_ptr<const forms::Form>> valid;
        keepClinicForms(dir, forms, includeDir, updates ? &valid : nullptr);
        bool news = false;
        for (auto& form : valid) news = updates->offer(std::move(form)) || news;
        if (news && wake) wake();
    };
}

std::shared_ptr<const forms::Form> formForDraft(const std::string& formId, int version,
                                                const std::shared_ptr<const forms::Form>& running,
                                                const std::string& dir, const std::string& includeDir,
                                                const std::string& localPath) {
    if (!running || running->id != formId) return nullptr;  // a draft of another questionnaire
    if (running->version == version) return running;
    for (const std::string& path : {previousFor(dir, formId), localPath})
        if (auto form = loadAs(path, formId, includeDir); form && form->version == version) return form;
    return nullptr;
}

std::shared_ptr<const forms::Form> clinicForm(const std::string& dir, const std::string& formId,
                                              const std::string& includeDir) {
    const std::string path = fileFor(dir, formId);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return nullptr;
    forms::LoadResult loaded = forms::loadForm(path, includeDir);
    if (!loaded.ok() || loaded.form->id != formId) {
        core::logger()->warn("clinic form {} does not load; using the local one", path);
        return nullptr;
    }
    return loaded.form;
}

}  // namespace kiosk::app
