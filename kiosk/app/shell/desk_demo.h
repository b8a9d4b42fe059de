#pragma once
// A staff desk to take pictures of (`screenshot --screen desk...`): a private temporary database
// holding a few made-up intakes (the demo answers under made-up names, fictional data only),
// unlocked, on the desk screen asked for. The folder is removed when the DemoDesk goes.
#include <memory>
#include <string>

#include "kiosk/app/cli/content.h"
#include "kiosk/staff/desk.h"

namespace kiosk::app {

class DemoDesk {
public:
    /// Builds the demo database and drives a desk to @p screen (one of kDeskScreens, app/cli/window_commands.h).
    static core::Result<std::unique_ptr<DemoDesk>> make(const Content& content, const std::string& screen,
                                                        staff::TimePoint now);
    ~DemoDesk();
    DemoDesk(const DemoDesk&) = delete;
    DemoDesk& operator=(const DemoDesk&) = delete;

    staff::Desk& desk() { return *m_desk; }

private:
    DemoDesk() = default;
    std::string m_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<staff::Desk> m_desk;
};

}  // namespace kiosk::app
