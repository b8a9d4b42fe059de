#pragma once
// Shared by the subcommands: exit codes, validators, and friendly usage errors for people who type a
// command wrong (a short message, the usage line, exit 2) instead of CLI11's defaults.
#include <string>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
class Validator;
class ParseError;
}  // namespace CLI

namespace kiosk::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  ///< the command ran and failed (no display, a bad file)
inline constexpr int kExitUsage = 2;    ///< the command line was wrong

/// "WxH" (each side 200..16384).
CLI::Validator windowSizeValidator();
/// A language code such as "en", "es" or "pt-BR".
CLI::Validator languageValidator();
/// A path that is not empty: "" is what an unset shell variable gives (`--db "$DB"`), and would
/// otherwise mean "the default" or "nowhere". Every option naming a file or folder takes it.
CLI::Validator pathValidator();

/// One line per option: "usage: intake-kiosk run [--form ID|FILE] ...".
std::string usageLine(const CLI::App& command);

/// Parses and runs the command line; returns the exit code. No command, or an option first, means
/// `run`; an unknown command, option or value prints a short message and the usage line, exit 2;
/// --help lists everything, exit 0. Subcommands report their code through @p exitCode or by
/// throwing CLI::RuntimeError(code).
int runCli(CLI::App& app, int argc, char** argv, const int& exitCode);

}  // namespace kiosk::app
