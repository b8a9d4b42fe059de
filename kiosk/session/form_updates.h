#pragma once
// A newer version of the running questionnaire on its way from the clinic server to the patient
// flow (ARCHITECTURE.md "Scale beyond one kiosk"). The sync thread offers each published version it
// validated; the frame thread delivers it to the Intake, which takes it only between patients
// (Intake::takeForm). Until then the offer waits; a later offer replaces it. Nothing here blocks a
// frame for longer than a pointer swap.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/forms/model.h"
#include "kiosk/session/intake.h"

namespace kiosk::session {

class FormUpdates {
public:
    /// @brief Any thread: @p form is the clinic's active version of its form id (validated). True
    ///        when it is news (not the version offered last for that id): then wake the frame loop.
    bool offer(std::shared_ptr<const forms::Form> form);
    /// @brief Frame thread: gives @p intake the offered version of its own questionnaire when it
    ///        differs from the one it runs (content hash) and the intake takes it now. True when
    ///        the intake's form changed. An offer the intake cannot take yet keeps waiting.
    bool deliver(Intake& intake);
    /// @brief Cheap (one atomic load): an offer waits to be delivered.
    bool waiting() const { return m_waiting.load(std::memory_order_acquire); }

private:
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const forms::Form>> m_offered;  ///< by form id, not yet delivered
    std::map<std::string, std::string> m_lastHash;                         ///< by form id: the last offered
    std::atomic<bool> m_waiting{false};
};

}  // namespace kiosk::session
