#include "kiosk/app/cli/passphrase.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "kiosk/app/cli/cli_support.h"
#include "kiosk/core/text_file.h"

namespace kiosk::app {
using core::ErrorCode;
using core::makeError;

namespace {

/// One line; a pipe is fine (`<(pass show kiosk)` keeps it off the disk), a device never.
const core::TextFileKind kPassphraseFile{
    "passphrase file", 4096, "A passphrase file holds the passphrase on one line: is this the right file?", true};

}  // namespace

core::Result<std::string> readPassphraseFile(const std::string& path) {
    auto read = core::readTextFile(path, kPassphraseFile);
    if (!read) {
        if (read.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, "cannot read the passphrase file", core::SourceLoc{path});
        return read.error();  // a folder, a device, a file far too big: said as such
    }
    std::string text = std::move(*read);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) return makeError(ErrorCode::Invalid, "the passphrase file is empty", core::SourceLoc{path});
    return text;
}

core::Result<std::string> promptPassphrase(const std::string& prompt, const std::string& fileOption) {
    // The command line is what to correct (as `records delete` without --yes): a usage error, exit 2.
    if (!::isatty(STDIN_FILENO))
        failUsage("stdin is not a terminal, so the passphrase cannot be typed: give it with " + fileOption + " FILE");
    std::cerr << prompt << std::flush;
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << '\n';
    if (line.empty()) return makeError(ErrorCode::Invalid, "no passphrase given");
    return line;
}

core::Result<std::string> getPassphrase(const std::string& file, const std::string& prompt,
                                        const std::string& fileOption) {
    return file.empty() ? promptPassphrase(prompt, fileOption) : readPassphraseFile(file);
}

core::Result<std::string> getNewPassphrase(const std::string& file, const std::string& fileOption) {
    if (!file.empty()) return readPassphraseFile(file);
    auto first = promptPassphrase("New staff passphrase: ", fileOption);
    if (!first) return first;
    auto second = promptPassphrase("Repeat it: ", fileOption);
    if (!second) return second;
    if (*first != *second) return makeError(ErrorCode::Invalid, "the two passphrases differ");
    return first;
}

}  // namespace kiosk::app
