#pragma once
// `intake-kiosk validate FILE...`: checks form files like a compiler, without opening a window.
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// @brief Registers `validate`. Errors go to stderr as "file:line:col: error: ...", each good file
///        gets "FILE: ok (form ID vN, P pages, I items)" on stdout. Exit code (thrown as
///        CLI::RuntimeError): 0 all valid, 1 any invalid or unreadable file, 2 usage error (no file, unknown option).
void addValidateCommand(CLI::App& app);

}  // namespace kiosk::app
