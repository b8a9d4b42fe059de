#pragma once
// Several kiosks, one clinic PostgreSQL: `clinic init|join --pg URL` and `sync push|status`.
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// Registers `clinic` and `sync`. They report failure by throwing CLI::RuntimeError(code).
void addSyncCommands(CLI::App& app);

}  // namespace kiosk::app
