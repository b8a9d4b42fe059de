#include "kiosk/session/clock.h"

#include <chrono>
#include <ctime>

#include "kiosk/forms/answer_access.h"

namespace kiosk::session {

std::string systemUtcNow() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::optional<forms::Date> dateOfIso(const std::string& iso) {
    if (iso.size() < 10) return std::nullopt;
    return forms::parseIsoDate(std::string_view(iso).substr(0, 10));
}

}  // namespace kiosk::session
