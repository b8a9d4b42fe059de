#pragma once
// `intake-kiosk simulate FILE --answers ANSWERS.json [--lang xx] [--drop-hidden]`: runs the real
// session logic headlessly over an answer set and prints the record JSON (session/simulate.h).
#include <CLI/CLI.hpp>

namespace kiosk::app {

/// @brief Registers `simulate`. The record goes to stdout as JSON; every error goes to stderr as
///        "file[:line:col]: error: ..." (never quoting an answer). Exit code (thrown as
///        CLI::RuntimeError): 0 record printed, 1 the form or the answers have errors,
///        2 usage error (missing FILE or --answers, unknown option).
void addSimulateCommand(CLI::App& app);

}  // namespace kiosk::app
