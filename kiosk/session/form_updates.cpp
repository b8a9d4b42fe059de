#include "kiosk/session/form_updates.h"

namespace kiosk::session {

bool FormUpdates::offer(std::shared_ptr<const forms::Form> form) {
    if (!form) return false;
    std::lock_guard<std::mutex> lock(m_mutex);
    std::string& last = m_lastHash[form->id];
    if (last == form->contentHash) return false;
    last = form->contentHash;
    m_offered[form->id] = std::move(form);
    m_waiting.store(true, std::memory_order_release);
    return true;
}

bool FormUpdates::deliver(Intake& intake) {
    if (!waiting()) return false;
    std::lock_guard<std::mutex> lock(m_mutex);
    const std::string& running = intake.form().id;
    // Offers of other questionnaires are not for this kiosk's patients.
    for (auto it = m_offered.begin(); it != m_offered.end();) it = it->first == running ? std::next(it) : m_offered.erase(it);
    bool changed = false;
    if (auto it = m_offered.find(running); it != m_offered.end()) {
        if (it->second->contentHash == intake.form().contentHash) {
            m_offered.erase(it);  // already running it
        } else if (intake.takeForm(it->second)) {
            m_offered.erase(it);
            changed = true;
        }
    }
    m_waiting.store(!m_offered.empty(), std::memory_order_release);
    return changed;
}

}  // namespace kiosk::session
