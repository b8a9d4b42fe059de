#pragma once
// The questionnaires an export or the staff desk can read records against: every form file found
// in the forms folder, by (id, version, content hash). A record names the form it was answered on;
// the shelf gives back that exact form (item order, labels, score bands) or says it has none, and
// the caller falls back on what the record itself holds.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/error.h"
#include "kiosk/forms/model.h"

namespace kiosk::exports {

/// @brief Loaded forms, looked up by the plain columns a record carries. Never holds patient data.
class FormShelf {
public:
    /// @brief Loads every *.yaml / *.yml in @p dir. Files that do not load are skipped and their
    ///        first error returned in @p problems (a broken file must not stop an export).
    static FormShelf loadFolder(const std::string& dir, std::vector<core::Error>* problems = nullptr);

    void add(std::shared_ptr<const forms::Form> form);
    /// The form with this id, version and content hash; nullptr if the shelf has none (an older
    /// version, or a file edited without bumping its version).
    const forms::Form* find(const std::string& id, int version, const std::string& contentHash) const;
    /// find() as a shared pointer, for callers that keep the form.
    std::shared_ptr<const forms::Form> share(const std::string& id, int version, const std::string& contentHash) const;
    const std::vector<std::shared_ptr<const forms::Form>>& forms() const { return m_forms; }

private:
    std::vector<std::shared_ptr<const forms::Form>> m_forms;
};

}  // namespace kiosk::exports
