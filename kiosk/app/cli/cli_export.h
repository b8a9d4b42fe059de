#pragma once
// `export --format json|csv -o PATH`: staff take decrypted records off the kiosk (ARCHITECTURE.md,
// Export). FHIR and PDF are a later change.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Registers `export`; it fails by throwing CLI::RuntimeError(code).
void addExportCommand(CLI::App& app);

/// --since / --until as the bound ListFilter wants: "YYYY-MM-DD" is that UTC midnight, and
/// "YYYY-MM-DDTHH:MM:SSZ" that moment; with @p endOfDay (--until, an exclusive bound) the midnight
/// after the day, or the second after the moment, so that --until includes the day or moment
/// given. nullopt for anything else.
std::optional<std::string> parseExportDate(const std::string& text, bool endOfDay);

}  // namespace kiosk::app
