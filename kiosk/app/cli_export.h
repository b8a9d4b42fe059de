#pragma once
// `export --format json -o PATH`: staff take decrypted records off the kiosk (ARCHITECTURE.md,
// Export). JSON only for now; CSV, FHIR and PDF are a later change.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Registers `export`; it fails by throwing CLI::RuntimeError(code).
void addExportCommand(CLI::App& app);

/// --since / --until: "YYYY-MM-DD" (UTC midnight; with @p endOfDay the midnight after, so that
/// --until includes that day) or "YYYY-MM-DDTHH:MM:SSZ" as it is. nullopt for anything else.
std::optional<std::string> parseExportDate(const std::string& text, bool endOfDay);

}  // namespace kiosk::app
