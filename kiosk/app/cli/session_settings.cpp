#include "kiosk/app/cli/session_settings.h"

#include <utility>

namespace kiosk::app {

session::IntakeConfig intakeConfigOf(const KioskConfig& config, std::string welcomeLang) {
    session::IntakeConfig timing;
    timing.idleAfter = config.idleAfter;
    timing.idleAfterConsent = config.idleAfterConsent;
    timing.entry.phoneMinDigits = config.phoneMinDigits;
    timing.entry.phoneMaxDigits = config.phoneMaxDigits;
    timing.idleCountdown = config.idleCountdown;
    timing.thankYouFor = config.thankYouFor;
    timing.retryEvery = config.saveRetry;
    timing.welcomeLang = std::move(welcomeLang);
    return timing;
}

}  // namespace kiosk::app
