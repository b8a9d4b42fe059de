#pragma once
// Shared bits for session tests: the real translation catalogue, synthetic time, a fixed clock.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.h"
#include "kiosk/core/i18n.h"
#include "kiosk/session/actions.h"

namespace kiosk::testing {

/// assets/i18n of the source tree (session.*.yaml and whatever other areas exist).
inline const core::Catalog& realCatalog() {
    static const core::Catalog catalog = [] {
        auto c = core::Catalog::loadDir(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n");
        if (!c.ok()) {
            ADD_FAILURE() << c.error().format();
            return core::Catalog{};
        }
        return std::move(c.value());
    }();
    return catalog;
}

/// Synthetic steady time: t(90) is 90 s after an arbitrary epoch. Tests never sleep.
inline session::TimePoint t(double seconds) {
    return session::TimePoint{} + std::chrono::hours(1000) +
           std::chrono::duration_cast<session::SteadyClock::duration>(std::chrono::duration<double>(seconds));
}

/// The wall clock of session tests: 2026-11-25T10:03:00Z (record times, "today" for past-only dates).
inline const core::Clock& fixedClock() {
    static const core::FixedClock clock = core::FixedClock::atUtc("2026-11-25T10:03:00Z");
    return clock;
}

/// True when @p effects ask to discard the draft (submitted, reset or wiped by idle).
inline bool hasDiscard(const std::vector<session::Effect>& effects) {
    for (const session::Effect& e : effects)
        if (std::holds_alternative<session::DiscardDraft>(e)) return true;
    return false;
}

/// The record @p effects ask to save (Submit, a retry), if they do. By value: the effects are
/// usually a temporary.
inline std::optional<session::Record> saveRequest(const std::vector<session::Effect>& effects) {
    for (const session::Effect& e : effects)
        if (const auto* s = std::get_if<session::SaveRequest>(&e)) return s->record;
    return std::nullopt;
}

}  // namespace kiosk::testing
