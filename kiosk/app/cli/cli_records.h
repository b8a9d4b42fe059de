#pragma once
// `records list|show|verify|review|delete`: staff read saved intakes back. `list` shows plain
// columns only; the others unlock the clinic key with the staff passphrase (audited).
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Registers `records` and its subcommands; they fail by throwing CLI::RuntimeError(code).
void addRecordsCommands(CLI::App& app);

}  // namespace kiosk::app
