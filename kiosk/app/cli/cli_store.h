#pragma once
// Store administration on the command line: keys init|status, staff passwd, audit verify,
// backup PATH, purge --older-than AGE, and (cli_records.h, cli_export.h) records and export. Each
// takes --db PATH, --data-dir DIR or --config FILE (cli_target.h); commands that need the staff
// passphrase take --passphrase-file FILE or ask on the terminal.
#include <chrono>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Registers the store subcommands, records and export included. They report failure by throwing CLI::RuntimeError(code).
void addStoreCommands(CLI::App& app);

/// $XDG_DATA_HOME/intake-kiosk, else ~/.local/share/intake-kiosk (the Makefile's DATA).
std::string defaultDataDir();
/// The database for --db / --data-dir: @p db if given, else <dataDir or default>/intake.sqlite3.
std::string resolveDbPath(const std::string& db, const std::string& dataDir);
/// "90d", "36h" -> seconds; nullopt for anything else (no unit, zero, negative, absurdly large).
std::optional<std::chrono::seconds> parseAge(const std::string& text);

}  // namespace kiosk::app
