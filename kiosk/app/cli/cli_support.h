#pragma once
// Shared by the subcommands: exit codes, validators, and friendly usage errors for people who type a
// command wrong (a short message, the usage line, exit 2) instead of CLI11's defaults.
#include <string>
#include <vector>

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
/// One of @p values, said as "one of a4 or letter, not 'A4'" (CLI11's IsMember says
/// "A4 not in {a4,letter}"). Give the option the type name "a4|letter" too.
CLI::Validator oneOfValidator(std::vector<std::string> values);

/// "a", "a or b", "a, b or c".
std::string orList(const std::vector<std::string>& words);

/// Ends the command with a usage error it found itself (an argument missing, options that do not
/// go together, a value it cannot read): runCli says it exactly as it says CLI11's own errors,
/// "intake-kiosk COMMAND: @p message", the usage line and how to get help, and exits 2.
[[noreturn]] void failUsage(const std::string& message);

/// One line per option: "usage: intake-kiosk run [--form ID|FILE] ...".
std::string usageLine(const CLI::App& command);

/// Parses and runs the command line; returns the exit code. No command, or an option first, means
/// `run`; every usage error (an unknown command, option or value, or failUsage) prints one shape:
/// "intake-kiosk COMMAND: what was wrong", the usage line and "Run '... --help' for details.", exit 2;
/// --help lists everything, exit 0. Subcommands report their code through @p exitCode or by
/// throwing CLI::RuntimeError(code).
int runCli(CLI::App& app, int argc, char** argv, const int& exitCode);

}  // namespace kiosk::app
