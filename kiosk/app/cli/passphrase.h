#pragma once
// Staff passphrases for the command line: from a file (scripts) or typed at the terminal without
// echo. Never from the command line itself, where `ps` and shell history would show it.
#include <string>

#include "kiosk/core/error.h"

namespace kiosk::app {

/// @brief The file's contents without one trailing newline; Invalid if unreadable, empty, not a
///        file or a pipe, or over 4 kB.
core::Result<std::string> readPassphraseFile(const std::string& path);

/// @brief Asks on the terminal without echo. When stdin is not a terminal (CI, pipes) it ends the
///        command with a usage error (failUsage, exit 2) naming @p fileOption, the option to use instead.
core::Result<std::string> promptPassphrase(const std::string& prompt, const std::string& fileOption);

/// @brief A passphrase from @p file if given, else from the terminal.
core::Result<std::string> getPassphrase(const std::string& file, const std::string& prompt,
                                        const std::string& fileOption);

/// @brief A new passphrase: from @p file, or typed twice at the terminal.
core::Result<std::string> getNewPassphrase(const std::string& file, const std::string& fileOption);

}  // namespace kiosk::app
